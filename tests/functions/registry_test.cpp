// The registry against its sources: every id has one entry, names find
// their ids again, the arities are the SPARQL 1.1 grammar's (read from the
// grammar's own text below), and exactly the functions whose value may
// change between calls are volatile.

#include "functions/registry.hpp"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <sstream>
#include <string>

#include "util/ascii.hpp"

namespace quiver::functions {
namespace {

// SPARQL 1.1 Query, section 19.8, rules [121]-[124] as the recommendation
// writes them, one alternative per line (Aggregate, ExistsFunc and
// NotExistsFunc aside: they are not calls of expressions), and the
// alternatives SPARQL 1.2's BuiltInCall adds for RDF 1.2 terms.
constexpr std::string_view kBuiltInCall = R"(
'STR' '(' Expression ')'
'LANG' '(' Expression ')'
'LANGMATCHES' '(' Expression ',' Expression ')'
'DATATYPE' '(' Expression ')'
'BOUND' '(' Var ')'
'IRI' '(' Expression ')'
'URI' '(' Expression ')'
'BNODE' ( '(' Expression ')' | NIL )
'RAND' NIL
'ABS' '(' Expression ')'
'CEIL' '(' Expression ')'
'FLOOR' '(' Expression ')'
'ROUND' '(' Expression ')'
'CONCAT' ExpressionList
'SUBSTR' '(' Expression ',' Expression ( ',' Expression )? ')'
'STRLEN' '(' Expression ')'
'REPLACE' '(' Expression ',' Expression ',' Expression ( ',' Expression )? ')'
'UCASE' '(' Expression ')'
'LCASE' '(' Expression ')'
'ENCODE_FOR_URI' '(' Expression ')'
'CONTAINS' '(' Expression ',' Expression ')'
'STRSTARTS' '(' Expression ',' Expression ')'
'STRENDS' '(' Expression ',' Expression ')'
'STRBEFORE' '(' Expression ',' Expression ')'
'STRAFTER' '(' Expression ',' Expression ')'
'YEAR' '(' Expression ')'
'MONTH' '(' Expression ')'
'DAY' '(' Expression ')'
'HOURS' '(' Expression ')'
'MINUTES' '(' Expression ')'
'SECONDS' '(' Expression ')'
'TIMEZONE' '(' Expression ')'
'TZ' '(' Expression ')'
'NOW' NIL
'UUID' NIL
'STRUUID' NIL
'LANGDIR' '(' Expression ')'
'STRLANGDIR' '(' Expression ',' Expression ',' Expression ')'
'hasLANG' '(' Expression ')'
'hasLANGDIR' '(' Expression ')'
'isTRIPLE' '(' Expression ')'
'TRIPLE' '(' Expression ',' Expression ',' Expression ')'
'SUBJECT' '(' Expression ')'
'PREDICATE' '(' Expression ')'
'OBJECT' '(' Expression ')'
'MD5' '(' Expression ')'
'SHA1' '(' Expression ')'
'SHA256' '(' Expression ')'
'SHA384' '(' Expression ')'
'SHA512' '(' Expression ')'
'COALESCE' ExpressionList
'IF' '(' Expression ',' Expression ',' Expression ')'
'STRLANG' '(' Expression ',' Expression ')'
'STRDT' '(' Expression ',' Expression ')'
'sameTerm' '(' Expression ',' Expression ')'
'isIRI' '(' Expression ')'
'isURI' '(' Expression ')'
'isBLANK' '(' Expression ')'
'isLITERAL' '(' Expression ')'
'isNUMERIC' '(' Expression ')'
'REGEX' '(' Expression ',' Expression ( ',' Expression )? ')'
)";

struct Arity {
  int min;
  int max;
  bool operator==(const Arity&) const = default;
};

std::size_t count(std::string_view text, std::string_view word) {
  std::size_t n = 0;
  for (std::size_t at = text.find(word); at != text.npos; at = text.find(word, at + 1)) ++n;
  return n;
}

// Each keyword of the grammar text with the arguments it takes.
std::map<std::string, Arity> grammar_arities() {
  std::map<std::string, Arity> out;
  std::istringstream lines{std::string(kBuiltInCall)};
  for (std::string line; std::getline(lines, line);) {
    if (line.empty()) continue;
    const std::size_t end = line.find('\'', 1);
    const std::string keyword = ascii_upper(line.substr(1, end - 1));
    const std::string_view rest = std::string_view(line).substr(end + 1);
    const int expressions = static_cast<int>(count(rest, "Expression ") + count(rest, "Var "));
    const int optional = static_cast<int>(count(rest, "( ',' Expression )?"));
    if (rest.find("ExpressionList") != rest.npos) {
      out[keyword] = {0, kVariadic};
    } else if (rest.find("NIL") != rest.npos) {
      out[keyword] = {0, expressions};
    } else {
      out[keyword] = {expressions - optional, expressions};
    }
  }
  return out;
}

TEST(Registry, EveryIdHasOneEntryInOrder) {
  ASSERT_EQ(kFunctionTable.size(), kFunctionCount);
  for (std::size_t i = 0; i < kFunctionCount; ++i) {
    const auto f = static_cast<Function>(i);
    EXPECT_EQ(function_info(f).id, f) << i;
    EXPECT_FALSE(function_info(f).name.empty()) << i;
    EXPECT_EQ(function_info(f).special, function_info(f).implementation == nullptr) << i;
  }
  ASSERT_EQ(kAggregateTable.size(), kAggregateCount);
  for (std::size_t i = 0; i < kAggregateCount; ++i) {
    const auto a = static_cast<Aggregate>(i);
    EXPECT_EQ(aggregate_info(a).id, a) << i;
    EXPECT_NE(aggregate_info(a).make, nullptr) << i;
  }
}

TEST(Registry, NamesFindTheirIds) {
  std::set<std::string> operators;
  for (const FunctionInfo& info : kFunctionTable) {
    const std::string name(info.name);
    switch (info.syntax) {
      case Syntax::Keyword:
        EXPECT_EQ(find_builtin(name), info.id) << name;
        EXPECT_EQ(find_builtin(ascii_lower(name)), info.id) << name;
        EXPECT_EQ(find_cast(name), std::nullopt) << name;
        break;
      case Syntax::Iri:
        EXPECT_EQ(find_cast(name), info.id) << name;
        EXPECT_EQ(find_builtin(name), std::nullopt) << name;
        break;
      case Syntax::Operator:
        // The grammar places operators, never a lookup; the symbol and the
        // arity together tell them apart (`-a` and `a - b`).
        EXPECT_EQ(find_builtin(name), std::nullopt) << name;
        EXPECT_TRUE(operators.insert(name + "/" + std::to_string(info.min_args)).second) << name;
        break;
    }
  }
  for (const AggregateInfo& info : kAggregateTable) {
    EXPECT_EQ(find_aggregate(info.name), info.id) << info.name;
    EXPECT_EQ(find_builtin(info.name), std::nullopt) << info.name;
  }
}

TEST(Registry, ArityIsTheGrammars) {
  const std::map<std::string, Arity> grammar = grammar_arities();
  std::set<std::string> keywords;
  for (const FunctionInfo& info : kFunctionTable) {
    const Arity arity{info.min_args, info.max_args};
    const std::string name(info.name);
    switch (info.syntax) {
      case Syntax::Keyword: {
        keywords.insert(name);
        const auto it = grammar.find(name);
        ASSERT_NE(it, grammar.end()) << name << " is not in [121]";
        EXPECT_EQ(arity, it->second) << name;
        break;
      }
      case Syntax::Iri:
        // XPath constructor functions take one argument (17.5).
        EXPECT_EQ(arity, (Arity{1, 1})) << name;
        break;
      case Syntax::Operator: {
        // [111]-[118]: unary and binary operators; IN and NOT IN take their
        // left operand and an ExpressionList.
        const bool list = info.id == Function::In || info.id == Function::NotIn;
        const bool unary = info.id == Function::Not || info.id == Function::UnaryPlus ||
                           info.id == Function::UnaryMinus;
        const Arity expected = list ? Arity{1, kVariadic} : unary ? Arity{1, 1} : Arity{2, 2};
        EXPECT_EQ(arity, expected) << name;
        break;
      }
    }
  }
  for (const auto& [keyword, arity] : grammar) {
    EXPECT_TRUE(keywords.contains(keyword)) << keyword << " is missing from the registry";
  }
}

TEST(Registry, VolatileAreTheFunctionsOfTimeAndChance) {
  std::set<Function> volatile_functions;
  for (const FunctionInfo& info : kFunctionTable) {
    if (is_volatile(info.id)) volatile_functions.insert(info.id);
  }
  EXPECT_EQ(volatile_functions, (std::set<Function>{Function::Rand, Function::Now, Function::Uuid,
                                                    Function::StrUuid, Function::BNode}));
  EXPECT_EQ(function_info(Function::Now).determinism, Determinism::PerQuery);
}

TEST(Registry, SpecialFormsAreTheEvaluators) {
  std::set<Function> special;
  for (const FunctionInfo& info : kFunctionTable) {
    if (info.special) special.insert(info.id);
  }
  EXPECT_EQ(special, (std::set<Function>{Function::Or, Function::And, Function::In, Function::NotIn,
                                         Function::Bound, Function::If, Function::Coalesce}));
}

}  // namespace
}  // namespace quiver::functions
