// The set functions of 18.5.1: COUNT, SUM, AVG, MIN, MAX, GROUP_CONCAT and
// SAMPLE, each optionally DISTINCT.
//
// Errors: COUNT counts only values that are not errors; SUM and AVG fail
// on any error or non-numeric value; MIN, MAX, GROUP_CONCAT and SAMPLE skip
// errors (an unbound variable in some solutions is the common case).

#include "functions/aggregates.hpp"

#include <algorithm>
#include <string>
#include <unordered_set>

#include "functions/builtins_internal.hpp"
#include "functions/operators.hpp"
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

std::unique_ptr<Aggregator> make_aggregator(std::string_view name, bool distinct,
                                            std::string_view separator, bool count_star) {
  const std::string upper = ascii_upper(name);
  std::unique_ptr<Aggregator> aggregator;
  if (upper == "COUNT") {
    aggregator = std::make_unique<CountAggregator>(count_star);
  } else if (upper == "SUM" || upper == "AVG") {
    aggregator = std::make_unique<SumAggregator>(upper == "AVG");
  } else if (upper == "MIN" || upper == "MAX") {
    aggregator = std::make_unique<ExtremeAggregator>(upper == "MAX");
  } else if (upper == "GROUP_CONCAT") {
    aggregator = std::make_unique<GroupConcatAggregator>(separator);
  } else if (upper == "SAMPLE") {
    aggregator = std::make_unique<SampleAggregator>();
  } else {
    return nullptr;
  }
  if (distinct) return std::make_unique<DistinctAggregator>(std::move(aggregator));
  return aggregator;
}

}  // namespace quiver::functions
