#pragma once
/// @file
/// `quiver validate --ontology`: checks RDF data against an OWL/RDFS
/// ontology, closed-world, on what is stated.
///
/// Load the ontology and data files into a Corpus (with their roles), then
/// call check_against_ontology. The checks:
/// - classes (rdf:type values) and properties used in the data but not
///   declared in the ontology (rdf:, rdfs:, owl: and xsd: terms count as
///   declared);
/// - rdfs:domain and rdfs:range (inherited through rdfs:subPropertyOf):
///   the subject or object must have a stated rdf:type that is the class or
///   a subclass of it; a datatype range wants a literal of that datatype;
///   owl:Thing accepts anything;
/// - literals invalid for their XSD datatype (xsd/lexical.hpp);
/// - properties the ontology requires of a class's instances, read from
///   owl:Restriction superclasses (owl:minCardinality 1, owl:someValuesFrom).

#include <vector>

#include "util/error.hpp"
#include "validate/corpus.hpp"

namespace quiver::validate {

/// Every problem of the corpus's data files, each reported once (the same
/// triple in several graphs is one problem), at the first statement that
/// shows it, ordered by file and position. Locations are found by
/// searching the file text (see source_locator.hpp); unknown parts are 0.
std::vector<Error> check_against_ontology(const Corpus& corpus);

}  // namespace quiver::validate
