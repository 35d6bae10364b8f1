#pragma once
/// @file
/// The ontology checks, each a function adding findings about the data
/// files of a corpus, and what they share: the facts about each resource
/// and the short names used in messages. Internal to src/validate.

#include <cstddef>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "terms/term.hpp"
#include "validate/corpus.hpp"
#include "validate/ontology.hpp"
#include "validate/source_locator.hpp"

namespace quiver::validate {

/// One problem, tied to the statement it is about (an index into
/// Corpus::statements()) and the term of it to point at.
struct Finding {
  /// The statement the finding is about: an index into Corpus::statements().
  std::size_t statement = 0;
  /// Which term of that statement to point at in the source.
  Part part = Part::Subject;
  /// What is wrong, in words, with terms shortened by the Namer.
  std::string message;
};

/// What the corpus states about each resource, ontology and data files
/// together: its rdf:type values and the predicates it is the subject of.
class Facts {
 public:
  /// Gathers the facts from every statement of the corpus, ontology included.
  explicit Facts(const Corpus& corpus);
  /// The IRIs of the classes `resource` is typed with; empty when untyped.
  const std::vector<std::string>& types(const Term& resource) const;
  /// The predicates of the statements about `subject`.
  const std::unordered_set<std::string>& predicates(const Term& subject) const;

 private:
  std::unordered_map<Term, std::vector<std::string>> types_;
  std::unordered_map<Term, std::unordered_set<std::string>> predicates_;
};

/// Short names for messages: `qv:Claim` with the prefixes the files
/// declared (data files first, longest namespace wins), else `<iri>`.
class Namer {
 public:
  /// Collects the prefixes the corpus files declare, data files first; a
  /// namespace keeps the first prefix seen for it.
  explicit Namer(const Corpus& corpus);
  /// `iri` as `prefix:local` when a declared namespace covers it, else `<iri>`.
  std::string iri(const std::string& iri) const;
  /// A term as it would be written: `art:x`, `_:b1`, `"12"^^xsd:integer`.
  std::string term(const Term& term) const;
  /// `iri`s joined with ", ".
  std::string list(const std::vector<std::string>& iris) const;

 private:
  std::vector<std::pair<std::string, std::string>> prefixes_;
};

/// What every check reads.
struct CheckContext {
  /// The files and their statements.
  const Corpus& corpus;
  /// The classes, properties and restrictions the ontology declares.
  const Ontology& ontology;
  /// The types and predicates of each resource.
  const Facts& facts;
  /// Short names for the messages.
  const Namer& names;
};

/// Classes (objects of rdf:type) and properties the ontology does not
/// declare.
void check_declarations(const CheckContext& context, std::vector<Finding>& out);
/// Subjects outside a property's rdfs:domain, objects outside its
/// rdfs:range (a class, or a datatype).
void check_domains_and_ranges(const CheckContext& context, std::vector<Finding>& out);
/// Literals whose lexical form is not valid for their datatype.
void check_literals(const CheckContext& context, std::vector<Finding>& out);
/// Instances lacking a property that a restriction on their class requires.
void check_requirements(const CheckContext& context, std::vector<Finding>& out);

}  // namespace quiver::validate
