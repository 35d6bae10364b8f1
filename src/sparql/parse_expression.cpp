// Expressions, builtin calls and aggregates ([69]-[72], [110]-[128]).

#include "functions/registry.hpp"
#include "sparql/parser_internal.hpp"
#include "sparql/printer.hpp"

namespace quiver::sparql::detail {
namespace {

using functions::Function;
using functions::function_info;

// How the registry spells an operator.
std::string_view symbol(Function f) { return function_info(f).name; }

}  // namespace

ExprPtr make_call(Function function, std::vector<ExprPtr> args) {
  Expr e;
  e.kind = ExprKind::Call;
  e.function = function;
  e.args = std::move(args);
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
  while (accept_punct(symbol(Function::Or)))
    e = bounded(make_call(Function::Or, {e, parse_conditional_and()}));
  leave();
  return bounded(e);
}

// [112] ConditionalAndExpression, [113] ValueLogical
ExprPtr Parser::parse_conditional_and() {
  ExprPtr e = parse_relational();
  while (accept_punct(symbol(Function::And)))
    e = bounded(make_call(Function::And, {e, parse_relational()}));
  return e;
}

// [114] RelationalExpression
ExprPtr Parser::parse_relational() {
  ExprPtr left = parse_additive();
  for (Function f : {Function::Equal, Function::NotEqual, Function::Less, Function::Greater,
                     Function::LessEqual, Function::GreaterEqual}) {
    if (accept_punct(symbol(f))) return make_call(f, {left, parse_additive()});
  }
  const bool negated = at_word("NOT") && at_word("IN", 1);
  if (negated) next();
  if (accept_word("IN")) {
    std::vector<ExprPtr> args = {left};
    for (ExprPtr& e : parse_expression_list()) args.push_back(std::move(e));
    return make_call(negated ? Function::NotIn : Function::In, std::move(args));
  }
  return left;
}

// [115] NumericExpression, [116] AdditiveExpression. A signed number right
// after an operand (`?x -1`) is a subtraction, as the grammar spells out.
ExprPtr Parser::parse_additive() {
  ExprPtr e = parse_multiplicative();
  for (;;) {
    if (accept_punct(symbol(Function::Add))) {
      e = bounded(make_call(Function::Add, {e, parse_multiplicative()}));
    } else if (accept_punct(symbol(Function::Subtract))) {
      e = bounded(make_call(Function::Subtract, {e, parse_multiplicative()}));
    } else if ((at_kind(TokenKind::Integer) || at_kind(TokenKind::Decimal) ||
                at_kind(TokenKind::Double)) &&
               (peek().text[0] == '+' || peek().text[0] == '-')) {
      const bool minus = peek().text[0] == '-';
      Token unsigned_token = peek();
      unsigned_token.text.erase(0, 1);
      token_at(pos_) = unsigned_token;
      ExprPtr right = make_constant(parse_numeric_literal());
      for (;;) {
        if (accept_punct(symbol(Function::Multiply))) {
          right = bounded(make_call(Function::Multiply, {right, parse_unary()}));
        } else if (accept_punct(symbol(Function::Divide))) {
          right = bounded(make_call(Function::Divide, {right, parse_unary()}));
        } else {
          break;
        }
      }
      e = bounded(make_call(minus ? Function::Subtract : Function::Add, {e, right}));
    } else {
      return e;
    }
  }
}

// [117] MultiplicativeExpression
ExprPtr Parser::parse_multiplicative() {
  ExprPtr e = parse_unary();
  for (;;) {
    if (accept_punct(symbol(Function::Multiply))) {
      e = bounded(make_call(Function::Multiply, {e, parse_unary()}));
    } else if (accept_punct(symbol(Function::Divide))) {
      e = bounded(make_call(Function::Divide, {e, parse_unary()}));
    } else {
      return e;
    }
  }
}

// [118] UnaryExpression, which SPARQL 1.2 lets nest (`!!?x`)
ExprPtr Parser::parse_unary() {
  for (Function f : {Function::Not, Function::UnaryPlus, Function::UnaryMinus}) {
    if (accept_punct(symbol(f))) {
      enter();
      ExprPtr operand = parse_unary();
      leave();
      return bounded(make_call(f, {operand}));
    }
  }
  return parse_primary();
}

// [119] PrimaryExpression, [134] BooleanLiteral
ExprPtr Parser::parse_primary() {
  const Token& t = peek();
  switch (t.kind) {
    case TokenKind::Punct:
      if (t.text == "(") return parse_bracketted_expression();
      if (at_triple_term()) return parse_expr_triple_term();
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
  return functions::find_builtin(t.text) || functions::find_aggregate(t.text) ||
         at_word("EXISTS") || (at_word("NOT") && at_word("EXISTS", 1));
}

// [121] BuiltInCall, [122]-[126]
ExprPtr Parser::parse_builtin_call() {
  const Token& t = peek();
  if (functions::find_aggregate(t.text)) return parse_aggregate();
  if (at_word("EXISTS") || at_word("NOT")) {
    const bool negated = at_word("NOT");
    if (negated) next();
    next();
    Expr e;
    e.kind = negated ? ExprKind::NotExists : ExprKind::Exists;
    e.pattern = parse_group_graph_pattern();
    return make_expr(std::move(e));
  }
  const Function f = *functions::find_builtin(t.text);
  const functions::FunctionInfo& info = function_info(f);
  next();
  if (f == Function::Bound) {  // 'BOUND' '(' Var ')'
    expect_punct("(");
    if (!at_kind(TokenKind::Var)) fail_expected("a variable");
    ExprPtr var = make_variable(next().text);
    expect_punct(")");
    return make_call(f, {std::move(var)});
  }
  if (info.max_args == functions::kVariadic) return make_call(f, parse_expression_list());
  if (info.max_args == 0 || (info.min_args == 0 && at_kind(TokenKind::Nil))) {
    if (!at_kind(TokenKind::Nil)) fail_expected("'()' after " + std::string(info.name));
    next();
    return make_call(f, {});
  }
  return make_call(f, parse_args(info.min_args, info.max_args));
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
  const functions::Aggregate function = *functions::find_aggregate(keyword.text);
  if (!aggregates_->allowed) {
    fail_at(keyword, "aggregate " + std::string(functions::aggregate_info(function).name) +
                         " is not allowed here");
  }
  Expr e;
  e.kind = ExprKind::Aggregate;
  e.aggregate = function;
  expect_punct("(");
  e.distinct = accept_word("DISTINCT");
  aggregates_->allowed = false;  // no aggregate inside an aggregate
  if (function == functions::Aggregate::Count && accept_punct("*")) {
    // COUNT(*): no argument
  } else {
    e.args.push_back(parse_expression());
  }
  if (function == functions::Aggregate::GroupConcat && accept_punct(";")) {
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
  // An XSD constructor function with the one argument it takes is a
  // builtin; any other IRI, or arity, stays an extension function.
  if (const auto cast = functions::find_cast(e.name); cast && e.args.size() == 1) {
    e.kind = ExprKind::Call;
    e.function = *cast;
    e.name.clear();
  }
  return make_expr(std::move(e));
}

}  // namespace quiver::sparql::detail
