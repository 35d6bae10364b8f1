#pragma once
/// @file
/// A readable, deterministic text form of the algebra in the style of
/// Jena's SSE: `(project (?s) (filter (> ?o 3) (bgp (triple ?s <http://ex/p> ?o))))`.
/// Used by tests (expected algebra as strings) and by `--explain`.
///
/// Forms: `(table unit)`, `(bgp (triple s p o) ...)`, `(path s PATH o)`,
/// `(join A B)`, `(leftjoin A B [EXPR])`, `(filter EXPR A)`, `(union A B)`,
/// `(minus A B)`, `(graph g A)`, `(extend ((?v EXPR)) A)`,
/// `(table (vars ?a) (row [?a 1]) ...)`, `(group (KEYS) ((?.agg0 AGG) ...) A)`,
/// `(order (?a (desc ?b)) A)`, `(project (?a) A)`, `(distinct A)`,
/// `(reduced A)`, `(slice OFFSET LIMIT A)` (`_` when absent),
/// `(service [silent] g A)`. Several filter expressions print as
/// `(exprlist e1 e2)`. Paths: `<iri>`, `(reverse P)`, `(seq P Q)`,
/// `(alt P Q)`, `(path* P)`, `(path+ P)`, `(path? P)`,
/// `(notoneof <a> (reverse <b>))`. Expressions: operators by their symbol
/// (`(&& a b)`, `(! a)`, `(- a)`), `(in ?x 1 2)`, `(notin ...)`, builtins by
/// their lower-case name (`(strlen ?x)`), IRI calls as `(<iri> args)`,
/// `(exists A)`, `(notexists A)`, aggregates as `(count distinct ?x)`,
/// `(count)` for COUNT(*), `(group_concat (separator ",") ?x)`. Numbers and
/// booleans whose lexical form is plain print bare (`3`, `1.5`, `true`).

#include <functional>
#include <string>

#include "sparql/algebra.hpp"

namespace quiver::sparql {

/// How to_sse() lays out an operator tree.
struct SseOptions {
  /// One operator per line, children indented by two spaces.
  bool indent = false;
  /// When set, its result is appended after an operator's name (with a
  /// space before it when not empty), e.g. `rows=12` for --explain.
  std::function<std::string(const Op&)> annotate;
};

/// The SSE form of an operator tree, on one line.
std::string to_sse(const Op& op);
/// The SSE form of an operator tree with options.
std::string to_sse(const Op& op, const SseOptions& options);
/// The SSE form of an expression, e.g. `(&& (> ?o 3) (bound ?x))`.
std::string to_sse(const Expr& expr);
/// The SSE form of a property path, e.g. `(seq <p> (path* <q>))`.
std::string to_sse(const Path& path);
/// `?x` for a variable, else the term (`<iri>`, `"lit"`, `3`).
std::string to_sse(const PatternTerm& term);
/// A whole query: its form, result variables or template, dataset and
/// algebra, e.g. `(select (?s) (project (?s) (bgp ...)))`.
std::string to_sse(const Query& query);

}  // namespace quiver::sparql
