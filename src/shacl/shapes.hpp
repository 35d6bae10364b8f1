#pragma once
/// @file
/// A shapes graph read into shapes and their constraints (SHACL 1.1 2, 4),
/// with every node the data graph is asked about already an id of the data
/// graph. Reading checks what SHACL requires of well-formed shapes and
/// fails on the first ill-formed one, naming it.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shacl/data_graph.hpp"
#include "shacl/paths.hpp"
#include "terms/term.hpp"
#include "util/expected.hpp"

namespace quiver::shacl {

/// A constraint component (SHACL 1.1 4, 6.2); its report IRI is
/// sh:ClassConstraintComponent and so on, named after it (component_iri()).
enum class Component : std::uint8_t {
  Class,
  Datatype,
  NodeKind,
  MinCount,
  MaxCount,
  MinExclusive,
  MinInclusive,
  MaxExclusive,
  MaxInclusive,
  MinLength,
  MaxLength,
  Pattern,
  LanguageIn,
  UniqueLang,
  Equals,
  Disjoint,
  LessThan,
  LessThanOrEquals,
  Not,
  And,
  Or,
  Xone,
  Node,
  Property,
  QualifiedMinCount,
  QualifiedMaxCount,
  Closed,
  HasValue,
  In,
  Sparql,
};

/// The IRI of a component, e.g. sh:ClassConstraintComponent.
std::string component_iri(Component component);

/// Index of a shape in Shapes::shapes.
using ShapeIndex = std::size_t;

/// One constraint of a shape: a component with its parameters.
struct Constraint {
  Component component = Component::Class;  ///< which component
  /// The main parameter as an id of the data graph: the class, datatype,
  /// node kind, bound, property (equals, ...) or the value of sh:hasValue.
  TermId node = kAnyTerm;
  /// The main parameter as the shapes graph has it (bounds are compared as
  /// terms; a pattern is its string).
  Term term;
  std::vector<TermId> nodes;           ///< sh:in members; closed: the allowed properties
  std::vector<std::string> languages;  ///< sh:languageIn ranges
  std::vector<ShapeIndex> shapes;      ///< not, and, or, xone, node, property, qualified
  std::vector<ShapeIndex> siblings;    ///< qualified: the sibling shapes when disjoint
  std::optional<std::uint64_t> min;    ///< counts, lengths, qualified minimum
  std::optional<std::uint64_t> max;    ///< counts, lengths, qualified maximum
  std::string flags;                   ///< sh:flags of a pattern
  std::size_t sparql = 0;              ///< Sparql: index in Shapes::sparql
};

/// A SPARQL-based constraint (SHACL 1.1 5), or a use of a SPARQL-based
/// constraint component (6) by a shape: a query over the data graph.
struct SparqlConstraint {
  /// A SELECT's solutions are violations; an ASK answering false for a
  /// value node is one (sh:validator).
  enum class Kind : std::uint8_t { Select, Ask };
  Kind kind = Kind::Select;  ///< which
  Term node;                 ///< the sh:sparql node (the report's sh:sourceConstraint) or validator
  Term component;            ///< a component's IRI; None for sh:sparql
  std::string prologue;      ///< the PREFIX lines sh:prefixes declares, one per line
  std::string text;          ///< the query as the shapes graph has it
  std::vector<Term> messages;  ///< sh:message templates ({?var}, {$var})
  /// A component's parameters: variable name (the local name of the
  /// parameter's path) and this shape's value. Optional ones left out.
  std::vector<std::pair<std::string, Term>> parameters;
};

/// A node or property shape.
struct Shape {
  Term node;                               ///< the shape in the shapes graph
  std::optional<Path> path;                ///< property shapes: the sh:path
  Term path_node;                          ///< the sh:path value, for reports
  std::vector<TermId> target_nodes;        ///< sh:targetNode
  std::vector<TermId> target_classes;      ///< sh:targetClass, and itself if a class
  std::vector<TermId> target_subjects_of;  ///< sh:targetSubjectsOf
  std::vector<TermId> target_objects_of;   ///< sh:targetObjectsOf
  std::vector<Constraint> constraints;     ///< in the order read
  Term severity;                           ///< sh:Violation unless given
  std::vector<Term> messages;              ///< sh:message values
  bool deactivated = false;                ///< sh:deactivated true

  /// True for a property shape (one with sh:path).
  bool is_property() const { return path.has_value(); }
  /// True when it has a target of any kind.
  bool has_targets() const {
    return !target_nodes.empty() || !target_classes.empty() || !target_subjects_of.empty() ||
           !target_objects_of.empty();
  }
};

/// The shapes of a shapes graph.
struct Shapes {
  std::vector<Shape> shapes;             ///< every shape found
  std::vector<SparqlConstraint> sparql;  ///< the SPARQL-based constraints
  std::vector<Quad> path_triples;        ///< the triples spelling blank-node paths
};

/// Reads every shape of `shapes` (a view of the shapes graph), with the
/// nodes it asks about as ids of `data`. Fails on the first ill-formed
/// shape, saying which and why.
Expected<Shapes> read_shapes(DataGraph& shapes, DataGraph& data);

}  // namespace quiver::shacl
