// Basic graph patterns by index nested loops: the patterns are ordered
// greedily by estimated cardinality, then each one is matched with the
// variables bound so far substituted into the dataset lookup.

#include <algorithm>
#include <array>
#include <tuple>

#include "eval/operators.hpp"

namespace quiver::eval {
namespace {

constexpr std::size_t kBatch = 1024;

// One position of a triple pattern: a constant id or a variable slot.
struct Position {
  TermId constant = kAnyTerm;
  Slot slot = kNoSlot;
};

struct PlannedPattern {
  std::array<Position, 3> pos;  // subject, predicate, object
};

TermId value_at(const Position& p, const TermId* row) {
  return p.slot == kNoSlot ? p.constant : row[p.slot];
}

// How selective a pattern looks once the variables in `bound` are bound:
// the dataset's estimate for its constants, scaled down for each bound
// variable (we cannot know their values yet).
double cost(const EvalContext& ctx, const PlannedPattern& p, const std::vector<bool>& bound) {
  QuadIds q;
  q.subject = p.pos[0].constant;
  q.predicate = p.pos[1].constant;
  q.object = p.pos[2].constant;
  q.graph = ctx.active_graphs().front();
  double est = ctx.data().stats(q).matches;
  static constexpr double kBoundFactor[3] = {1e-4, 0.2, 1e-3};
  for (int i = 0; i < 3; ++i) {
    if (p.pos[i].slot != kNoSlot && bound[p.pos[i].slot]) est *= kBoundFactor[i];
  }
  return est;
}

bool connected(const PlannedPattern& p, const std::vector<bool>& bound) {
  for (const auto& pos : p.pos) {
    if (pos.slot != kNoSlot && bound[pos.slot]) return true;
  }
  return false;
}

// Greedy join order: repeatedly the cheapest pattern among those sharing
// a bound variable (avoiding cross products), or the cheapest of all.
std::vector<PlannedPattern> order_patterns(const EvalContext& ctx,
                                           std::vector<PlannedPattern> patterns,
                                           std::vector<bool> bound) {
  std::vector<PlannedPattern> ordered;
  ordered.reserve(patterns.size());
  while (!patterns.empty()) {
    std::size_t best = 0;
    double best_cost = 0;
    bool best_connected = false;
    for (std::size_t i = 0; i < patterns.size(); ++i) {
      bool conn = connected(patterns[i], bound);
      double c = cost(ctx, patterns[i], bound);
      if (i == 0 || (conn && !best_connected) || (conn == best_connected && c < best_cost)) {
        best = i;
        best_cost = c;
        best_connected = conn;
      }
    }
    for (const auto& pos : patterns[best].pos) {
      if (pos.slot != kNoSlot) bound[pos.slot] = true;
    }
    ordered.push_back(patterns[best]);
    patterns.erase(patterns.begin() + static_cast<std::ptrdiff_t>(best));
  }
  return ordered;
}

class BgpMatcher {
 public:
  BgpMatcher(EvalContext& ctx, std::vector<PlannedPattern> patterns, const RowSink& sink)
      : ctx_(ctx),
        patterns_(std::move(patterns)),
        sink_(sink),
        rows_((patterns_.size() + 1) * ctx.width()),
        batches_(patterns_.size() * kBatch) {}

  bool run(const TermId* input, std::size_t input_row) {
    input_row_ = input_row;
    std::copy(input, input + ctx_.width(), rows_.begin());
    return extend(0);
  }

 private:
  TermId* row_at(std::size_t depth) { return rows_.data() + depth * ctx_.width(); }

  bool extend(std::size_t depth) {
    const TermId* row = row_at(depth);
    if (depth == patterns_.size()) return sink_(row, input_row_);
    const PlannedPattern& p = patterns_[depth];
    QuadIds q{value_at(p.pos[0], row), value_at(p.pos[1], row), value_at(p.pos[2], row),
              kDefaultGraph};
    // A computed term is never in the data.
    if (EvalContext::is_local(q.subject) || EvalContext::is_local(q.predicate) ||
        EvalContext::is_local(q.object)) {
      return true;
    }
    // Lookups that find nothing still count, so the deadline is seen.
    if (!ctx_.tick()) return false;
    const auto& graphs = ctx_.active_graphs();
    if (graphs.size() == 1) {
      q.graph = graphs.front();
      QuadIds* batch = batches_.data() + depth * kBatch;
      auto cursor = ctx_.data().match(q);
      while (std::size_t n = cursor->next(batch, kBatch)) {
        for (std::size_t i = 0; i < n; ++i) {
          if (!bind(depth, batch[i])) continue;
          if (!extend(depth + 1)) return false;
        }
        if (!ctx_.tick(n)) return false;
      }
      return true;
    }
    return extend_merged(depth, q);
  }

  // Over a merged default graph a triple in several graphs counts once.
  bool extend_merged(std::size_t depth, QuadIds q) {
    std::vector<QuadIds> matches;
    std::array<QuadIds, kBatch> batch;
    for (TermId g : ctx_.active_graphs()) {
      q.graph = g;
      auto cursor = ctx_.data().match(q);
      while (std::size_t n = cursor->next(batch.data(), kBatch)) {
        for (std::size_t i = 0; i < n; ++i) {
          matches.push_back({batch[i].subject, batch[i].predicate, batch[i].object, kAnyTerm});
        }
        if (!ctx_.tick(n)) return false;
      }
    }
    auto key = [](const QuadIds& a) { return std::tie(a.subject, a.predicate, a.object); };
    std::sort(matches.begin(), matches.end(),
              [&](const QuadIds& a, const QuadIds& b) { return key(a) < key(b); });
    matches.erase(std::unique(matches.begin(), matches.end()), matches.end());
    for (const QuadIds& m : matches) {
      if (!bind(depth, m)) continue;
      if (!extend(depth + 1)) return false;
    }
    return true;
  }

  // Writes row depth+1 from row depth and a match; false when a variable
  // repeated in the pattern (?x ?p ?x) gets two values.
  bool bind(std::size_t depth, const QuadIds& quad) {
    const TermId* row = row_at(depth);
    TermId* next = row_at(depth + 1);
    std::copy(row, row + ctx_.width(), next);
    const TermId values[3] = {quad.subject, quad.predicate, quad.object};
    const PlannedPattern& p = patterns_[depth];
    for (int i = 0; i < 3; ++i) {
      Slot s = p.pos[i].slot;
      if (s == kNoSlot) continue;
      if (next[s] == kAnyTerm) {
        next[s] = values[i];
      } else if (next[s] != values[i]) {
        return false;
      }
    }
    return true;
  }

  EvalContext& ctx_;
  std::vector<PlannedPattern> patterns_;
  const RowSink& sink_;
  std::vector<TermId> rows_;
  std::vector<QuadIds> batches_;
  std::size_t input_row_ = 0;
};

}  // namespace

bool match_bgp(EvalContext& ctx, const sparql::Op& op, const Table& input, const RowSink& sink) {
  std::vector<PlannedPattern> patterns;
  patterns.reserve(op.triples.size());
  for (const auto& t : op.triples) {
    PlannedPattern p;
    const sparql::PatternTerm* terms[3] = {&t.subject, &t.predicate, &t.object};
    for (int i = 0; i < 3; ++i) {
      if (terms[i]->is_variable) {
        p.pos[i].slot = ctx.vars().find(terms[i]->variable);
      } else {
        p.pos[i].constant = ctx.find_data_id(terms[i]->term);
        if (p.pos[i].constant == kAnyTerm) return !ctx.stopped();  // no match possible
      }
    }
    patterns.push_back(p);
  }
  // Order for the variables every input row binds.
  std::vector<bool> bound(ctx.width(), input.size() > 0);
  for (std::size_t r = 0; r < input.size(); ++r) {
    const TermId* row = input.row(r);
    for (std::size_t i = 0; i < ctx.width(); ++i) bound[i] = bound[i] && row[i] != kAnyTerm;
  }
  BgpMatcher matcher(ctx, order_patterns(ctx, std::move(patterns), bound), sink);
  for (std::size_t r = 0; r < input.size(); ++r) {
    if (!matcher.run(input.row(r), r)) return false;
  }
  return !ctx.stopped();
}

}  // namespace quiver::eval
