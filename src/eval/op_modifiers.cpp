// The solution modifiers that need no expressions: Project, Distinct,
// Reduced (passes rows through, which the spec allows) and Slice. All
// stream; Distinct holds the distinct rows it has seen, on its key
// variables only.

#include <new>
#include <stdexcept>

#include "eval/operators.hpp"
#include "eval/row_set.hpp"

namespace quiver::eval {
namespace {

class PassThrough : public Operator {
 public:
  PassThrough(EvalContext& ctx, const plan::Node& node)
      : Operator(ctx, node), child_(make_operator(ctx, *node.children.at(0))) {}
  void open(const TermId* seed, const std::vector<TermId>* graphs) override {
    child_->open(seed, graphs);
  }

 protected:
  std::vector<const Operator*> inputs() const override { return {child_.get()}; }
  bool next(RowBatch& out) override { return child_->pull(out); }

  std::unique_ptr<Operator> child_;
};

class ProjectOperator final : public PassThrough {
 public:
  ProjectOperator(EvalContext& ctx, const plan::Node& node)
      : PassThrough(ctx, node), keep_(ctx.width(), false) {
    for (Slot s : slots_of(ctx, node.op->variables)) {
      if (s != kNoSlot) keep_[s] = true;
    }
  }

 protected:
  bool next(RowBatch& out) override {
    if (!child_->pull(out)) return false;
    for (std::size_t r = 0; r < out.size(); ++r) {
      TermId* row = out.row(r);
      for (std::size_t i = 0; i < keep_.size(); ++i) {
        if (!keep_[i]) row[i] = kAnyTerm;
      }
    }
    return true;
  }

 private:
  std::vector<bool> keep_;
};

// Only the key cells of the rows seen are kept (RowSet), so memory grows
// with the number of distinct rows, times the number of keys.
class DistinctOperator final : public PassThrough {
 public:
  DistinctOperator(EvalContext& ctx, const plan::Node& node)
      : PassThrough(ctx, node), keys_(slots_of(ctx, node.keys)), seen_(0), key_(0) {
    std::erase(keys_, kNoSlot);
    seen_ = RowSet(keys_.size());
    key_.resize(keys_.size());
  }
  void open(const TermId* seed, const std::vector<TermId>* graphs) override {
    PassThrough::open(seed, graphs);
    seen_.clear();
    seen_any_ = false;
  }
  plan::Shape executed() const override {
    plan::Shape out = PassThrough::executed();
    out.line = "distinct on" + slot_names(ctx_, keys_);
    return out;
  }

 protected:
  bool next(RowBatch& out) override {
    RowBatch& in = out;  // filtered in place
    while (child_->pull(in)) {
      std::size_t kept = 0;
      for (std::size_t r = 0; r < in.size(); ++r) {
        const TermId* row = in.row(r);
        if (keys_.empty()) {
          // Nothing to compare: every row is the same row.
          if (seen_any_) continue;
          seen_any_ = true;
        } else {
          for (std::size_t k = 0; k < keys_.size(); ++k) key_[k] = row[keys_[k]];
          if (!insert()) {
            if (ctx_.stopped()) return false;
            continue;
          }
        }
        if (kept != r) std::copy(row, row + in.width(), in.row(kept));
        ++kept;
      }
      in.truncate(kept);
      if (!ctx_.tick(kept + 1)) return false;
      if (kept > 0) return true;
    }
    return false;
  }

 private:
  bool insert() {
    try {
      return seen_.insert(key_.data());
    } catch (const std::length_error& e) {
      ctx_.fail(Error(ErrorKind::Limit, std::string("DISTINCT: ") + e.what()));
    } catch (const std::bad_alloc&) {
      ctx_.fail(Error(ErrorKind::Limit, "DISTINCT: out of memory"));
    }
    return false;
  }

  std::vector<Slot> keys_;
  RowSet seen_;
  std::vector<TermId> key_;
  bool seen_any_ = false;
};

class SliceOperator final : public PassThrough {
 public:
  using PassThrough::PassThrough;
  void open(const TermId* seed, const std::vector<TermId>* graphs) override {
    PassThrough::open(seed, graphs);
    skipped_ = 0;
    given_ = 0;
  }

 protected:
  bool next(RowBatch& out) override {
    const auto offset = static_cast<std::uint64_t>(std::max<std::int64_t>(0, node_.op->offset));
    const bool bounded = node_.op->limit >= 0;
    const auto limit = static_cast<std::uint64_t>(std::max<std::int64_t>(0, node_.op->limit));
    out.clear();
    if (bounded && given_ >= limit) return false;
    // Ask the child for no more rows than are still wanted.
    const std::size_t target = out.target();
    if (bounded) {
      out.set_target(static_cast<std::size_t>(
          std::min<std::uint64_t>(target, offset - skipped_ + limit - given_)));
    }
    const bool more = slice(out, offset, bounded, limit);
    out.set_target(target);
    return more;
  }

 private:
  bool slice(RowBatch& out, std::uint64_t offset, bool bounded, std::uint64_t limit) {
    while (child_->pull(out)) {
      std::size_t from = 0;
      if (skipped_ < offset) {
        from = static_cast<std::size_t>(std::min<std::uint64_t>(offset - skipped_, out.size()));
        skipped_ += from;
      }
      std::size_t n = out.size() - from;
      if (bounded) n = static_cast<std::size_t>(std::min<std::uint64_t>(n, limit - given_));
      if (n == 0) {
        if (bounded && given_ >= limit) break;
        continue;
      }
      if (from > 0) {
        for (std::size_t r = 0; r < n; ++r) {
          std::copy(out.row(from + r), out.row(from + r) + out.width(), out.row(r));
        }
      }
      out.truncate(n);
      given_ += n;
      return true;
    }
    out.clear();
    return false;
  }

  std::uint64_t skipped_ = 0;
  std::uint64_t given_ = 0;
};

}  // namespace

std::unique_ptr<Operator> make_modifier(EvalContext& ctx, const plan::Node& node) {
  switch (node.kind) {
    case plan::NodeKind::Project:
      return std::make_unique<ProjectOperator>(ctx, node);
    case plan::NodeKind::Distinct:
      return std::make_unique<DistinctOperator>(ctx, node);
    case plan::NodeKind::Slice:
      return std::make_unique<SliceOperator>(ctx, node);
    default:
      return std::make_unique<PassThrough>(ctx, node);
  }
}

}  // namespace quiver::eval
