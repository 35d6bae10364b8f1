#include "sparql/variables.hpp"

#include <algorithm>
#include <unordered_set>

namespace quiver::sparql {
namespace {

class ScopeCollector {
 public:
  void add(const std::string& name) {
    if (seen_.insert(name).second) out_.push_back(name);
  }
  void add(const PatternTerm& t) {
    if (t.is_variable) add(t.variable);
  }

  void walk(const Op& op) {
    switch (op.kind) {
      case OpKind::Unit:
        return;
      case OpKind::Bgp:
        for (const TriplePattern& t : op.triples) {
          add(t.subject);
          add(t.predicate);
          add(t.object);
        }
        return;
      case OpKind::PathPattern:
        add(op.subject);
        add(op.object);
        return;
      case OpKind::Graph:
        add(op.graph);
        walk_children(op);
        return;
      case OpKind::Minus:  // only the left side's variables stay in scope
        if (!op.children.empty()) walk(*op.children[0]);
        return;
      case OpKind::Extend:
        walk_children(op);
        add(op.variable);
        return;
      case OpKind::Values:
      case OpKind::Project:
        for (const std::string& v : op.variables) add(v);
        return;
      case OpKind::Group:
        for (const Binding& b : op.group_keys) {
          if (!b.variable.empty()) add(b.variable);
        }
        for (const Binding& b : op.aggregates) add(b.variable);
        return;
      default:  // Join, LeftJoin, Filter, Union, OrderBy, Distinct, Reduced, Slice, Service
        walk_children(op);
        return;
    }
  }

  std::vector<std::string> take() { return std::move(out_); }

 private:
  void walk_children(const Op& op) {
    for (const OpPtr& c : op.children) walk(*c);
  }

  std::unordered_set<std::string> seen_;
  std::vector<std::string> out_;
};

void collect(const Expr& expr, std::vector<std::string>& out) {
  if (expr.kind == ExprKind::Variable) {
    if (std::find(out.begin(), out.end(), expr.name) == out.end()) out.push_back(expr.name);
    return;
  }
  for (const ExprPtr& a : expr.args) {
    if (a) collect(*a, out);
  }
}

}  // namespace

std::vector<std::string> in_scope_variables(const Op& op) {
  ScopeCollector c;
  c.walk(op);
  return c.take();
}

void collect_expr_variables(const Expr& expr, std::vector<std::string>& out) { collect(expr, out); }

}  // namespace quiver::sparql
