// evaluate(): collects the variables, runs the algebra, then shapes the
// solutions into the query form's result.

#include "eval/evaluator.hpp"

#include "eval/eval_context.hpp"
#include "eval/operators.hpp"
#include "eval/query_forms.hpp"
#include "eval/query_variables.hpp"

namespace quiver::eval {
namespace {

// ORDER BY under the solution modifiers that keep the order.
bool has_order_by(const sparql::Op* op) {
  using sparql::OpKind;
  while (op) {
    if (op->kind == OpKind::OrderBy) return true;
    bool passes = op->kind == OpKind::Slice || op->kind == OpKind::Project ||
                  op->kind == OpKind::Distinct || op->kind == OpKind::Reduced ||
                  op->kind == OpKind::Extend;
    if (!passes || op->children.empty()) return false;
    op = op->children[0].get();
  }
  return false;
}

}  // namespace

Expected<QueryResult> evaluate(const sparql::Query& query, const QueryDataset& dataset,
                                       const EvalOptions& options) {
  if (!dataset.data) return Error{{}, "no dataset to query"};
  EvalContext ctx(dataset, options, collect_variables(query));
  ctx.functions().base_iri = query.base_iri;
  QueryResult result;
  result.form = query.form;
  result.ordered = has_order_by(query.pattern.get());
  std::size_t limit = query.form == QueryForm::Ask ? 1 : kNoLimit;
  Table solutions = query.pattern ? eval_op(ctx, *query.pattern, limit) : Table::unit(ctx.width());
  if (ctx.error()) return *ctx.error();

  switch (query.form) {
    case QueryForm::Select: {
      result.variables = query.variables;
      std::vector<Slot> slots;
      for (const auto& v : query.variables) slots.push_back(ctx.vars().find(v));
      result.solutions.reserve(solutions.size());
      for (std::size_t r = 0; r < solutions.size(); ++r) {
        const TermId* row = solutions.row(r);
        Solution& s = result.solutions.emplace_back(slots.size());
        for (std::size_t i = 0; i < slots.size(); ++i) {
          if (slots[i] != kNoSlot && row[slots[i]] != kAnyTerm) s[i] = ctx.decode(row[slots[i]]);
        }
        if (!ctx.tick()) break;
      }
      break;
    }
    case QueryForm::Ask:
      result.boolean = !solutions.empty();
      break;
    case QueryForm::Construct:
      result.triples = construct_triples(ctx, query, solutions);
      break;
    case QueryForm::Describe:
      result.triples = describe_triples(ctx, query, solutions);
      break;
  }
  if (ctx.error()) return *ctx.error();
  return result;
}

}  // namespace quiver::eval
