#include "terms/term.hpp"

#include <gtest/gtest.h>

#include <string>
#include <unordered_set>

namespace quiver {
namespace {

std::string nt(const Term& t) { return t.to_ntriples(); }

TEST(Term, IriAndBlankForms) {
  EXPECT_EQ(nt(Term::iri("http://example.org/a")), "<http://example.org/a>");
  EXPECT_EQ(nt(Term::blank("b0")), "_:b0");
  EXPECT_EQ(nt(Term()), "");
}

TEST(Term, SimpleLiteralOmitsXsdString) {
  const Term plain = Term::literal("hello");
  EXPECT_EQ(plain.datatype(), vocab::kXsdString);
  EXPECT_EQ(nt(plain), "\"hello\"");
  // Spelled out, xsd:string is still the simple literal form.
  EXPECT_EQ(nt(Term::literal("hello", vocab::kXsdString)), "\"hello\"");
  EXPECT_EQ(Term::literal("hello", vocab::kXsdString), plain);
}

TEST(Term, TypedLiteralKeepsLexicalForm) {
  const Term t = Term::literal("01", "http://www.w3.org/2001/XMLSchema#integer");
  EXPECT_EQ(t.value(), "01");
  EXPECT_EQ(nt(t), "\"01\"^^<http://www.w3.org/2001/XMLSchema#integer>");
}

TEST(Term, LanguageLiteral) {
  const Term t = Term::literal("chat", {}, "fr");
  EXPECT_EQ(t.datatype(), vocab::kRdfLangString);
  EXPECT_EQ(t.language(), "fr");
  EXPECT_EQ(nt(t), "\"chat\"@fr");
  // N-Triples is the canonical form: tags in lower case (RDF 1.2).
  EXPECT_EQ(nt(Term::literal("x", {}, "en-GB")), "\"x\"@en-gb");
  EXPECT_EQ(Term::literal("x", {}, "en-GB").language(), "en-GB");
}

TEST(Term, EscapesEchars) {
  EXPECT_EQ(nt(Term::literal("a\"b")), R"("a\"b")");
  EXPECT_EQ(nt(Term::literal("a\\b")), R"("a\\b")");
  EXPECT_EQ(nt(Term::literal("a\nb")), R"("a\nb")");
  EXPECT_EQ(nt(Term::literal("a\rb")), R"("a\rb")");
  EXPECT_EQ(nt(Term::literal("a\tb")), R"("a\tb")");
  EXPECT_EQ(nt(Term::literal("a\bb")), R"("a\bb")");
  EXPECT_EQ(nt(Term::literal("a\fb")), R"("a\fb")");
}

TEST(Term, EscapesOtherControlsAsUchar) {
  EXPECT_EQ(nt(Term::literal(std::string("a\0b", 3))), R"("a\u0000b")");
  EXPECT_EQ(nt(Term::literal("\x01")), R"("\u0001")");
  EXPECT_EQ(nt(Term::literal("\x0B")), R"("\u000B")");
  EXPECT_EQ(nt(Term::literal("\x1F")), R"("\u001F")");
  EXPECT_EQ(nt(Term::literal("\x7F")), R"("\u007F")");
}

TEST(Term, LeavesPrintableAndNonAsciiAlone) {
  EXPECT_EQ(nt(Term::literal("' <>{}~")), "\"' <>{}~\"");
  EXPECT_EQ(nt(Term::literal("caf\xC3\xA9 \xF0\x9F\x98\x80")), "\"caf\xC3\xA9 \xF0\x9F\x98\x80\"");
  EXPECT_EQ(nt(Term::literal("")), "\"\"");
}

TEST(Term, EqualityDistinguishesKindDatatypeLanguage) {
  EXPECT_EQ(Term::iri("x"), Term::iri("x"));
  EXPECT_NE(Term::iri("x"), Term::blank("x"));
  EXPECT_NE(Term::iri("x"), Term::literal("x"));
  EXPECT_NE(Term::literal("1"), Term::literal("1", "http://www.w3.org/2001/XMLSchema#integer"));
  EXPECT_NE(Term::literal("a", {}, "en"), Term::literal("a", {}, "fr"));
  EXPECT_NE(Term::literal("a", {}, "en"), Term::literal("a"));
}

TEST(Term, HashAgreesWithEquality) {
  std::hash<Term> h;
  EXPECT_EQ(h(Term::literal("a", {}, "en")), h(Term::literal("a", {}, "en")));
  EXPECT_EQ(h(Term::iri("http://x")), hash_value(TermRef{TermKind::Iri, "http://x", {}, {}}));
  std::unordered_set<Term> set = {Term::iri("x"), Term::blank("x"), Term::literal("x"),
                                  Term::literal("x", {}, "en"), Term::iri("x")};
  EXPECT_EQ(set.size(), 4u);
}

TEST(Term, OrderingIsKindThenValueThenDatatypeThenLanguage) {
  EXPECT_LT(Term(), Term::iri("a"));
  EXPECT_LT(Term::iri("z"), Term::blank("a"));
  EXPECT_LT(Term::blank("z"), Term::literal("a"));
  EXPECT_LT(Term::iri("a"), Term::iri("b"));
  EXPECT_LT(Term::literal("a", "http://a"), Term::literal("a", "http://b"));
  EXPECT_LT(Term::literal("a", {}, "de"), Term::literal("a", {}, "en"));
  EXPECT_LT(Term::literal("a", "http://z"), Term::literal("b", "http://a"));
  EXPECT_EQ(Term::iri("a") <=> Term::iri("a"), std::strong_ordering::equal);
}

TEST(Term, QuadRoundTripsThroughRef) {
  const Quad q(Term::blank("s"), Term::iri("p"), Term::literal("o", {}, "en"), Term::iri("g"));
  EXPECT_EQ(Quad(q.ref()), q);
  EXPECT_TRUE(Quad(Term::iri("s"), Term::iri("p"), Term::iri("o")).graph.is_none());
}

}  // namespace
}  // namespace quiver
