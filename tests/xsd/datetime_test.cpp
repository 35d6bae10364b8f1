#include "xsd/datetime.hpp"

#include <gtest/gtest.h>

namespace quiver::xsd {
namespace {

TEST(XsdDateTime, ParsesFields) {
  const auto dt = parse_datetime("2010-12-21T15:38:02.5-08:00");
  ASSERT_TRUE(dt);
  EXPECT_EQ(dt->year, 2010);
  EXPECT_EQ(dt->month, 12);
  EXPECT_EQ(dt->day, 21);
  EXPECT_EQ(dt->hour, 15);
  EXPECT_EQ(dt->minute, 38);
  EXPECT_EQ(dt->seconds, "02.5");
  EXPECT_EQ(dt->tz_minutes, -480);
  EXPECT_EQ(dt->tz_lexical, "-08:00");
}

TEST(XsdDateTime, RejectsInvalidForms) {
  EXPECT_FALSE(parse_datetime("2010-02-30T00:00:00"));
  EXPECT_FALSE(parse_datetime("2010-01-01"));
  EXPECT_FALSE(parse_datetime("2010-01-01T25:00:00"));
  EXPECT_FALSE(parse_datetime("2010-01-01T00:00:00+15:00"));
  EXPECT_FALSE(parse_datetime("10-01-01T00:00:00"));
  EXPECT_TRUE(parse_datetime("2012-02-29T24:00:00Z"));
  EXPECT_TRUE(parse_date("2006-08-23Z"));
  EXPECT_FALSE(parse_date("2006-08-23T00:00:00"));
}

TEST(XsdDateTime, ComparesOnTheTimeline) {
  const auto a = parse_datetime("2002-10-10T12:00:00-05:00");
  const auto b = parse_datetime("2002-10-10T17:00:00Z");
  EXPECT_EQ(compare_datetime(*a, *b), 0);
  const auto c = parse_datetime("2002-10-10T17:00:01Z");
  EXPECT_EQ(compare_datetime(*b, *c), -1);
}

TEST(XsdDateTime, MissingTimezoneIsOnlyPartiallyOrdered) {
  const auto local = parse_datetime("2002-10-10T12:00:00");
  const auto utc = parse_datetime("2002-10-10T12:00:00Z");
  EXPECT_FALSE(compare_datetime(*local, *utc));
  const auto much_later = parse_datetime("2002-10-11T12:00:00Z");
  EXPECT_EQ(compare_datetime(*local, *much_later), -1);
}

TEST(XsdDateTime, TimezoneDurations) {
  EXPECT_EQ(timezone_duration(0), "PT0S");
  EXPECT_EQ(timezone_duration(-480), "-PT8H");
  EXPECT_EQ(timezone_duration(330), "PT5H30M");
}

}  // namespace
}  // namespace quiver::xsd
