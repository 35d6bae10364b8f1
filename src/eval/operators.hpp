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

/// The `limit` meaning "all rows": no parent bounds the operator's output.
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

/// The bindable Bgp: each input row extended by the matches of the triple
/// patterns, ordered greedily by estimated cardinality (index nested loops).
bool match_bgp(EvalContext& ctx, const sparql::Op& op, const Table& input, const RowSink& sink);
/// The bindable PathPattern: each input row extended by the `subject path
/// object` matches, the row's bindings substituted into either end.
bool match_path_pattern(EvalContext& ctx, const sparql::Op& op, const Table& input,
                        const RowSink& sink);

/// Join: a bind join into a bindable right side that shares variables with
/// the left, else a hash join of both materialized sides.
Table eval_join(EvalContext& ctx, const sparql::Op& op, std::size_t limit);
/// LeftJoin (OPTIONAL): each left row extended by the compatible right rows
/// that pass the filter, or kept alone when none does (18.5).
Table eval_left_join(EvalContext& ctx, const sparql::Op& op, std::size_t limit);
/// Minus: drops the left rows compatible with a right row that shares a
/// bound variable with them; disjoint rows never remove anything (18.5).
Table eval_minus(EvalContext& ctx, const sparql::Op& op, std::size_t limit);
/// Filter: keeps the rows whose expressions are all true (an error counts
/// as false), streaming over a bindable child so a LIMIT can stop early.
Table eval_filter(EvalContext& ctx, const sparql::Op& op, std::size_t limit);
/// Union: the left solutions, then the right ones (a bag, no deduplication).
Table eval_union(EvalContext& ctx, const sparql::Op& op, std::size_t limit);
/// Graph: the pattern with a named graph active; a variable graph name
/// ranges over every visible named graph and is bound to it.
Table eval_graph(EvalContext& ctx, const sparql::Op& op, std::size_t limit);
/// Extend (BIND): adds a variable computed per row; an expression error
/// leaves it unbound. A chain of Extends is evaluated in one pass.
Table eval_extend(EvalContext& ctx, const sparql::Op& op, std::size_t limit);
/// Values (inline data): its rows, joined with the EXISTS seed if any.
Table eval_values(EvalContext& ctx, const sparql::Op& op, std::size_t limit);
/// Group: partitions the rows by the keys and computes each group's
/// aggregates; without keys there is one group, even for no input.
Table eval_group(EvalContext& ctx, const sparql::Op& op, std::size_t limit);
/// OrderBy: a stable sort by the conditions in SPARQL term order (15.1);
/// under a `limit` only the first rows are fully sorted.
Table eval_order_by(EvalContext& ctx, const sparql::Op& op, std::size_t limit);
/// Project: unbinds the variables not projected (the width is unchanged).
Table eval_project(EvalContext& ctx, const sparql::Op& op, std::size_t limit);
/// Distinct: the rows without duplicates, in first-seen order, streamed.
Table eval_distinct(EvalContext& ctx, const sparql::Op& op, std::size_t limit);
/// Slice: skips `offset` rows and keeps at most `limit` (and the parent's
/// limit), asking the child for no more than needed.
Table eval_slice(EvalContext& ctx, const sparql::Op& op, std::size_t limit);
/// Service: not supported; fails the query unless SILENT, which yields the
/// seed table.
Table eval_service(EvalContext& ctx, const sparql::Op& op, std::size_t limit);

/// Rows of `left` joined with rows of `right` (compatible mappings
/// merged), hashing on the variables bound in every row of both sides.
/// Calls `sink(merged, left_index)` in left order; stops when it returns false.
bool join_tables(EvalContext& ctx, const Table& left, const Table& right, const RowSink& sink);

}  // namespace quiver::eval
