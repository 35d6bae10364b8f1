// Expressions, builtin calls and aggregates ([69]-[72], [110]-[128]).

#include <algorithm>

#include "sparql/parser_internal.hpp"
#include "sparql/printer.hpp"
#include "util/ascii.hpp"

namespace quiver::sparql::detail {
namespace {

// A builtin taking '(' Expression, ... ')' with a fixed range of arity.
struct Builtin {
  std::string_view name;
  std::uint8_t min;
  std::uint8_t max;
};

constexpr Builtin kBuiltins[] = {
    {"STR", 1, 1},      {"LANG", 1, 1},      {"LANGMATCHES", 2, 2}, {"DATATYPE", 1, 1},
    {"IRI", 1, 1},      {"URI", 1, 1},       {"ABS", 1, 1},         {"CEIL", 1, 1},
    {"FLOOR", 1, 1},    {"ROUND", 1, 1},     {"SUBSTR", 2, 3},      {"STRLEN", 1, 1},
    {"REPLACE", 3, 4},  {"UCASE", 1, 1},     {"LCASE", 1, 1},       {"ENCODE_FOR_URI", 1, 1},
    {"CONTAINS", 2, 2}, {"STRSTARTS", 2, 2}, {"STRENDS", 2, 2},     {"STRBEFORE", 2, 2},
    {"STRAFTER", 2, 2}, {"YEAR", 1, 1},      {"MONTH", 1, 1},       {"DAY", 1, 1},
    {"HOURS", 1, 1},    {"MINUTES", 1, 1},   {"SECONDS", 1, 1},     {"TIMEZONE", 1, 1},
    {"TZ", 1, 1},       {"MD5", 1, 1},       {"SHA1", 1, 1},        {"SHA256", 1, 1},
    {"SHA384", 1, 1},   {"SHA512", 1, 1},    {"IF", 3, 3},          {"STRLANG", 2, 2},
    {"STRDT", 2, 2},    {"SAMETERM", 2, 2},  {"ISIRI", 1, 1},       {"ISURI", 1, 1},
    {"ISBLANK", 1, 1},  {"ISLITERAL", 1, 1}, {"ISNUMERIC", 1, 1},   {"REGEX", 2, 3},
};

// Builtins written with NIL only, and those taking an ExpressionList.
constexpr std::string_view kNilBuiltins[] = {"RAND", "NOW", "UUID", "STRUUID"};
constexpr std::string_view kListBuiltins[] = {"CONCAT", "COALESCE"};
constexpr std::string_view kAggregates[] = {"COUNT", "SUM",    "MIN",         "MAX",
                                            "AVG",   "SAMPLE", "GROUP_CONCAT"};

template <class Range>
bool contains(const Range& range, std::string_view name) {
  return std::find(std::begin(range), std::end(range), name) != std::end(range);
}

const Builtin* find_builtin(std::string_view name) {
  for (const Builtin& b : kBuiltins) {
    if (b.name == name) return &b;
  }
  return nullptr;
}

}  // namespace

ExprPtr make_call(ExprKind kind, std::vector<ExprPtr> args, std::string name) {
  Expr e;
  e.kind = kind;
  e.args = std::move(args);
  e.name = std::move(name);
  return make_expr(std::move(e));
}

ExprPtr make_constant(Term term) {
  Expr e;
  e.kind = ExprKind::Constant;
  e.constant = std::move(term);
  return make_expr(std::move(e));
}

ExprPtr make_variable(std::string name) {
  Expr e;
  e.kind = ExprKind::Variable;
  e.name = std::move(name);
  return make_expr(std::move(e));
}

// [110] Expression, [111] ConditionalOrExpression
ExprPtr Parser::parse_expression() {
  enter();
  ExprPtr e = parse_conditional_and();
  while (accept_punct("||")) e = make_call(ExprKind::Or, {e, parse_conditional_and()});
  leave();
  return e;
}

// [112] ConditionalAndExpression, [113] ValueLogical
ExprPtr Parser::parse_conditional_and() {
  ExprPtr e = parse_relational();
  while (accept_punct("&&")) e = make_call(ExprKind::And, {e, parse_relational()});
  return e;
}

// [114] RelationalExpression
ExprPtr Parser::parse_relational() {
  ExprPtr left = parse_additive();
  static constexpr std::pair<std::string_view, ExprKind> kOps[] = {
      {"=", ExprKind::Equal},   {"!=", ExprKind::NotEqual},  {"<", ExprKind::Less},
      {">", ExprKind::Greater}, {"<=", ExprKind::LessEqual}, {">=", ExprKind::GreaterEqual}};
  for (const auto& [text, kind] : kOps) {
    if (accept_punct(text)) return make_call(kind, {left, parse_additive()});
  }
  const bool negated = at_word("NOT") && at_word("IN", 1);
  if (negated) next();
  if (accept_word("IN")) {
    std::vector<ExprPtr> args = {left};
    for (ExprPtr& e : parse_expression_list()) args.push_back(std::move(e));
    return make_call(negated ? ExprKind::NotIn : ExprKind::In, std::move(args));
  }
  return left;
}

// [115] NumericExpression, [116] AdditiveExpression. A signed number right
// after an operand (`?x -1`) is a subtraction, as the grammar spells out.
ExprPtr Parser::parse_additive() {
  ExprPtr e = parse_multiplicative();
  for (;;) {
    if (accept_punct("+")) {
      e = make_call(ExprKind::Add, {e, parse_multiplicative()});
    } else if (accept_punct("-")) {
      e = make_call(ExprKind::Subtract, {e, parse_multiplicative()});
    } else if ((at_kind(TokenKind::Integer) || at_kind(TokenKind::Decimal) ||
                at_kind(TokenKind::Double)) &&
               (peek().text[0] == '+' || peek().text[0] == '-')) {
      const bool minus = peek().text[0] == '-';
      Token unsigned_token = peek();
      unsigned_token.text.erase(0, 1);
      tokens_[pos_] = unsigned_token;
      ExprPtr right = make_constant(parse_numeric_literal());
      for (;;) {
        if (accept_punct("*")) {
          right = make_call(ExprKind::Multiply, {right, parse_unary()});
        } else if (accept_punct("/")) {
          right = make_call(ExprKind::Divide, {right, parse_unary()});
        } else {
          break;
        }
      }
      e = make_call(minus ? ExprKind::Subtract : ExprKind::Add, {e, right});
    } else {
      return e;
    }
  }
}

// [117] MultiplicativeExpression
ExprPtr Parser::parse_multiplicative() {
  ExprPtr e = parse_unary();
  for (;;) {
    if (accept_punct("*")) {
      e = make_call(ExprKind::Multiply, {e, parse_unary()});
    } else if (accept_punct("/")) {
      e = make_call(ExprKind::Divide, {e, parse_unary()});
    } else {
      return e;
    }
  }
}

// [118] UnaryExpression
ExprPtr Parser::parse_unary() {
  if (accept_punct("!")) return make_call(ExprKind::Not, {parse_primary()});
  if (accept_punct("+")) return make_call(ExprKind::UnaryPlus, {parse_primary()});
  if (accept_punct("-")) return make_call(ExprKind::UnaryMinus, {parse_primary()});
  return parse_primary();
}

// [119] PrimaryExpression, [134] BooleanLiteral
ExprPtr Parser::parse_primary() {
  const Token& t = peek();
  switch (t.kind) {
    case TokenKind::Punct:
      if (t.text == "(") return parse_bracketted_expression();
      break;
    case TokenKind::Var:
      return make_variable(next().text);
    case TokenKind::IriRef:
    case TokenKind::Pname:
      return parse_iri_or_function(false);
    case TokenKind::String:
      return make_constant(parse_rdf_literal());
    case TokenKind::Integer:
    case TokenKind::Decimal:
    case TokenKind::Double:
      return make_constant(parse_numeric_literal());
    case TokenKind::Word:
      if (at_word("true") || at_word("false")) {
        const bool value = at_word("true");
        next();
        return make_constant(Term::literal(value ? "true" : "false", vocab::kXsdBoolean));
      }
      if (at_builtin_call()) return parse_builtin_call();
      fail_at(t, "unknown function " + describe_token(text_, t));
    default:
      break;
  }
  fail_expected("an expression");
}

// [120] BrackettedExpression
ExprPtr Parser::parse_bracketted_expression() {
  expect_punct("(");
  ExprPtr e = parse_expression();
  expect_punct(")");
  return e;
}

// [69] Constraint
ExprPtr Parser::parse_constraint() {
  if (at_punct("(")) return parse_bracketted_expression();
  if (at_builtin_call()) return parse_builtin_call();
  if (at_kind(TokenKind::IriRef) || at_kind(TokenKind::Pname)) return parse_iri_or_function(true);
  fail_expected("'(', a function call or builtin call");
}

bool Parser::at_builtin_call() const {
  const Token& t = peek();
  if (t.kind != TokenKind::Word) return false;
  const std::string name = ascii_upper(t.text);
  return find_builtin(name) || contains(kNilBuiltins, name) || contains(kListBuiltins, name) ||
         contains(kAggregates, name) || name == "BOUND" || name == "BNODE" || name == "EXISTS" ||
         (name == "NOT" && at_word("EXISTS", 1));
}

// [121] BuiltInCall, [122]-[126]
ExprPtr Parser::parse_builtin_call() {
  const Token& t = peek();
  const std::string name = ascii_upper(t.text);
  if (contains(kAggregates, name)) return parse_aggregate();
  if (name == "EXISTS" || name == "NOT") {
    if (name == "NOT") next();
    next();
    Expr e;
    e.kind = name == "NOT" ? ExprKind::NotExists : ExprKind::Exists;
    e.pattern = parse_group_graph_pattern();
    return make_expr(std::move(e));
  }
  next();
  if (name == "BOUND") {
    expect_punct("(");
    if (!at_kind(TokenKind::Var)) fail_expected("a variable");
    ExprPtr var = make_variable(next().text);
    expect_punct(")");
    return make_call(ExprKind::Function, {std::move(var)}, name);
  }
  if (contains(kNilBuiltins, name) || (name == "BNODE" && at_kind(TokenKind::Nil))) {
    if (!at_kind(TokenKind::Nil)) fail_expected("'()' after " + name);
    next();
    return make_call(ExprKind::Function, {}, name);
  }
  if (contains(kListBuiltins, name)) {
    return make_call(ExprKind::Function, parse_expression_list(), name);
  }
  const Builtin* b = find_builtin(name);
  const std::size_t min = b ? b->min : 1, max = b ? b->max : 1;  // BNODE(expr)
  return make_call(ExprKind::Function, parse_args(min, max), name);
}

// '(' Expression ( ',' Expression )* ')' with between min and max arguments.
std::vector<ExprPtr> Parser::parse_args(std::size_t min, std::size_t max) {
  const Token& open = peek();
  expect_punct("(");
  std::vector<ExprPtr> args;
  do {
    args.push_back(parse_expression());
  } while (args.size() < max && accept_punct(","));
  if (args.size() < min) {
    fail_at(open, "expected " + std::to_string(min) + " arguments but found " +
                      std::to_string(args.size()));
  }
  expect_punct(")");
  return args;
}

// [72] ExpressionList
std::vector<ExprPtr> Parser::parse_expression_list() {
  if (at_kind(TokenKind::Nil)) {
    next();
    return {};
  }
  expect_punct("(");
  std::vector<ExprPtr> list;
  do {
    list.push_back(parse_expression());
  } while (accept_punct(","));
  expect_punct(")");
  return list;
}

// [127] Aggregate: bound to a fresh variable of the query level.
ExprPtr Parser::parse_aggregate() {
  const Token& keyword = next();
  const std::string name = ascii_upper(keyword.text);
  if (!aggregates_->allowed) {
    fail_at(keyword, "aggregate " + name + " is not allowed here");
  }
  Expr e;
  e.kind = ExprKind::Aggregate;
  e.name = name;
  expect_punct("(");
  e.distinct = accept_word("DISTINCT");
  aggregates_->allowed = false;  // no aggregate inside an aggregate
  if (name == "COUNT" && accept_punct("*")) {
    // COUNT(*): no argument
  } else {
    e.args.push_back(parse_expression());
  }
  if (name == "GROUP_CONCAT" && accept_punct(";")) {
    expect_word("SEPARATOR");
    expect_punct("=");
    if (!at_kind(TokenKind::String)) fail_expected("a separator string");
    e.separator = next().text;
  }
  aggregates_->allowed = true;
  expect_punct(")");
  ExprPtr aggregate = make_expr(std::move(e));
  const std::string key = to_sse(*aggregate);
  const auto it = aggregates_->by_sse.find(key);
  if (it != aggregates_->by_sse.end()) return make_variable(it->second);
  std::string variable = ".agg" + std::to_string(aggregates_->aggregates.size());
  aggregates_->by_sse.emplace(key, variable);
  aggregates_->aggregates.push_back({variable, aggregate});
  return make_variable(std::move(variable));
}

// [128] iriOrFunction, [70] FunctionCall, [71] ArgList
ExprPtr Parser::parse_iri_or_function(bool require_args) {
  Term iri = parse_iri();
  if (!at_kind(TokenKind::Nil) && !at_punct("(")) {
    if (require_args) fail_expected("'(' after the function IRI");
    return make_constant(std::move(iri));
  }
  Expr e;
  e.kind = ExprKind::IriFunction;
  e.name = iri.value();
  if (at_kind(TokenKind::Nil)) {
    next();
  } else {
    expect_punct("(");
    e.distinct = accept_word("DISTINCT");
    do {
      e.args.push_back(parse_expression());
    } while (accept_punct(","));
    expect_punct(")");
  }
  return make_expr(std::move(e));
}

}  // namespace quiver::sparql::detail
