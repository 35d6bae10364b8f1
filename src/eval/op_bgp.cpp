// Basic graph patterns by index nested loops, in the order the plan gives:
// each pattern is looked up with the values bound so far substituted, and
// the loops are resumable, so rows stream out in batches and a LIMIT above
// stops the lookups.

#include <algorithm>
#include <array>
#include <tuple>

#include "eval/operators.hpp"

namespace quiver::eval {
namespace {

// Matches read per cursor call; small, since a BGP of thousands of
// patterns holds one batch per pattern.
constexpr std::size_t kLookupBatch = 64;

// One position of a triple pattern: a constant id or a variable slot.
struct Position {
  TermId constant = kAnyTerm;
  Slot slot = kNoSlot;
};

struct Step {
  std::array<Position, 3> pos;  // subject, predicate, object
};

TermId value_at(const Position& p, const TermId* row) {
  return p.slot == kNoSlot ? p.constant : row[p.slot];
}

// The matches of one pattern for one partial row, read in batches.
struct Level {
  std::unique_ptr<QuadCursor> cursor;
  std::vector<QuadIds> merged;  // over a merged default graph: all matches, distinct
  bool use_merged = false;
  bool single = false;  // batch holds the one possible match, found by contains()
  // Each variable of the pattern is a distinct slot unbound at its start:
  // every match is a row as it stands (the last level copies them out in
  // bulk).
  bool free = false;
  std::array<QuadIds, kLookupBatch> batch;
  std::size_t n = 0;
  std::size_t at = 0;
  bool done = true;
  // The slots the current match bound, to unbind before the next one.
  std::array<Slot, 3> bound{};
  int bound_count = 0;
};

class BgpOperator final : public Operator {
 public:
  BgpOperator(EvalContext& ctx, const plan::Node& node)
      : Operator(ctx, node),
        row_(ctx.width()),
        levels_(node.triples.size()),
        step_counts_(node.triples.size(), 0) {
    for (const auto& t : node.triples) {
      Step step;
      const sparql::PatternTerm* terms[3] = {&t.subject, &t.predicate, &t.object};
      for (int i = 0; i < 3; ++i) {
        if (terms[i]->is_variable) {
          step.pos[i].slot = ctx.vars().find(terms[i]->variable);
        } else {
          step.pos[i].constant = ctx.find_data_id(terms[i]->term);
          // A constant the data lacks: the pattern, hence the BGP, matches nothing.
          if (step.pos[i].constant == kAnyTerm) impossible_ = true;
        }
      }
      steps_.push_back(step);
      ran_.push_back(t);
    }
  }

  void open(const TermId* seed, const std::vector<TermId>* graphs) override {
    graphs_ = graphs;
    std::copy(seed, seed + ctx_.width(), row_.begin());
    for (Level& level : levels_) level.bound_count = 0;
    depth_ = 0;
    finished_ = impossible_ || steps_.empty();
    if (!finished_) start(0);
  }

  // The patterns in the order this operator looks them up.
  plan::Shape executed() const override {
    plan::Shape out = Operator::executed();
    for (const auto& t : ran_) out.patterns.push_back(plan::pattern_text(t));
    return out;
  }

  void count(plan::Counts& counts) const override {
    Operator::count(counts);
    auto& steps = counts.steps[&node_];
    steps.resize(step_counts_.size(), 0);
    for (std::size_t i = 0; i < step_counts_.size(); ++i) steps[i] += step_counts_[i];
  }

 protected:
  bool next(RowBatch& out) override {
    out.clear();
    const std::size_t last = steps_.size() - 1;
    while (!finished_ && !out.full()) {
      Level& level = levels_[depth_];
      unbind(level);
      if (depth_ == last && level.free && !level.use_merged && level.at < level.n) {
        emit(level, out);
        continue;
      }
      QuadIds quad;
      if (!advance(level, quad)) {
        if (ctx_.stopped() || depth_ == 0) {
          finished_ = true;
        } else {
          --depth_;
        }
        continue;
      }
      if (!bind(level, depth_, quad)) continue;
      ++step_counts_[depth_];
      if (depth_ == last) {
        out.push(row_.data());
      } else {
        start(++depth_);
      }
    }
    return !out.empty() && !ctx_.stopped();
  }

 private:
  // Opens the lookup of pattern `depth` for the partial row at that depth.
  void start(std::size_t depth) {
    Level& level = levels_[depth];
    level.n = level.at = 0;
    level.done = false;
    level.use_merged = false;
    level.single = false;
    const TermId* row = row_.data();
    const Step& p = steps_[depth];
    // Only the last level copies out in bulk; the others bind one match at a time.
    level.free = depth + 1 == steps_.size();
    for (int i = 0; i < 3 && level.free; ++i) {
      const Slot s = p.pos[i].slot;
      if (s == kNoSlot) continue;
      level.free = level.free && row[s] == kAnyTerm;
      for (int j = 0; j < i; ++j) level.free = level.free && p.pos[j].slot != s;
    }
    QuadIds q{value_at(p.pos[0], row), value_at(p.pos[1], row), value_at(p.pos[2], row),
              kDefaultGraph};
    // A computed term is never in the data; lookups that find nothing still
    // count, so the deadline is seen.
    if (EvalContext::is_local(q.subject) || EvalContext::is_local(q.predicate) ||
        EvalContext::is_local(q.object) || !ctx_.tick()) {
      level.done = true;
      return;
    }
    if (!EvalContext::merges(*graphs_)) {
      q.graph = graphs_->front();
      if (q.subject != kAnyTerm && q.predicate != kAnyTerm && q.object != kAnyTerm) {
        // Every position bound: a lookup, not a cursor (this closes the
        // triangles of a cyclic pattern, hundreds of millions of times).
        level.n = ctx_.data().contains(q) ? 1 : 0;
        level.batch[0] = q;
        level.single = true;
        level.done = level.n == 0;
        return;
      }
      level.cursor = ctx_.data().match(q);
      return;
    }
    // Over a merged default graph a triple in several graphs counts once.
    level.use_merged = true;
    level.merged.clear();
    for (TermId g : *graphs_) {
      q.graph = g;
      auto cursor = ctx_.data().match(q);
      while (std::size_t n = cursor->next(level.batch.data(), kLookupBatch)) {
        for (std::size_t i = 0; i < n; ++i) {
          const QuadIds& m = level.batch[i];
          level.merged.push_back({m.subject, m.predicate, m.object, kAnyTerm});
        }
        if (!ctx_.tick(n)) break;
      }
    }
    auto key = [](const QuadIds& a) { return std::tie(a.subject, a.predicate, a.object); };
    std::sort(level.merged.begin(), level.merged.end(),
              [&](const QuadIds& a, const QuadIds& b) { return key(a) < key(b); });
    level.merged.erase(std::unique(level.merged.begin(), level.merged.end()), level.merged.end());
  }

  // The next match of a level; false when it has none left.
  bool advance(Level& level, QuadIds& quad) {
    if (level.done) return false;
    if (level.use_merged) {
      if (level.at >= level.merged.size()) {
        level.done = true;
        return false;
      }
      quad = level.merged[level.at++];
      return true;
    }
    if (level.at == level.n) {
      if (level.single) {
        level.done = true;
        return false;
      }
      level.n = level.cursor->next(level.batch.data(), kLookupBatch);
      level.at = 0;
      if (level.n == 0 || !ctx_.tick(level.n)) {
        level.done = true;
        return false;
      }
    }
    quad = level.batch[level.at++];
    return true;
  }

  // The rest of the last level's batch as rows, as far as `out` has room.
  void emit(Level& level, RowBatch& out) {
    const Step& p = steps_.back();
    const std::size_t w = row_.size();
    std::size_t k = 0;
    for (; level.at < level.n && !out.full(); ++level.at, ++k) {
      const QuadIds& q = level.batch[level.at];
      TermId* r = out.add();
      for (std::size_t i = 0; i < w; ++i) r[i] = row_[i];
      if (p.pos[0].slot != kNoSlot) r[p.pos[0].slot] = q.subject;
      if (p.pos[1].slot != kNoSlot) r[p.pos[1].slot] = q.predicate;
      if (p.pos[2].slot != kNoSlot) r[p.pos[2].slot] = q.object;
    }
    step_counts_.back() += k;
  }

  // Binds the match's values into the row (one row for every level: what
  // a level binds it unbinds before its next match); false when a variable
  // already bound, or repeated in the pattern (?x ?p ?x), gets another value.
  bool bind(Level& level, std::size_t depth, const QuadIds& quad) {
    const TermId values[3] = {quad.subject, quad.predicate, quad.object};
    const Step& p = steps_[depth];
    for (int i = 0; i < 3; ++i) {
      const Slot s = p.pos[i].slot;
      if (s == kNoSlot) continue;
      if (row_[s] == kAnyTerm) {
        row_[s] = values[i];
        level.bound[static_cast<std::size_t>(level.bound_count++)] = s;
      } else if (row_[s] != values[i]) {
        unbind(level);
        return false;
      }
    }
    return true;
  }

  void unbind(Level& level) {
    for (int i = 0; i < level.bound_count; ++i) {
      row_[level.bound[static_cast<std::size_t>(i)]] = kAnyTerm;
    }
    level.bound_count = 0;
  }

  std::vector<Step> steps_;
  std::vector<sparql::TriplePattern> ran_;  // what each step was built from
  std::vector<TermId> row_;
  std::vector<Level> levels_;
  std::vector<std::uint64_t> step_counts_;
  const std::vector<TermId>* graphs_ = nullptr;
  std::size_t depth_ = 0;
  bool finished_ = true;
  bool impossible_ = false;
};

}  // namespace

std::unique_ptr<Operator> make_bgp(EvalContext& ctx, const plan::Node& node) {
  return std::make_unique<BgpOperator>(ctx, node);
}

}  // namespace quiver::eval
