#include "validate/xsd_lexical.hpp"

#include <array>
#include <cstddef>
#include <optional>
#include <string>

#include "terms/term.hpp"
#include "util/ascii.hpp"

namespace quiver::validate {
namespace {

/// Reads the lexical forms of the date/time types left to right.
class Cursor {
 public:
  explicit Cursor(std::string_view s) : s_(s) {}
  bool done() const { return i_ == s_.size(); }
  bool eat(char c) {
    if (i_ < s_.size() && s_[i_] == c) {
      ++i_;
      return true;
    }
    return false;
  }
  /// Exactly `n` digits as a number, or nothing.
  std::optional<int> digits(std::size_t n) {
    if (s_.size() - i_ < n) return std::nullopt;
    int v = 0;
    for (std::size_t k = 0; k < n; ++k) {
      if (!is_digit(s_[i_ + k])) return std::nullopt;
      v = v * 10 + (s_[i_ + k] - '0');
    }
    i_ += n;
    return v;
  }
  /// One or more digits, returned as text.
  std::string_view digit_run() {
    const std::size_t start = i_;
    while (i_ < s_.size() && is_digit(s_[i_])) ++i_;
    return s_.substr(start, i_ - start);
  }

 private:
  std::string_view s_;
  std::size_t i_ = 0;
};

/// `-?YYYY+`: four digits or more, no leading zero beyond four. Sets the
/// year modulo 400, which is all the leap-year rule needs (XSD 1.1 counts
/// year 0000 as 1 BCE, a leap year).
bool read_year(Cursor& c, int& year_mod_400) {
  c.eat('-');
  const std::string_view y = c.digit_run();
  if (y.size() < 4 || (y.size() > 4 && y[0] == '0')) return false;
  year_mod_400 = 0;
  for (char d : y) year_mod_400 = (year_mod_400 * 10 + (d - '0')) % 400;
  return true;
}

bool read_month(Cursor& c, int& month) {
  const auto m = c.digits(2);
  if (!m || *m < 1 || *m > 12) return false;
  month = *m;
  return true;
}

int days_in_month(int year_mod_400, int month) {
  static constexpr std::array<int, 12> kDays{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month != 2) return kDays[month - 1];
  const bool leap = year_mod_400 % 4 == 0 && (year_mod_400 % 100 != 0 || year_mod_400 == 0);
  return leap ? 29 : 28;
}

/// An optional time zone, `Z` or `(+|-)hh:mm` up to 14:00, then the end.
bool read_timezone_and_end(Cursor& c) {
  if (c.done()) return true;
  if (c.eat('Z')) return c.done();
  if (!c.eat('+') && !c.eat('-')) return false;
  const auto h = c.digits(2);
  if (!h || !c.eat(':')) return false;
  const auto m = c.digits(2);
  if (!m || *h > 14 || *m > 59 || (*h == 14 && *m != 0)) return false;
  return c.done();
}

bool read_date(Cursor& c) {
  int year = 0, month = 0;
  if (!read_year(c, year) || !c.eat('-') || !read_month(c, month) || !c.eat('-')) return false;
  const auto d = c.digits(2);
  return d && *d >= 1 && *d <= days_in_month(year, month);
}

/// `hh:mm:ss(.s+)?`, with 24:00:00 allowed for the end of a day.
bool read_time(Cursor& c) {
  const auto h = c.digits(2);
  if (!h || !c.eat(':')) return false;
  const auto m = c.digits(2);
  if (!m || !c.eat(':')) return false;
  const auto s = c.digits(2);
  if (!s || *m > 59 || *s > 59) return false;
  bool fraction_zero = true;
  if (c.eat('.')) {
    const std::string_view f = c.digit_run();
    if (f.empty()) return false;
    fraction_zero = f.find_first_not_of('0') == std::string_view::npos;
  }
  if (*h == 24) return *m == 0 && *s == 0 && fraction_zero;
  return *h <= 23;
}

bool valid_date(std::string_view s) {
  Cursor c(s);
  return read_date(c) && read_timezone_and_end(c);
}
bool valid_date_time(std::string_view s) {
  Cursor c(s);
  return read_date(c) && c.eat('T') && read_time(c) && read_timezone_and_end(c);
}
bool valid_time(std::string_view s) {
  Cursor c(s);
  return read_time(c) && read_timezone_and_end(c);
}
bool valid_g_year(std::string_view s) {
  Cursor c(s);
  int year = 0;
  return read_year(c, year) && read_timezone_and_end(c);
}
bool valid_g_year_month(std::string_view s) {
  Cursor c(s);
  int year = 0, month = 0;
  return read_year(c, year) && c.eat('-') && read_month(c, month) && read_timezone_and_end(c);
}

/// `[+-]?digits`, normalized into `out` as `-?digits` without leading zeros
/// ("0" for zero, never "-0").
bool read_integer(std::string_view s, std::string& out) {
  bool negative = false;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    negative = s[0] == '-';
    s.remove_prefix(1);
  }
  if (s.empty()) return false;
  for (char c : s) {
    if (!is_digit(c)) return false;
  }
  const std::size_t first = s.find_first_not_of('0');
  if (first == std::string_view::npos) {
    out = "0";
    return true;
  }
  out = negative ? "-" : "";
  out += s.substr(first);
  return true;
}

/// Compares two normalized integers (see read_integer): <0, 0, >0.
int compare_integers(std::string_view a, std::string_view b) {
  const bool na = a[0] == '-', nb = b[0] == '-';
  if (na != nb) return na ? -1 : 1;
  if (na) {
    a.remove_prefix(1);
    b.remove_prefix(1);
  }
  int magnitude = 0;
  if (a.size() != b.size()) {
    magnitude = a.size() < b.size() ? -1 : 1;
  } else {
    const int c = a.compare(b);
    magnitude = c < 0 ? -1 : (c > 0 ? 1 : 0);
  }
  return na ? -magnitude : magnitude;
}

/// The value ranges of xsd:integer's derived types; empty means unbounded.
struct IntegerType {
  std::string_view name;
  std::string_view min;
  std::string_view max;
  std::string_view base;
};
constexpr std::array<IntegerType, 13> kIntegerTypes{{
    {"integer", "", "", "decimal"},
    {"nonPositiveInteger", "", "0", "integer"},
    {"negativeInteger", "", "-1", "nonPositiveInteger"},
    {"long", "-9223372036854775808", "9223372036854775807", "integer"},
    {"int", "-2147483648", "2147483647", "long"},
    {"short", "-32768", "32767", "int"},
    {"byte", "-128", "127", "short"},
    {"nonNegativeInteger", "0", "", "integer"},
    {"unsignedLong", "0", "18446744073709551615", "nonNegativeInteger"},
    {"unsignedInt", "0", "4294967295", "unsignedLong"},
    {"unsignedShort", "0", "65535", "unsignedInt"},
    {"unsignedByte", "0", "255", "unsignedShort"},
    {"positiveInteger", "1", "", "nonNegativeInteger"},
}};

const IntegerType* find_integer_type(std::string_view local) {
  for (const auto& t : kIntegerTypes) {
    if (t.name == local) return &t;
  }
  return nullptr;
}

bool valid_integer(const IntegerType& type, std::string_view s) {
  std::string value;
  if (!read_integer(s, value)) return false;
  if (!type.min.empty() && compare_integers(value, type.min) < 0) return false;
  if (!type.max.empty() && compare_integers(value, type.max) > 0) return false;
  return true;
}

/// `[+-]?(digits(.digits?)?|.digits)`.
bool valid_decimal(std::string_view s) {
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) s.remove_prefix(1);
  const std::size_t dot = s.find('.');
  const std::string_view whole = s.substr(0, dot);
  const std::string_view fraction = dot == std::string_view::npos ? "" : s.substr(dot + 1);
  if (whole.empty() && fraction.empty()) return false;
  for (char c : whole) {
    if (!is_digit(c)) return false;
  }
  for (char c : fraction) {
    if (!is_digit(c)) return false;
  }
  return true;
}

/// A decimal with an optional exponent, or INF, +INF, -INF, NaN.
bool valid_double(std::string_view s) {
  if (s == "INF" || s == "+INF" || s == "-INF" || s == "NaN") return true;
  const std::size_t e = s.find_first_of("eE");
  if (e == std::string_view::npos) return valid_decimal(s);
  std::string ignored;
  return valid_decimal(s.substr(0, e)) && read_integer(s.substr(e + 1), ignored);
}

/// XML's Char: no C0 control characters but tab, LF and CR. The readers
/// have already checked the UTF-8, so bytes >= 0x80 are fine here.
bool valid_string(std::string_view s) {
  for (unsigned char c : s) {
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') return false;
  }
  return true;
}

/// No line breaks or tabs (normalizedString); no leading, trailing or
/// double spaces either (token).
bool valid_token(std::string_view s, bool token) {
  if (!valid_string(s) || s.find_first_of("\t\n\r") != std::string_view::npos) return false;
  if (!token) return true;
  return s.empty() || (s.front() != ' ' && s.back() != ' ' && s.find("  ") == std::string::npos);
}

/// `[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*`.
bool valid_language(std::string_view s) {
  std::size_t part = 0, length = 0;
  for (char c : s) {
    if (c == '-') {
      if (length == 0) return false;
      ++part;
      length = 0;
    } else if (is_alpha(c) || (part > 0 && is_digit(c))) {
      if (++length > 8) return false;
    } else {
      return false;
    }
  }
  return length > 0;
}

/// XSD 1.1 accepts nearly any string as anyURI; we reject what cannot be
/// part of an IRI even escaped (spaces, controls, `<>"{}|\^``) and a `%`
/// not followed by two hex digits, as those are typing slips.
bool valid_any_uri(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c <= 0x20 ||
        std::string_view("<>\"{}|\\^`").find(static_cast<char>(c)) != std::string_view::npos) {
      return false;
    }
    if (c == '%') {
      if (i + 2 >= s.size() || !is_hex(s[i + 1]) || !is_hex(s[i + 2])) return false;
    }
  }
  return true;
}

/// The string types derived from one another: local name → base.
constexpr std::array<std::pair<std::string_view, std::string_view>, 5> kStringBases{{
    {"normalizedString", "string"},
    {"token", "normalizedString"},
    {"language", "token"},
    {"NMTOKEN", "token"},
    {"Name", "token"},
}};

std::string_view xsd_local(std::string_view iri) {
  if (iri.substr(0, vocab::kXsd.size()) != vocab::kXsd) return {};
  return iri.substr(vocab::kXsd.size());
}

std::string_view base_of(std::string_view local) {
  if (const IntegerType* t = find_integer_type(local)) return t->base;
  for (const auto& [derived, base] : kStringBases) {
    if (derived == local) return base;
  }
  return {};
}

}  // namespace

LexicalCheck check_lexical(std::string_view datatype, std::string_view lexical) {
  const std::string_view local = xsd_local(datatype);
  if (local.empty()) return LexicalCheck::UnknownDatatype;
  auto verdict = [](bool ok) { return ok ? LexicalCheck::Valid : LexicalCheck::Invalid; };
  if (const IntegerType* t = find_integer_type(local)) return verdict(valid_integer(*t, lexical));
  if (local == "decimal") return verdict(valid_decimal(lexical));
  if (local == "double" || local == "float") return verdict(valid_double(lexical));
  if (local == "boolean") {
    return verdict(lexical == "true" || lexical == "false" || lexical == "1" || lexical == "0");
  }
  if (local == "date") return verdict(valid_date(lexical));
  if (local == "dateTime") return verdict(valid_date_time(lexical));
  if (local == "time") return verdict(valid_time(lexical));
  if (local == "gYear") return verdict(valid_g_year(lexical));
  if (local == "gYearMonth") return verdict(valid_g_year_month(lexical));
  if (local == "string") return verdict(valid_string(lexical));
  if (local == "normalizedString") return verdict(valid_token(lexical, false));
  if (local == "token") return verdict(valid_token(lexical, true));
  if (local == "language") return verdict(valid_language(lexical));
  if (local == "anyURI") return verdict(valid_any_uri(lexical));
  return LexicalCheck::UnknownDatatype;
}

bool derives_from(std::string_view derived, std::string_view base) {
  if (derived == base) return true;
  const std::string_view base_local = xsd_local(base);
  std::string_view local = xsd_local(derived);
  if (base_local.empty() || local.empty()) return false;
  while (!local.empty()) {
    if (local == base_local) return true;
    local = base_of(local);
  }
  return false;
}

}  // namespace quiver::validate
