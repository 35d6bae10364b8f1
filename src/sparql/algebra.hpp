#pragma once
/// @file
/// The SPARQL algebra (SPARQL 1.1 section 18): what the parser produces,
/// the optimizer rewrites and the evaluator runs. Nodes are immutable and
/// shared; one struct per family (Expr, Path, Op) with a kind tag and the
/// fields each kind uses, so every stage can walk them with one switch.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "functions/function.hpp"
#include "solutions/query_form.hpp"
#include "terms/term.hpp"

namespace quiver::sparql {

struct TriplePattern;

/// The name prefix of the variable that stands in a basic graph pattern for
/// a triple term with variables (SPARQL 1.2): hidden like a blank node's,
/// yet in a CONSTRUCT WHERE template the value it is bound to, not a fresh
/// blank node (no blank node label holds `<`).
inline constexpr std::string_view kStandInPrefix = "_:<<";

/// A variable or a constant RDF term in a pattern. Blank nodes in query
/// patterns become variables whose names start with `_:` (never projected).
struct PatternTerm {
  /// True for a variable (`variable` is set), false for a constant (`term` is set).
  bool is_variable = false;
  std::string variable;  ///< name without `?`, when is_variable
  Term term;             ///< the constant otherwise
  /// In a CONSTRUCT template only: a triple term with variables, made per
  /// solution from these parts (`is_variable` false, `term` None).
  std::shared_ptr<const TriplePattern> triple;

  /// A variable pattern term; `name` is without `?`.
  static PatternTerm var(std::string name) { return {true, std::move(name), Term(), nullptr}; }
  /// A constant pattern term.
  static PatternTerm constant(Term t) { return {false, {}, std::move(t), nullptr}; }
  /// Field-wise equality; two variables are equal when their names are.
  bool operator==(const PatternTerm&) const = default;
};

/// A triple pattern of a basic graph pattern, before any index choice.
struct TriplePattern {
  /// @var subject
  /// The subject position: a variable, IRI or blank node.
  /// @var predicate
  /// The predicate position: a variable or IRI.
  /// @var object
  /// The object position: a variable or any constant term.
  PatternTerm subject, predicate, object;
  /// Field-wise equality of the three positions.
  bool operator==(const TriplePattern&) const = default;
};

struct Op;
/// Shared, immutable operator node; rewrites share unchanged subtrees.
using OpPtr = std::shared_ptr<const Op>;
struct Expr;
/// Shared, immutable expression node.
using ExprPtr = std::shared_ptr<const Expr>;
struct Path;
/// Shared, immutable property path node.
using PathPtr = std::shared_ptr<const Path>;

/// Expression kinds. Operators, builtin calls (STRLEN, REGEX, ...) and the
/// XSD casts (xsd:integer(...)) are all a `Call` of a functions::Function;
/// a call by any other IRI is an `IriFunction`, an extension function.
enum class ExprKind {
  Constant,     ///< `constant`
  Variable,     ///< `name`
  Call,         ///< `function` applied to `args`; BOUND's one arg is a Variable
  IriFunction,  ///< `name` is the IRI, unknown here: evaluating it is an error
  Exists,       ///< EXISTS { `pattern` }
  NotExists,    ///< NOT EXISTS { `pattern` }
  Aggregate,    ///< `aggregate` over args (none for COUNT(*)); `distinct`; `separator`
};

/// An expression node; `kind` says which of the fields are used.
struct Expr {
  /// Which expression this is; it decides which fields are meaningful.
  ExprKind kind = ExprKind::Constant;
  /// The value of a Constant.
  Term constant;
  /// Variable name (no `?`) or the IRI of an IriFunction.
  std::string name;
  /// The operator, builtin or cast of a Call.
  functions::Function function = functions::Function::Or;
  /// The set function of an Aggregate.
  functions::Aggregate aggregate = functions::Aggregate::Count;
  /// The operands, in source order.
  std::vector<ExprPtr> args;
  OpPtr pattern;                ///< for Exists / NotExists
  bool distinct = false;        ///< for Aggregate, and calls by IRI written with DISTINCT
  std::string separator = " ";  ///< for GROUP_CONCAT
  /// Levels from here to the deepest leaf below, patterns included (1 for a
  /// leaf); make_expr() sets it.
  std::uint32_t height = 1;
};

/// True when `e` is a Call of `f`.
inline bool is_call(const Expr& e, functions::Function f) {
  return e.kind == ExprKind::Call && e.function == f;
}

/// Property path kinds (SPARQL 1.1 section 9, 18.2.2.3).
enum class PathKind {
  Link,         ///< `iri`
  Inverse,      ///< ^args[0]
  Sequence,     ///< args[0] / args[1] / ...
  Alternative,  ///< args[0] | args[1] | ...
  ZeroOrMore,   ///< args[0]*
  OneOrMore,    ///< args[0]+
  ZeroOrOne,    ///< args[0]?
  NegatedSet,   ///< !(iri1 | ^iri2 ...): `forward` and `inverse` IRIs
};

/// A property path node; `kind` says which of the fields are used.
struct Path {
  /// Which path operator this is; it decides which fields are meaningful.
  PathKind kind = PathKind::Link;
  /// The predicate IRI of a Link.
  Term iri;
  /// The operand paths of the unary and n-ary operators.
  std::vector<PathPtr> args;
  /// NegatedSet: IRIs excluded in the forward direction (`!iri`).
  std::vector<Term> forward;
  /// NegatedSet: IRIs excluded in the inverse direction (`!^iri`).
  std::vector<Term> inverse;
  /// Levels from here to the deepest leaf below (1 for a leaf); make_path()
  /// sets it.
  std::uint32_t height = 1;
};

/// One ORDER BY condition.
struct OrderCondition {
  /// The sort key, evaluated per solution.
  ExprPtr expr;
  /// True for DESC(...): sort from greatest to least.
  bool descending = false;
};

/// `(?var, expr)`: an aggregate bound by Group, or a GROUP BY key with an
/// optional name (`GROUP BY (expr AS ?v)` or a plain `GROUP BY ?v`).
struct Binding {
  std::string variable;  ///< may be empty for an unnamed GROUP BY expression
  /// The expression bound to `variable` (for a key, the grouping value).
  ExprPtr expr;
};

/// Operator kinds, after SPARQL 1.1 section 18.2 and 18.5.
enum class OpKind {
  Unit,         ///< the one empty solution (the empty group pattern `{}`)
  Bgp,          ///< `triples`
  PathPattern,  ///< `subject` `path` `object`
  Join,         ///< children[0] ⋈ children[1]
  LeftJoin,     ///< children[0] ⟕ children[1], filter `exprs` (conjunction, may be empty)
  Filter,       ///< children[0] filtered by the conjunction of `exprs`
  Union,        ///< children[0] ∪ children[1]
  Minus,        ///< children[0] − children[1]
  Graph,        ///< GRAPH `graph` { children[0] }
  Extend,       ///< children[0] extended with `variable` := exprs[0]
  Values,       ///< `variables` × `rows` (an unbound cell is nullopt)
  Group,        ///< children[0] grouped by `group_keys`, computing `aggregates`
  OrderBy,      ///< children[0] ordered by `order`
  Project,      ///< children[0] projected on `variables`
  Distinct,     ///< children[0]
  Reduced,      ///< children[0]
  Slice,        ///< children[0] from `offset`, at most `limit` (-1: no limit)
  Service,      ///< SERVICE (not evaluated): `graph` is the endpoint, `silent`
};

/// An algebra operator; `kind` says which of the fields below are used
/// (the OpKind comments name them).
struct Op {
  /// Which operator this is; it decides which fields are meaningful.
  OpKind kind = OpKind::Unit;
  /// The operand operators (one or two; see OpKind).
  std::vector<OpPtr> children;
  /// Bgp: the triple patterns, matched as a conjunction.
  std::vector<TriplePattern> triples;
  /// @var subject
  /// PathPattern: the start of the path.
  /// @var object
  /// PathPattern: the end of the path.
  PatternTerm subject, object;
  /// PathPattern: the path between `subject` and `object`.
  PathPtr path;
  /// Graph: the graph name (variable or IRI); Service: the endpoint.
  PatternTerm graph;
  /// Filter, LeftJoin: the filter conjunction; Extend: the one bound expression.
  std::vector<ExprPtr> exprs;
  /// Extend: the variable bound (name without `?`).
  std::string variable;
  /// Project: the kept variables; Values: the columns (names without `?`).
  std::vector<std::string> variables;
  /// Values: the data rows, one cell per column; nullopt is UNDEF.
  std::vector<std::vector<std::optional<Term>>> rows;
  /// Group: the GROUP BY keys, in order.
  std::vector<Binding> group_keys;
  /// Group: each output variable := an Aggregate expression.
  std::vector<Binding> aggregates;
  /// OrderBy: the conditions, most significant first.
  std::vector<OrderCondition> order;
  /// Slice: solutions to skip (OFFSET).
  std::int64_t offset = 0;
  /// Slice: at most this many solutions (LIMIT); -1 means no limit.
  std::int64_t limit = -1;
  /// Service: SERVICE SILENT: a failure yields the seed solution, not an error.
  bool silent = false;
  /// Service: the query sent to the endpoint, as written: the prologue in
  /// force (BASE, PREFIX), then `SELECT * WHERE`, then `service_pattern`.
  std::string service_prologue;
  /// Service: the group graph pattern's text, braces included.
  std::string service_pattern;
  /// Levels from here to the deepest leaf below, expressions and paths
  /// included (1 for a leaf); make_op() sets it. Every pass over the
  /// algebra recurses, so the parser bounds it (kMaxHeight).
  std::uint32_t height = 1;
};

/// The tallest algebra the parser accepts: every pass over the algebra
/// (translation, optimizer, planner, evaluator, printer) recurses once per
/// level, and this many levels fit their stacks with room to spare.
inline constexpr std::uint32_t kMaxHeight = 1000;

/// A parsed query: its form, algebra and dataset clauses.
struct Query {
  /// Which query form (SELECT, CONSTRUCT, ASK, DESCRIBE) this is.
  QueryForm form = QueryForm::Select;
  /// The whole algebra, solution modifiers included (Project, Slice, ...).
  OpPtr pattern;
  /// SELECT: the result variables in order (SELECT * lists the in-scope
  /// variables). Other forms: empty.
  std::vector<std::string> variables;
  /// CONSTRUCT template (CONSTRUCT WHERE: the WHERE triples).
  std::vector<TriplePattern> construct_template;
  /// DESCRIBE targets (variables or IRIs); empty with DESCRIBE * means all
  /// projected variables.
  std::vector<PatternTerm> describe;
  std::vector<std::string> from;        ///< FROM IRIs
  std::vector<std::string> from_named;  ///< FROM NAMED IRIs
  std::string base_iri;                 ///< the BASE in force at the end
  /// PREFIX declarations in order (name without ':', namespace IRI), for
  /// showing results with the query's own short names.
  std::vector<std::pair<std::string, std::string>> prefixes;
};

/// Wraps a node in an OpPtr. This and the builders below are used by the
/// parser and the optimizer's tests.
OpPtr make_op(Op op);
/// Wraps a node in an ExprPtr.
ExprPtr make_expr(Expr expr);
/// Wraps a node in a PathPtr.
PathPtr make_path(Path path);
/// A copy of `op` with other children. Out of line on purpose: passes that
/// recurse once per level call it instead of keeping an Op in their frame.
OpPtr with_children(const Op& op, std::vector<OpPtr> children);

}  // namespace quiver::sparql
