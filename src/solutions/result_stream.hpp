#pragma once
/// @file
/// A query's answer as it is produced: the result writers pull solutions
/// (or triples) one at a time, as term views, so nothing is decoded or held
/// beyond what the query itself needs.

#include <array>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "solutions/query_form.hpp"
#include "solutions/query_result.hpp"
#include "terms/term.hpp"
#include "util/expected.hpp"

namespace quiver {

/// A SELECT row as views: one per result variable, kind None when unbound.
/// Valid until the next call to next().
using SolutionView = std::vector<TermRef>;
/// A CONSTRUCT / DESCRIBE triple as views, valid until the next call.
using TripleView = std::array<TermRef, 3>;

/// An answer read piece by piece. A stream may end early with an error (a
/// timeout, a cancellation): callers check error() once next() says done.
class ResultStream {
 public:
  /// Virtual: streams are owned through this interface.
  virtual ~ResultStream() = default;
  /// The query form.
  virtual QueryForm form() const = 0;
  /// SELECT: the result variables, without `?`.
  virtual const std::vector<std::string>& variables() const = 0;
  /// True when the solutions come in ORDER BY order.
  virtual bool ordered() const = 0;
  /// ASK: the answer (false when the stream failed).
  virtual bool boolean() = 0;
  /// SELECT: the next solution in `row`; false at the end.
  virtual bool next(SolutionView& row) = 0;
  /// CONSTRUCT / DESCRIBE: the next triple in `triple`; false at the end.
  virtual bool next(TripleView& triple) = 0;
  /// What ended the stream early, if anything.
  virtual const std::optional<Error>& error() const = 0;
};

/// A stream over a whole result (which must outlive it).
std::unique_ptr<ResultStream> stream_of(const QueryResult& result);

/// Reads a stream to its end into a whole result, or its error.
Expected<QueryResult> collect(ResultStream& stream);

}  // namespace quiver
