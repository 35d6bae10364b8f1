// Calling builtins through the registry, and the term builtins of
// term_builtins.cpp.

#include <gtest/gtest.h>

#include "function_test_util.hpp"
#include "functions/registry.hpp"

namespace quiver::functions {
namespace {

using namespace testing;

// An error argument never reaches call_builtin: the evaluator stops at it
// (eval/evaluator_pattern_test, BuiltinsAndCastsAreStrict).
TEST(Builtins, CallsCheckNamesAndArity) {
  EXPECT_EQ(find_builtin("NOSUCH"), std::nullopt);
  EXPECT_EQ(call("STR", {}), "error");
  EXPECT_EQ(call("STR", {str("a"), str("b")}), "error");
  EXPECT_EQ(call("str", {str("a")}), "\"a\"");
  // The special forms are the evaluator's: the registry cannot call them.
  FunctionContext ctx;
  const Term t = boolean("true");
  EXPECT_EQ(show(call_builtin(Function::Coalesce, {&t, 1}, ctx)), "error");
}

TEST(Builtins, Str) {
  EXPECT_EQ(call("STR", {iri("http://a/")}), "\"http://a/\"");
  EXPECT_EQ(call("STR", {lang("chat", "fr")}), "\"chat\"");
  EXPECT_EQ(call("STR", {integer("01")}), "\"01\"");
  EXPECT_EQ(call("STR", {bnode("b")}), "error");
}

TEST(Builtins, LangAndDatatype) {
  EXPECT_EQ(call("LANG", {lang("chat", "fr")}), "\"fr\"");
  EXPECT_EQ(call("LANG", {str("chat")}), "\"\"");
  EXPECT_EQ(call("LANG", {iri("http://a/")}), "error");
  EXPECT_EQ(call("DATATYPE", {str("a")}), "<http://www.w3.org/2001/XMLSchema#string>");
  EXPECT_EQ(call("DATATYPE", {lang("a", "en")}),
            "<http://www.w3.org/1999/02/22-rdf-syntax-ns#langString>");
  EXPECT_EQ(call("DATATYPE", {integer("1")}), "<http://www.w3.org/2001/XMLSchema#integer>");
  EXPECT_EQ(call("DATATYPE", {iri("http://a/")}), "error");
}

TEST(Builtins, LangMatches) {
  const std::string t = "\"true\"^^xsd:boolean";
  const std::string f = "\"false\"^^xsd:boolean";
  EXPECT_EQ(call("LANGMATCHES", {str("fr"), str("FR")}), t);
  EXPECT_EQ(call("LANGMATCHES", {str("fr-BE"), str("fr")}), t);
  EXPECT_EQ(call("LANGMATCHES", {str("fr"), str("fr-BE")}), f);
  EXPECT_EQ(call("LANGMATCHES", {str("french"), str("fr")}), f);
  EXPECT_EQ(call("LANGMATCHES", {str("en"), str("*")}), t);
  EXPECT_EQ(call("LANGMATCHES", {str(""), str("*")}), f);
  EXPECT_EQ(call("LANGMATCHES", {iri("http://a/"), str("*")}), "error");
}

TEST(Builtins, IriResolvesAgainstTheBase) {
  FunctionContext ctx;
  ctx.base_iri = "http://example.org/dir/base";
  EXPECT_EQ(call("IRI", {str("x")}, &ctx), "<http://example.org/dir/x>");
  EXPECT_EQ(call("URI", {str("http://other/")}, &ctx), "<http://other/>");
  EXPECT_EQ(call("IRI", {iri("http://a/")}, &ctx), "<http://a/>");
  EXPECT_EQ(call("IRI", {lang("x", "en")}, &ctx), "error");
  EXPECT_EQ(call("IRI", {integer("1")}, &ctx), "error");
}

TEST(Builtins, BnodeIsFreshOrKeyedByString) {
  FunctionContext ctx;
  const std::string a = call("BNODE", {}, &ctx);
  const std::string b = call("BNODE", {}, &ctx);
  EXPECT_NE(a, b);
  EXPECT_EQ(a.substr(0, 2), "_:");
  const std::string x1 = call("BNODE", {str("x")}, &ctx);
  EXPECT_EQ(call("BNODE", {str("x")}, &ctx), x1);
  EXPECT_NE(call("BNODE", {str("y")}, &ctx), x1);
  ctx.bnode_labels.clear();  // the next solution
  EXPECT_NE(call("BNODE", {str("x")}, &ctx), x1);
  EXPECT_EQ(call("BNODE", {integer("1")}, &ctx), "error");
}

TEST(Builtins, StrdtAndStrlang) {
  EXPECT_EQ(call("STRDT", {str("123"), iri("http://www.w3.org/2001/XMLSchema#integer")}),
            "\"123\"^^xsd:integer");
  EXPECT_EQ(call("STRDT", {lang("a", "en"), iri("http://d/")}), "error");
  EXPECT_EQ(call("STRDT", {str("a"), str("http://d/")}), "error");
  EXPECT_EQ(call("STRLANG", {str("chat"), str("fr")}), "\"chat\"@fr");
  EXPECT_EQ(call("STRLANG", {str("foo"), str("en-US")}), "\"foo\"@en-us");
  EXPECT_EQ(call("STRLANG", {lang("chat", "fr"), str("en")}), "error");
  EXPECT_EQ(call("STRLANG", {str("chat"), str("")}), "error");
  EXPECT_EQ(call("STRLANG", {str("chat"), str("not a tag")}), "error");
  // The LANGTAG shape the readers check: no empty subtag, a first subtag of letters.
  EXPECT_EQ(call("STRLANG", {str("chat"), str("en-")}), "error");
  EXPECT_EQ(call("STRLANG", {str("chat"), str("en--x")}), "error");
  EXPECT_EQ(call("STRLANG", {str("chat"), str("1en")}), "error");
  EXPECT_EQ(call("STRLANG", {str("chat"), str("de-CH-1901")}), "\"chat\"@de-ch-1901");
}

TEST(Builtins, TermTests) {
  const std::string t = "\"true\"^^xsd:boolean";
  const std::string f = "\"false\"^^xsd:boolean";
  EXPECT_EQ(call("ISIRI", {iri("http://a/")}), t);
  EXPECT_EQ(call("ISURI", {str("http://a/")}), f);
  EXPECT_EQ(call("ISBLANK", {bnode("b")}), t);
  EXPECT_EQ(call("ISLITERAL", {lang("a", "en")}), t);
  EXPECT_EQ(call("ISNUMERIC", {integer("12")}), t);
  EXPECT_EQ(call("ISNUMERIC", {str("12")}), f);
  EXPECT_EQ(call("ISNUMERIC", {integer("1200000000000000000000000000")}), t);
  EXPECT_EQ(call("ISNUMERIC", {xsd("1200", "byte")}), f);
  EXPECT_EQ(call("SAMETERM", {integer("1"), integer("01")}), f);
  EXPECT_EQ(call("SAMETERM", {integer("1"), integer("1")}), t);
  EXPECT_EQ(call("SAMETERM", {str("a"), xsd("a", "string")}), t);
}

}  // namespace
}  // namespace quiver::functions
