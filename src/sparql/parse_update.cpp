// SPARQL 1.1 Update requests (grammar rules [29]-[52]): operations and
// their quad templates; WHERE patterns are parsed as queries' are.

#include "sparql/parser_internal.hpp"
#include "sparql/variables.hpp"

namespace quiver::sparql {
namespace detail {
namespace {

// Sets a parser flag for the duration of a scope.
template <class T>
class Scoped {
 public:
  Scoped(T& flag, T value) : flag_(flag), saved_(flag) { flag_ = value; }
  ~Scoped() { flag_ = saved_; }
  Scoped(const Scoped&) = delete;
  Scoped& operator=(const Scoped&) = delete;

 private:
  T& flag_;
  T saved_;
};

}  // namespace

void Parser::check_variable_allowed() const {
  if (!no_variables_.empty()) {
    fail_at(peek(), "variables are not allowed in " + std::string(no_variables_));
  }
}

// [29] Update: each operation after its own prologue; `;` between them,
// and after the last one too.
Update Parser::parse_update() {
  Update update;
  absolute_iris_ = true;
  for (;;) {
    parse_prologue();
    if (at_kind(TokenKind::Eof)) break;
    UpdateOperation op;
    std::uint64_t line = 0, column = 0;
    locate(text_, peek().offset, line, column);
    op.line = static_cast<std::uint32_t>(line);
    op.column = static_cast<std::uint32_t>(column);
    // 4.1.4 holds within an operation: each has its own WHERE.
    label_bgp_.clear();
    parse_update_operation(op);
    update.operations.push_back(std::move(op));
    if (!accept_punct(";")) break;
  }
  if (!at_kind(TokenKind::Eof)) fail_expected("';' or the end of the update");
  update.prefixes = declared_prefixes_;
  return update;
}

// [30] Update1 and [31]-[40]
void Parser::parse_update_operation(UpdateOperation& op) {
  const auto graph_operation = [&](UpdateKind kind) {
    next();
    op.kind = kind;
    op.silent = accept_word("SILENT");
  };
  if (at_word("LOAD")) {
    graph_operation(UpdateKind::Load);
    op.source = parse_iri().value();
    if (accept_word("INTO")) op.target = {GraphTarget::Kind::Named, parse_graph_ref()};
  } else if (at_word("CLEAR") || at_word("DROP")) {
    graph_operation(at_word("CLEAR") ? UpdateKind::Clear : UpdateKind::Drop);
    op.target = parse_graph_ref_all();
  } else if (at_word("CREATE")) {
    graph_operation(UpdateKind::Create);
    op.target = {GraphTarget::Kind::Named, parse_graph_ref()};
  } else if (at_word("ADD") || at_word("MOVE") || at_word("COPY")) {
    graph_operation(at_word("ADD")    ? UpdateKind::Add
                    : at_word("MOVE") ? UpdateKind::Move
                                      : UpdateKind::Copy);
    op.from = parse_graph_or_default();
    expect_word("TO");
    op.target = parse_graph_or_default();
  } else if (at_word("INSERT") && at_word("DATA", 1)) {
    next();
    next();
    op.kind = UpdateKind::InsertData;
    Scoped no_variables(no_variables_, std::string_view("INSERT DATA"));
    Scoped data(data_operation_, ++insert_data_operations_);
    op.data = parse_quad_data();
  } else if (at_word("DELETE") && at_word("DATA", 1)) {
    next();
    next();
    op.kind = UpdateKind::DeleteData;
    Scoped no_variables(no_variables_, std::string_view("DELETE DATA"));
    Scoped no_blank_nodes(no_blank_nodes_, std::string_view("DELETE DATA"));
    op.data = parse_quad_data();
  } else if (at_word("DELETE") && at_word("WHERE", 1)) {
    next();
    next();
    op.kind = UpdateKind::DeleteInsert;
    {
      Scoped no_blank_nodes(no_blank_nodes_, std::string_view("DELETE WHERE"));
      op.delete_quads = parse_quad_pattern();
    }
    op.where = quads_as_pattern(op.delete_quads);
    op.variables = in_scope_variables(*op.where);
  } else {
    parse_modify(op);
  }
}

// [41] Modify, [42] DeleteClause, [43] InsertClause, [44] UsingClause
void Parser::parse_modify(UpdateOperation& op) {
  op.kind = UpdateKind::DeleteInsert;
  if (accept_word("WITH")) op.with = parse_iri().value();
  const bool deletes = at_word("DELETE");
  if (accept_word("DELETE")) {
    Scoped no_blank_nodes(no_blank_nodes_, std::string_view("a DELETE template"));
    op.delete_quads = parse_quad_pattern();
  }
  if (accept_word("INSERT")) {
    op.insert_quads = parse_quad_pattern();
  } else if (!deletes) {
    fail_expected(op.with ? "DELETE or INSERT"
                          : "an update operation (INSERT, DELETE, LOAD, CLEAR, CREATE, DROP, "
                            "ADD, MOVE or COPY)");
  }
  while (accept_word("USING")) {
    auto& list = accept_word("NAMED") ? op.using_named : op.using_graphs;
    list.push_back(parse_iri().value());
  }
  expect_word("WHERE");
  AggregateScope scope;
  Scoped aggregates(aggregates_, &scope);
  op.where = bounded(parse_group_graph_pattern());
  op.variables = in_scope_variables(*op.where);
}

// [48] QuadPattern, [49] QuadData, [50] Quads, [51] QuadsNotTriples. Blank
// nodes are terms here (fresh when the template is used), and triples
// cannot have paths. Each quad goes to `out` as soon as it is read.
void Parser::parse_quads(const QuadSink& out) {
  Scoped in_template(template_mode_, true);
  Scoped no_paths(allow_paths_, false);
  expect_punct("{");
  parse_triples_template(out, std::nullopt);
  while (accept_word("GRAPH")) {
    const PatternTerm graph = parse_var_or_iri();
    expect_punct("{");
    parse_triples_template(out, graph);
    expect_punct("}");
    accept_punct(".");
    parse_triples_template(out, std::nullopt);
  }
  expect_punct("}");
}

std::vector<QuadPattern> Parser::parse_quad_pattern() {
  std::vector<QuadPattern> quads;
  parse_quads([&](QuadPattern&& q) { quads.push_back(std::move(q)); });
  return quads;
}

QuadData Parser::parse_quad_data() {
  QuadData data;
  std::unordered_map<Term, std::uint32_t> ids;
  const auto id = [&](const Term& term) -> std::uint32_t {
    if (term.is_none()) return 0;
    const auto [it, added] = ids.try_emplace(term, static_cast<std::uint32_t>(data.terms.size()));
    if (added) data.terms.push_back(term);
    return it->second;
  };
  parse_quads([&](QuadPattern&& q) {
    data.quads.push_back({id(q.triple.subject.term), id(q.triple.predicate.term),
                          id(q.triple.object.term), q.graph ? id(q.graph->term) : 0});
  });
  return data;
}

// [52] TriplesTemplate
void Parser::parse_triples_template(const QuadSink& out, const std::optional<PatternTerm>& graph) {
  TriplesBlock block;
  while (!at_punct("}") && !at_word("GRAPH") && !at_kind(TokenKind::Eof)) {
    parse_triples_same_subject(block);
    for (Op& op : block.items) {
      for (TriplePattern& t : op.triples) out({std::move(t), graph});
    }
    block.items.clear();
    release_consumed();
    if (!accept_punct(".")) break;
  }
}

// [46] GraphRef
std::string Parser::parse_graph_ref() {
  expect_word("GRAPH");
  return parse_iri().value();
}

// [47] GraphRefAll
GraphTarget Parser::parse_graph_ref_all() {
  if (accept_word("DEFAULT")) return {GraphTarget::Kind::Default, {}};
  if (accept_word("NAMED")) return {GraphTarget::Kind::AllNamed, {}};
  if (accept_word("ALL")) return {GraphTarget::Kind::All, {}};
  if (!at_word("GRAPH")) fail_expected("GRAPH, DEFAULT, NAMED or ALL");
  return {GraphTarget::Kind::Named, parse_graph_ref()};
}

// [45] GraphOrDefault
GraphTarget Parser::parse_graph_or_default() {
  if (accept_word("DEFAULT")) return {GraphTarget::Kind::Default, {}};
  accept_word("GRAPH");
  return {GraphTarget::Kind::Named, parse_iri().value()};
}

// DELETE WHERE's quads as the pattern they match: runs of triples in one
// graph become a BGP (inside GRAPH), joined in order.
// A template's triple term with variables (made per solution) as the
// pattern that matches stored ones: a stand-in variable and its unpack.
PatternTerm Parser::as_match(const PatternTerm& t, TriplesBlock& block) {
  if (!t.triple) return t;
  const PatternTerm s = as_match(t.triple->subject, block);
  const PatternTerm o = as_match(t.triple->object, block);
  return triple_pattern(s, t.triple->predicate, o, block);
}

OpPtr Parser::quads_as_pattern(const std::vector<QuadPattern>& quads) {
  GroupBuilder g;
  for (std::size_t i = 0; i < quads.size();) {
    Op bgp;
    bgp.kind = OpKind::Bgp;
    TriplesBlock block;
    const std::optional<PatternTerm>& graph = quads[i].graph;
    for (; i < quads.size() && quads[i].graph == graph; ++i) {
      const TriplePattern& t = quads[i].triple;
      bgp.triples.push_back(
          TriplePattern{as_match(t.subject, block), t.predicate, as_match(t.object, block)});
    }
    OpPtr op = make_op(std::move(bgp));
    if (!block.unpacks.empty()) op = apply_unpacks(std::move(op), block.unpacks);
    if (graph) {
      Op in_graph;
      in_graph.kind = OpKind::Graph;
      in_graph.graph = *graph;
      in_graph.children = {std::move(op)};
      op = make_op(std::move(in_graph));
    }
    join_into(g, std::move(op));
  }
  return bounded(g.pattern ? g.pattern : make_op(Op{}));
}

}  // namespace detail

Expected<Update> parse_update(std::string_view text, const ParseOptions& options) {
  return detail::run_parser(text, options, [](detail::Parser& p) { return p.parse_update(); });
}

std::string_view update_keyword(UpdateKind kind) {
  switch (kind) {
    case UpdateKind::InsertData:
      return "INSERT DATA";
    case UpdateKind::DeleteData:
      return "DELETE DATA";
    case UpdateKind::DeleteInsert:
      return "DELETE/INSERT";
    case UpdateKind::Load:
      return "LOAD";
    case UpdateKind::Clear:
      return "CLEAR";
    case UpdateKind::Create:
      return "CREATE";
    case UpdateKind::Drop:
      return "DROP";
    case UpdateKind::Add:
      return "ADD";
    case UpdateKind::Move:
      return "MOVE";
    case UpdateKind::Copy:
      return "COPY";
  }
  return "update";
}

}  // namespace quiver::sparql
