// Group graph patterns, translated as they are read (18.2.2.6).

#include <algorithm>

#include "sparql/parser_internal.hpp"
#include "sparql/variables.hpp"

namespace quiver::sparql::detail {
namespace {

OpPtr unit() { return make_op(Op{}); }

OpPtr binary(OpKind kind, OpPtr left, OpPtr right) {
  Op op;
  op.kind = kind;
  op.children = {std::move(left), std::move(right)};
  return make_op(std::move(op));
}

}  // namespace

void TriplesBlock::add_triple(TriplePattern triple) {
  if (items.empty() || items.back().kind != OpKind::Bgp) {
    Op bgp;
    bgp.kind = OpKind::Bgp;
    items.push_back(std::move(bgp));
  }
  items.back().triples.push_back(std::move(triple));
}

void TriplesBlock::add_path(PatternTerm subject, PathPtr path, PatternTerm object) {
  Op op;
  op.kind = OpKind::PathPattern;
  op.subject = std::move(subject);
  op.path = std::move(path);
  op.object = std::move(object);
  items.push_back(std::move(op));
}

// Join(Z, A) = A and Join(A, Z) = A, Z being the empty pattern (18.2.2.8).
void Parser::join_into(GroupBuilder& g, OpPtr op) {
  if (!g.pattern) {
    g.pattern = std::move(op);
  } else if (op->kind != OpKind::Unit) {
    g.pattern = g.pattern->kind == OpKind::Unit
                    ? std::move(op)
                    : bounded(binary(OpKind::Join, g.pattern, std::move(op)));
  }
}

// Ends the open basic graph pattern: its triples and paths join the group.
void Parser::flush_block(GroupBuilder& g) {
  for (Op& item : g.block.items) {
    OpPtr op = make_op(std::move(item));
    if (op->kind == OpKind::Bgp && !g.block.unpacks.empty()) {
      op = apply_unpacks(std::move(op), g.block.unpacks);
    }
    join_into(g, std::move(op));
  }
  g.block.items.clear();
  g.block.unpacks.clear();
  g.bgp_id = 0;
}

// [53] GroupGraphPattern. With `own_filters`, the group's own FILTERs are
// handed back there instead of wrapping the pattern: OPTIONAL makes them
// its LeftJoin's condition (18.2.2.6), but not the Filter of a group nested
// inside it, which is not of the form Filter(F, A) before simplification.
OpPtr Parser::parse_group_graph_pattern(std::vector<ExprPtr>* own_filters) {
  enter();
  expect_punct("{");
  const bool aggregates_allowed = aggregates_->allowed;
  aggregates_->allowed = false;
  OpPtr op = at_word("SELECT") ? parse_sub_select() : parse_group_graph_pattern_sub(own_filters);
  aggregates_->allowed = aggregates_allowed;
  expect_punct("}");
  leave();
  return bounded(op);
}

// [54] GroupGraphPatternSub, [55] TriplesBlock
OpPtr Parser::parse_group_graph_pattern_sub(std::vector<ExprPtr>* own_filters) {
  GroupBuilder g;
  const int outer_bgp = current_bgp_;
  bool need_dot = false;  // triples just ended without '.'
  while (!at_punct("}")) {
    if (at_word("SELECT"))
      fail_at(peek(), "a subquery must be alone in its group: write { SELECT ... }");
    if (at_graph_pattern_not_triples()) {
      parse_graph_pattern_not_triples(g);
      accept_punct(".");
      need_dot = false;
      continue;
    }
    if (need_dot) fail_expected("'.' or '}'");
    if (g.bgp_id == 0) g.bgp_id = ++bgp_counter_;
    current_bgp_ = g.bgp_id;
    parse_triples_same_subject(g.block);
    need_dot = !accept_punct(".");
  }
  current_bgp_ = outer_bgp;
  flush_block(g);
  OpPtr pattern = g.pattern ? g.pattern : unit();
  if (own_filters != nullptr) {
    *own_filters = std::move(g.filters);
  } else if (!g.filters.empty()) {
    Op filter;
    filter.kind = OpKind::Filter;
    filter.exprs = std::move(g.filters);
    filter.children = {std::move(pattern)};
    pattern = make_op(std::move(filter));
  }
  return pattern;
}

// [56] GraphPatternNotTriples
bool Parser::at_graph_pattern_not_triples() const {
  return at_punct("{") || at_word("OPTIONAL") || at_word("MINUS") || at_word("GRAPH") ||
         at_word("SERVICE") || at_word("FILTER") || at_word("BIND") || at_word("VALUES");
}

// [56] GraphPatternNotTriples, [57]-[59], [61], [66], [68]
void Parser::parse_graph_pattern_not_triples(GroupBuilder& g) {
  if (accept_word("FILTER")) {  // [68]: filters apply to the whole group
    g.filters.push_back(parse_constraint());
    return;
  }
  flush_block(g);
  if (at_punct("{")) {
    join_into(g, parse_group_or_union_graph_pattern());
  } else if (accept_word("OPTIONAL")) {
    Op op;
    op.kind = OpKind::LeftJoin;
    OpPtr right = parse_group_graph_pattern(&op.exprs);
    op.children = {g.pattern ? g.pattern : unit(), std::move(right)};
    g.pattern = bounded(make_op(std::move(op)));
  } else if (accept_word("MINUS")) {
    OpPtr right = parse_group_graph_pattern();
    g.pattern = bounded(binary(OpKind::Minus, g.pattern ? g.pattern : unit(), std::move(right)));
  } else if (accept_word("GRAPH")) {
    Op op;
    op.kind = OpKind::Graph;
    op.graph = parse_var_or_iri();
    op.children = {parse_group_graph_pattern()};
    join_into(g, make_op(std::move(op)));
  } else if (accept_word("SERVICE")) {
    Op op;
    op.kind = OpKind::Service;
    op.silent = accept_word("SILENT");
    op.graph = parse_var_or_iri();
    // The endpoint gets the pattern as written, in the prologue's terms.
    const std::size_t start = peek().offset;
    op.children = {parse_group_graph_pattern()};
    const Token& close = previous();
    op.service_pattern = std::string(text_.substr(start, close.offset + close.length - start));
    if (!base_.empty()) op.service_prologue = "BASE " + Term::iri(base_).to_ntriples() + "\n";
    for (const auto& [name, iri] : declared_prefixes_) {
      op.service_prologue += "PREFIX " + name + ": " + Term::iri(iri).to_ntriples() + "\n";
    }
    join_into(g, make_op(std::move(op)));
  } else if (at_word("BIND")) {
    parse_bind(g);
  } else {
    expect_word("VALUES");
    join_into(g, parse_data_block());
  }
}

// [60] Bind
void Parser::parse_bind(GroupBuilder& g) {
  expect_word("BIND");
  expect_punct("(");
  ExprPtr expr = parse_expression();
  expect_word("AS");
  if (!at_kind(TokenKind::Var)) fail_expected("a variable after AS");
  const Token& var = next();
  if (g.pattern) {
    const std::vector<std::string> scope = in_scope_variables(*g.pattern);
    if (std::find(scope.begin(), scope.end(), var.text) != scope.end()) {
      fail_at(var, "BIND to ?" + var.text + ", which is already in scope");
    }
  }
  expect_punct(")");
  Op op;
  op.kind = OpKind::Extend;
  op.variable = var.text;
  op.exprs = {std::move(expr)};
  op.children = {g.pattern ? g.pattern : unit()};
  g.pattern = bounded(make_op(std::move(op)));
}

// [67] GroupOrUnionGraphPattern
OpPtr Parser::parse_group_or_union_graph_pattern() {
  OpPtr op = parse_group_graph_pattern();
  while (accept_word("UNION"))
    op = bounded(binary(OpKind::Union, std::move(op), parse_group_graph_pattern()));
  return op;
}

}  // namespace quiver::sparql::detail
