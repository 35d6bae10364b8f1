#pragma once
/// @file
/// What the validator needs to know of an ontology: which classes and
/// properties it declares, the class and property hierarchies, domains and
/// ranges, and which properties each instance of a class must have.

#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "validate/corpus.hpp"

namespace quiver::validate {

/// "Every instance of `class_iri` has at least one `property`", read from
/// `class_iri rdfs:subClassOf [ a owl:Restriction ; owl:onProperty property ;
/// owl:minCardinality 1 ]` (or owl:cardinality, the qualified forms with a
/// count of 1 or more, or owl:someValuesFrom).
struct Requirement {
  /// The restricted class; its instances (and its subclasses') are checked.
  std::string class_iri;
  /// The property every such instance must have.
  std::string property;
};

/// The declarations of the corpus's ontology files (its data files are
/// ignored). Everything is taken as stated: no reasoning beyond the
/// transitivity of rdfs:subClassOf and rdfs:subPropertyOf.
class Ontology {
 public:
  /// Reads the declarations and restrictions from the corpus's ontology files.
  explicit Ontology(const Corpus& corpus);

  /// Typed owl:Class or rdfs:Class, or in the rdf:, rdfs:, owl: or xsd:
  /// namespace.
  bool declares_class(const std::string& iri) const;
  /// Typed rdf:Property or one of OWL's property classes, or in the rdf:,
  /// rdfs:, owl: or xsd: namespace.
  bool declares_property(const std::string& iri) const;
  /// An XSD datatype, rdfs:Literal, rdf:langString (and the other rdf:
  /// datatypes), or anything typed rdfs:Datatype.
  bool is_datatype(const std::string& iri) const;

  /// The rdfs:domain values of `property` and of its super-properties.
  std::vector<std::string> domains(const std::string& property) const;
  /// The rdfs:range values of `property` and of its super-properties.
  std::vector<std::string> ranges(const std::string& property) const;
  /// `sub` is `super` or a subclass of it through rdfs:subClassOf chains;
  /// everything is a subclass of owl:Thing and rdfs:Resource.
  bool is_subclass_of(const std::string& sub, const std::string& super) const;
  /// `property` and every property it is a sub-property of, transitively.
  const std::unordered_set<std::string>& super_properties(const std::string& property) const;

  /// The restrictions that make a property required, in reading order.
  const std::vector<Requirement>& requirements() const { return requirements_; }
  /// The English rdfs:label of `iri`, or an empty string.
  std::string english_label(const std::string& iri) const;

 private:
  using Graph = std::unordered_map<std::string, std::vector<std::string>>;

  void read_restrictions(const Corpus& corpus);
  std::vector<std::string> collect(const Graph& values, const std::string& property) const;
  /// `start` and everything reachable from it in `edges`, cached.
  const std::unordered_set<std::string>& closure(
      const Graph& edges, std::unordered_map<std::string, std::unordered_set<std::string>>& cache,
      const std::string& start) const;

  std::unordered_set<std::string> classes_;
  std::unordered_set<std::string> properties_;
  std::unordered_set<std::string> datatypes_;
  Graph super_classes_;
  Graph super_properties_;
  Graph domains_;
  Graph ranges_;
  std::unordered_map<std::string, std::string> labels_;
  std::vector<Requirement> requirements_;
  // Closures are computed on first use; an Ontology is not shared between
  // threads while it is being queried.
  mutable std::unordered_map<std::string, std::unordered_set<std::string>> class_closure_;
  mutable std::unordered_map<std::string, std::unordered_set<std::string>> property_closure_;
};

/// True for IRIs in the rdf:, rdfs:, owl: and xsd: namespaces, which every
/// ontology may use without declaring them.
bool is_builtin(const std::string& iri);

}  // namespace quiver::validate
