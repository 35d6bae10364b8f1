#pragma once
/// @file
/// SPARQL 1.1 Update requests (SPARQL 1.1 Update, section 3): a sequence of
/// operations, each parsed into the form the executor runs.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sparql/algebra.hpp"
#include "sparql/parser.hpp"
#include "util/expected.hpp"

namespace quiver::sparql {

/// A quad of a template or of quad data: a triple and its graph, a
/// variable or an IRI; none for the default graph (or the WITH graph).
struct QuadPattern {
  TriplePattern triple;                                 ///< the triple
  std::optional<PatternTerm> graph;                     ///< GRAPH's variable or IRI, if any
  bool operator==(const QuadPattern&) const = default;  ///< field-wise
};

/// The quads of INSERT DATA or DELETE DATA, dictionary-encoded as they are
/// read, so that a request of a million triples holds each distinct term
/// once rather than every occurrence.
struct QuadData {
  /// The distinct terms; index 0 is the absent term (the default graph).
  std::vector<Term> terms{Term()};
  /// Subject, predicate, object and graph of each quad, as indexes into terms.
  std::vector<std::array<std::uint32_t, 4>> quads;
  /// The quad at `i`, as views into terms.
  QuadRef quad(std::size_t i) const {
    const auto& q = quads[i];
    return {terms[q[0]].ref(), terms[q[1]].ref(), terms[q[2]].ref(), terms[q[3]].ref()};
  }
};

/// The graphs an operation on whole graphs names: GraphRef, GraphRefAll and
/// GraphOrDefault of the grammar.
struct GraphTarget {
  /// Which graphs.
  enum class Kind {
    Default,   ///< DEFAULT: the default graph
    Named,     ///< GRAPH with an IRI: one graph
    AllNamed,  ///< NAMED: every named graph
    All,       ///< ALL: the default graph and every named graph
  };
  Kind kind = Kind::Default;                            ///< which graphs
  std::string iri;                                      ///< the graph of Kind::Named
  bool operator==(const GraphTarget&) const = default;  ///< field-wise
};

/// The kinds of update operation.
enum class UpdateKind {
  InsertData,    ///< INSERT DATA
  DeleteData,    ///< DELETE DATA
  DeleteInsert,  ///< DELETE/INSERT ... WHERE, and DELETE WHERE
  Load,          ///< LOAD
  Clear,         ///< CLEAR
  Create,        ///< CREATE
  Drop,          ///< DROP
  Add,           ///< ADD
  Move,          ///< MOVE
  Copy,          ///< COPY
};

/// One operation of a request.
struct UpdateOperation {
  UpdateKind kind = UpdateKind::InsertData;  ///< which operation
  bool silent = false;                       ///< SILENT: failures are not errors
  /// INSERT DATA's or DELETE DATA's quads. Blank nodes of INSERT DATA are
  /// fresh for the operation.
  QuadData data;
  /// The DELETE template (for DELETE WHERE, its quads).
  std::vector<QuadPattern> delete_quads;
  /// The INSERT template. Its blank nodes are fresh for each solution.
  std::vector<QuadPattern> insert_quads;
  /// WITH: the graph the templates and (without USING) WHERE default to.
  std::optional<std::string> with;
  std::vector<std::string> using_graphs;  ///< USING: the WHERE's default graph
  std::vector<std::string> using_named;   ///< USING NAMED: the WHERE's named graphs
  /// The WHERE pattern of DeleteInsert (for DELETE WHERE, its quads as a pattern).
  OpPtr where;
  /// The variables `where` binds, in order: the columns of its solutions.
  std::vector<std::string> variables;
  std::string source;  ///< LOAD: the document's IRI
  /// CLEAR, DROP, CREATE: the graphs; LOAD: INTO's graph (Default without
  /// INTO); ADD, MOVE, COPY: the destination.
  GraphTarget target;
  GraphTarget from;          ///< ADD, MOVE, COPY: the source
  std::uint32_t line = 0;    ///< where the operation starts (from 1)
  std::uint32_t column = 0;  ///< where the operation starts (from 1)
};

/// A parsed request.
struct Update {
  std::vector<UpdateOperation> operations;  ///< in request order
  /// PREFIX declarations in order (name without ':', namespace IRI).
  std::vector<std::pair<std::string, std::string>> prefixes;
};

/// Parses a SPARQL 1.1 Update request: operations separated by `;`, each
/// after its own (optional) prologue, prefixes and BASE carrying over.
/// Every IRI must resolve to an absolute IRI (a relative one without a base
/// is a syntax error: what a request inserts is stored). A
/// syntax error carries the line and column of the offending token, as
/// parse_query's do; format_parse_error shows it.
Expected<Update> parse_update(std::string_view text, const ParseOptions& options = {});

/// The keyword an operation starts with, as a request spells it ("INSERT
/// DATA", "DROP", ...), for messages.
std::string_view update_keyword(UpdateKind kind);

}  // namespace quiver::sparql
