#include "xsd/datatypes.hpp"

#include <array>
#include <cmath>
#include <cstdlib>
#include <string>
#include <utility>

#include "terms/term.hpp"
#include "util/ascii.hpp"

namespace quiver::xsd {
namespace {

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

/// The string types derived from one another: local name → base.
constexpr std::array<std::pair<std::string_view, std::string_view>, 5> kStringBases{{
    {"normalizedString", "string"},
    {"token", "normalizedString"},
    {"language", "token"},
    {"NMTOKEN", "token"},
    {"Name", "token"},
}};

/// `[+-]?digits` normalized as `-?digits` without leading zeros ("0" for
/// zero, never "-0"); false for anything else.
bool normalize_integer(std::string_view s, std::string& out) {
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

/// Compares two normalized integers (see normalize_integer): <0, 0, >0.
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

std::string_view base_of(std::string_view local) {
  if (const IntegerType* t = find_integer_type(local)) return t->base;
  for (const auto& [derived, base] : kStringBases) {
    if (derived == local) return base;
  }
  return {};
}

long double bound(std::string_view lexical, long double unbounded) {
  return lexical.empty() ? unbounded : std::strtold(std::string(lexical).c_str(), nullptr);
}

}  // namespace

std::string_view local_name(std::string_view datatype) {
  if (!datatype.starts_with(vocab::kXsd)) return {};
  return datatype.substr(vocab::kXsd.size());
}

const IntegerType* find_integer_type(std::string_view local) {
  for (const auto& t : kIntegerTypes) {
    if (t.name == local) return &t;
  }
  return nullptr;
}

bool integer_lexical_in_range(const IntegerType& type, std::string_view lexical) {
  std::string value;
  if (!normalize_integer(lexical, value)) return false;
  if (!type.min.empty() && compare_integers(value, type.min) < 0) return false;
  if (!type.max.empty() && compare_integers(value, type.max) > 0) return false;
  return true;
}

bool integer_in_range(const IntegerType& type, long double value) {
  return value >= bound(type.min, -INFINITY) && value <= bound(type.max, INFINITY);
}

bool derives_from(std::string_view derived, std::string_view base) {
  if (derived == base) return true;
  const std::string_view base_local = local_name(base);
  std::string_view local = local_name(derived);
  if (base_local.empty() || local.empty()) return false;
  while (!local.empty()) {
    if (local == base_local) return true;
    local = base_of(local);
  }
  return false;
}

}  // namespace quiver::xsd
