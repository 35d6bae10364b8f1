#include "eval/xsd_datetime.hpp"

#include <cstdio>
#include <cstdlib>

#include "util/ascii.hpp"

namespace quiver::eval {
namespace {

/// Reads exactly `n` digits at `pos`, advancing it.
std::optional<int> read_digits(std::string_view s, std::size_t& pos, std::size_t n) {
  if (pos + n > s.size()) return std::nullopt;
  int value = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (!is_digit(s[pos + i])) return std::nullopt;
    value = value * 10 + (s[pos + i] - '0');
  }
  pos += n;
  return value;
}

bool expect(std::string_view s, std::size_t& pos, char c) {
  if (pos >= s.size() || s[pos] != c) return false;
  ++pos;
  return true;
}

bool is_leap(std::int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(std::int64_t year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap(year) ? 29 : kDays[month - 1];
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's
/// days_from_civil), valid for negative years too.
std::int64_t days_from_civil(std::int64_t y, int m, int d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t yoe = y - era * 400;
  const std::int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

/// `-?YYYY-MM-DD` (a year of more than four digits has no leading zero).
bool read_date_part(std::string_view s, std::size_t& pos, DateTime& out) {
  const bool negative = expect(s, pos, '-');
  const std::size_t start = pos;
  while (pos < s.size() && is_digit(s[pos])) ++pos;
  const std::size_t len = pos - start;
  if (len < 4 || (len > 4 && s[start] == '0') || len > 15) return false;
  out.year = std::strtoll(std::string(s.substr(start, len)).c_str(), nullptr, 10);
  if (negative) out.year = -out.year;
  const auto month = expect(s, pos, '-') ? read_digits(s, pos, 2) : std::nullopt;
  const auto day = month && expect(s, pos, '-') ? read_digits(s, pos, 2) : std::nullopt;
  if (!day || *month < 1 || *month > 12) return false;
  if (*day < 1 || *day > days_in_month(out.year, *month)) return false;
  out.month = *month;
  out.day = *day;
  return true;
}

/// `(Z | (+|-)hh:mm)?` up to the end of the string.
bool read_timezone(std::string_view s, std::size_t& pos, DateTime& out) {
  if (pos == s.size()) return true;
  const std::size_t start = pos;
  if (expect(s, pos, 'Z')) {
    out.tz_minutes = 0;
  } else {
    if (s[pos] != '+' && s[pos] != '-') return false;
    const int sign = s[pos++] == '-' ? -1 : 1;
    const auto hh = read_digits(s, pos, 2);
    const auto mm = hh && expect(s, pos, ':') ? read_digits(s, pos, 2) : std::nullopt;
    if (!mm || *hh > 14 || *mm > 59 || (*hh == 14 && *mm != 0)) return false;
    out.tz_minutes = sign * (*hh * 60 + *mm);
  }
  out.tz_lexical = std::string(s.substr(start, pos - start));
  return pos == s.size();
}

}  // namespace

long double DateTime::timeline() const {
  const long double days = static_cast<long double>(days_from_civil(year, month, day));
  long double t =
      days * 86400.0L + hour * 3600.0L + minute * 60.0L + std::strtold(seconds.c_str(), nullptr);
  if (tz_minutes) t -= *tz_minutes * 60.0L;
  return t;
}

std::optional<DateTime> parse_datetime(std::string_view s) {
  DateTime out;
  std::size_t pos = 0;
  if (!read_date_part(s, pos, out) || !expect(s, pos, 'T')) return std::nullopt;
  const auto hh = read_digits(s, pos, 2);
  const auto mm = hh && expect(s, pos, ':') ? read_digits(s, pos, 2) : std::nullopt;
  const std::size_t sec_start = pos;
  const auto ss = mm && expect(s, pos, ':') ? read_digits(s, pos, 2) : std::nullopt;
  if (!ss) return std::nullopt;
  bool fraction_nonzero = false;
  if (expect(s, pos, '.')) {
    const std::size_t frac_start = pos;
    while (pos < s.size() && is_digit(s[pos])) fraction_nonzero |= s[pos++] != '0';
    if (pos == frac_start) return std::nullopt;
  }
  if (*mm > 59 || *ss > 59) return std::nullopt;
  // 24:00:00 is allowed and means the first instant of the next day.
  if (*hh > 24 || (*hh == 24 && (*mm != 0 || *ss != 0 || fraction_nonzero))) return std::nullopt;
  out.hour = *hh;
  out.minute = *mm;
  out.seconds = std::string(s.substr(sec_start + 1, pos - sec_start - 1));
  if (!read_timezone(s, pos, out)) return std::nullopt;
  return out;
}

std::optional<DateTime> parse_date(std::string_view s) {
  DateTime out;
  out.is_date = true;
  std::size_t pos = 0;
  if (!read_date_part(s, pos, out) || !read_timezone(s, pos, out)) return std::nullopt;
  return out;
}

std::optional<int> compare_datetime(const DateTime& a, const DateTime& b) {
  const long double x = a.timeline();
  const long double y = b.timeline();
  if (a.tz_minutes.has_value() == b.tz_minutes.has_value()) return (x > y) - (x < y);
  // XSD 3.2.7.4: a value without timezone may lie anywhere in ±14 hours.
  constexpr long double kWindow = 14 * 3600.0L;
  const long double lo = a.tz_minutes ? x : x - kWindow;
  const long double hi = a.tz_minutes ? x : x + kWindow;
  const long double other_lo = b.tz_minutes ? y : y - kWindow;
  const long double other_hi = b.tz_minutes ? y : y + kWindow;
  if (hi < other_lo) return -1;
  if (lo > other_hi) return 1;
  return std::nullopt;
}

std::string timezone_duration(int tz_minutes) {
  if (tz_minutes == 0) return "PT0S";
  std::string out = tz_minutes < 0 ? "-PT" : "PT";
  const int abs_minutes = tz_minutes < 0 ? -tz_minutes : tz_minutes;
  if (abs_minutes / 60 != 0) out += std::to_string(abs_minutes / 60) + "H";
  if (abs_minutes % 60 != 0) out += std::to_string(abs_minutes % 60) + "M";
  return out;
}

std::string date_to_datetime_lexical(const DateTime& date) {
  std::string year = std::to_string(date.year < 0 ? -date.year : date.year);
  if (year.size() < 4) year.insert(0, 4 - year.size(), '0');
  char rest[32];
  std::snprintf(rest, sizeof rest, "-%02d-%02dT00:00:00", date.month, date.day);
  return (date.year < 0 ? "-" : "") + year + rest + date.tz_lexical;
}

}  // namespace quiver::eval
