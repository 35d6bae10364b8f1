#include "results/term_syntax.hpp"

#include <gtest/gtest.h>

#include <string>

#include "terms/term_writer.hpp"

namespace quiver::results {
namespace {

const std::string kXsd = "http://www.w3.org/2001/XMLSchema#";

std::string turtle(const Term& t) {
  std::string out;
  append_turtle_term(out, t.ref());
  return out;
}

TEST(TermSyntaxTest, ParsesEveryTermForm) {
  EXPECT_EQ(*parse_turtle_term("<http://e/\\u00E9>"), Term::iri("http://e/\xC3\xA9"));
  EXPECT_EQ(*parse_turtle_term("_:b0"), Term::blank("b0"));
  EXPECT_EQ(*parse_turtle_term("\"a\\tb\\\"\""), Term::literal("a\tb\""));
  EXPECT_EQ(*parse_turtle_term("'it\\'s \"q\"'"), Term::literal("it's \"q\""));
  EXPECT_EQ(*parse_turtle_term("\"\"\"two\nlines\"\"\""), Term::literal("two\nlines"));
  EXPECT_EQ(*parse_turtle_term("\"chat\"@fr-BE"), Term::literal("chat", "", "fr-BE"));
  EXPECT_EQ(*parse_turtle_term("\"5\"^^<http://e/dt>"), Term::literal("5", "http://e/dt"));
  EXPECT_EQ(*parse_turtle_term("42"), Term::literal("42", kXsd + "integer"));
  EXPECT_EQ(*parse_turtle_term("-4.5"), Term::literal("-4.5", kXsd + "decimal"));
  EXPECT_EQ(*parse_turtle_term("1.0e6"), Term::literal("1.0e6", kXsd + "double"));
  EXPECT_EQ(*parse_turtle_term("false"), Term::literal("false", kXsd + "boolean"));
  EXPECT_EQ(*parse_turtle_term("\"\\U0001F47E\""), Term::literal("\xF0\x9F\x91\xBE"));
}

TEST(TermSyntaxTest, RejectsMalformedTerms) {
  for (const char* bad : {"", "<http://e/", "\"open", "\"x\"@", "\"x\"^^xsd:int", "ex:a",
                          "_:", "<a b>", "\"\\q\"", "\"\\uD800\"", "1.2.3", "\"x\" y"}) {
    EXPECT_FALSE(parse_turtle_term(bad).ok()) << bad;
  }
}

TEST(TermSyntaxTest, RoundTripsWhatItWrites) {
  for (const Term& t : {Term::iri("http://e/a"), Term::blank("x1"),
                        Term::literal("a\"b\\c\n\r\t\x01"), Term::literal("t", "", "en-GB"),
                        Term::literal("007", kXsd + "integer"), Term::literal("x", "http://e/d")}) {
    auto back = parse_turtle_term(turtle(t));
    ASSERT_TRUE(back.ok()) << turtle(t) << ": " << back.error().message;
    EXPECT_EQ(*back, t);
  }
}

}  // namespace
}  // namespace quiver::results
