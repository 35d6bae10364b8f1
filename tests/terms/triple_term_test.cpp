#include "terms/triple_term.hpp"

#include <gtest/gtest.h>

#include "terms/term_interner.hpp"
#include "terms/term_reader.hpp"

namespace quiver {
namespace {

const Term s = Term::iri("http://e/s");
const Term p = Term::iri("http://e/p");

TEST(TripleTerm, ValueIsTheCanonicalNTriplesOfItsTerms) {
  const Term t = Term::triple(s.ref(), p.ref(), Term::literal("a\"b", {}, "EN-gb--rtl").ref());
  EXPECT_TRUE(t.is_triple());
  EXPECT_EQ(t.value(), "<http://e/s> <http://e/p> \"a\\\"b\"@en-gb--rtl");
  EXPECT_EQ(t.to_ntriples(), "<<( <http://e/s> <http://e/p> \"a\\\"b\"@en-gb--rtl )>>");
}

TEST(TripleTerm, PartsComeBackNestedTriplesAndBlankNodesIncluded) {
  const Term inner =
      Term::triple(Term::blank("b0").ref(), p.ref(),
                   Term::literal("007", "http://www.w3.org/2001/XMLSchema#integer").ref());
  const Term outer = Term::triple(s.ref(), p.ref(), inner.ref());
  const std::optional<Triple> parts = triple_term_parts(outer.value());
  ASSERT_TRUE(parts.has_value());
  EXPECT_EQ(parts->subject, s);
  EXPECT_EQ(parts->predicate, p);
  EXPECT_EQ(parts->object, inner);
  const std::optional<Triple> inner_parts = triple_term_parts(parts->object.value());
  ASSERT_TRUE(inner_parts.has_value());
  EXPECT_EQ(inner_parts->subject, Term::blank("b0"));
  EXPECT_EQ(inner_parts->object.value(), "007");

  std::vector<Term> blanks;
  collect_blank_nodes(outer.value(), blanks);
  ASSERT_EQ(blanks.size(), 1u);
  EXPECT_EQ(blanks[0], Term::blank("b0"));
}

TEST(TripleTerm, EqualTriplesAreOneTermTagCaseAside) {
  const Term a = Term::triple(s.ref(), p.ref(), Term::literal("x", {}, "en-GB").ref());
  const Term b = Term::triple(s.ref(), p.ref(), Term::literal("x", {}, "en-gb").ref());
  EXPECT_EQ(a, b);
  EXPECT_EQ(std::hash<Term>{}(a), std::hash<Term>{}(b));
  TermInterner interner;
  EXPECT_EQ(interner.intern(a.ref()), interner.intern(b.ref()));
  EXPECT_NE(interner.intern(a.ref()), interner.intern(Term::literal(a.value()).ref()));
}

TEST(TripleTerm, DamagedValuesAreNotTriples) {
  for (const char* value :
       {"", "<http://e/s> <http://e/p>", "<http://e/s> <http://e/p> <o> x",
        "<<( <a> <b> <c> )>> <p> <o>", "<a>  <b> <c>", "<a> <b> \"x\"@en--up"}) {
    EXPECT_FALSE(triple_term_parts(value).has_value()) << value;
  }
}

TEST(TripleTerm, DecodingStopsAtTheNestingLimit) {
  std::string value = "<http://e/s> <http://e/p> <http://e/o>";
  for (int i = 0; i < kMaxTripleTermDepth + 1; ++i) {
    value = "<http://e/s> <http://e/p> <<( " + value + " )>>";
  }
  EXPECT_FALSE(triple_term_parts(value).has_value());
}

TEST(LanguageField, DirectionIsKeptApartFromTheTag) {
  EXPECT_EQ(language_without_direction("en-GB--rtl"), "en-GB");
  EXPECT_EQ(base_direction("en-GB--rtl"), "rtl");
  EXPECT_EQ(base_direction("en-GB"), "");
  EXPECT_EQ(Term::literal("x", {}, "ar--rtl").datatype(), vocab::kRdfDirLangString);
  EXPECT_EQ(Term::literal("x", {}, "ar").datatype(), vocab::kRdfLangString);
  EXPECT_TRUE(is_language_field("en--ltr"));
  EXPECT_TRUE(is_language_field("de-CH-1901"));
  for (const char* bad :
       {"en--", "en--LTR", "en--up", "--ltr", "cantbethislong", "en-toolongsub"}) {
    EXPECT_FALSE(is_language_field(bad)) << bad;
  }
  EXPECT_TRUE(is_known_rdf_version("1.2"));
  EXPECT_FALSE(is_known_rdf_version("9.9"));
}

}  // namespace
}  // namespace quiver
