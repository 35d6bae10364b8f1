#pragma once
/// @file
/// The algebra operators. Each takes the context, its Op and a row limit
/// (the parent needs no more rows than that; operators may ignore it) and
/// returns its solutions as a Table. eval_op() dispatches on the kind and
/// records actual row counts.
///
/// BGPs, property-path patterns and joins of them are also "bindable": they can extend a
/// table of input rows directly (index nested-loop / bind join), which is
/// how Join, LeftJoin and Filter avoid materializing their right side.

#include <cstddef>
#include <functional>
#include <limits>

#include "eval/eval_context.hpp"
#include "sparql/algebra.hpp"

namespace quiver::eval {

inline constexpr std::size_t kNoLimit = std::numeric_limits<std::size_t>::max();

/// Receives an extended row and the index of the input row it came from;
/// returns false to stop.
using RowSink = std::function<bool(const TermId* row, std::size_t input_row)>;

/// Evaluates any operator.
Table eval_op(EvalContext& ctx, const sparql::Op& op, std::size_t limit = kNoLimit);

/// The table every leaf starts from: one row, the EXISTS seed or unbound.
Table seed_table(const EvalContext& ctx);

/// Calls `sink(row, index)` for each solution of `op`, streaming them when
/// `op` is bindable (or a filter over one) instead of building a table.
/// Returns false when stopped.
bool stream_rows(EvalContext& ctx, const sparql::Op& op, const RowSink& sink);

/// True for the operators extend_rows() accepts: Bgp, PathPattern, and
/// Join of those.
bool is_bindable(const sparql::Op& op);
/// Extends each row of `input` by the solutions of a bindable `op`
/// compatible with it. Returns false when stopped (by the sink or the context).
bool extend_rows(EvalContext& ctx, const sparql::Op& op, const Table& input, const RowSink& sink);

/// True when Join / LeftJoin should feed `left` into the bindable `right`
/// rather than evaluate it alone.
bool should_bind_join(const EvalContext& ctx, const Table& left, const sparql::Op& right);

bool match_bgp(EvalContext& ctx, const sparql::Op& op, const Table& input, const RowSink& sink);
bool match_path_pattern(EvalContext& ctx, const sparql::Op& op, const Table& input,
                        const RowSink& sink);

Table eval_join(EvalContext& ctx, const sparql::Op& op, std::size_t limit);
Table eval_left_join(EvalContext& ctx, const sparql::Op& op, std::size_t limit);
Table eval_minus(EvalContext& ctx, const sparql::Op& op, std::size_t limit);
Table eval_filter(EvalContext& ctx, const sparql::Op& op, std::size_t limit);
Table eval_union(EvalContext& ctx, const sparql::Op& op, std::size_t limit);
Table eval_graph(EvalContext& ctx, const sparql::Op& op, std::size_t limit);
Table eval_extend(EvalContext& ctx, const sparql::Op& op, std::size_t limit);
Table eval_values(EvalContext& ctx, const sparql::Op& op, std::size_t limit);
Table eval_group(EvalContext& ctx, const sparql::Op& op, std::size_t limit);
Table eval_order_by(EvalContext& ctx, const sparql::Op& op, std::size_t limit);
Table eval_project(EvalContext& ctx, const sparql::Op& op, std::size_t limit);
Table eval_distinct(EvalContext& ctx, const sparql::Op& op, std::size_t limit);
Table eval_slice(EvalContext& ctx, const sparql::Op& op, std::size_t limit);
Table eval_service(EvalContext& ctx, const sparql::Op& op, std::size_t limit);

/// Rows of `left` joined with rows of `right` (compatible mappings
/// merged), hashing on the variables bound in every row of both sides.
/// Calls `sink(merged, left_index)` in left order; stops when it returns false.
bool join_tables(EvalContext& ctx, const Table& left, const Table& right, const RowSink& sink);

}  // namespace quiver::eval
