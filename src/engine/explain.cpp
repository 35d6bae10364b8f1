#include "engine/explain.hpp"

#include <cstdio>

#include "sparql/printer.hpp"

namespace quiver::engine {
namespace {

using sparql::Op;
using sparql::OpKind;

const char* op_name(OpKind kind) {
  switch (kind) {
    case OpKind::Unit:
      return "table unit";
    case OpKind::Bgp:
      return "bgp";
    case OpKind::PathPattern:
      return "path";
    case OpKind::Join:
      return "join";
    case OpKind::LeftJoin:
      return "leftjoin";
    case OpKind::Filter:
      return "filter";
    case OpKind::Union:
      return "union";
    case OpKind::Minus:
      return "minus";
    case OpKind::Graph:
      return "graph";
    case OpKind::Extend:
      return "extend";
    case OpKind::Values:
      return "values";
    case OpKind::Group:
      return "group";
    case OpKind::OrderBy:
      return "order";
    case OpKind::Project:
      return "project";
    case OpKind::Distinct:
      return "distinct";
    case OpKind::Reduced:
      return "reduced";
    case OpKind::Slice:
      return "slice";
    case OpKind::Service:
      return "service";
  }
  return "?";
}

std::string term_text(const sparql::PatternTerm& t) {
  return t.is_variable ? "?" + t.variable : t.term.to_ntriples();
}

// The operator's own arguments, without its children.
std::string details(const Op& op) {
  std::string out;
  switch (op.kind) {
    case OpKind::Filter:
    case OpKind::LeftJoin:
      for (const auto& e : op.exprs) out += " " + sparql::to_sse(*e);
      break;
    case OpKind::Extend:
      out = " ?" + op.variable + " := " + sparql::to_sse(*op.exprs[0]);
      break;
    case OpKind::Graph:
      out = " " + term_text(op.graph);
      break;
    case OpKind::Project:
      for (const auto& v : op.variables) out += " ?" + v;
      break;
    case OpKind::Slice:
      out = " offset " + std::to_string(op.offset) + " limit " +
            (op.limit < 0 ? std::string("none") : std::to_string(op.limit));
      break;
    case OpKind::PathPattern:
      out =
          " " + term_text(op.subject) + " " + sparql::to_sse(*op.path) + " " + term_text(op.object);
      break;
    case OpKind::Values:
      out = " " + std::to_string(op.rows.size()) + " rows";
      break;
    default:
      break;
  }
  return out;
}

void print(const Op& op, int depth, const optimizer::PassContext& context,
           const std::unordered_map<const Op*, std::uint64_t>& actual, std::string& out) {
  const std::string indent(static_cast<std::size_t>(depth) * 2, ' ');
  char counts[96];
  const auto it = actual.find(&op);
  std::snprintf(counts, sizeof counts, "  [est %.0f, actual %s]",
                optimizer::estimate_rows(op, context),
                it == actual.end() ? "-" : std::to_string(it->second).c_str());
  out += indent + op_name(op.kind) + details(op) + counts + "\n";
  if (op.kind == OpKind::Bgp) {
    for (const auto& t : op.triples) {
      out += indent + "    " + term_text(t.subject) + " " + term_text(t.predicate) + " " +
             term_text(t.object) + "\n";
    }
  }
  for (const auto& child : op.children) print(*child, depth + 1, context, actual, out);
}

}  // namespace

std::string explain_plan(const sparql::Query& query, const optimizer::PassContext& context,
                         const std::unordered_map<const sparql::Op*, std::uint64_t>& actual,
                         const std::vector<optimizer::PassTiming>& timings) {
  std::string out = "plan (after optimization):\n";
  if (query.pattern) print(*query.pattern, 1, context, actual, out);
  out += "optimizer passes:";
  for (const auto& t : timings) {
    out += " " + t.name + " " + std::to_string(t.elapsed.count()) + "us";
  }
  out += "\n";
  return out;
}

}  // namespace quiver::engine
