// The planner. Estimates follow the usual independence assumptions: a
// pattern's matches come from the store's counts for its constants, and
// each variable already bound where it runs keeps one value in `distinct`
// of that position. A BGP runs its patterns greedily, smallest expected
// fan-out first, connected before disconnected; a join binds its right side
// into the left where the right can take bindings (BGP, path, joins of
// those) and shares a variable with the left, and hashes otherwise.

#include "optimizer/planner.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <string_view>
#include <unordered_map>

namespace quiver::optimizer {

using plan::JoinAlgorithm;
using plan::Node;
using plan::NodeKind;
using plan::NodePtr;
using sparql::Expr;
using sparql::ExprKind;
using sparql::Op;
using sparql::OpKind;
using sparql::PatternTerm;
using sparql::TriplePattern;

namespace {

// Where an operator runs: what is bound on entry, and the graph its
// patterns read (for statistics).
struct Scope {
  VarSet bound;
  TermId graph = kDefaultGraph;
};

bool shares(const VarSet& a, const VarSet& b) {
  return std::any_of(a.begin(), a.end(), [&](const std::string& v) { return b.count(v) > 0; });
}

VarSet unite(VarSet a, const VarSet& b) {
  a.insert(b.begin(), b.end());
  return a;
}

std::vector<std::string> sorted(const VarSet& vars) { return {vars.begin(), vars.end()}; }

std::vector<std::string> intersection(const VarSet& a, const VarSet& b) {
  std::vector<std::string> out;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

// Operators whose evaluation can start from a row of bindings, substituted
// into their patterns: the right side of a bind join.
bool seedable(const Op& op) {
  if (op.kind == OpKind::Bgp || op.kind == OpKind::PathPattern) return true;
  // SERVICE ?endpoint learns its endpoint from the seed; the other SERVICE
  // patterns run once and are joined (their answer is cached per request).
  if (op.kind == OpKind::Service) return op.graph.is_variable;
  return op.kind == OpKind::Join && op.children.size() == 2 && seedable(*op.children[0]) &&
         seedable(*op.children[1]);
}

class Planner {
 public:
  explicit Planner(const PassContext& context) : context_(context) {}

  // A top-k request (from a LIMIT) travels only through the operators that
  // keep rows one for one, Project and Extend, to an ORDER BY: every other
  // operator, a join's operand above all, needs all of its operand's rows.
  NodePtr plan(const Op& op, const Scope& scope) {
    switch (op.kind) {
      case OpKind::Project:
      case OpKind::Extend:
      case OpKind::OrderBy:
      case OpKind::Slice:
        return plan_node(op, scope);
      default: {
        const std::int64_t saved = std::exchange(pending_top_k_, -1);
        NodePtr node = plan_node(op, scope);
        pending_top_k_ = saved;
        return node;
      }
    }
  }

  NodePtr plan_node(const Op& op, const Scope& scope) {
    NodePtr node;
    switch (op.kind) {
      case OpKind::Unit:
        node = leaf(NodeKind::Unit, op, 1);
        break;
      case OpKind::Bgp:
        node = op.triples.empty() ? leaf(NodeKind::Unit, op, 1) : plan_bgp(op, scope);
        break;
      case OpKind::PathPattern:
        node = leaf(NodeKind::Path, op, path_estimate(op, scope));
        break;
      case OpKind::Join:
        node = plan_join(op, scope);
        break;
      case OpKind::LeftJoin:
        node = plan_left_join(op, scope);
        break;
      case OpKind::Minus:
        node = plan_minus(op, scope);
        break;
      case OpKind::Filter:
        if ((node = plan_anti_join(op, scope))) break;
        node = unary(NodeKind::Filter, op, scope);
        node->rows = node->children[0]->rows / 2;
        plan_exists(op.exprs, unite(scope.bound, certain_variables(*op.children[0], &memo_)), scope,
                    *node);
        break;
      case OpKind::Union: {
        node = leaf(NodeKind::Union, op, 0);
        node->children.push_back(plan(*op.children[0], scope));
        node->children.push_back(plan(*op.children[1], scope));
        node->rows = node->children[0]->rows + node->children[1]->rows;
        break;
      }
      case OpKind::Graph:
        node = plan_graph(op, scope);
        break;
      case OpKind::Extend:
        node = plan_extend(op, scope);
        break;
      case OpKind::Values:
        node = leaf(NodeKind::Values, op, static_cast<double>(op.rows.size()));
        break;
      case OpKind::Group:
        node = unary(NodeKind::Group, op, scope);
        node->rows = op.group_keys.empty() ? 1 : std::sqrt(node->children[0]->rows) + 1;
        plan_group_exists(op, scope, *node);
        break;
      case OpKind::OrderBy:
        node = unary(NodeKind::OrderBy, op, scope);
        node->top_k = pending_top_k_;
        if (node->top_k >= 0) node->rows = std::min(node->rows, double(node->top_k));
        plan_order_exists(op, scope, *node);
        break;
      case OpKind::Project:
        node = unary(NodeKind::Project, op, scope);
        break;
      case OpKind::Distinct:
        node = unary(NodeKind::Distinct, op, scope);
        node->keys = sorted(possible_variables(*op.children[0], &memo_));
        break;
      case OpKind::Reduced:
        node = unary(NodeKind::Reduced, op, scope);
        break;
      case OpKind::Slice:
        node = plan_slice(op, scope);
        break;
      case OpKind::Service:
        node = leaf(NodeKind::Service, op, 1);
        break;
    }
    return node;
  }

 private:
  static NodePtr leaf(NodeKind kind, const Op& op, double rows) {
    auto node = std::make_unique<Node>();
    node->kind = kind;
    node->op = &op;
    node->rows = rows;
    return node;
  }

  // A node over one child that passes the child's estimate on; a top-k
  // request goes through the operators that keep rows in order one for one.
  NodePtr unary(NodeKind kind, const Op& op, const Scope& scope) {
    const bool keeps_order = kind == NodeKind::Project;
    const std::int64_t top_k = keeps_order ? pending_top_k_ : -1;
    const std::int64_t saved = std::exchange(pending_top_k_, top_k);
    auto node = leaf(kind, op, 0);
    node->children.push_back(plan(*op.children.at(0), scope));
    pending_top_k_ = saved;
    node->rows = node->children[0]->rows;
    return node;
  }

  // A constant's id, or kAnyTerm when the data lacks it.
  TermId id_of(const PatternTerm& t) const {
    if (t.is_variable || context_.dataset == nullptr) return kAnyTerm;
    return context_.dataset->find_id(t.term.ref());
  }

  // The statistics of a pattern's constants in the scope's graph; a
  // constant the data lacks matches nothing.
  PatternStats stats_of(const TriplePattern& t, const Scope& scope) const {
    PatternStats out;
    if (context_.dataset == nullptr) {
      // No data: fewer variables, fewer matches.
      out.matches = 1;
      for (const auto* p : {&t.subject, &t.predicate, &t.object}) {
        if (p->is_variable) out.matches *= 100;
      }
      out.distinct = {10, 10, 10};
      return out;
    }
    QuadIds q;
    q.graph = scope.graph;
    TermId* slots[] = {&q.subject, &q.predicate, &q.object};
    const PatternTerm* terms[] = {&t.subject, &t.predicate, &t.object};
    for (int i = 0; i < 3; ++i) {
      if (terms[i]->is_variable) continue;
      *slots[i] = id_of(*terms[i]);
      if (*slots[i] == kAnyTerm) return out;  // matches nothing
    }
    return context_.dataset->stats(q);
  }

  // One pattern as the BGP ordering sees it: its statistics, fetched once,
  // and its variables as small numbers.
  struct Candidate {
    PatternStats stats;
    std::array<int, 3> var{-1, -1, -1};  // per position, -1 for a constant
  };

  // Expected rows one input row gives with the variables in `bound` fixed.
  static double fanout(const Candidate& c, const std::vector<bool>& bound) {
    double rows = c.stats.matches;
    for (std::size_t i = 0; i < 3; ++i) {
      const int v = c.var[i];
      if (v < 0 || !bound[static_cast<std::size_t>(v)]) continue;
      // A variable repeated in the pattern divides once.
      bool seen = false;
      for (std::size_t j = 0; j < i; ++j) seen = seen || c.var[j] == v;
      if (!seen) rows /= std::max(1.0, c.stats.distinct[i]);
    }
    return rows;
  }

  static bool connected(const Candidate& c, const std::vector<bool>& bound) {
    bool any_variable = false;
    for (const int v : c.var) {
      if (v < 0) continue;
      any_variable = true;
      if (bound[static_cast<std::size_t>(v)]) return true;
    }
    return !any_variable;
  }

  NodePtr plan_bgp(const Op& op, const Scope& scope) {
    auto node = leaf(NodeKind::Bgp, op, 0);
    // Variables numbered once, so that the O(n^2) greedy loop below only
    // does arithmetic (a BGP may have thousands of patterns).
    std::unordered_map<std::string_view, int> numbers;
    std::vector<Candidate> candidates;
    candidates.reserve(op.triples.size());
    for (const TriplePattern& t : op.triples) {
      Candidate c;
      c.stats = stats_of(t, scope);
      const PatternTerm* terms[] = {&t.subject, &t.predicate, &t.object};
      for (std::size_t i = 0; i < 3; ++i) {
        if (!terms[i]->is_variable) continue;
        c.var[i] =
            numbers.try_emplace(terms[i]->variable, static_cast<int>(numbers.size())).first->second;
      }
      candidates.push_back(c);
    }
    std::vector<bool> bound(numbers.size(), false);
    bool any_bound = !scope.bound.empty();
    for (const auto& [name, number] : numbers) {
      if (scope.bound.count(std::string(name))) bound[static_cast<std::size_t>(number)] = true;
    }
    std::vector<std::size_t> order(op.triples.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    double rows = 1;
    for (std::size_t done = 0; done < order.size(); ++done) {
      std::size_t best = done;
      double best_cost = 0;
      bool best_connected = false;
      // Written order: only the first candidate is looked at.
      const std::size_t last = context_.naive ? done + 1 : order.size();
      for (std::size_t k = done; k < last; ++k) {
        const Candidate& c = candidates[order[k]];
        // Disconnected patterns would make a cross product: they wait.
        const bool conn = !any_bound || connected(c, bound);
        const double cost = fanout(c, bound);
        if (k == done || (conn && !best_connected) ||
            (conn == best_connected && cost < best_cost)) {
          best = k;
          best_cost = cost;
          best_connected = conn;
        }
      }
      std::swap(order[done], order[best]);
      const Candidate& chosen = candidates[order[done]];
      rows *= best_cost;
      node->step_rows.push_back(rows);
      for (const int v : chosen.var) {
        if (v < 0) continue;
        bound[static_cast<std::size_t>(v)] = true;
        any_bound = true;
      }
      node->triples.push_back(op.triples[order[done]]);
    }
    node->rows = rows;
    return node;
  }

  double path_estimate(const Op& op, const Scope& scope) const {
    const bool bound_end = (!op.subject.is_variable || scope.bound.count(op.subject.variable)) ||
                           (!op.object.is_variable || scope.bound.count(op.object.variable));
    if (context_.dataset == nullptr) return bound_end ? 10 : 100;
    const double size = static_cast<double>(context_.dataset->size());
    return bound_end ? std::sqrt(size) + 1 : size;
  }

  // A bind join when the right side can take bindings and shares a
  // variable with the left (or the left is a single row); the two sides
  // swap when only the left can take them. Otherwise a hash join that
  // materializes the smaller side.
  NodePtr plan_join(const Op& op, const Scope& scope) {
    const Op& a = *op.children[0];
    const Op& b = *op.children[1];
    const VarSet a_possible = possible_variables(a, &memo_);
    const VarSet b_possible = possible_variables(b, &memo_);
    auto node = leaf(NodeKind::Join, op, 0);
    NodePtr first = plan(a, scope);
    // SERVICE ?var is defined only with ?var bound by the rows beside it
    // (SPARQL 1.1 Federated Query 4): joined so even as written.
    const auto service_var = [](const Op& o) {
      return o.kind == OpKind::Service && o.graph.is_variable;
    };
    const bool naive = context_.naive && !service_var(a) && !service_var(b);
    if (!naive && seedable(b) && (shares(a_possible, b_possible) || first->rows <= 1)) {
      return bind(std::move(node), std::move(first), b, certain_variables(a, &memo_), scope);
    }
    if (!naive && seedable(a) && shares(a_possible, b_possible)) {
      return bind(std::move(node), plan(b, scope), a, certain_variables(b, &memo_), scope);
    }
    NodePtr second = plan(b, scope);
    node->algorithm = JoinAlgorithm::Hash;
    node->keys = intersection(certain_variables(a, &memo_), certain_variables(b, &memo_));
    node->rows =
        node->keys.empty() ? first->rows * second->rows : std::max(first->rows, second->rows);
    // The right child is the one materialized: the smaller one.
    if (second->rows > first->rows) std::swap(first, second);
    node->children.push_back(std::move(first));
    node->children.push_back(std::move(second));
    return node;
  }

  NodePtr bind(NodePtr node, NodePtr driver, const Op& inner, const VarSet& driver_certain,
               const Scope& scope) {
    Scope inside = scope;
    inside.bound = unite(scope.bound, driver_certain);
    NodePtr right = plan(inner, inside);
    node->algorithm = JoinAlgorithm::Bind;
    node->rows = driver->rows * right->rows;
    node->children.push_back(std::move(driver));
    node->children.push_back(std::move(right));
    return node;
  }

  // A bind join probes the right side once a left row, at random places:
  // past a few thousand left rows, when the right side alone is not much
  // larger, one run of it hashed costs less (WatDiv 10M, an OPTIONAL chain
  // over 100,000 users: 400,000 probes). Only on keys bound in every row.
  static constexpr double kHashFromRows = 4096;
  static constexpr double kHashRightFactor = 4;

  NodePtr plan_left_join(const Op& op, const Scope& scope) {
    const Op& a = *op.children[0];
    const Op& b = *op.children[1];
    auto node = leaf(NodeKind::LeftJoin, op, 0);
    NodePtr left = plan(a, scope);
    const VarSet a_certain = certain_variables(a, &memo_);
    NodePtr right;
    bool by_binding =
        !context_.naive && seedable(b) &&
        (shares(possible_variables(a, &memo_), possible_variables(b, &memo_)) || left->rows <= 1);
    if (by_binding && left->rows >= kHashFromRows &&
        !intersection(a_certain, certain_variables(b, &memo_)).empty()) {
      right = plan(b, scope);
      by_binding = right->rows > kHashRightFactor * left->rows;
    }
    if (by_binding) {
      node = bind(std::move(node), std::move(left), b, a_certain, scope);
      node->rows = std::max(node->rows, node->children[0]->rows);
    } else {
      if (!right) right = plan(b, scope);
      node->algorithm = JoinAlgorithm::Hash;
      node->keys = intersection(a_certain, certain_variables(b, &memo_));
      node->rows = std::max(left->rows, right->rows);
      node->children.push_back(std::move(left));
      node->children.push_back(std::move(right));
    }
    plan_exists(op.exprs, unite(scope.bound, unite(a_certain, certain_variables(b, &memo_))), scope,
                *node);
    return node;
  }

  // FILTER NOT EXISTS { P } over A as MINUS: P hashed once instead of run
  // once a row of A. The two agree when the filter is that one expression,
  // P is a basic graph pattern, and A binds in every row a variable of P
  // that is not the seed's: NOT EXISTS substitutes the row into P (18.6),
  // MINUS drops the rows compatible with a solution of P that shares a
  // binding with them (18.5), and a seed's variables are constants to both.
  NodePtr plan_anti_join(const Op& op, const Scope& scope) {
    if (context_.naive || op.exprs.size() != 1) return nullptr;
    const Expr& e = *op.exprs[0];
    if (e.kind != ExprKind::NotExists || !e.pattern || e.pattern->kind != OpKind::Bgp ||
        e.pattern->triples.empty()) {
      return nullptr;
    }
    const Op& a = *op.children[0];
    const std::vector<std::string> keys =
        intersection(certain_variables(a, &memo_), certain_variables(*e.pattern, &memo_));
    if (std::all_of(keys.begin(), keys.end(),
                    [&](const std::string& v) { return scope.bound.count(v) > 0; })) {
      return nullptr;
    }
    NodePtr left = plan(a, scope);
    if (left->rows < kHashFromRows) return nullptr;  // a seeded run a row is cheap
    auto node = leaf(NodeKind::Minus, op, left->rows / 2);
    node->children.push_back(std::move(left));
    node->children.push_back(plan(*e.pattern, scope));
    node->keys = keys;
    node->keys_are_shared =
        keys == intersection(possible_variables(a, &memo_), possible_variables(*e.pattern, &memo_));
    return node;
  }

  NodePtr plan_minus(const Op& op, const Scope& scope) {
    auto node = leaf(NodeKind::Minus, op, 0);
    node->children.push_back(plan(*op.children[0], scope));
    node->children.push_back(plan(*op.children[1], scope));
    node->keys = intersection(certain_variables(*op.children[0], &memo_),
                              certain_variables(*op.children[1], &memo_));
    node->keys_are_shared = node->keys == intersection(possible_variables(*op.children[0], &memo_),
                                                       possible_variables(*op.children[1], &memo_));
    node->rows = node->children[0]->rows;
    return node;
  }

  NodePtr plan_graph(const Op& op, const Scope& scope) {
    Scope inside = scope;
    if (op.graph.is_variable) {
      inside.graph = kAnyNamedGraph;
    } else {
      const TermId id = id_of(op.graph);
      inside.graph = id == kAnyTerm ? kNoGraph : id;
    }
    auto node = leaf(NodeKind::Graph, op, 0);
    node->children.push_back(plan(*op.children[0], inside));
    node->rows = node->children[0]->rows;
    return node;
  }

  // A chain of Extends (a SELECT with several expressions) is one node:
  // it runs in one pass, so BNODE(str) sees one solution across all of them.
  NodePtr plan_extend(const Op& op, const Scope& scope) {
    std::vector<const Op*> chain;
    const Op* below = &op;
    while (below->kind == OpKind::Extend) {
      chain.push_back(below);
      below = below->children.at(0).get();
    }
    std::reverse(chain.begin(), chain.end());
    auto node = leaf(NodeKind::Extend, op, 0);
    node->chain = chain;
    const std::int64_t saved = pending_top_k_;
    node->children.push_back(plan(*below, scope));
    pending_top_k_ = saved;
    node->rows = node->children[0]->rows;
    const VarSet input = unite(scope.bound, certain_variables(*below, &memo_));
    for (const Op* e : chain) plan_exists(e->exprs, input, scope, *node);
    return node;
  }

  NodePtr plan_slice(const Op& op, const Scope& scope) {
    const std::int64_t saved = pending_top_k_;
    // An ORDER BY just below (through projections and BINDs) only needs
    // the first offset + limit rows.
    const std::int64_t offset = std::max<std::int64_t>(0, op.offset);
    const bool fits =
        op.limit >= 0 && offset <= std::numeric_limits<std::int64_t>::max() - op.limit;
    pending_top_k_ = fits && !context_.naive ? offset + op.limit : -1;
    auto node = leaf(NodeKind::Slice, op, 0);
    node->children.push_back(plan(*op.children.at(0), scope));
    pending_top_k_ = saved;
    const double below = std::max(
        0.0, node->children[0]->rows - static_cast<double>(std::max<std::int64_t>(0, op.offset)));
    node->rows = op.limit < 0 ? below : std::min(below, static_cast<double>(op.limit));
    return node;
  }

  void plan_group_exists(const Op& op, const Scope& scope, Node& node) {
    const VarSet input = unite(scope.bound, certain_variables(*op.children[0], &memo_));
    for (const auto* list : {&op.group_keys, &op.aggregates}) {
      for (const auto& b : *list) plan_exists_in(*b.expr, input, scope, node);
    }
  }

  void plan_order_exists(const Op& op, const Scope& scope, Node& node) {
    const VarSet input = unite(scope.bound, certain_variables(*op.children[0], &memo_));
    for (const auto& c : op.order) plan_exists_in(*c.expr, input, scope, node);
  }

  void plan_exists(const std::vector<sparql::ExprPtr>& exprs, const VarSet& input,
                   const Scope& scope, Node& node) {
    for (const auto& e : exprs) plan_exists_in(*e, input, scope, node);
  }

  // Each EXISTS runs per row with that row as its seed.
  void plan_exists_in(const Expr& e, const VarSet& input, const Scope& scope, Node& node) {
    if ((e.kind == ExprKind::Exists || e.kind == ExprKind::NotExists) && e.pattern) {
      Scope inside = scope;
      inside.bound = input;
      const std::int64_t saved = std::exchange(pending_top_k_, -1);
      node.exists.push_back({&e, plan(*e.pattern, inside)});
      pending_top_k_ = saved;
    }
    for (const auto& arg : e.args) {
      if (arg) plan_exists_in(*arg, input, scope, node);
    }
  }

  const PassContext& context_;
  // The planner reads one algebra tree that no one changes while it runs.
  VariableMemo memo_;
  // The rows a Slice above wants, while planning below it (-1: all).
  std::int64_t pending_top_k_ = -1;
};

Scope top_scope(const PassContext& context) {
  Scope scope;
  if (!context.default_graphs.empty()) scope.graph = context.default_graphs.front();
  return scope;
}

}  // namespace

plan::Plan make_plan(sparql::Query query, const PassContext& context) {
  plan::Plan out;
  out.query = std::move(query);
  if (out.query.pattern) out.root = Planner(context).plan(*out.query.pattern, top_scope(context));
  return out;
}

plan::NodePtr plan_operator(const sparql::Op& op, const PassContext& context,
                            const VarSet& seeded) {
  Scope scope = top_scope(context);
  scope.bound = seeded;
  return Planner(context).plan(op, scope);
}

}  // namespace quiver::optimizer
