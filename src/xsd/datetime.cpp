#include "xsd/datetime.hpp"

#include <cstdio>
#include <cstdlib>

#include "util/ascii.hpp"

namespace quiver::xsd {
namespace {

/// Years beyond this many digits are valid lexically but have no value here.
constexpr std::size_t kMaxYearDigits = 15;

/// Reads a lexical form left to right into a DateTime.
class Reader {
 public:
  explicit Reader(std::string_view s) : s_(s) {}

  DateTime value;
  /// False when the year was too long to be held in `value.year`.
  bool year_fits = true;

  bool done() const { return i_ == s_.size(); }
  bool eat(char c) {
    if (i_ < s_.size() && s_[i_] == c) {
      ++i_;
      return true;
    }
    return false;
  }

  /// `-?YYYY+`: four digits or more, no leading zero beyond four.
  bool year() {
    const bool negative = eat('-');
    const std::string_view y = digit_run();
    if (y.size() < 4 || (y.size() > 4 && y[0] == '0')) return false;
    // The year modulo 400 is all the leap-year rule needs (XSD 1.1 counts
    // year 0000 as 1 BCE, a leap year).
    year_mod_400_ = 0;
    for (char d : y) year_mod_400_ = (year_mod_400_ * 10 + (d - '0')) % 400;
    year_fits = y.size() <= kMaxYearDigits;
    if (year_fits) {
      value.year = std::strtoll(std::string(y).c_str(), nullptr, 10);
      if (negative) value.year = -value.year;
    }
    return true;
  }

  /// `-MM`, 01 to 12.
  bool month() {
    const auto m = eat('-') ? digits(2) : std::nullopt;
    if (!m || *m < 1 || *m > 12) return false;
    value.month = *m;
    return true;
  }

  /// `-DD`, within the month's length.
  bool day() {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = year_mod_400_ % 4 == 0 && (year_mod_400_ % 100 != 0 || year_mod_400_ == 0);
    const int days = value.month == 2 && leap ? 29 : kDays[value.month - 1];
    const auto d = eat('-') ? digits(2) : std::nullopt;
    if (!d || *d < 1 || *d > days) return false;
    value.day = *d;
    return true;
  }

  /// `hh:mm:ss(.s+)?`, with 24:00:00 allowed for the end of a day.
  bool time() {
    const auto h = digits(2);
    const auto m = h && eat(':') ? digits(2) : std::nullopt;
    const std::size_t seconds_start = i_ + 1;
    const auto s = m && eat(':') ? digits(2) : std::nullopt;
    if (!s || *m > 59 || *s > 59) return false;
    bool fraction_zero = true;
    if (eat('.')) {
      const std::string_view f = digit_run();
      if (f.empty()) return false;
      fraction_zero = f.find_first_not_of('0') == std::string_view::npos;
    }
    if (*h > 24 || (*h == 24 && (*m != 0 || *s != 0 || !fraction_zero))) return false;
    value.hour = *h;
    value.minute = *m;
    value.seconds = std::string(s_.substr(seconds_start, i_ - seconds_start));
    return true;
  }

  /// An optional time zone, `Z` or `(+|-)hh:mm` up to 14:00, then the end.
  bool timezone_and_end() {
    if (done()) return true;
    const std::size_t start = i_;
    if (eat('Z')) {
      value.tz_minutes = 0;
    } else {
      const int sign = eat('-') ? -1 : eat('+') ? 1 : 0;
      if (sign == 0) return false;
      const auto h = digits(2);
      const auto m = h && eat(':') ? digits(2) : std::nullopt;
      if (!m || *h > 14 || *m > 59 || (*h == 14 && *m != 0)) return false;
      value.tz_minutes = sign * (*h * 60 + *m);
    }
    value.tz_lexical = std::string(s_.substr(start, i_ - start));
    return done();
  }

 private:
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
  /// Zero or more digits, as text.
  std::string_view digit_run() {
    const std::size_t start = i_;
    while (i_ < s_.size() && is_digit(s_[i_])) ++i_;
    return s_.substr(start, i_ - start);
  }

  std::string_view s_;
  std::size_t i_ = 0;
  int year_mod_400_ = 0;
};

/// Reads all of `lexical` as `type`; false when it is not in its lexical space.
bool read(Reader& r, TemporalType type) {
  switch (type) {
    case TemporalType::DateTime:
      return r.year() && r.month() && r.day() && r.eat('T') && r.time() && r.timezone_and_end();
    case TemporalType::Date:
      r.value.is_date = true;
      return r.year() && r.month() && r.day() && r.timezone_and_end();
    case TemporalType::Time:
      return r.time() && r.timezone_and_end();
    case TemporalType::GYear:
      return r.year() && r.timezone_and_end();
    case TemporalType::GYearMonth:
      return r.year() && r.month() && r.timezone_and_end();
  }
  return false;
}

std::optional<DateTime> parse(std::string_view lexical, TemporalType type) {
  Reader r(lexical);
  if (!read(r, type) || !r.year_fits) return std::nullopt;
  return std::move(r.value);
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

}  // namespace

bool is_temporal_lexical(TemporalType type, std::string_view lexical) {
  Reader r(lexical);
  return read(r, type);
}

std::optional<DateTime> parse_datetime(std::string_view s) {
  return parse(s, TemporalType::DateTime);
}

std::optional<DateTime> parse_date(std::string_view s) { return parse(s, TemporalType::Date); }

std::optional<DateTime> parse_temporal(TemporalType type, std::string_view s) {
  return parse(s, type);
}

long double DateTime::timeline() const {
  const long double days = static_cast<long double>(days_from_civil(year, month, day));
  long double t =
      days * 86400.0L + hour * 3600.0L + minute * 60.0L + std::strtold(seconds.c_str(), nullptr);
  if (tz_minutes) t -= *tz_minutes * 60.0L;
  return t;
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

}  // namespace quiver::xsd
