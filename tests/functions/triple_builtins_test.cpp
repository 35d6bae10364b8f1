// The SPARQL 1.2 functions on RDF 1.2 terms (triple_builtins.cpp).

#include <gtest/gtest.h>

#include "function_test_util.hpp"
#include "functions/registry.hpp"

namespace quiver::functions {
namespace {

using namespace testing;

TEST(TripleBuiltins, TripleAndItsParts) {
  const std::string t = "<<( <http://s> <http://p> \"o\"@en )>>";
  EXPECT_EQ(call("TRIPLE", {iri("http://s"), iri("http://p"), lang("o", "en")}), t);
  EXPECT_EQ(call("TRIPLE", {bnode("b"), iri("http://p"), iri("http://o")}),
            "<<( _:b <http://p> <http://o> )>>");
  EXPECT_EQ(call("TRIPLE", {str("s"), iri("http://p"), iri("http://o")}), "error");
  EXPECT_EQ(call("TRIPLE", {iri("http://s"), bnode("p"), iri("http://o")}), "error");
  const Term triple =
      Term::triple(iri("http://s").ref(), iri("http://p").ref(), lang("o", "en").ref());
  EXPECT_EQ(call("SUBJECT", {triple}), "<http://s>");
  EXPECT_EQ(call("PREDICATE", {triple}), "<http://p>");
  EXPECT_EQ(call("OBJECT", {triple}), "\"o\"@en");
  EXPECT_EQ(call("OBJECT", {iri("http://s")}), "error");
  EXPECT_EQ(call("isTRIPLE", {triple}), "\"true\"^^xsd:boolean");
  EXPECT_EQ(call("isTRIPLE", {iri("http://s")}), "\"false\"^^xsd:boolean");
  EXPECT_EQ(call("STR", {triple}), "error");
}

TEST(TripleBuiltins, BaseDirections) {
  const Term rtl = Term::literal("x", {}, "ar--rtl");
  EXPECT_EQ(call("LANGDIR", {rtl}), "\"rtl\"");
  EXPECT_EQ(call("LANGDIR", {lang("x", "en")}), "\"\"");
  EXPECT_EQ(call("LANGDIR", {str("x")}), "\"\"");
  EXPECT_EQ(call("LANGDIR", {iri("http://x")}), "error");
  EXPECT_EQ(call("LANG", {rtl}), "\"ar\"");
  EXPECT_EQ(call("DATATYPE", {rtl}), "<http://www.w3.org/1999/02/22-rdf-syntax-ns#dirLangString>");
  EXPECT_EQ(call("hasLANG", {rtl}), "\"true\"^^xsd:boolean");
  EXPECT_EQ(call("hasLANG", {iri("http://x")}), "\"false\"^^xsd:boolean");
  EXPECT_EQ(call("hasLANGDIR", {rtl}), "\"true\"^^xsd:boolean");
  EXPECT_EQ(call("hasLANGDIR", {lang("x", "en")}), "\"false\"^^xsd:boolean");
  EXPECT_EQ(call("STRLANGDIR", {str("abc"), str("EN"), str("ltr")}), "\"abc\"@en--ltr");
  for (const char* dir : {"LTR", "", "up"}) {
    EXPECT_EQ(call("STRLANGDIR", {str("abc"), str("en"), str(dir)}), "error") << dir;
  }
  EXPECT_EQ(call("STRLANGDIR", {str("abc"), str(""), str("ltr")}), "error");
  EXPECT_EQ(
      call("STRDT", {str("abc"), iri("http://www.w3.org/1999/02/22-rdf-syntax-ns#dirLangString")}),
      "error");
}

}  // namespace
}  // namespace quiver::functions
