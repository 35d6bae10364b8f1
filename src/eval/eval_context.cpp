#include "eval/eval_context.hpp"

#include <chrono>
#include <cstdio>
#include <ctime>

namespace quiver::eval {
namespace {

constexpr std::uint64_t kCheckEvery = 4096;

// NOW() is one instant per query, as an xsd:dateTime in UTC.
Term now_literal() {
  auto now = std::chrono::system_clock::now();
  std::time_t secs = std::chrono::system_clock::to_time_t(now);
  auto millis =
      std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                static_cast<int>(millis));
  return Term::literal(buf, vocab::kXsdDateTime);
}

}  // namespace

EvalContext::EvalContext(const QueryDataset& dataset, const EvalOptions& options,
                         VariableTable vars)
    : data_(dataset.data), options_(&options), vars_(std::move(vars)) {
  functions_.now = now_literal();
  functions_.deadline = options.deadline;
  default_graphs_ = dataset.default_graphs;
  if (default_graphs_.empty()) default_graphs_.push_back(kDefaultGraph);
  named_graphs_ = dataset.named_graphs ? *dataset.named_graphs : data_->graph_names();
}

TermId EvalContext::encode(const Term& term) {
  TermId id = find(term);
  if (id != kAnyTerm) return id;
  id = kFirstLocalId + local_terms_.size();
  // Kept twice: in the deque and as the map's key.
  local_bytes_ +=
      2 * (sizeof(Term) + term.value().size() + term.datatype().size() + term.language().size());
  if (local_bytes_ > options_->max_computed_bytes) {
    fail(Error{ErrorKind::Limit, "the query's computed values passed " +
                                     std::to_string(options_->max_computed_bytes >> 20) +
                                     " MiB: it stops rather than take the machine's memory"});
  }
  local_terms_.push_back(term);
  local_ids_.emplace(term, id);
  return id;
}

TermId EvalContext::find(const Term& term) const {
  if (term.is_none()) return kAnyTerm;
  TermId id = find_data_id(term);
  if (id != kAnyTerm) return id;
  auto it = local_ids_.find(term);
  return it == local_ids_.end() ? kAnyTerm : it->second;
}

TermRef EvalContext::decode_ref(TermId id) const {
  if (is_local(id)) return local_terms_[id - kFirstLocalId].ref();
  return data_->term(id);
}

void EvalContext::fail(Error error) {
  if (!error_) error_ = std::move(error);
  stopped_ = true;
}

bool EvalContext::check() {
  next_check_ = work_ + kCheckEvery;
  if (stopped_) return false;
  if (options_->cancel && options_->cancel->load(std::memory_order_relaxed)) {
    fail(Error{ErrorKind::Cancelled, "query cancelled"});
  } else if (std::chrono::steady_clock::now() >= options_->deadline) {
    fail(Error{ErrorKind::Timeout, "query timed out"});
  }
  return !stopped_;
}

}  // namespace quiver::eval
