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
#include <utility>
#include <vector>

#include "terms/term.hpp"

namespace quiver::sparql {

/// A variable or a constant RDF term in a pattern. Blank nodes in query
/// patterns become variables whose names start with `_:` (never projected).
struct PatternTerm {
  bool is_variable = false;
  std::string variable;  ///< name without `?`, when is_variable
  Term term;             ///< the constant otherwise

  static PatternTerm var(std::string name) { return {true, std::move(name), Term()}; }
  static PatternTerm constant(Term t) { return {false, {}, std::move(t)}; }
  bool operator==(const PatternTerm&) const = default;
};

struct TriplePattern {
  PatternTerm subject, predicate, object;
  bool operator==(const TriplePattern&) const = default;
};

struct Op;
using OpPtr = std::shared_ptr<const Op>;
struct Expr;
using ExprPtr = std::shared_ptr<const Expr>;
struct Path;
using PathPtr = std::shared_ptr<const Path>;

/// Expression kinds. Builtin calls (STRLEN, REGEX, ...) are `Function` with
/// the upper-case SPARQL keyword as `name`; calls by IRI (casts such as
/// xsd:integer(...), or unknown extension functions) are `IriFunction`
/// with the full IRI as `name`.
enum class ExprKind {
  Constant,  ///< `constant`
  Variable,  ///< `name`
  Or,
  And,
  Not,
  Equal,
  NotEqual,
  Less,
  Greater,
  LessEqual,
  GreaterEqual,
  Add,
  Subtract,
  Multiply,
  Divide,
  UnaryPlus,
  UnaryMinus,
  In,
  NotIn,     ///< args[0] IN (args[1..])
  Function,  ///< builtin `name`, args; BOUND takes a Variable arg; BNODE/RAND/NOW/UUID/STRUUID may
             ///< have none
  IriFunction,  ///< `name` is the IRI
  Exists,
  NotExists,  ///< `pattern`
  Aggregate,  ///< `name` COUNT SUM AVG MIN MAX GROUP_CONCAT SAMPLE; args empty for COUNT(*);
              ///< `distinct`; `separator`
};

struct Expr {
  ExprKind kind = ExprKind::Constant;
  Term constant;
  std::string name;
  std::vector<ExprPtr> args;
  OpPtr pattern;                ///< for Exists / NotExists
  bool distinct = false;        ///< for Aggregate
  std::string separator = " ";  ///< for GROUP_CONCAT
};

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

struct Path {
  PathKind kind = PathKind::Link;
  Term iri;
  std::vector<PathPtr> args;
  std::vector<Term> forward;
  std::vector<Term> inverse;
};

/// One ORDER BY condition.
struct OrderCondition {
  ExprPtr expr;
  bool descending = false;
};

/// `(?var, expr)`: an aggregate bound by Group, or a GROUP BY key with an
/// optional name (`GROUP BY (expr AS ?v)` or a plain `GROUP BY ?v`).
struct Binding {
  std::string variable;  ///< may be empty for an unnamed GROUP BY expression
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

struct Op {
  OpKind kind = OpKind::Unit;
  std::vector<OpPtr> children;
  std::vector<TriplePattern> triples;                  // Bgp
  PatternTerm subject, object;                         // PathPattern
  PathPtr path;                                        // PathPattern
  PatternTerm graph;                                   // Graph, Service
  std::vector<ExprPtr> exprs;                          // Filter, LeftJoin, Extend
  std::string variable;                                // Extend
  std::vector<std::string> variables;                  // Project, Values
  std::vector<std::vector<std::optional<Term>>> rows;  // Values
  std::vector<Binding> group_keys;                     // Group
  std::vector<Binding> aggregates;                     // Group: variable := Aggregate expr
  std::vector<OrderCondition> order;                   // OrderBy
  std::int64_t offset = 0;                             // Slice
  std::int64_t limit = -1;                             // Slice
  bool silent = false;                                 // Service
};

/// The query forms.
enum class QueryForm { Select, Construct, Ask, Describe };

/// A parsed query: its form, algebra and dataset clauses.
struct Query {
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

/// Builders used by the parser and the optimizer's tests.
OpPtr make_op(Op op);
ExprPtr make_expr(Expr expr);
PathPtr make_path(Path path);

}  // namespace quiver::sparql
