// Group: partitions the rows by the GROUP BY keys and computes the
// aggregates of each group (18.5.1). Without GROUP BY every row is in one
// group, which exists even for no input (COUNT(*) = 0). An unbound or
// erroneous key is a key value of its own.

#include <string>
#include <unordered_map>

#include "eval/expression.hpp"
#include "eval/operators.hpp"

namespace quiver::eval {
namespace {

struct KeyHash {
  std::size_t operator()(const std::vector<TermId>& key) const {
    std::size_t h = 0x9e3779b97f4a7c15ULL;
    for (TermId id : key) h = (h ^ id) * 0x100000001b3ULL + (h >> 29);
    return h;
  }
};

struct Group {
  std::vector<TermId> key;
  std::vector<TermId> first_row;  // for expressions that are not aggregates
  bool has_row = false;
  std::vector<std::unique_ptr<Aggregator>> aggregators;
};

std::unique_ptr<Aggregator> new_aggregator(const sparql::Expr& e) {
  if (e.kind != sparql::ExprKind::Aggregate) return nullptr;
  return make_aggregator(e.name, e.distinct, e.separator, e.args.empty());
}

// COUNT(*) counts solutions. Only COUNT(DISTINCT *) needs to tell rows
// apart, so only it pays for a value standing for the whole row.
Value row_placeholder(const sparql::Expr& e, const TermId* row, std::size_t width) {
  static const Term kAny = Term::literal("*");
  if (!e.distinct) return kAny;
  std::string s;
  for (std::size_t i = 0; i < width; ++i) s += std::to_string(row[i]) + ',';
  return Term::literal(s);
}

// A key's id: a plain variable's is already in the row (the common GROUP
// BY ?x), anything else is computed and encoded.
TermId key_id(EvalContext& ctx, const sparql::Expr& e, const TermId* row) {
  if (e.kind == sparql::ExprKind::Variable) {
    Slot s = ctx.vars().find(e.name);
    return s == kNoSlot ? kAnyTerm : row[s];
  }
  Value v = eval_expr(ctx, e, row);
  return v ? ctx.encode(*v) : kAnyTerm;
}

}  // namespace

Table eval_group(EvalContext& ctx, const sparql::Op& op, std::size_t limit) {
  std::vector<Group> groups;
  std::unordered_map<std::vector<TermId>, std::size_t, KeyHash> index;
  auto new_group = [&](std::vector<TermId> key, std::vector<TermId> first_row) {
    Group g{std::move(key), std::move(first_row), false, {}};
    for (const auto& b : op.aggregates) g.aggregators.push_back(new_aggregator(*b.expr));
    groups.push_back(std::move(g));
    return groups.size() - 1;
  };
  if (op.group_keys.empty()) new_group({}, {});
  std::vector<TermId> key(op.group_keys.size());
  // Rows stream in: a scan under GROUP BY is never materialized.
  bool ok = stream_rows(ctx, *op.children.at(0), [&](const TermId* row, std::size_t) {
    for (std::size_t k = 0; k < op.group_keys.size(); ++k) {
      key[k] = key_id(ctx, *op.group_keys[k].expr, row);
    }
    std::size_t gi = 0;
    if (!op.group_keys.empty()) {
      auto it = index.find(key);
      if (it == index.end()) {
        std::size_t fresh = new_group(key, std::vector<TermId>(row, row + ctx.width()));
        it = index.emplace(key, fresh).first;
      }
      gi = it->second;
    }
    Group& g = groups[gi];
    if (!g.has_row) {
      g.first_row.assign(row, row + ctx.width());
      g.has_row = true;
    }
    for (std::size_t a = 0; a < op.aggregates.size(); ++a) {
      if (!g.aggregators[a]) continue;
      const sparql::Expr& e = *op.aggregates[a].expr;
      if (e.args.empty()) {
        g.aggregators[a]->add(row_placeholder(e, row, ctx.width()));
      } else {
        g.aggregators[a]->add(eval_expr(ctx, *e.args[0], row));
      }
    }
    return ctx.tick();
  });
  if (!ok) return Table(ctx.width());
  Table out(ctx.width());
  for (const Group& g : groups) {
    if (out.size() >= limit) break;
    TermId* row = out.push_unbound();
    for (std::size_t k = 0; k < op.group_keys.size(); ++k) {
      Slot s = ctx.vars().find(op.group_keys[k].variable);
      if (s != kNoSlot) row[s] = g.key[k];
    }
    for (std::size_t a = 0; a < op.aggregates.size(); ++a) {
      Slot s = ctx.vars().find(op.aggregates[a].variable);
      if (s == kNoSlot) continue;
      Value v;
      if (g.aggregators[a]) {
        v = g.aggregators[a]->result();
      } else if (g.has_row) {
        // Not an aggregate: valued on a representative row, like SAMPLE.
        v = eval_expr(ctx, *op.aggregates[a].expr, g.first_row.data());
      }
      if (v) row[s] = ctx.encode(*v);
    }
  }
  return out;
}

}  // namespace quiver::eval
