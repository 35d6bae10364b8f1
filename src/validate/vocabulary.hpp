#pragma once
/// @file
/// The RDFS and OWL terms the validator reads from an ontology.

#include <string_view>

#include "terms/term.hpp"

namespace quiver::validate::vocab {

using quiver::vocab::kRdf;
using quiver::vocab::kRdfType;
using quiver::vocab::kXsd;

/// The RDFS namespace; terms in it are built in, never reported as undefined.
inline constexpr std::string_view kRdfs = "http://www.w3.org/2000/01/rdf-schema#";
/// The OWL namespace; terms in it are built in, never reported as undefined.
inline constexpr std::string_view kOwl = "http://www.w3.org/2002/07/owl#";

/// rdf:Property: `rdf:type` it to declare a property (one of kPropertyTypes).
inline constexpr std::string_view kRdfProperty =
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#Property";
/// rdfs:Class: `rdf:type` it (or owl:Class) to declare a class.
using quiver::vocab::kRdfsClass;
/// rdfs:Datatype: `rdf:type` it to declare a datatype outside XSD.
inline constexpr std::string_view kRdfsDatatype = "http://www.w3.org/2000/01/rdf-schema#Datatype";
/// rdfs:Literal: a range that any literal satisfies.
inline constexpr std::string_view kRdfsLiteral = "http://www.w3.org/2000/01/rdf-schema#Literal";
/// rdfs:Resource: the top class, a superclass of every class.
inline constexpr std::string_view kRdfsResource = "http://www.w3.org/2000/01/rdf-schema#Resource";
/// rdfs:subClassOf: class hierarchy, and links classes to their restrictions.
using quiver::vocab::kRdfsSubClassOf;
/// rdfs:subPropertyOf: property hierarchy; domains and ranges are inherited.
inline constexpr std::string_view kRdfsSubPropertyOf =
    "http://www.w3.org/2000/01/rdf-schema#subPropertyOf";
/// rdfs:domain: a class every subject of the property is expected to have.
inline constexpr std::string_view kRdfsDomain = "http://www.w3.org/2000/01/rdf-schema#domain";
/// rdfs:range: the class or datatype expected of every object of the property.
inline constexpr std::string_view kRdfsRange = "http://www.w3.org/2000/01/rdf-schema#range";
/// rdfs:label: English labels are kept for naming terms in messages.
inline constexpr std::string_view kRdfsLabel = "http://www.w3.org/2000/01/rdf-schema#label";

/// owl:Class: `rdf:type` it (or rdfs:Class) to declare a class.
inline constexpr std::string_view kOwlClass = "http://www.w3.org/2002/07/owl#Class";
/// owl:Thing: the OWL top class, a superclass of every class.
inline constexpr std::string_view kOwlThing = "http://www.w3.org/2002/07/owl#Thing";
/// owl:Restriction: the type of a blank-node restriction on a class.
inline constexpr std::string_view kOwlRestriction = "http://www.w3.org/2002/07/owl#Restriction";
/// owl:onProperty: the property a restriction is about.
inline constexpr std::string_view kOwlOnProperty = "http://www.w3.org/2002/07/owl#onProperty";
/// owl:someValuesFrom: makes the restricted property required on the class.
inline constexpr std::string_view kOwlSomeValuesFrom =
    "http://www.w3.org/2002/07/owl#someValuesFrom";

/// The types that make their subject a property.
inline constexpr std::string_view kPropertyTypes[] = {
    kRdfProperty,
    "http://www.w3.org/2002/07/owl#ObjectProperty",
    "http://www.w3.org/2002/07/owl#DatatypeProperty",
    "http://www.w3.org/2002/07/owl#AnnotationProperty",
    "http://www.w3.org/2002/07/owl#OntologyProperty",
    "http://www.w3.org/2002/07/owl#FunctionalProperty",
    "http://www.w3.org/2002/07/owl#InverseFunctionalProperty",
    "http://www.w3.org/2002/07/owl#TransitiveProperty",
    "http://www.w3.org/2002/07/owl#SymmetricProperty",
    "http://www.w3.org/2002/07/owl#AsymmetricProperty",
    "http://www.w3.org/2002/07/owl#ReflexiveProperty",
    "http://www.w3.org/2002/07/owl#IrreflexiveProperty",
};

/// Cardinality restrictions: a value of 1 or more makes the property
/// required.
inline constexpr std::string_view kOwlCardinalities[] = {
    "http://www.w3.org/2002/07/owl#minCardinality",
    "http://www.w3.org/2002/07/owl#minQualifiedCardinality",
    "http://www.w3.org/2002/07/owl#cardinality",
    "http://www.w3.org/2002/07/owl#qualifiedCardinality",
};

/// Datatypes that are not in the XSD namespace.
inline constexpr std::string_view kOtherDatatypes[] = {
    kRdfsLiteral,
    quiver::vocab::kRdfLangString,
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#PlainLiteral",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#XMLLiteral",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#HTML",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#JSON",
};

}  // namespace quiver::validate::vocab
