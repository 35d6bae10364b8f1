#include "server/negotiate.hpp"

#include <cstdlib>

#include "util/ascii.hpp"

namespace quiver::server {
namespace {

struct Range {
  std::string type;  // lower case, e.g. "text/*"
  double q = 1.0;
};

std::string trim(std::string_view s) {
  std::size_t b = 0;
  std::size_t e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t')) --e;
  return std::string(s.substr(b, e - b));
}

std::vector<Range> parse_accept(std::string_view header) {
  std::vector<Range> ranges;
  std::size_t start = 0;
  while (start <= header.size()) {
    std::size_t comma = header.find(',', start);
    if (comma == std::string_view::npos) comma = header.size();
    const std::string_view item = header.substr(start, comma - start);
    start = comma + 1;
    std::size_t semi = item.find(';');
    Range range{ascii_lower(trim(item.substr(0, semi))), 1.0};
    if (range.type.empty()) continue;
    if (range.type == "*") range.type = "*/*";  // seen from old clients
    while (semi != std::string_view::npos) {
      const std::size_t next = item.find(';', semi + 1);
      const std::string param = trim(item.substr(semi + 1, next - semi - 1));
      if (param.size() > 2 && (param[0] == 'q' || param[0] == 'Q') && param[1] == '=') {
        range.q = std::strtod(param.c_str() + 2, nullptr);
      }
      semi = next;
    }
    ranges.push_back(std::move(range));
  }
  return ranges;
}

// 3 for an exact match, 2 for type/*, 1 for */*, 0 for none.
int specificity(const std::string& range, const std::string& offer) {
  if (range == offer) return 3;
  if (range == "*/*") return 1;
  if (range.ends_with("/*") && offer.starts_with(range.substr(0, range.size() - 1))) return 2;
  return 0;
}

}  // namespace

std::optional<std::string> negotiate(std::string_view accept,
                                     const std::vector<std::string>& offers) {
  if (offers.empty()) return std::nullopt;
  const std::vector<Range> ranges = parse_accept(accept);
  if (ranges.empty()) return offers.front();
  std::optional<std::string> best;
  double best_q = 0;
  int best_spec = 0;
  for (const std::string& offer : offers) {
    // The most specific range that matches an offer decides its q-value.
    int spec = 0;
    double q = 0;
    for (const Range& range : ranges) {
      const int s = specificity(range.type, offer);
      if (s > spec) {
        spec = s;
        q = range.q;
      }
    }
    if (spec > 0 && q > 0 && (q > best_q || (q == best_q && spec > best_spec))) {
      best_q = q;
      best_spec = spec;
      best = offer;
    }
  }
  return best;
}

}  // namespace quiver::server
