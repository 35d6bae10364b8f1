#pragma once
/// @file
/// The date and time types: one strict lexical reader for xsd:dateTime,
/// date, time, gYear and gYearMonth (XSD 1.1; RDF literals are not
/// whitespace-normalized), dateTime and date values with the XSD partial
/// order (a value without timezone is only ordered against one with a
/// timezone when the ±14 hour window does not decide otherwise), and the
/// pieces the SPARQL accessors (YEAR ... TZ) return.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace quiver::xsd {

/// The types whose lexical forms is_temporal_lexical() checks.
enum class TemporalType { DateTime, Date, Time, GYear, GYearMonth };

/// True when `lexical` is in the lexical space of `type`. Years may have
/// any number of digits here; parse_datetime() and parse_date() take up to
/// 15, as many as the timeline arithmetic holds.
bool is_temporal_lexical(TemporalType type, std::string_view lexical);

/// The fields of a dateTime (or of a date, whose time fields are zero) as
/// written, not normalized to UTC: HOURS() gives the local hour.
struct DateTime {
  /// The year; may be negative and have more than four digits.
  std::int64_t year = 0;
  /// The month, 1 to 12.
  int month = 1;
  /// The day of the month, 1 to 31 (checked against the month's length).
  int day = 1;
  /// The hour, 0 to 24 (24 only as 24:00:00).
  int hour = 0;
  /// The minute, 0 to 59.
  int minute = 0;
  /// Seconds with their fraction, as written (`05.250`).
  std::string seconds = "00";
  /// Offset from UTC in minutes; nullopt when no timezone was written.
  std::optional<int> tz_minutes;
  /// The timezone as written: `Z`, `-08:00` or empty.
  std::string tz_lexical;
  /// True for an xsd:date (the time fields are then zero and not printed).
  bool is_date = false;

  /// Seconds since 0001-01-01T00:00:00Z (timezone applied when present).
  long double timeline() const;
};

/// Parses an xsd:dateTime lexical form; nullopt when invalid or when the
/// year has more than 15 digits.
std::optional<DateTime> parse_datetime(std::string_view lexical);
/// Parses an xsd:date lexical form; nullopt when invalid or when the year
/// has more than 15 digits.
std::optional<DateTime> parse_date(std::string_view lexical);

/// A value of any of the temporal types, for comparisons within one type:
/// the fields a type lacks are filled alike (date fields of a time, the
/// day of a gYearMonth, ...), so values of the same type order by
/// compare_datetime(). Nothing when `lexical` is not in the type's space.
std::optional<DateTime> parse_temporal(TemporalType type, std::string_view lexical);

/// Three-way comparison in the XSD order; nullopt when the order is
/// indeterminate (one value with a timezone, one without, close together).
std::optional<int> compare_datetime(const DateTime& a, const DateTime& b);

/// The timezone as an xsd:dayTimeDuration lexical form (`-PT8H`, `PT0S`).
std::string timezone_duration(int tz_minutes);

/// The canonical dateTime lexical form of a date (`2002-10-10T00:00:00`).
std::string date_to_datetime_lexical(const DateTime& date);

}  // namespace quiver::xsd
