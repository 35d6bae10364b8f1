// REGEX and REPLACE (17.4.3.14, 17.4.3.15) on PCRE2 in UTF mode, with the
// XPath flags (s, m, i, x, q) and the XPath replacement string syntax.

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <chrono>
#include <memory>
#include <string>
#include <unordered_map>

#include "functions/builtins_internal.hpp"

namespace quiver::functions::detail {
namespace {

struct CodeDeleter {
  void operator()(pcre2_code* code) const { pcre2_code_free(code); }
};
using CodePtr = std::shared_ptr<pcre2_code>;

struct MatchDataDeleter {
  void operator()(pcre2_match_data* data) const { pcre2_match_data_free(data); }
};
using MatchDataPtr = std::unique_ptr<pcre2_match_data, MatchDataDeleter>;

/// A compiled pattern and whether the `q` flag made it literal.
struct Regex {
  CodePtr code;
  bool literal = false;
};

/// XPath's `x` flag drops whitespace outside character classes; PCRE2's
/// extended mode would also treat `#` as a comment, which XPath does not.
std::string strip_whitespace(std::string_view pattern) {
  std::string out;
  bool in_class = false;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == '\\' && i + 1 < pattern.size()) {
      out += c;
      out += pattern[++i];
      continue;
    }
    if (c == '[') in_class = true;
    if (c == ']') in_class = false;
    if (!in_class && (c == ' ' || c == '\t' || c == '\n' || c == '\r')) continue;
    out += c;
  }
  return out;
}

std::optional<Regex> compile(const std::string& pattern, const std::string& flags) {
  uint32_t options = PCRE2_UTF | PCRE2_UCP;
  bool strip = false;
  bool literal = false;
  for (char f : flags) {
    switch (f) {
      case 's':
        options |= PCRE2_DOTALL;
        break;
      case 'm':
        options |= PCRE2_MULTILINE;
        break;
      case 'i':
        options |= PCRE2_CASELESS;
        break;
      case 'x':
        strip = true;
        break;
      case 'q':
        literal = true;
        options |= PCRE2_LITERAL;
        break;
      default:
        return std::nullopt;  // err:FORX0001, an invalid flag
    }
  }
  // PCRE2_LITERAL refuses the other options; XPath ignores m, s and x
  // with q anyway.
  if (literal) options &= PCRE2_UTF | PCRE2_CASELESS | PCRE2_LITERAL;
  const std::string source = strip && !literal ? strip_whitespace(pattern) : pattern;
  int error = 0;
  PCRE2_SIZE offset = 0;
  pcre2_code* code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(source.data()), source.size(),
                                   options, &error, &offset, nullptr);
  if (code == nullptr) return std::nullopt;
  return Regex{CodePtr(code, CodeDeleter{}), literal};
}

/// Compiling dominates a FILTER(REGEX(...)) over many rows, so patterns are
/// kept per thread; the cache is simply dropped when it grows large.
std::optional<Regex> cached_regex(const std::string& pattern, const std::string& flags) {
  thread_local std::unordered_map<std::string, std::optional<Regex>> cache;
  std::string key = flags + '\0' + pattern;
  if (const auto it = cache.find(key); it != cache.end()) return it->second;
  if (cache.size() >= 256) cache.clear();
  auto regex = compile(pattern, flags);
  cache.emplace(std::move(key), regex);
  return regex;
}

// PCRE2 backtracks: `(a+)+b` on a long run of a's takes exponential time
// in one call, where no deadline check can see it. One call may take this
// many steps of PCRE2's matcher (a few milliseconds) and this much heap.
constexpr uint32_t kMatchLimit = 1'000'000;
constexpr uint32_t kHeapLimitKiB = 64 * 1024;

struct MatchContextDeleter {
  void operator()(pcre2_match_context* c) const { pcre2_match_context_free(c); }
};

// Read-only once made, so shared by every thread.
pcre2_match_context* match_context() {
  static const std::unique_ptr<pcre2_match_context, MatchContextDeleter> context = [] {
    std::unique_ptr<pcre2_match_context, MatchContextDeleter> c(
        pcre2_match_context_create(nullptr));
    pcre2_set_match_limit(c.get(), kMatchLimit);
    pcre2_set_heap_limit(c.get(), kHeapLimitKiB);
    return c;
  }();
  return context.get();
}

/// pcre2_match at `start`; >0 on a match, 0 for none, <0 on an error. The
/// subject's UTF-8 is checked on the first call only: PCRE2 checks all of
/// it on every call, which made REPLACE quadratic in the length. A
/// match past the limits above, or past the query's deadline, stops the
/// whole query (ctx.fatal): an error value would silently drop rows.
int match_at(const Regex& regex, std::string_view subject, std::size_t start,
             pcre2_match_data* data, FunctionContext& ctx) {
  if (std::chrono::steady_clock::now() >= ctx.deadline) {
    ctx.fatal = Error{ErrorKind::Timeout, "query timed out (in REGEX or REPLACE)"};
    return -1;
  }
  const int rc =
      pcre2_match(regex.code.get(), reinterpret_cast<PCRE2_SPTR>(subject.data()), subject.size(),
                  start, start == 0 ? 0 : PCRE2_NO_UTF_CHECK, data, match_context());
  if (rc == PCRE2_ERROR_NOMATCH) return 0;
  if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_HEAPLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT) {
    ctx.fatal =
        Error{ErrorKind::Limit, "a regular expression backtracks too much on a value of " +
                                    std::to_string(subject.size()) + " bytes (more than " +
                                    std::to_string(kMatchLimit) +
                                    " steps): rewrite the pattern without nested repetition"};
  }
  return rc < 0 ? -1 : rc;
}

/// The pattern and flags arguments (simple literals / xsd:string); no
/// flags argument is the same as empty flags.
std::optional<Regex> regex_argument(const Term& pattern, const Term* flags) {
  if (!is_simple_string(pattern)) return std::nullopt;
  if (flags != nullptr && !is_simple_string(*flags)) return std::nullopt;
  return cached_regex(pattern.value(), flags != nullptr ? flags->value() : std::string());
}

}  // namespace

Value fn_regex(Args args, FunctionContext& ctx) {
  if (!is_string_literal(args[0])) return std::nullopt;
  const auto regex = regex_argument(args[1], args.size() == 3 ? &args[2] : nullptr);
  if (!regex) return std::nullopt;
  MatchDataPtr data(pcre2_match_data_create_from_pattern(regex->code.get(), nullptr));
  const int rc = match_at(*regex, args[0].value(), 0, data.get(), ctx);
  if (rc < 0) return std::nullopt;
  return make_bool(rc > 0);
}

namespace {

/// Expands an XPath replacement string: `$N` is group N (as many digits as
/// name an existing group), `\$` and `\\` are literal; any other `$` or `\`
/// is an error (err:FORX0004).
bool expand_replacement(std::string& out, std::string_view replacement, std::string_view subject,
                        const PCRE2_SIZE* ovector, uint32_t group_count) {
  for (std::size_t i = 0; i < replacement.size(); ++i) {
    const char c = replacement[i];
    if (c == '\\') {
      if (i + 1 >= replacement.size() ||
          (replacement[i + 1] != '$' && replacement[i + 1] != '\\')) {
        return false;
      }
      out += replacement[++i];
    } else if (c == '$') {
      if (i + 1 >= replacement.size() || !is_digit(replacement[i + 1])) {
        return false;
      }
      uint32_t group = static_cast<uint32_t>(replacement[++i] - '0');
      while (i + 1 < replacement.size() && is_digit(replacement[i + 1]) &&
             group * 10 + static_cast<uint32_t>(replacement[i + 1] - '0') < group_count) {
        group = group * 10 + static_cast<uint32_t>(replacement[++i] - '0');
      }
      // A group that does not exist or did not take part matches "".
      if (group < group_count && ovector[2 * group] != PCRE2_UNSET) {
        out += subject.substr(ovector[2 * group], ovector[2 * group + 1] - ovector[2 * group]);
      }
    } else {
      out += c;
    }
  }
  return true;
}

}  // namespace

Value fn_replace(Args args, FunctionContext& ctx) {
  if (!is_string_literal(args[0]) || !is_simple_string(args[2])) {
    return std::nullopt;
  }
  const auto regex = regex_argument(args[1], args.size() == 4 ? &args[3] : nullptr);
  if (!regex) return std::nullopt;
  MatchDataPtr data(pcre2_match_data_create_from_pattern(regex->code.get(), nullptr));
  // err:FORX0003: a pattern that matches the empty string is an error.
  if (match_at(*regex, "", 0, data.get(), ctx) != 0) return std::nullopt;
  const std::string_view subject = args[0].value();
  const std::string_view replacement = args[2].value();
  uint32_t group_count = 0;
  pcre2_pattern_info(regex->code.get(), PCRE2_INFO_CAPTURECOUNT, &group_count);
  ++group_count;  // group 0 is the whole match
  std::string out;
  std::size_t pos = 0;
  while (pos <= subject.size()) {
    const int rc = match_at(*regex, subject, pos, data.get(), ctx);
    if (rc < 0) return std::nullopt;
    if (rc == 0) break;
    const PCRE2_SIZE* ovector = pcre2_get_ovector_pointer(data.get());
    out += subject.substr(pos, ovector[0] - pos);
    if (regex->literal) {
      out += replacement;
    } else if (!expand_replacement(out, replacement, subject, ovector, group_count)) {
      return std::nullopt;
    }
    pos = ovector[1];
  }
  if (pos < subject.size()) out += subject.substr(pos);
  return same_kind_string(args[0], out);
}

}  // namespace quiver::functions::detail
