#pragma once
// Internal to the evaluator: the operator of each plan node kind, made by
// make_operator(), and what several of them share.

#include <memory>
#include <vector>

#include "eval/operator.hpp"

namespace quiver::eval {

/// The slot of each name (kNoSlot for names the query never binds).
std::vector<Slot> slots_of(const EvalContext& ctx, const std::vector<std::string>& names);

/// What variable_slot() gives for an expression that is not a variable.
inline constexpr Slot kComputedSlot = kNoSlot - 1;

/// The slot of `expr` when it is a plain variable (kNoSlot when the query
/// never binds it), else kComputedSlot: its value is then computed.
Slot variable_slot(const EvalContext& ctx, const sparql::Expr& expr);

/// The names of `slots`, as the plan prints variables (` ?a ?b`).
std::string slot_names(const EvalContext& ctx, const std::vector<Slot>& slots);

/// Unit and Values.
std::unique_ptr<Operator> make_leaf(EvalContext& ctx, const plan::Node& node);
/// SERVICE, through EvalOptions::service.
std::unique_ptr<Operator> make_service(EvalContext& ctx, const plan::Node& node);
/// A BGP by index nested loops.
std::unique_ptr<Operator> make_bgp(EvalContext& ctx, const plan::Node& node);
/// A property path pattern.
std::unique_ptr<Operator> make_path(EvalContext& ctx, const plan::Node& node);
/// Join and LeftJoin by bind joins.
std::unique_ptr<Operator> make_bind_join(EvalContext& ctx, const plan::Node& node);
/// Join and LeftJoin by hash joins, and Minus.
std::unique_ptr<Operator> make_hash_join(EvalContext& ctx, const plan::Node& node);
/// Filter and Extend.
std::unique_ptr<Operator> make_filter(EvalContext& ctx, const plan::Node& node);
/// Union and Graph.
std::unique_ptr<Operator> make_union_or_graph(EvalContext& ctx, const plan::Node& node);
/// Group.
std::unique_ptr<Operator> make_group(EvalContext& ctx, const plan::Node& node);
/// OrderBy, whole or top-k.
std::unique_ptr<Operator> make_order_by(EvalContext& ctx, const plan::Node& node);
/// Project, Distinct, Reduced and Slice.
std::unique_ptr<Operator> make_modifier(EvalContext& ctx, const plan::Node& node);

}  // namespace quiver::eval
