#include "eval/path_eval.hpp"

#include <algorithm>
#include <array>
#include <set>
#include <unordered_set>
#include <utility>

namespace quiver::eval {
namespace {

constexpr std::size_t kBatch = 1024;

struct PairHash {
  std::size_t operator()(const std::pair<TermId, TermId>& p) const {
    return std::hash<TermId>()(p.first) * 31 + std::hash<TermId>()(p.second);
  }
};

}  // namespace

bool PathEvaluator::eval(const sparql::Path& path, TermId start, TermId end, const PairSink& sink) {
  using sparql::PathKind;
  if (!ctx_.tick()) return false;
  switch (path.kind) {
    case PathKind::Link: {
      TermId p = ctx_.data().find_id(path.iri.ref());
      if (p == kAnyTerm) return true;
      return eval_link(p, start, end, sink);
    }
    case PathKind::Inverse:
      if (path.args.empty()) return true;
      return eval(*path.args[0], end, start, [&](TermId a, TermId b) { return sink(b, a); });
    case PathKind::Sequence:
      if (path.args.empty()) return true;
      return eval_sequence(path.args, 0, path.args.size() - 1, start, end, sink);
    case PathKind::Alternative:
      for (const auto& arg : path.args) {
        if (!eval(*arg, start, end, sink)) return false;
      }
      return true;
    case PathKind::ZeroOrMore:
    case PathKind::OneOrMore:
      if (path.args.empty()) return true;
      return eval_closure(*path.args[0], path.kind == PathKind::ZeroOrMore, start, end, sink);
    case PathKind::ZeroOrOne:
      if (path.args.empty()) return true;
      return eval_zero_or_one(*path.args[0], start, end, sink);
    case PathKind::NegatedSet:
      return eval_negated(path, start, end, sink);
  }
  return true;
}

bool PathEvaluator::eval_link(TermId predicate, TermId start, TermId end, const PairSink& sink) {
  if (EvalContext::is_local(start) || EvalContext::is_local(end)) return true;
  const auto& graphs = graphs_;
  std::array<QuadIds, kBatch> batch;
  // Over a merged default graph a triple in several graphs counts once.
  std::unordered_set<std::pair<TermId, TermId>, PairHash> seen;
  for (TermId g : graphs) {
    auto cursor = ctx_.data().match({start, predicate, end, g});
    while (std::size_t n = cursor->next(batch.data(), kBatch)) {
      for (std::size_t i = 0; i < n; ++i) {
        if (EvalContext::merges(graphs) &&
            !seen.emplace(batch[i].subject, batch[i].object).second) {
          continue;
        }
        if (!sink(batch[i].subject, batch[i].object)) return false;
      }
      if (!ctx_.tick(n)) return false;
    }
  }
  return true;
}

// A sequence is a join on hidden middle nodes; it runs from whichever
// end is bound so each step is an index lookup.
bool PathEvaluator::eval_sequence(const std::vector<sparql::PathPtr>& steps, std::size_t first,
                                  std::size_t last, TermId start, TermId end,
                                  const PairSink& sink) {
  if (first == last) return eval(*steps[first], start, end, sink);
  if (start != kAnyTerm || end == kAnyTerm) {
    return eval(*steps[first], start, kAnyTerm, [&](TermId a, TermId mid) {
      return eval_sequence(steps, first + 1, last, mid, end,
                           [&](TermId, TermId b) { return sink(a, b); });
    });
  }
  return eval(*steps[last], kAnyTerm, end, [&](TermId mid, TermId b) {
    return eval_sequence(steps, first, last - 1, kAnyTerm, mid,
                         [&](TermId a, TermId) { return sink(a, b); });
  });
}

// !(a|b|^c|^d): forward triples whose predicate is not a or b, and
// backward triples whose predicate is not c or d.
bool PathEvaluator::eval_negated(const sparql::Path& path, TermId start, TermId end,
                                 const PairSink& sink) {
  auto ids = [&](const std::vector<Term>& iris) {
    std::vector<TermId> out;
    for (const Term& t : iris) out.push_back(ctx_.data().find_id(t.ref()));
    return out;
  };
  std::vector<TermId> forward = ids(path.forward);
  std::vector<TermId> inverse = ids(path.inverse);
  auto excluded = [](const std::vector<TermId>& set, TermId p) {
    return std::find(set.begin(), set.end(), p) != set.end();
  };
  if (EvalContext::is_local(start) || EvalContext::is_local(end)) return true;
  auto scan = [&](TermId s, TermId o, const std::vector<TermId>& set, bool backward) {
    std::array<QuadIds, kBatch> batch;
    // Over a merged default graph a triple in several graphs counts once.
    std::set<std::array<TermId, 3>> seen;
    const bool merges = EvalContext::merges(graphs_);
    for (TermId g : graphs_) {
      auto cursor = ctx_.data().match({s, kAnyTerm, o, g});
      while (std::size_t n = cursor->next(batch.data(), kBatch)) {
        for (std::size_t i = 0; i < n; ++i) {
          if (excluded(set, batch[i].predicate)) continue;
          if (merges &&
              !seen.insert({batch[i].subject, batch[i].predicate, batch[i].object}).second) {
            continue;
          }
          bool go = backward ? sink(batch[i].object, batch[i].subject)
                             : sink(batch[i].subject, batch[i].object);
          if (!go) return false;
        }
        if (!ctx_.tick(n)) return false;
      }
    }
    return true;
  };
  if (!path.forward.empty() || path.inverse.empty()) {
    if (!scan(start, end, forward, false)) return false;
  }
  if (!path.inverse.empty()) {
    if (!scan(end, start, inverse, true)) return false;
  }
  return true;
}

bool PathEvaluator::reach(const sparql::Path& step, TermId from, bool forward, bool zero,
                          TermId target, std::vector<TermId>& out) {
  std::unordered_set<TermId> visited;
  std::vector<TermId> frontier{from};
  bool found = false;
  if (zero) {
    visited.insert(from);
    out.push_back(from);
    if (from == target) return true;
  }
  while (!frontier.empty() && !found) {
    TermId node = frontier.back();
    frontier.pop_back();
    auto visit = [&](TermId next) {
      if (visited.insert(next).second) {
        out.push_back(next);
        frontier.push_back(next);
        found = next == target;
      }
      return !found;
    };
    bool ok = forward ? eval(step, node, kAnyTerm, [&](TermId, TermId o) { return visit(o); })
                      : eval(step, kAnyTerm, node, [&](TermId s, TermId) { return visit(s); });
    if ((!ok && !found) || !ctx_.tick()) return false;
  }
  return true;
}

bool PathEvaluator::eval_closure(const sparql::Path& step, bool zero, TermId start, TermId end,
                                 const PairSink& sink) {
  std::vector<TermId> reached;
  if (start != kAnyTerm) {
    if (!reach(step, start, true, zero, end, reached)) return false;
    for (TermId n : reached) {
      if ((end == kAnyTerm || n == end) && !sink(start, n)) return false;
    }
    return true;
  }
  if (end != kAnyTerm) {
    if (!reach(step, end, false, zero, kAnyTerm, reached)) return false;
    for (TermId n : reached) {
      if (!sink(n, end)) return false;
    }
    return true;
  }
  // Both ends free: a closure from every node that can start one.
  std::vector<TermId> starts;
  if (zero) {
    starts = all_nodes();
  } else {
    std::unordered_set<TermId> seen;
    bool ok = eval(step, kAnyTerm, kAnyTerm, [&](TermId s, TermId) {
      if (seen.insert(s).second) starts.push_back(s);
      return true;
    });
    if (!ok) return false;
  }
  for (TermId s : starts) {
    reached.clear();
    if (!reach(step, s, true, zero, kAnyTerm, reached)) return false;
    for (TermId n : reached) {
      if (!sink(s, n)) return false;
    }
  }
  return true;
}

bool PathEvaluator::eval_zero_or_one(const sparql::Path& step, TermId start, TermId end,
                                     const PairSink& sink) {
  std::unordered_set<std::pair<TermId, TermId>, PairHash> seen;
  auto emit_once = [&](TermId a, TermId b) { return !seen.emplace(a, b).second || sink(a, b); };
  // The zero-length part: a bound end matches itself even outside the data.
  if (start != kAnyTerm || end != kAnyTerm) {
    if (start == kAnyTerm || end == kAnyTerm || start == end) {
      TermId node = start != kAnyTerm ? start : end;
      if (!emit_once(node, node)) return false;
    }
  } else {
    for (TermId n : all_nodes()) {
      if (!emit_once(n, n)) return false;
    }
  }
  return eval(step, start, end, emit_once);
}

const std::vector<TermId>& PathEvaluator::all_nodes() {
  if (nodes_) return *nodes_;
  std::unordered_set<TermId> seen;
  std::vector<TermId> nodes;
  std::array<QuadIds, kBatch> batch;
  for (TermId g : graphs_) {
    auto cursor = ctx_.data().match({kAnyTerm, kAnyTerm, kAnyTerm, g});
    while (std::size_t n = cursor->next(batch.data(), kBatch)) {
      for (std::size_t i = 0; i < n; ++i) {
        if (seen.insert(batch[i].subject).second) nodes.push_back(batch[i].subject);
        if (seen.insert(batch[i].object).second) nodes.push_back(batch[i].object);
      }
      if (!ctx_.tick(n)) break;
    }
  }
  nodes_ = std::move(nodes);
  return *nodes_;
}

}  // namespace quiver::eval
