#include "terms/term_writer.hpp"

#include <gtest/gtest.h>

#include <string>

namespace quiver {
namespace {

const std::string kXsd(vocab::kXsd);

std::string turtle(const Term& t, const PrefixMap* prefixes = nullptr) {
  std::string out;
  append_turtle_term(out, t.ref(), prefixes);
  return out;
}

std::string quoted(std::string_view text, StringEscapes escapes) {
  std::string out;
  append_quoted_string(out, text, escapes);
  return out;
}

// From tests/terms/term_test.cpp (Term.QuotedStringHelper).
TEST(TermWriter, QuotedStringHelper) {
  std::string out = "x";
  append_quoted_string(out, "a\"\n");
  EXPECT_EQ(out, R"(x"a\"\n")");
}

// From tests/terms/term_test.cpp (Term.NQuadsLine).
TEST(TermWriter, NQuadsLine) {
  std::string out;
  const Quad q(Term::iri("http://s"), Term::iri("http://p"), Term::literal("o"));
  append_nquads_line(out, q.ref());
  EXPECT_EQ(out, "<http://s> <http://p> \"o\" .\n");
  out.clear();
  const Quad g(Term::blank("s"), Term::iri("http://p"), Term::iri("http://o"),
               Term::iri("http://g"));
  append_nquads_line(out, g.ref());
  EXPECT_EQ(out, "_:s <http://p> <http://o> <http://g> .\n");
}

TEST(TermWriter, JsonEscapesDifferOnlyInDelAndHexCase) {
  const std::string text = std::string("q\"b\\n\n\x01\x1F", 8) + "\x7F" + "\xC3\xA9";
  EXPECT_EQ(quoted(text, StringEscapes::NTriples),
            "\"q\\\"b\\\\n\\n\\u0001\\u001F\\u007F\xC3\xA9\"");
  EXPECT_EQ(quoted(text, StringEscapes::Json), "\"q\\\"b\\\\n\\n\\u0001\\u001f\x7F\xC3\xA9\"");
}

TEST(TermWriter, LongStringsKeepLineBreaks) {
  std::string out;
  append_long_quoted_string(out, "a\n\tb\"\"\"c\r\\");
  EXPECT_EQ(out, "\"\"\"a\n\tb\\\"\\\"\\\"c\\r\\\\\"\"\"");
  out.clear();
  const Term two_lines = Term::literal("x\ny", kXsd + "token");
  append_turtle_literal(out, two_lines.ref(), nullptr, TurtleStrings::LongWhenMultiline);
  EXPECT_EQ(out, "\"\"\"x\ny\"\"\"^^<http://www.w3.org/2001/XMLSchema#token>");
  EXPECT_EQ(turtle(two_lines), "\"x\\ny\"^^<http://www.w3.org/2001/XMLSchema#token>");
}

TEST(TermWriter, IrirefEscapesWhatIrirefCannotHold) {
  std::string out;
  append_iriref(out, "http://e/a b<c>{|}^`\\\"");
  EXPECT_EQ(out,
            "<http://e/a\\u0020b\\u003Cc\\u003E\\u007B\\u007C\\u007D\\u005E\\u0060\\u005C\\u0022>");
}

// The class of injection: whatever a term holds, its N-Triples text ends
// where the term ends.
TEST(TermWriter, NoTermCanEndEarly) {
  std::string out;
  append_ntriples(out, Term::iri("http://e/a> <http://e/p> <http://e/b").ref());
  EXPECT_EQ(out, "<http://e/a\\u003E\\u0020\\u003Chttp://e/p\\u003E\\u0020\\u003Chttp://e/b>");
  out.clear();
  append_ntriples(out, Term::blank("x> <http://e/p").ref());
  EXPECT_EQ(out, "_:h783e203c687474703a2f2f652f70");
  out.clear();
  append_ntriples(out, Term::blank("b0").ref());
  EXPECT_EQ(out, "_:b0");
  out.clear();
  // Found by fuzzing: U+203F may continue a label but not start it, and
  // U+00D7 may do neither; such labels (from Serd, say) are hex-encoded.
  append_ntriples(out, Term::blank("\u203F.\u2040").ref());
  EXPECT_EQ(out, "_:he280bf2ee28180");
  out.clear();
  append_ntriples(out, Term::blank("a\u00D7").ref());
  EXPECT_EQ(out, "_:h61c397");
  out.clear();
  append_ntriples(out, Term::blank("a\u203F\u00B7b").ref());
  EXPECT_EQ(out, "_:a\u203F\u00B7b");
  out.clear();
  append_ntriples(out, Term::literal("x", {}, "en .\n<a> <b> <c>").ref());
  EXPECT_EQ(out, "\"x\"@enabc");
  out.clear();
  append_ntriples(out, Term::literal("x", "http://e/dt> .").ref());
  EXPECT_EQ(out, "\"x\"^^<http://e/dt\\u003E\\u0020.>");
}

TEST(TermWriter, PrefixNamesAndLocalNames) {
  EXPECT_TRUE(is_pn_prefix(""));
  EXPECT_TRUE(is_pn_prefix("ex.a-b_1"));
  EXPECT_FALSE(is_pn_prefix("1ex"));
  EXPECT_FALSE(is_pn_prefix("ex."));
  EXPECT_TRUE(is_pn_local(""));
  EXPECT_TRUE(is_pn_local("a.b-c_1"));
  EXPECT_FALSE(is_pn_local("-a"));
  EXPECT_FALSE(is_pn_local("a."));
  EXPECT_FALSE(is_pn_local("a/b"));
}

TEST(TermWriter, PrefixMapTakesTheLongestNamespaceThenTheFirstGiven) {
  const PrefixMap map(
      {{"b", "http://e/"}, {"a", "http://e/"}, {"long", "http://e/x/"}, {"none", ""}});
  EXPECT_EQ(map.find("http://e/y"), 0);
  EXPECT_EQ(map.find("http://e/x/y"), 2);
  EXPECT_EQ(map.find("http://e/x/y?z"), -1);  // the local name would need escapes
  EXPECT_EQ(map.find("http://other/"), -1);
  EXPECT_EQ(PrefixMap().find("http://e/y"), -1);
}

// From tests/results/term_syntax_test.cpp
// (TermSyntaxTest.UsesShortFormsOnlyWhenTheyReadBackTheSame).
TEST(TermWriter, UsesShortFormsOnlyWhenTheyReadBackTheSame) {
  EXPECT_TRUE(has_turtle_short_form("-12", kXsd + "integer"));
  EXPECT_TRUE(has_turtle_short_form("+.5", kXsd + "decimal"));
  EXPECT_TRUE(has_turtle_short_form("1.0E6", kXsd + "double"));
  EXPECT_TRUE(has_turtle_short_form("true", kXsd + "boolean"));
  EXPECT_FALSE(has_turtle_short_form("5.", kXsd + "decimal"));
  EXPECT_FALSE(has_turtle_short_form("4", kXsd + "decimal"));  // would read as an integer
  EXPECT_FALSE(has_turtle_short_form("-3", kXsd + "negativeInteger"));
  EXPECT_FALSE(has_turtle_short_form("INF", kXsd + "double"));
  EXPECT_FALSE(has_turtle_short_form("1", kXsd + "boolean"));
  EXPECT_EQ(turtle(Term::literal("1.0E6", kXsd + "double")), "1.0E6");
  EXPECT_EQ(turtle(Term::literal("1", kXsd + "string")), "\"1\"");
  EXPECT_EQ(turtle(Term::literal("-3", kXsd + "negativeInteger")),
            "\"-3\"^^<http://www.w3.org/2001/XMLSchema#negativeInteger>");
}

// From tests/results/term_syntax_test.cpp (TermSyntaxTest.PrefixesIrisWithSafeLocalNames).
TEST(TermWriter, PrefixesIrisWithSafeLocalNames) {
  const PrefixMap prefixes({{"ex", "http://example.org/"}, {"exa", "http://example.org/a/"}});
  EXPECT_EQ(turtle(Term::iri("http://example.org/a/b"), &prefixes), "exa:b");
  EXPECT_EQ(turtle(Term::iri("http://example.org/x.y-z_1"), &prefixes), "ex:x.y-z_1");
  EXPECT_EQ(turtle(Term::iri("http://example.org/"), &prefixes), "ex:");
  EXPECT_EQ(turtle(Term::iri("http://example.org/end."), &prefixes), "<http://example.org/end.>");
  EXPECT_EQ(turtle(Term::iri("http://example.org/a?b"), &prefixes), "<http://example.org/a?b>");
  EXPECT_EQ(turtle(Term::literal("v", "http://example.org/dt"), &prefixes), "\"v\"^^ex:dt");
}

TEST(TermWriter, TurtleFormsOfEveryKind) {
  EXPECT_EQ(turtle(Term()), "");
  EXPECT_EQ(turtle(Term::blank("b1")), "_:b1");
  EXPECT_EQ(turtle(Term::literal("chat", {}, "fr")), "\"chat\"@fr");
  EXPECT_EQ(turtle(Term::literal("true", kXsd + "boolean")), "true");
  EXPECT_EQ(turtle(Term::literal("01", kXsd + "integer")), "01");  // never rewritten
  EXPECT_EQ(turtle(Term::literal("1", {}, "en")), "\"1\"@en");
}

}  // namespace
}  // namespace quiver
