// The query level of the translation (18.2.4, 18.2.5): grouping and
// aggregates, HAVING, a trailing VALUES, SELECT expressions, then ORDER BY,
// projection, DISTINCT / REDUCED and the slice; with the checks 18.2.4.1
// and 18.2.1 ask for (grouped variables, variables bound twice).

#include <algorithm>
#include <unordered_set>

#include "sparql/parser_internal.hpp"
#include "sparql/variables.hpp"

namespace quiver::sparql::detail {
namespace {

OpPtr wrap(OpKind kind, OpPtr child) {
  Op op;
  op.kind = kind;
  op.children = {std::move(child)};
  return make_op(std::move(op));
}

// ORDER BY, when the query has one (18.2.5.1).
OpPtr apply_order(OpPtr pattern, Modifiers& m) {
  if (m.order.empty()) return pattern;
  Op order;
  order.kind = OpKind::OrderBy;
  order.order = std::move(m.order);
  order.children = {std::move(pattern)};
  return make_op(std::move(order));
}

// OFFSET / LIMIT, when the query has either (18.2.5.6).
OpPtr apply_slice(OpPtr pattern, const Modifiers& m) {
  if (m.limit < 0 && m.offset <= 0) return pattern;
  Op slice;
  slice.kind = OpKind::Slice;
  slice.limit = m.limit;
  slice.offset = m.offset;
  slice.children = {std::move(pattern)};
  return make_op(std::move(slice));
}

OpPtr join(OpPtr left, OpPtr right) {
  if (left->kind == OpKind::Unit) return right;
  if (right->kind == OpKind::Unit) return left;
  Op op;
  op.kind = OpKind::Join;
  op.children = {std::move(left), std::move(right)};
  return make_op(std::move(op));
}

bool is_blank_variable(const std::string& name) { return name.starts_with("_:"); }
// `.aggN`: a variable the parser made for an aggregate.
bool is_aggregate_variable(const std::string& name) { return name.starts_with("."); }

}  // namespace

// 18.2.4.1 Grouping and aggregation, 18.2.4.2 HAVING, 18.2.4.3 VALUES
OpPtr Parser::apply_grouping(OpPtr pattern, Modifiers& m, bool& grouped) {
  grouped = m.group_by || !aggregates_->aggregates.empty() || !m.having.empty();
  if (grouped) {
    Op group;
    group.kind = OpKind::Group;
    group.group_keys = std::move(m.group_keys);
    group.aggregates = aggregates_->aggregates;
    group.children = {std::move(pattern)};
    pattern = make_op(std::move(group));
  }
  if (!m.having.empty()) {
    Op filter;
    filter.kind = OpKind::Filter;
    filter.exprs = std::move(m.having);
    filter.children = {std::move(pattern)};
    pattern = make_op(std::move(filter));
  }
  if (m.values) pattern = join(std::move(pattern), std::move(m.values));
  return pattern;
}

// CONSTRUCT, DESCRIBE and ASK: the modifiers without a projection.
OpPtr Parser::translate_modifiers(OpPtr where, Modifiers& m) {
  bool grouped = false;
  OpPtr pattern = apply_grouping(std::move(where), m, grouped);
  pattern = apply_order(std::move(pattern), m);
  pattern = apply_slice(std::move(pattern), m);
  return pattern;
}

OpPtr Parser::translate_select(const SelectClause& select, OpPtr where, Modifiers& m,
                               std::vector<std::string>& variables) {
  const std::vector<std::string> scope = in_scope_variables(*where);
  const std::unordered_set<std::string> in_scope(scope.begin(), scope.end());
  std::unordered_set<std::string> group_variables;
  for (const Binding& key : m.group_keys) {
    if (!key.variable.empty()) group_variables.insert(key.variable);
  }
  bool grouped = false;
  OpPtr pattern = apply_grouping(std::move(where), m, grouped);
  if (grouped && select.star) {
    fail_at(select.token, "SELECT * is not allowed in a query with GROUP BY or aggregates");
  }

  // 18.2.4.4 SELECT expressions
  std::unordered_set<std::string> projected;  // by this clause so far
  for (const SelectItem& item : select.items) {
    const Token& at = item.token;
    if (item.expr) {
      // After grouping only the group keys are in scope (SPARQL 1.2 tests
      // sparql12/syntax group-by-scope-*): a pattern variable that is not a key
      // may be bound again.
      const bool taken =
          grouped ? group_variables.contains(item.variable) : in_scope.contains(item.variable);
      if (taken || projected.contains(item.variable)) {
        fail_at(at, "?" + item.variable + " is already in scope; it cannot be bound by AS");
      }
      if (grouped) {
        std::vector<std::string> used;
        collect_expr_variables(*item.expr, used);
        for (const std::string& v : used) {
          if (!is_aggregate_variable(v) && !group_variables.contains(v) && !projected.contains(v)) {
            fail_at(at, "?" + v + " is neither grouped nor aggregated");
          }
        }
      }
      Op extend;
      extend.kind = OpKind::Extend;
      extend.variable = item.variable;
      extend.exprs = {item.expr};
      extend.children = {std::move(pattern)};
      pattern = make_op(std::move(extend));
    } else if (grouped && !group_variables.contains(item.variable) &&
               !projected.contains(item.variable)) {
      fail_at(at, "?" + item.variable + " is selected but neither grouped nor aggregated");
    }
    projected.insert(item.variable);
    if (std::find(variables.begin(), variables.end(), item.variable) == variables.end()) {
      variables.push_back(item.variable);
    }
  }
  if (select.star) {
    for (const std::string& v : scope) {
      if (!is_blank_variable(v)) variables.push_back(v);
    }
  }

  // 18.2.5 ORDER BY, projection, DISTINCT, REDUCED, slice
  pattern = apply_order(std::move(pattern), m);
  Op project;
  project.kind = OpKind::Project;
  project.variables = variables;
  project.children = {std::move(pattern)};
  pattern = make_op(std::move(project));
  if (select.distinct) pattern = wrap(OpKind::Distinct, std::move(pattern));
  if (select.reduced) pattern = wrap(OpKind::Reduced, std::move(pattern));
  pattern = apply_slice(std::move(pattern), m);
  return pattern;
}

}  // namespace quiver::sparql::detail
