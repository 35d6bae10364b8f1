#include "plan/plan.hpp"

#include <cstdio>

#include "sparql/printer.hpp"

namespace quiver::plan {
namespace {

using sparql::to_sse;

std::string estimate_text(double rows) {
  char text[32];
  std::snprintf(text, sizeof text, "%.0f", rows);
  return text;
}

void append_counts(std::string& out, double estimate, const std::uint64_t* actual) {
  out += "  [est " + estimate_text(estimate) + ", actual ";
  out += actual ? std::to_string(*actual) : std::string("-");
  out += "]";
}

void print(const Shape& shape, int depth, const Counts* counts, std::string& out) {
  const std::string indent(static_cast<std::size_t>(depth) * 2, ' ');
  const Node& node = *shape.node;
  out += indent + shape.line;
  if (counts) {
    const auto it = counts->rows.find(&node);
    append_counts(out, node.rows, it == counts->rows.end() ? nullptr : &it->second);
  }
  out += "\n";
  const std::vector<std::uint64_t>* steps = nullptr;
  if (counts) {
    const auto it = counts->steps.find(&node);
    if (it != counts->steps.end()) steps = &it->second;
  }
  for (std::size_t i = 0; i < shape.patterns.size(); ++i) {
    out += indent + "    " + shape.patterns[i];
    if (counts) {
      const bool known = steps && i < steps->size();
      append_counts(out, i < node.step_rows.size() ? node.step_rows[i] : 0,
                    known ? &(*steps)[i] : nullptr);
    }
    out += "\n";
  }
  for (const auto& child : shape.children) print(child, depth + 1, counts, out);
  for (const auto& [negated, tree] : shape.exists) {
    out += indent + "  " + (negated ? "not exists" : "exists") + " (per row)\n";
    print(tree, depth + 2, counts, out);
  }
}

std::string variable_list(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& v : names) out += " ?" + v;
  return out;
}

}  // namespace

std::string expression_list(const std::vector<sparql::ExprPtr>& exprs) {
  std::string out;
  for (const auto& e : exprs) out += " " + to_sse(*e);
  return out;
}

std::string pattern_text(const sparql::TriplePattern& t) {
  return to_sse(t.subject) + " " + to_sse(t.predicate) + " " + to_sse(t.object);
}

const char* kind_name(NodeKind kind) {
  switch (kind) {
    case NodeKind::Unit:
      return "unit";
    case NodeKind::Bgp:
      return "bgp";
    case NodeKind::Path:
      return "path";
    case NodeKind::Join:
      return "join";
    case NodeKind::LeftJoin:
      return "leftjoin";
    case NodeKind::Minus:
      return "minus";
    case NodeKind::Filter:
      return "filter";
    case NodeKind::Union:
      return "union";
    case NodeKind::Graph:
      return "graph";
    case NodeKind::Extend:
      return "extend";
    case NodeKind::Values:
      return "values";
    case NodeKind::Group:
      return "group";
    case NodeKind::OrderBy:
      return "order";
    case NodeKind::Project:
      return "project";
    case NodeKind::Distinct:
      return "distinct";
    case NodeKind::Reduced:
      return "reduced";
    case NodeKind::Slice:
      return "slice";
    case NodeKind::Service:
      return "service";
  }
  return "?";
}

std::string describe(const Node& node) {
  std::string out = kind_name(node.kind);
  const sparql::Op* op = node.op;
  switch (node.kind) {
    case NodeKind::Join:
    case NodeKind::LeftJoin:
      out += node.algorithm == JoinAlgorithm::Bind ? " bind" : " hash";
      if (node.algorithm == JoinAlgorithm::Hash) {
        out += node.keys.empty() ? " (every pair)" : " on" + variable_list(node.keys);
      }
      if (node.kind == NodeKind::LeftJoin && op && !op->exprs.empty()) {
        out += " filter" + expression_list(op->exprs);
      }
      break;
    case NodeKind::Minus:
      out += node.keys.empty() ? " (every pair)" : " on" + variable_list(node.keys);
      break;
    case NodeKind::Filter:
      out += expression_list(op->exprs);
      break;
    case NodeKind::Extend:
      for (std::size_t i = 0; i < node.chain.size(); ++i) {
        out += (i == 0 ? " ?" : ", ?") + node.chain[i]->variable +
               " := " + to_sse(*node.chain[i]->exprs.at(0));
      }
      break;
    case NodeKind::Graph:
    case NodeKind::Service:
      if (node.kind == NodeKind::Service && op->silent) out += " silent";
      out += " " + to_sse(op->graph);
      break;
    case NodeKind::Path:
      out += " " + to_sse(op->subject) + " " + to_sse(*op->path) + " " + to_sse(op->object);
      break;
    case NodeKind::Values:
      out += variable_list(op->variables) + " (" + std::to_string(op->rows.size()) + " rows)";
      break;
    case NodeKind::Group:
      out += " by";
      for (const auto& k : op->group_keys) out += " " + to_sse(*k.expr);
      for (const auto& a : op->aggregates) out += ", ?" + a.variable + " := " + to_sse(*a.expr);
      break;
    case NodeKind::OrderBy:
      for (const auto& c : op->order) {
        out += c.descending ? " (desc " + to_sse(*c.expr) + ")" : " " + to_sse(*c.expr);
      }
      if (node.top_k >= 0) out += ", first " + std::to_string(node.top_k);
      break;
    case NodeKind::Project:
      out += variable_list(op->variables);
      break;
    case NodeKind::Distinct:
      out += " on" + variable_list(node.keys);
      break;
    case NodeKind::Slice:
      out += " offset " + std::to_string(op->offset) + " limit " +
             (op->limit < 0 ? std::string("none") : std::to_string(op->limit));
      break;
    case NodeKind::Unit:
    case NodeKind::Bgp:
    case NodeKind::Union:
    case NodeKind::Reduced:
      break;
  }
  return out;
}

Shape shape_of(const Node& root) {
  Shape out;
  out.node = &root;
  out.line = describe(root);
  if (root.kind == NodeKind::Bgp) {
    for (const auto& t : root.triples) out.patterns.push_back(pattern_text(t));
  }
  for (const auto& child : root.children) out.children.push_back(shape_of(*child));
  for (const auto& e : root.exists) {
    out.exists.push_back({e.expr->kind == sparql::ExprKind::NotExists, shape_of(*e.root)});
  }
  return out;
}

std::string to_text(const Shape& root, const Counts* counts) {
  std::string out;
  print(root, 0, counts, out);
  return out;
}

std::string to_text(const Node& root, const Counts* counts) {
  return to_text(shape_of(root), counts);
}

}  // namespace quiver::plan
