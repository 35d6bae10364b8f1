// The tokenizer: terminals of SPARQL 1.1 grammar section 19.8.

#include "sparql/lexer.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace quiver::sparql {
namespace {

// `kind:text` per token (Pname as `pname:prefix|local`), Eof left out.
std::vector<std::string> lex(std::string_view text) {
  const auto tokens = tokenize(text);
  if (!tokens) return {"error:" + tokens.error().message};
  static constexpr const char* kNames[] = {"eof",    "iri",    "pname", "blank", "anon",
                                           "nil",    "var",    "lang",  "int",   "dec",
                                           "double", "string", "word",  "punct"};
  std::vector<std::string> out;
  for (const Token& t : *tokens) {
    if (t.kind == TokenKind::Eof) break;
    std::string s = std::string(kNames[static_cast<int>(t.kind)]) + ":" + t.text;
    if (t.kind == TokenKind::Pname) s += "|" + t.local;
    out.push_back(s);
  }
  return out;
}

using V = std::vector<std::string>;

TEST(Lexer, Numbers) {
  EXPECT_EQ(lex("1 1.5 .5 1. 1e3 1.E-2 .5e+1 +1 -2.0 -.5e1"),
            (V{"int:1", "dec:1.5", "dec:.5", "int:1", "punct:.", "double:1e3", "double:1.E-2",
               "double:.5e+1", "int:+1", "dec:-2.0", "double:-.5e1"}));
  EXPECT_EQ(lex("?x-1"), (V{"var:x", "int:-1"}));
  EXPECT_EQ(lex("1e"), (V{"int:1", "word:e"}));
}

TEST(Lexer, NilAndAnonAllowWhiteSpaceOnly) {
  EXPECT_EQ(lex("( ) [\n] ( # c\n)"), (V{"nil:", "anon:", "punct:(", "punct:)"}));
}

TEST(Lexer, NamesAndVariables) {
  EXPECT_EQ(lex("ex:a.b. :x _:b1. ?v $w a SELECT"),
            (V{"pname:ex|a.b", "punct:.", "pname:|x", "blank:b1", "punct:.", "var:v", "var:w",
               "word:a", "word:SELECT"}));
  // SPARQL 1.2 reads \u escapes in IRIs and strings only.
  EXPECT_EQ(lex("ex:a\\~b ex:%41 ex:\xC3\xA9"),
            (V{"pname:ex|a~b", "pname:ex|%41", "pname:ex|\xC3\xA9"}));
  EXPECT_EQ(lex("ex:\\u00e9"), (V{"error:unexpected '\\' outside a string, IRI or name"}));
  EXPECT_EQ(lex("?x:a"), (V{"var:x", "pname:|a"}));
}

TEST(Lexer, IrisAndOperators) {
  EXPECT_EQ(lex("<http://a/b> < <= > >= != ! && || | ^^ ^"),
            (V{"iri:http://a/b", "punct:<", "punct:<=", "punct:>", "punct:>=", "punct:!=",
               "punct:!", "punct:&&", "punct:||", "punct:|", "punct:^^", "punct:^"}));
  EXPECT_EQ(lex("<a b>"), (V{"punct:<", "word:a", "word:b", "punct:>"}));
}

TEST(Lexer, StringsAndLanguageTags) {
  EXPECT_EQ(lex(R"('a' "b" '''c'd''' """e""f""" "x"@en-GB)"),
            (V{"string:a", "string:b", "string:c'd", "string:e\"\"f", "string:x", "lang:en-GB"}));
}

TEST(Lexer, CommentsAreSkipped) { EXPECT_EQ(lex("?a # comment <x>\n?b"), (V{"var:a", "var:b"})); }

TEST(Lexer, Errors) {
  EXPECT_EQ(lex("\\u0031"), (V{"error:unexpected '\\' outside a string, IRI or name"}));
  EXPECT_EQ(lex("'\\u12'"), (V{"error:bad \\u escape: expected 4 hex digits"}));
  EXPECT_EQ(lex("&"), (V{"error:unexpected '&' (did you mean '&&'?)"}));
  EXPECT_EQ(lex("_:"), (V{"error:expected a blank node label after '_:'"}));
  EXPECT_EQ(lex("@"), (V{"error:expected a language tag after '@'"}));
}

TEST(Lexer, Locate) {
  std::uint64_t line = 0, column = 0;
  locate("ab\ncd\xC3\xA9x", 7, line, column);
  EXPECT_EQ(line, 2u);
  EXPECT_EQ(column, 4u);
}

}  // namespace
}  // namespace quiver::sparql
