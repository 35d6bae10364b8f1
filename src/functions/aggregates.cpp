// The set functions of 18.5.1: COUNT, SUM, AVG, MIN, MAX, GROUP_CONCAT and
// SAMPLE, each optionally DISTINCT.
//
// Errors: COUNT counts only values that are not errors; SUM and AVG fail
// on any error or non-numeric value; MIN, MAX, GROUP_CONCAT and SAMPLE skip
// errors (an unbound variable in some solutions is the common case).

#include <algorithm>
#include <string>
#include <unordered_set>

#include "functions/builtins_internal.hpp"
#include "functions/registry.hpp"
#include "functions/value.hpp"
#include "xsd/numeric.hpp"

namespace quiver::functions {

using xsd::Numeric;
using xsd::numeric_arithmetic;
using xsd::numeric_term;
using xsd::parse_numeric;
namespace {

/// Drops repeated values (same RDF term) before the aggregate sees them.
class DistinctAggregator : public Aggregator {
 public:
  explicit DistinctAggregator(std::unique_ptr<Aggregator> inner) : inner_(std::move(inner)) {}

  void add(const Value& value) override {
    if (!value) {
      if (seen_error_) return;
      seen_error_ = true;
    } else if (!seen_.insert(*value).second) {
      return;
    }
    inner_->add(value);
  }
  Value result() const override { return inner_->result(); }

 private:
  std::unique_ptr<Aggregator> inner_;
  std::unordered_set<Term> seen_;
  bool seen_error_ = false;
};

class CountAggregator : public Aggregator {
 public:
  explicit CountAggregator(bool count_star) : count_star_(count_star) {}
  void add(const Value& value) override {
    if (value || count_star_) ++count_;
  }
  Value result() const override { return detail::make_integer(count_); }

 private:
  bool count_star_;
  std::int64_t count_ = 0;
};

/// SUM, and AVG on top of it.
class SumAggregator : public Aggregator {
 public:
  explicit SumAggregator(bool average) : average_(average) {}

  void add(const Value& value) override {
    if (failed_) return;
    const auto n = value ? parse_numeric(*value) : std::nullopt;
    const auto sum = n ? numeric_arithmetic('+', sum_, *n) : std::nullopt;
    if (!sum) {
      failed_ = true;
      return;
    }
    sum_ = *sum;
    ++count_;
  }

  Value result() const override {
    if (failed_) return std::nullopt;
    if (!average_) return numeric_term(sum_);
    // "The average of no values is 0" (18.5.1.4), an xsd:integer.
    if (count_ == 0) return detail::make_integer(0);
    const auto avg = numeric_arithmetic('/', sum_, Numeric::of_integer(count_));
    if (!avg) return std::nullopt;
    return numeric_term(*avg);
  }

 private:
  bool average_;
  bool failed_ = false;
  Numeric sum_ = Numeric::of_integer(0);
  std::int64_t count_ = 0;
};

/// MIN and MAX in the ORDER BY order, as 18.5.1.5 says.
class ExtremeAggregator : public Aggregator {
 public:
  explicit ExtremeAggregator(bool maximum) : maximum_(maximum) {}
  void add(const Value& value) override {
    if (!value) return;
    if (!best_) {
      best_ = value;
      return;
    }
    const int c = order_compare(value, best_);
    if (maximum_ ? c > 0 : c < 0) best_ = value;
  }
  Value result() const override { return best_; }

 private:
  bool maximum_;
  Value best_;
};

/// The lexical forms joined by the separator, as a simple literal (the
/// W3C tests expect no language tag even when all values share one).
class GroupConcatAggregator : public Aggregator {
 public:
  explicit GroupConcatAggregator(std::string_view separator) : separator_(separator) {}
  void add(const Value& value) override {
    if (!value || failed_) return;
    if (value->is_blank()) {
      failed_ = true;
      return;
    }
    if (count_++ > 0) text_ += separator_;
    text_ += value->value();
  }
  Value result() const override {
    if (failed_) return std::nullopt;
    return detail::make_string(text_);
  }

 private:
  std::string separator_;
  std::string text_;
  std::size_t count_ = 0;
  bool failed_ = false;
};

class SampleAggregator : public Aggregator {
 public:
  void add(const Value& value) override {
    if (!sample_ && value) sample_ = value;
  }
  Value result() const override { return sample_; }

 private:
  Value sample_;
};

}  // namespace

namespace {

std::unique_ptr<Aggregator> make_count(std::string_view, bool count_star) {
  return std::make_unique<CountAggregator>(count_star);
}
std::unique_ptr<Aggregator> make_sum(std::string_view, bool) {
  return std::make_unique<SumAggregator>(false);
}
std::unique_ptr<Aggregator> make_avg(std::string_view, bool) {
  return std::make_unique<SumAggregator>(true);
}
std::unique_ptr<Aggregator> make_min(std::string_view, bool) {
  return std::make_unique<ExtremeAggregator>(false);
}
std::unique_ptr<Aggregator> make_max(std::string_view, bool) {
  return std::make_unique<ExtremeAggregator>(true);
}
std::unique_ptr<Aggregator> make_sample(std::string_view, bool) {
  return std::make_unique<SampleAggregator>();
}
std::unique_ptr<Aggregator> make_group_concat(std::string_view separator, bool) {
  return std::make_unique<GroupConcatAggregator>(separator);
}

}  // namespace

constexpr std::array<AggregateInfo, kAggregateCount> kAggregateTable = {{
    {Aggregate::Count, "COUNT", make_count},
    {Aggregate::Sum, "SUM", make_sum},
    {Aggregate::Min, "MIN", make_min},
    {Aggregate::Max, "MAX", make_max},
    {Aggregate::Avg, "AVG", make_avg},
    {Aggregate::Sample, "SAMPLE", make_sample},
    {Aggregate::GroupConcat, "GROUP_CONCAT", make_group_concat},
}};

static_assert(detail::in_id_order(kAggregateTable),
              "kAggregateTable must list every Aggregate once, in enum order");

std::optional<Aggregate> find_aggregate(std::string_view keyword) {
  for (const AggregateInfo& info : kAggregateTable) {
    if (equal_ignore_case(info.name, keyword)) return info.id;
  }
  return std::nullopt;
}

std::unique_ptr<Aggregator> make_aggregator(Aggregate a, bool distinct, std::string_view separator,
                                            bool count_star) {
  std::unique_ptr<Aggregator> aggregator = aggregate_info(a).make(separator, count_star);
  if (distinct) return std::make_unique<DistinctAggregator>(std::move(aggregator));
  return aggregator;
}

}  // namespace quiver::functions
