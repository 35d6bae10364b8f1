// The query run: the plan's operator tree, opened from an unbound row over
// the query's default graphs, read by the result writer batch by batch.
// Terms are decoded only here, as views, when the writer asks for a row.

#include "eval/evaluator.hpp"

#include <deque>

#include "eval/operator.hpp"
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

class Run final : public QueryRun {
 public:
  Run(const plan::Plan& plan, const QueryDataset& dataset, const EvalOptions& options)
      : plan_(plan),
        options_(options),
        ctx_(dataset, options_, collect_variables(plan.query)),
        seed_(ctx_.width(), kAnyTerm),
        batch_(ctx_.width()) {
    ctx_.functions().base_iri = plan.query.base_iri;
    for (const auto& v : plan.query.variables) slots_.push_back(ctx_.vars().find(v));
    if (plan.root) {
      root_ = make_operator(ctx_, *plan.root);
      root_->open(seed_.data(), &ctx_.default_graphs());
    }
    if (plan.query.form == QueryForm::Construct) {
      construct_.emplace(ctx_, plan_.query);
    } else if (plan.query.form == QueryForm::Describe) {
      describe_.emplace(ctx_, plan_.query);
    }
  }

  QueryForm form() const override { return plan_.query.form; }
  const std::vector<std::string>& variables() const override { return plan_.query.variables; }
  bool ordered() const override { return has_order_by(plan_.query.pattern.get()); }

  bool boolean() override {
    if (!asked_) {
      asked_ = true;
      batch_.set_target(1);
      const TermId* row = nullptr;
      answer_ = next_row(row);
    }
    return answer_;
  }

  bool next(SolutionView& row) override {
    const TermId* ids = nullptr;
    if (!next_row(ids)) return false;
    row.assign(slots_.size(), TermRef{});
    for (std::size_t i = 0; i < slots_.size(); ++i) {
      if (slots_[i] != kNoSlot && ids[slots_[i]] != kAnyTerm) {
        row[i] = ctx_.decode_ref(ids[slots_[i]]);
      }
    }
    return true;
  }

  bool next_ids(std::vector<TermId>& row) override {
    const TermId* ids = nullptr;
    if (!next_row(ids)) return false;
    row.assign(slots_.size(), kAnyTerm);
    for (std::size_t i = 0; i < slots_.size(); ++i) {
      if (slots_[i] != kNoSlot) row[i] = ids[slots_[i]];
    }
    return true;
  }

  TermRef term(TermId id) const override { return ctx_.decode_ref(id); }

  bool next(TripleView& triple) override {
    if (describe_ && !described_) {
      described_ = true;
      const TermId* row = nullptr;
      while (next_row(row)) describe_->add_solution(row);
      for (const IdTriple& t : describe_->describe()) triples_.push_back(t);
    }
    while (triples_.empty() && construct_) {
      const TermId* row = nullptr;
      if (!next_row(row)) break;
      std::vector<IdTriple> made;
      construct_->instantiate(row, made);
      triples_.insert(triples_.end(), made.begin(), made.end());
    }
    if (triples_.empty() || ctx_.stopped()) return false;
    const IdTriple t = triples_.front();
    triples_.pop_front();
    triple = {ctx_.decode_ref(t[0]), ctx_.decode_ref(t[1]), ctx_.decode_ref(t[2])};
    return true;
  }

  const std::optional<Error>& error() const override { return ctx_.error(); }

  plan::Counts counts() const override {
    plan::Counts out;
    if (root_) root_->count(out);
    return out;
  }
  std::string executed_text() const override {
    return root_ ? plan::to_text(root_->executed()) : std::string();
  }

 private:
  // The next solution row in `row`; false at the end (or once the query
  // stopped). A query without variables has rows of no cells, so the row
  // pointer alone cannot say whether there is one.
  bool next_row(const TermId*& row) {
    if (at_ >= batch_.size()) {
      at_ = 0;
      if (!root_ || finished_ || !root_->pull(batch_)) {
        finished_ = true;
        return false;
      }
    }
    if (ctx_.stopped()) return false;
    row = batch_.row(at_++);
    return true;
  }

  const plan::Plan& plan_;
  EvalOptions options_;
  EvalContext ctx_;
  std::vector<TermId> seed_;
  std::vector<Slot> slots_;
  std::unique_ptr<Operator> root_;
  RowBatch batch_;
  std::size_t at_ = 0;
  bool finished_ = false;
  bool asked_ = false;
  bool answer_ = false;
  std::optional<ConstructTemplate> construct_;
  std::optional<Describer> describe_;
  bool described_ = false;
  std::deque<IdTriple> triples_;
};

}  // namespace

Expected<std::unique_ptr<QueryRun>> QueryRun::start(const plan::Plan& plan,
                                                    const QueryDataset& dataset,
                                                    const EvalOptions& options) {
  if (!dataset.data) return Error{ErrorKind::Internal, "no dataset to query"};
  std::unique_ptr<QueryRun> run = std::make_unique<Run>(plan, dataset, options);
  return run;
}

Expected<QueryResult> evaluate(const plan::Plan& plan, const QueryDataset& dataset,
                               const EvalOptions& options) {
  auto run = QueryRun::start(plan, dataset, options);
  if (!run) return run.error();
  return collect(**run);
}

}  // namespace quiver::eval
