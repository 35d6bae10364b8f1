#include "http/form.hpp"

#include "util/ascii.hpp"

namespace quiver::http {
namespace {

bool unreserved(char c) { return is_alnum(c) || c == '-' || c == '.' || c == '_' || c == '~'; }

}  // namespace

std::string percent_encode(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 2);
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (unreserved(ch)) {
      out += ch;
    } else {
      out += '%';
      out += hex_digit(c >> 4);
      out += hex_digit(c);
    }
  }
  return out;
}

std::string form_encode(const std::vector<std::pair<std::string, std::string>>& fields) {
  std::string out;
  for (const auto& [name, value] : fields) {
    if (!out.empty()) out += '&';
    out += percent_encode(name);
    out += '=';
    out += percent_encode(value);
  }
  return out;
}

std::string form_decode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '+') {
      out += ' ';
    } else if (text[i] == '%' && i + 2 < text.size() && hex_digit_value(text[i + 1]) >= 0 &&
               hex_digit_value(text[i + 2]) >= 0) {
      out += static_cast<char>(hex_digit_value(text[i + 1]) * 16 + hex_digit_value(text[i + 2]));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> form_fields(std::string_view text) {
  std::vector<std::pair<std::string, std::string>> fields;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t amp = text.find('&', start);
    if (amp == std::string_view::npos) amp = text.size();
    const std::string_view field = text.substr(start, amp - start);
    start = amp + 1;
    if (field.empty()) continue;
    const auto eq = field.find('=');
    fields.emplace_back(form_decode(field.substr(0, eq)),
                        eq == std::string_view::npos ? "" : form_decode(field.substr(eq + 1)));
  }
  return fields;
}

std::string with_query_parameter(const std::string& url, std::string_view name,
                                 std::string_view value) {
  std::string out = url;
  out += url.find('?') == std::string::npos ? '?' : '&';
  out += percent_encode(name);
  out += '=';
  out += percent_encode(value);
  return out;
}

}  // namespace quiver::http
