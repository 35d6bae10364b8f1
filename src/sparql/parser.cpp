// Entry point, token helpers, the prologue, the four query forms and the
// solution modifiers.

#include <algorithm>
#include <charconv>

#include "sparql/parser_internal.hpp"
#include "terms/iri.hpp"
#include "terms/term_reader.hpp"
#include "util/ascii.hpp"

namespace quiver::sparql {
namespace detail {
namespace {

// Deep enough for any real query, shallow enough for the stack.
constexpr int kMaxDepth = 400;

}  // namespace

Parser::Parser(std::string_view text, const ParseOptions& options)
    : text_(text), lexer_(text), base_(options.base_iri) {
  // Every `_:label` the text may hold (a few more, from strings and
  // comments, do no harm): fresh names must differ from them all.
  for (std::size_t at = text.find("_:"); at != std::string_view::npos; at = text.find("_:", at)) {
    at += 2;
    std::size_t end = at;
    while (end < text.size() &&
           (is_alnum(text[end]) || text[end] == '_' || text[end] == '-' || text[end] == '.' ||
            static_cast<unsigned char>(text[end]) >= 0x80)) {
      ++end;
    }
    std::string_view label = text.substr(at, end - at);
    used_labels_.emplace(label);
    while (label.ends_with('.')) label.remove_suffix(1);
    used_labels_.emplace(label);
  }
}

const Token& Parser::peek(std::size_t ahead) const {
  // Reading ahead changes only what is buffered, not what the parser sees.
  auto& self = const_cast<Parser&>(*this);
  const std::size_t index = pos_ + ahead;
  while (window_start_ + window_.size() <= index &&
         (window_.empty() || window_.back().kind != TokenKind::Eof)) {
    self.window_.push_back(self.lexer_.next());
  }
  return index < window_start_ + window_.size() ? token_at(index) : window_.back();
}

const Token& Parser::next() {
  const Token& t = peek();
  if (t.kind != TokenKind::Eof) ++pos_;
  return t;
}

void Parser::release_consumed() {
  // A few consumed tokens stay: messages point at the last ones.
  while (pos_ - window_start_ > 16) {
    window_.pop_front();
    ++window_start_;
  }
}

bool Parser::at_punct(std::string_view p, std::size_t ahead) const {
  const Token& t = peek(ahead);
  return t.kind == TokenKind::Punct && t.text == p;
}

bool Parser::at_word(std::string_view keyword, std::size_t ahead) const {
  const Token& t = peek(ahead);
  return t.kind == TokenKind::Word && equal_ignore_case(t.text, keyword);
}

bool Parser::accept_punct(std::string_view p) {
  if (!at_punct(p)) return false;
  next();
  return true;
}

bool Parser::accept_word(std::string_view keyword) {
  if (!at_word(keyword)) return false;
  next();
  return true;
}

void Parser::expect_punct(std::string_view p) {
  if (!accept_punct(p)) fail_expected("'" + std::string(p) + "'");
}

void Parser::expect_word(std::string_view keyword) {
  if (!accept_word(keyword)) fail_expected(std::string(keyword));
}

void Parser::fail_at(const Token& token, std::string message) const {
  throw SyntaxError{token.offset, token.length, std::move(message)};
}

void Parser::fail_expected(std::string_view what) const {
  fail_at(peek(), "expected " + std::string(what) + " but found " + describe_token(text_, peek()));
}

void Parser::enter() {
  if (++depth_ > kMaxDepth) fail_at(peek(), "query nested too deeply");
}

void Parser::fail_too_tall() const {
  fail_at(peek(), "query nested too deeply: its algebra would be more than " +
                      std::to_string(kMaxHeight) + " levels tall");
}

std::string Parser::resolve(std::string_view iri) const {
  if (base_.empty() && !has_scheme(iri) && absolute_iris_) {
    // The IRI token was just read.
    fail_at(previous(), "relative IRI <" + std::string(iri) +
                            "> and no base IRI: write a BASE, or give one (quiver update --base)");
  }
  if (base_.empty() || has_scheme(iri)) return std::string(iri);
  return resolve_iri(base_, iri);
}

std::string Parser::expand(const Token& pname) const {
  const auto it = prefixes_.find(pname.text);
  if (it == prefixes_.end()) fail_at(pname, "undefined prefix '" + pname.text + ":'");
  return it->second + pname.local;
}

// [1] QueryUnit, [2] Query
Query Parser::parse() {
  Query query;
  parse_prologue();
  if (at_word("SELECT")) {
    parse_select_query(query);
  } else if (at_word("CONSTRUCT")) {
    parse_construct_query(query);
  } else if (at_word("DESCRIBE")) {
    parse_describe_query(query);
  } else if (at_word("ASK")) {
    parse_ask_query(query);
  } else {
    fail_expected("SELECT, CONSTRUCT, DESCRIBE or ASK");
  }
  if (!at_kind(TokenKind::Eof)) fail_expected("end of query");
  bounded(query.pattern);
  query.base_iri = base_;
  query.prefixes = declared_prefixes_;
  return query;
}

// [4] Prologue, [5] BaseDecl, [6] PrefixDecl, SPARQL 1.2's VersionDecl
void Parser::parse_prologue() {
  for (;;) {
    if (accept_word("VERSION")) {
      // VersionSpecifier: STRING_LITERAL1 or STRING_LITERAL2, not a long one.
      const Token& version = peek();
      const std::string_view raw = std::string_view(text_).substr(version.offset);
      if (version.kind != TokenKind::String || raw.starts_with("\"\"\"") ||
          raw.starts_with("'''")) {
        fail_expected("the version as a short string after VERSION (VERSION \"1.2\")");
      }
      if (!is_known_rdf_version(version.text)) {
        fail_at(version, "unknown version \"" + version.text +
                             "\" (this engine knows 1.1, 1.2 and 1.2-basic)");
      }
      next();
    } else if (accept_word("BASE")) {
      if (!at_kind(TokenKind::IriRef)) fail_expected("an IRI after BASE");
      base_ = resolve(next().text);
    } else if (accept_word("PREFIX")) {
      const Token& name = peek();
      if (name.kind != TokenKind::Pname || !name.local.empty()) {
        fail_expected("a prefix name such as 'ex:' after PREFIX");
      }
      next();
      if (!at_kind(TokenKind::IriRef)) fail_expected("an IRI after the prefix name");
      prefixes_[name.text] = resolve(next().text);
      // Kept in order for showing results with the query's own short names.
      std::string short_name = name.text;
      if (!short_name.empty() && short_name.back() == ':') short_name.pop_back();
      declared_prefixes_.emplace_back(short_name, prefixes_[name.text]);
    } else {
      return;
    }
  }
}

// [7] SelectQuery
void Parser::parse_select_query(Query& query) {
  AggregateScope scope;
  aggregates_ = &scope;
  query.form = QueryForm::Select;
  const SelectClause select = parse_select_clause();
  parse_dataset_clauses(query);
  OpPtr where = parse_where_clause();
  Modifiers modifiers = parse_solution_modifier();
  aggregates_ = &scope;
  modifiers.values = parse_values_clause();
  query.pattern = translate_select(select, std::move(where), modifiers, query.variables);
}

// [8] SubSelect
OpPtr Parser::parse_sub_select() {
  AggregateScope scope;
  AggregateScope* const outer = aggregates_;
  aggregates_ = &scope;
  const SelectClause select = parse_select_clause();
  OpPtr where = parse_where_clause();
  Modifiers modifiers = parse_solution_modifier();
  modifiers.values = parse_values_clause();
  std::vector<std::string> variables;
  OpPtr op = bounded(translate_select(select, std::move(where), modifiers, variables));
  aggregates_ = outer;
  return op;
}

// [9] SelectClause
SelectClause Parser::parse_select_clause() {
  SelectClause select;
  select.token = peek();
  expect_word("SELECT");
  if (accept_word("DISTINCT")) {
    select.distinct = true;
  } else if (accept_word("REDUCED")) {
    select.reduced = true;
  }
  if (accept_punct("*")) {
    select.star = true;
    return select;
  }
  for (;;) {
    const Token token = peek();
    if (at_kind(TokenKind::Var)) {
      select.items.push_back({next().text, nullptr, token});
    } else if (accept_punct("(")) {
      aggregates_->allowed = true;
      ExprPtr expr = parse_expression();
      aggregates_->allowed = false;
      expect_word("AS");
      if (!at_kind(TokenKind::Var)) fail_expected("a variable after AS");
      select.items.push_back({next().text, std::move(expr), token});
      expect_punct(")");
    } else {
      break;
    }
  }
  if (select.items.empty()) fail_expected("'*', a variable or '(' expression AS variable ')'");
  return select;
}

// [10] ConstructQuery
void Parser::parse_construct_query(Query& query) {
  AggregateScope scope;
  aggregates_ = &scope;
  query.form = QueryForm::Construct;
  expect_word("CONSTRUCT");
  OpPtr where;
  if (at_punct("{")) {  // [73] ConstructTemplate
    next();
    TriplesBlock block;
    template_mode_ = true;
    allow_paths_ = false;
    while (!at_punct("}")) {  // [74] ConstructTriples
      parse_triples_same_subject(block);
      if (!accept_punct(".")) break;
    }
    template_mode_ = false;
    allow_paths_ = true;
    expect_punct("}");
    for (Op& op : block.items) {
      for (TriplePattern& t : op.triples) query.construct_template.push_back(std::move(t));
    }
    parse_dataset_clauses(query);
    where = parse_where_clause();
  } else {  // CONSTRUCT WHERE { TriplesTemplate }: the template is the pattern
    parse_dataset_clauses(query);
    expect_word("WHERE");
    expect_punct("{");
    TriplesBlock block;
    allow_paths_ = false;
    current_bgp_ = ++bgp_counter_;
    while (!at_punct("}")) {  // [52] TriplesTemplate
      parse_triples_same_subject(block);
      if (!accept_punct(".")) break;
    }
    allow_paths_ = true;
    expect_punct("}");
    Op bgp;
    bgp.kind = OpKind::Bgp;
    for (const Op& op : block.items) {
      bgp.triples.insert(bgp.triples.end(), op.triples.begin(), op.triples.end());
    }
    query.construct_template = bgp.triples;
    where = bgp.triples.empty() ? make_op(Op{}) : make_op(std::move(bgp));
    if (!block.unpacks.empty()) where = apply_unpacks(std::move(where), block.unpacks);
  }
  Modifiers modifiers = parse_solution_modifier();
  aggregates_ = &scope;
  modifiers.values = parse_values_clause();
  query.pattern = translate_modifiers(std::move(where), modifiers);
}

// [11] DescribeQuery
void Parser::parse_describe_query(Query& query) {
  AggregateScope scope;
  aggregates_ = &scope;
  query.form = QueryForm::Describe;
  expect_word("DESCRIBE");
  if (!accept_punct("*")) {
    do {
      query.describe.push_back(parse_var_or_iri());
    } while (at_kind(TokenKind::Var) || at_kind(TokenKind::IriRef) || at_kind(TokenKind::Pname));
  }
  parse_dataset_clauses(query);
  OpPtr where = (at_word("WHERE") || at_punct("{")) ? parse_where_clause() : make_op(Op{});
  Modifiers modifiers = parse_solution_modifier();
  aggregates_ = &scope;
  modifiers.values = parse_values_clause();
  query.pattern = translate_modifiers(std::move(where), modifiers);
}

// [12] AskQuery
void Parser::parse_ask_query(Query& query) {
  AggregateScope scope;
  aggregates_ = &scope;
  query.form = QueryForm::Ask;
  expect_word("ASK");
  parse_dataset_clauses(query);
  OpPtr where = parse_where_clause();
  Modifiers modifiers = parse_solution_modifier();
  aggregates_ = &scope;
  modifiers.values = parse_values_clause();
  query.pattern = translate_modifiers(std::move(where), modifiers);
}

// [13] DatasetClause, [14] DefaultGraphClause, [15] NamedGraphClause
void Parser::parse_dataset_clauses(Query& query) {
  while (accept_word("FROM")) {
    const bool named = accept_word("NAMED");
    (named ? query.from_named : query.from).push_back(parse_iri().value());
  }
}

// [17] WhereClause
OpPtr Parser::parse_where_clause() {
  accept_word("WHERE");
  return parse_group_graph_pattern();
}

// [18] SolutionModifier, [21] HavingClause, [25]-[27] LIMIT / OFFSET
Modifiers Parser::parse_solution_modifier() {
  Modifiers m;
  if (at_word("GROUP")) parse_group_clause(m);
  if (accept_word("HAVING")) {
    aggregates_->allowed = true;
    do {
      m.having.push_back(parse_constraint());
    } while (at_punct("(") || at_builtin_call() || at_kind(TokenKind::IriRef) ||
             at_kind(TokenKind::Pname));
    aggregates_->allowed = false;
  }
  if (at_word("ORDER")) parse_order_clause(m);
  bool has_limit = false, has_offset = false;
  for (;;) {
    if (!has_limit && accept_word("LIMIT")) {
      has_limit = true;
      m.limit = parse_integer();
    } else if (!has_offset && accept_word("OFFSET")) {
      has_offset = true;
      m.offset = parse_integer();
    } else {
      break;
    }
  }
  return m;
}

std::int64_t Parser::parse_integer() {
  const Token& t = peek();
  std::int64_t value = 0;
  if (t.kind != TokenKind::Integer || t.text[0] == '+' || t.text[0] == '-') {
    fail_expected("an unsigned integer");
  }
  const auto [end, ec] = std::from_chars(t.text.data(), t.text.data() + t.text.size(), value);
  if (ec != std::errc() || end != t.text.data() + t.text.size()) fail_at(t, "integer too large");
  next();
  return value;
}

// [19] GroupClause, [20] GroupCondition
void Parser::parse_group_clause(Modifiers& m) {
  expect_word("GROUP");
  expect_word("BY");
  m.group_by = true;
  aggregates_->allowed = false;
  for (;;) {
    if (at_kind(TokenKind::Var)) {
      std::string name = next().text;
      m.group_keys.push_back({name, make_variable(name)});
    } else if (accept_punct("(")) {
      ExprPtr expr = parse_expression();
      std::string name;
      if (accept_word("AS")) {
        if (!at_kind(TokenKind::Var)) fail_expected("a variable after AS");
        name = next().text;
      }
      expect_punct(")");
      m.group_keys.push_back({std::move(name), std::move(expr)});
    } else if (at_builtin_call()) {
      m.group_keys.push_back({"", parse_builtin_call()});
    } else if (at_kind(TokenKind::IriRef) || at_kind(TokenKind::Pname)) {
      m.group_keys.push_back({"", parse_iri_or_function(true)});
    } else {
      break;
    }
  }
  if (m.group_keys.empty()) fail_expected("a GROUP BY condition");
}

// [23] OrderClause, [24] OrderCondition
void Parser::parse_order_clause(Modifiers& m) {
  expect_word("ORDER");
  expect_word("BY");
  aggregates_->allowed = true;
  for (;;) {
    if (at_word("ASC") || at_word("DESC")) {
      const bool descending = at_word("DESC");
      next();
      m.order.push_back({parse_bracketted_expression(), descending});
    } else if (at_kind(TokenKind::Var)) {
      m.order.push_back({make_variable(next().text), false});
    } else if (at_punct("(") || at_builtin_call() || at_kind(TokenKind::IriRef) ||
               at_kind(TokenKind::Pname)) {
      m.order.push_back({parse_constraint(), false});
    } else {
      break;
    }
  }
  aggregates_->allowed = false;
  if (m.order.empty()) fail_expected("an ORDER BY condition");
}

// [28] ValuesClause
OpPtr Parser::parse_values_clause() {
  if (!accept_word("VALUES")) return nullptr;
  return parse_data_block();
}

// [62] DataBlock, [63] InlineDataOneVar, [64] InlineDataFull
OpPtr Parser::parse_data_block() {
  Op values;
  values.kind = OpKind::Values;
  if (at_kind(TokenKind::Var)) {
    values.variables.push_back(next().text);
    expect_punct("{");
    while (!accept_punct("}")) values.rows.push_back({parse_data_block_value()});
    return make_op(std::move(values));
  }
  if (!at_kind(TokenKind::Nil)) {
    expect_punct("(");
    while (at_kind(TokenKind::Var)) {
      const Token& var = next();
      if (std::find(values.variables.begin(), values.variables.end(), var.text) !=
          values.variables.end()) {
        fail_at(var, "?" + var.text + " is named twice in VALUES");
      }
      values.variables.push_back(var.text);
    }
    expect_punct(")");
  } else {
    next();
  }
  expect_punct("{");
  while (!accept_punct("}")) {
    const Token& start = peek();
    std::vector<std::optional<Term>> row;
    if (at_kind(TokenKind::Nil)) {
      next();
    } else {
      expect_punct("(");
      while (!accept_punct(")")) row.push_back(parse_data_block_value());
    }
    if (row.size() != values.variables.size()) {
      fail_at(start, "VALUES row has " + std::to_string(row.size()) + " values for " +
                         std::to_string(values.variables.size()) + " variables");
    }
    values.rows.push_back(std::move(row));
  }
  return make_op(std::move(values));
}

// [65] DataBlockValue
std::optional<Term> Parser::parse_data_block_value() {
  const Token& t = peek();
  switch (t.kind) {
    case TokenKind::IriRef:
    case TokenKind::Pname:
      return parse_iri();
    case TokenKind::String:
      return parse_rdf_literal();
    case TokenKind::Integer:
    case TokenKind::Decimal:
    case TokenKind::Double:
      return parse_numeric_literal();
    case TokenKind::Word:
      if (accept_word("UNDEF")) return std::nullopt;
      if (at_word("true") || at_word("false")) {
        const bool value = at_word("true");
        next();
        return Term::literal(value ? "true" : "false", vocab::kXsdBoolean);
      }
      break;
    case TokenKind::Punct:
      if (at_triple_term()) return parse_triple_term_data();
      break;
    default:
      break;
  }
  fail_expected("a value (IRI, literal, triple term or UNDEF)");
}

}  // namespace detail

Expected<Query> parse_query(std::string_view text, const ParseOptions& options) {
  return detail::run_parser(text, options, [](detail::Parser& p) { return p.parse(); });
}

}  // namespace quiver::sparql
