#pragma once
/// @file
/// The physical plan: the operator tree the planner decides and the
/// evaluator runs, node for node. Each node records the choices made for it
/// (join algorithm and keys, the order of a BGP's patterns, a top-k sort)
/// and the planner's row estimate; `--explain` prints this tree with the
/// rows each operator actually produced.

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "sparql/algebra.hpp"

namespace quiver::plan {

/// What a node does.
enum class NodeKind : std::uint8_t {
  Unit,      ///< the seed solution, once
  Bgp,       ///< triple patterns matched in `triples` order by index nested loops
  Path,      ///< a property path pattern (op's subject, path, object)
  Join,      ///< children[0] ⋈ children[1] by `algorithm`
  LeftJoin,  ///< children[0] ⟕ children[1] by `algorithm`, filter op->exprs
  Minus,     ///< children[0] − children[1], the right side hashed on `keys`
  Filter,    ///< children[0] where every op->exprs holds
  Union,     ///< children[0], then children[1]
  Graph,     ///< children[0] in op->graph (a name, or every named graph)
  Extend,    ///< children[0] extended by each of `chain` (innermost first)
  Values,    ///< the rows of op (inline data)
  Group,     ///< children[0] grouped by op->group_keys, computing op->aggregates
  OrderBy,   ///< children[0] sorted by op->order; only the first `top_k` when >= 0
  Project,   ///< children[0] keeping op->variables
  Distinct,  ///< children[0] without repeats, compared on `keys`
  Reduced,   ///< children[0] (repeats may stay)
  Slice,     ///< children[0] from op->offset, at most op->limit rows
  Service,   ///< SERVICE: the pattern runs at the endpoint (EvalOptions::service)
};

/// How a join runs.
enum class JoinAlgorithm : std::uint8_t {
  /// For each row of the left child, the right child runs with that row's
  /// bindings substituted (index nested loops); nothing is materialized.
  Bind,
  /// The right child is materialized into a hash table on `keys` (all
  /// rows when there are none: a cross product); the left streams past it.
  Hash,
};

struct Node;
/// A node owns its children.
using NodePtr = std::unique_ptr<Node>;

/// An EXISTS / NOT EXISTS in one of a node's expressions, with its plan
/// (run once per row, with that row's bindings as the seed).
struct ExistsPlan {
  /// The Exists / NotExists expression.
  const sparql::Expr* expr = nullptr;
  /// The plan of its pattern.
  NodePtr root;
};

/// One operator of the plan.
struct Node {
  /// What it does.
  NodeKind kind = NodeKind::Unit;
  /// The algebra operator it runs (expressions, variables, graph, path,
  /// modifiers live there); the Plan keeps the algebra alive.
  const sparql::Op* op = nullptr;
  /// Its inputs, in the order it reads them.
  std::vector<NodePtr> children;
  /// Join / LeftJoin: how.
  JoinAlgorithm algorithm = JoinAlgorithm::Hash;
  /// Hash joins and Minus: the variables bound in every row of both sides,
  /// hashed on. Distinct: the variables compared.
  std::vector<std::string> keys;
  /// Minus: the keys are every variable both sides may bind, so a right
  /// row matters only by its keys (and once per distinct keys).
  bool keys_are_shared = false;
  /// Bgp: the triple patterns in the order they run.
  std::vector<sparql::TriplePattern> triples;
  /// Bgp: estimated rows after each pattern (per seed).
  std::vector<double> step_rows;
  /// Extend: the Extend operators, innermost first (a chain runs in one pass).
  std::vector<const sparql::Op*> chain;
  /// OrderBy: when >= 0, only this many first rows are wanted (a top-k sort).
  std::int64_t top_k = -1;
  /// Estimated rows produced per run (per seed, under a bind join).
  double rows = 0;
  /// Plans of the EXISTS patterns in this node's expressions.
  std::vector<ExistsPlan> exists;
};

/// A query's plan with the algebra it points into.
struct Plan {
  /// The query after the logical passes; nodes point into its algebra.
  sparql::Query query;
  /// The root operator.
  NodePtr root;
};

/// What ran: rows each node produced (summed over all its runs), and for
/// BGPs the rows after each pattern.
struct Counts {
  /// Rows produced, by node.
  std::unordered_map<const Node*, std::uint64_t> rows;
  /// Bgp nodes: rows after each pattern.
  std::unordered_map<const Node*, std::vector<std::uint64_t>> steps;
};

/// The name a node kind prints as ("bgp", "join", ...).
const char* kind_name(NodeKind kind);

/// The first line of a node: kind, choices and arguments (no row counts).
std::string describe(const Node& node);

/// The operators LeftJoin's filter or Filter test, as the plan prints them
/// (" e1 e2 ...").
std::string expression_list(const std::vector<sparql::ExprPtr>& exprs);

/// A tree as printed: each node's line, a BGP's patterns in their order,
/// its children and its EXISTS sub-trees. A plan gives one (shape_of());
/// the evaluator's operators give the one they ran, and the plan check
/// compares the two texts.
struct Shape {
  struct Exists;
  /// The node it stands for (where its row counts are kept).
  const Node* node = nullptr;
  /// Its line, as describe() prints it.
  std::string line;
  /// BGP: the patterns in the order they run, one per line.
  std::vector<std::string> patterns;
  /// Its inputs.
  std::vector<Shape> children;
  /// Its EXISTS patterns.
  std::vector<Exists> exists;
};

/// One EXISTS pattern of a Shape. (Not a std::pair<bool, Shape>: a pair
/// may not hold the incomplete Shape, which clang's libstdc++ checks.)
struct Shape::Exists {
  /// NOT EXISTS.
  bool negated = false;
  /// The pattern's tree.
  Shape tree;
};

/// The shape of the plan under `root`.
Shape shape_of(const Node& root);

/// A triple pattern as a shape prints it.
std::string pattern_text(const sparql::TriplePattern& t);

/// The tree, one operator per line, children indented by two spaces; BGP
/// patterns one per line below their node. With `counts`, each line ends
/// with `[est N, actual M]`; without, it is the shape alone.
std::string to_text(const Shape& root, const Counts* counts = nullptr);

/// to_text(shape_of(root), counts).
std::string to_text(const Node& root, const Counts* counts = nullptr);

}  // namespace quiver::plan
