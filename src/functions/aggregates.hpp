#pragma once
/// @file
/// The set functions of SPARQL (18.5.1): an Aggregator per group, fed the
/// values of the aggregate's expression one solution at a time.

#include <memory>
#include <string_view>

#include "functions/value.hpp"

namespace quiver::functions {

/// An aggregate over the values of one group (18.5.1).
class Aggregator {
 public:
  virtual ~Aggregator() = default;
  /// Adds one evaluated value (nullopt for an error; COUNT(*) adds a
  /// placeholder term per solution).
  virtual void add(const Value& value) = 0;
  /// The aggregate's value; nullopt for an error (e.g. SUM over an IRI).
  virtual Value result() const = 0;
};

/// Makes the aggregator for COUNT, SUM, AVG, MIN, MAX, GROUP_CONCAT or
/// SAMPLE. `distinct` drops repeated values first; `separator` is for
/// GROUP_CONCAT; `count_star` is COUNT(*).
std::unique_ptr<Aggregator> make_aggregator(std::string_view name, bool distinct,
                                            std::string_view separator, bool count_star);

}  // namespace quiver::functions
