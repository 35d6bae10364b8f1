#include "terms/term_reader.hpp"

#include <gtest/gtest.h>

#include <string>

#include "terms/term.hpp"

namespace quiver {
namespace {

TEST(TermReader, ScansTheLongestNumber) {
  auto scan = [](std::string_view text) {
    const NumberToken t = scan_number(text);
    return std::pair(t.kind, t.length);
  };
  EXPECT_EQ(scan("42 ."), std::pair(NumberKind::Integer, std::size_t{2}));
  EXPECT_EQ(scan("-4.5}"), std::pair(NumberKind::Decimal, std::size_t{4}));
  EXPECT_EQ(scan("+.5e-3"), std::pair(NumberKind::Double, std::size_t{6}));
  EXPECT_EQ(scan("1.e5"), std::pair(NumberKind::Double, std::size_t{4}));
  EXPECT_EQ(scan("1."), std::pair(NumberKind::Integer, std::size_t{1}));  // the dot ends a triple
  EXPECT_EQ(scan("1E"), std::pair(NumberKind::Integer, std::size_t{1}));
  EXPECT_EQ(scan("1.5.2"), std::pair(NumberKind::Decimal, std::size_t{3}));
  EXPECT_EQ(scan_number("+e5").kind, NumberKind::None);
  EXPECT_EQ(scan_number(".e5").kind, NumberKind::None);
  EXPECT_EQ(scan_number("").kind, NumberKind::None);
}

TEST(TermReader, NumberDatatypeNeedsTheWholeText) {
  EXPECT_EQ(turtle_number_datatype("007"), vocab::kXsdInteger);
  EXPECT_EQ(turtle_number_datatype(".5"), vocab::kXsdDecimal);
  EXPECT_EQ(turtle_number_datatype("1.0e6"), vocab::kXsdDouble);
  EXPECT_EQ(turtle_number_datatype("5."), "");
  EXPECT_EQ(turtle_number_datatype("1 "), "");
  EXPECT_EQ(turtle_number_datatype("INF"), "");
}

}  // namespace
}  // namespace quiver
