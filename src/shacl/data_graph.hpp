#pragma once
/// @file
/// One graph of a Dataset as SHACL reads it: nodes as ids (those the
/// dataset does not hold, such as a sh:targetNode absent from the data, get
/// ids of their own), objects and subjects of a node, and the SHACL
/// instances of a class (rdf:type followed by rdfs:subClassOf*).

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "dataset/dataset.hpp"
#include "terms/term.hpp"

namespace quiver::shacl {

/// Sorts `v` and drops repeats: node sets as SHACL counts them.
template <typename T>
void sort_unique(std::vector<T>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

/// A read-only view of one graph: the default graph, the union of the
/// named graphs (kAnyNamedGraph), or of all graphs (kAnyTerm).
class DataGraph {
 public:
  /// A view of `graph` (kDefaultGraph, kAnyNamedGraph or kAnyTerm) of
  /// `data`, which must outlive it.
  DataGraph(const Dataset& data, TermId graph);

  /// The dataset the view reads.
  const Dataset& dataset() const { return data_; }
  /// The id of `term`: the dataset's, or one of this view's own when the
  /// dataset does not hold it. Equal terms get equal ids.
  TermId id(const TermRef& term);
  /// The id here of node `id` of `other` (another view, maybe of another
  /// dataset): a blank node of another dataset never equals one of this
  /// dataset, whatever the labels.
  TermId id_from(const DataGraph& other, TermId id);
  /// The id of an IRI.
  TermId iri(std::string_view iri) { return id(TermRef{TermKind::Iri, iri, {}, {}}); }
  /// The term behind an id from id(); the view lives as long as this.
  TermRef term(TermId id) const;
  /// True when `id` names a term of the dataset (one that may occur in quads).
  static bool stored(TermId id) { return id < kFirstLocalId; }

  /// Appends the objects of (`subject`, `predicate`, ?) to `out`.
  void objects(TermId subject, TermId predicate, std::vector<TermId>& out) const;
  /// Appends the subjects of (?, `predicate`, `object`) to `out`.
  void subjects(TermId predicate, TermId object, std::vector<TermId>& out) const;
  /// The first object of (`subject`, `predicate`, ?), or kAnyTerm.
  TermId object(TermId subject, TermId predicate) const;
  /// Appends (predicate, object) of every triple whose subject is `subject`.
  void properties(TermId subject, std::vector<std::pair<TermId, TermId>>& out) const;
  /// Appends every subject (or object, `objects`) of a triple with `predicate`.
  void ends_of(TermId predicate, bool objects, std::vector<TermId>& out) const;
  /// True when the graph holds (`subject`, `predicate`, `object`).
  bool contains(TermId subject, TermId predicate, TermId object) const;

  /// True when `node` is a SHACL instance of `cls`: it has an rdf:type
  /// that is `cls` or a subclass of it (rdfs:subClassOf*).
  bool is_instance(TermId node, TermId cls);
  /// Every SHACL instance of `cls`, each once.
  std::vector<TermId> instances(TermId cls);
  /// The members of the well-formed RDF list at `head`; nullopt when it is
  /// not one (a cycle, a cell without one rdf:first and one rdf:rest).
  std::optional<std::vector<TermId>> list(TermId head) const;

  /// rdf:type's id.
  TermId rdf_type() const { return rdf_type_; }

 private:
  void match(const QuadIds& pattern, int position, std::vector<TermId>& out) const;
  const std::unordered_set<TermId>& subclasses(TermId cls);

  const Dataset& data_;
  TermId graph_;
  TermId rdf_type_;
  TermId subclass_of_;
  TermId rdf_first_;
  TermId rdf_rest_;
  TermId rdf_nil_;
  std::vector<std::unique_ptr<Term>> locals_;  // unique_ptr: views stay put
  std::unordered_map<Term, TermId> local_ids_;
  std::unordered_map<TermId, std::unordered_set<TermId>> subclasses_;
};

}  // namespace quiver::shacl
