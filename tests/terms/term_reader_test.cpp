#include "terms/term_reader.hpp"

#include <gtest/gtest.h>

#include <string>

#include "terms/term.hpp"
#include "terms/term_writer.hpp"

namespace quiver {
namespace {

const std::string kXsd(vocab::kXsd);

std::string turtle(const Term& t) {
  std::string out;
  append_turtle_term(out, t.ref());
  return out;
}

using Scan = TokenScan::Status;

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

TEST(TermReader, Uchar) {
  char32_t cp = 0;
  TokenScan scan = read_uchar("x\\u00E9y", 1, cp);
  EXPECT_EQ(scan.status, Scan::Matched);
  EXPECT_EQ(scan.end, 7u);
  EXPECT_EQ(cp, U'\u00E9');
  EXPECT_EQ(read_uchar("\\U0001F47E", 0, cp).end, 10u);
  EXPECT_EQ(cp, U'\U0001F47E');
  EXPECT_EQ(read_uchar("\\n", 0, cp).status, Scan::NoMatch);
  EXPECT_EQ(read_uchar("u0041", 0, cp).status, Scan::NoMatch);
  scan = read_uchar("\\u12G4", 0, cp);
  EXPECT_EQ(scan.status, Scan::Malformed);
  EXPECT_EQ(scan.message, "bad \\u escape: expected 4 hex digits");
  scan = read_uchar("\\uD800", 0, cp);
  EXPECT_EQ(scan.status, Scan::Malformed);
  EXPECT_EQ(scan.message, "escape \\uD800 is a surrogate, not a character");
  EXPECT_EQ(read_uchar("\\U00110000", 0, cp).status, Scan::Malformed);
}

TEST(TermReader, QuotedStrings) {
  std::string value;
  TokenScan scan = read_quoted_string(R"('a\'b' .)", 0, value);
  EXPECT_EQ(scan.status, Scan::Matched);
  EXPECT_EQ(scan.end, 6u);
  EXPECT_EQ(value, "a'b");
  scan = read_quoted_string("\"\"\"x\"\"y\n\"\"\"", 0, value);
  EXPECT_EQ(scan.status, Scan::Matched);
  EXPECT_EQ(value, "x\"\"y\n");
  EXPECT_EQ(read_quoted_string("\"\" x", 0, value).end, 2u);  // empty, not long
  scan = read_quoted_string("\"a\nb\"", 0, value);
  EXPECT_EQ(scan.status, Scan::Malformed);
  EXPECT_EQ(scan.end, 2u);
  EXPECT_EQ(scan.message, "line break in a short string");
  EXPECT_EQ(read_quoted_string(R"("a\qb")", 0, value).message, "bad escape in a string");
  EXPECT_EQ(read_quoted_string("'''open", 0, value).message, "unterminated string");
}

TEST(TermReader, Irirefs) {
  std::string value;
  TokenScan scan = read_iriref("<http://e/\\u00E9> .", 0, value);
  EXPECT_EQ(scan.status, Scan::Matched);
  EXPECT_EQ(scan.end, 17u);
  EXPECT_EQ(value, "http://e/\xC3\xA9");
  EXPECT_EQ(read_iriref("< 3", 0, value).status, Scan::NoMatch);  // SPARQL's less-than
  EXPECT_EQ(read_iriref("<http://e/", 0, value).status, Scan::NoMatch);
  EXPECT_EQ(read_iriref("<a{b}>", 0, value).status, Scan::NoMatch);
  EXPECT_EQ(read_iriref("<a\\u00ZZ>", 0, value).status, Scan::Malformed);
  // An escaped space is no IRIREF character, unless what is read was
  // written by append_iriref, which escapes exactly those.
  EXPECT_EQ(read_iriref("<a\\u0020b>", 0, value).status, Scan::NoMatch);
  EXPECT_EQ(read_iriref("<a\\u0020b>", 0, value, IriEscapes::Any).status, Scan::Matched);
  EXPECT_EQ(value, "a b");
}

TEST(TermReader, IrirefCharacters) {
  EXPECT_TRUE(is_plain_iriref("http://e/a#b?c=%20&d"));
  EXPECT_TRUE(is_plain_iriref("http://e/\xC3\xA9"));
  for (const char* bad :
       {"a b", "a<b", "a>b", "a\"b", "a{b", "a}b", "a|b", "a^b", "a`b", "a\\b", "a\x01"}) {
    EXPECT_FALSE(is_plain_iriref(bad)) << bad;
  }
  EXPECT_FALSE(is_iriref_char(U' '));
  EXPECT_TRUE(is_iriref_char(U'\u00E9'));
}

TEST(TermReader, LanguageTags) {
  EXPECT_EQ(scan_language_tag("en-GB ."), 5u);
  EXPECT_EQ(scan_language_tag("de-CH-1901"), 10u);
  EXPECT_EQ(scan_language_tag("en-"), 2u);
  EXPECT_EQ(scan_language_tag("en--x"), 2u);
  EXPECT_EQ(scan_language_tag("1en"), 0u);
  EXPECT_EQ(scan_language_tag(""), 0u);
  EXPECT_TRUE(is_language_tag("en"));
  EXPECT_TRUE(is_language_tag("x-private-1"));
  EXPECT_TRUE(is_language_tag("EN-gb"));
  for (const char* bad : {"", "en-", "en--x", "-en", "en_GB", "e1", "en-\xC3\xA9"}) {
    EXPECT_FALSE(is_language_tag(bad)) << bad;
  }
}

// From tests/results/term_syntax_test.cpp (TermSyntaxTest.ParsesEveryTermForm).
TEST(TermReader, ParsesEveryTermForm) {
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

// From tests/results/term_syntax_test.cpp (TermSyntaxTest.RejectsMalformedTerms).
TEST(TermReader, RejectsMalformedTerms) {
  for (const char* bad : {"", "<http://e/", "\"open", "\"x\"@", "\"x\"^^xsd:int", "ex:a",
                          "_:", "<a b>", "\"\\q\"", "\"\\uD800\"", "1.2.3", "\"x\" y"}) {
    EXPECT_FALSE(parse_turtle_term(bad).ok()) << bad;
  }
}

// From tests/results/term_syntax_test.cpp (TermSyntaxTest.RoundTripsWhatItWrites).
TEST(TermReader, RoundTripsWhatItWrites) {
  for (const Term& t : {Term::iri("http://e/a"), Term::blank("x1"),
                        Term::literal("a\"b\\c\n\r\t\x01"), Term::literal("t", "", "en-GB"),
                        Term::literal("007", kXsd + "integer"), Term::literal("x", "http://e/d")}) {
    auto back = parse_turtle_term(turtle(t));
    ASSERT_TRUE(back.ok()) << turtle(t) << ": " << back.error().message;
    EXPECT_EQ(*back, t);
  }
}

TEST(TermReader, RejectsMalformedLanguageTagsAndReadsBackEscapedIris) {
  EXPECT_FALSE(parse_turtle_term("\"x\"@en-").ok());
  EXPECT_FALSE(parse_turtle_term("\"x\"@en--x").ok());
  const Term odd = Term::iri("http://e/a b|c");
  EXPECT_EQ(*parse_turtle_term(turtle(odd)), odd);
}

}  // namespace
}  // namespace quiver
