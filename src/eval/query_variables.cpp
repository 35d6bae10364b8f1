#include "eval/query_variables.hpp"

namespace quiver::eval {
namespace {

using sparql::Expr;
using sparql::Op;
using sparql::PatternTerm;

class Collector {
 public:
  explicit Collector(VariableTable& vars) : vars_(vars) {}

  void term(const PatternTerm& t) {
    if (t.is_variable) vars_.add(t.variable);
    if (t.triple) {
      term(t.triple->subject);
      term(t.triple->predicate);
      term(t.triple->object);
    }
  }
  void name(const std::string& n) {
    if (!n.empty()) vars_.add(n);
  }

  void expr(const Expr* e) {
    if (!e) return;
    if (e->kind == sparql::ExprKind::Variable) vars_.add(e->name);
    for (const auto& a : e->args) expr(a.get());
    op(e->pattern.get());
  }

  void op(const Op* o) {
    if (!o) return;
    for (const auto& t : o->triples) {
      term(t.subject);
      term(t.predicate);
      term(t.object);
    }
    if (o->kind == sparql::OpKind::PathPattern) {
      term(o->subject);
      term(o->object);
    }
    if (o->kind == sparql::OpKind::Graph) term(o->graph);
    for (const auto& e : o->exprs) expr(e.get());
    if (o->kind == sparql::OpKind::Extend) name(o->variable);
    for (const auto& v : o->variables) name(v);
    for (const auto& b : o->group_keys) {
      name(b.variable);
      expr(b.expr.get());
    }
    for (const auto& b : o->aggregates) {
      name(b.variable);
      expr(b.expr.get());
    }
    for (const auto& c : o->order) expr(c.expr.get());
    for (const auto& c : o->children) op(c.get());
  }

 private:
  VariableTable& vars_;
};

}  // namespace

VariableTable collect_variables(const sparql::Query& query) {
  VariableTable vars;
  Collector c(vars);
  for (const auto& v : query.variables) c.name(v);
  c.op(query.pattern.get());
  for (const auto& t : query.construct_template) {
    c.term(t.subject);
    c.term(t.predicate);
    c.term(t.object);
  }
  for (const auto& t : query.describe) c.term(t);
  return vars;
}

}  // namespace quiver::eval
