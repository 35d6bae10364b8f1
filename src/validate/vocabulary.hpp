#pragma once
/// @file
/// The RDFS and OWL terms the validator reads from an ontology.

#include <string_view>

#include "terms/term.hpp"

namespace quiver::validate::vocab {

using quiver::vocab::kRdf;
using quiver::vocab::kRdfType;
using quiver::vocab::kXsd;

inline constexpr std::string_view kRdfs = "http://www.w3.org/2000/01/rdf-schema#";
inline constexpr std::string_view kOwl = "http://www.w3.org/2002/07/owl#";

inline constexpr std::string_view kRdfProperty =
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#Property";
inline constexpr std::string_view kRdfsClass = "http://www.w3.org/2000/01/rdf-schema#Class";
inline constexpr std::string_view kRdfsDatatype = "http://www.w3.org/2000/01/rdf-schema#Datatype";
inline constexpr std::string_view kRdfsLiteral = "http://www.w3.org/2000/01/rdf-schema#Literal";
inline constexpr std::string_view kRdfsResource = "http://www.w3.org/2000/01/rdf-schema#Resource";
inline constexpr std::string_view kRdfsSubClassOf =
    "http://www.w3.org/2000/01/rdf-schema#subClassOf";
inline constexpr std::string_view kRdfsSubPropertyOf =
    "http://www.w3.org/2000/01/rdf-schema#subPropertyOf";
inline constexpr std::string_view kRdfsDomain = "http://www.w3.org/2000/01/rdf-schema#domain";
inline constexpr std::string_view kRdfsRange = "http://www.w3.org/2000/01/rdf-schema#range";
inline constexpr std::string_view kRdfsLabel = "http://www.w3.org/2000/01/rdf-schema#label";

inline constexpr std::string_view kOwlClass = "http://www.w3.org/2002/07/owl#Class";
inline constexpr std::string_view kOwlThing = "http://www.w3.org/2002/07/owl#Thing";
inline constexpr std::string_view kOwlRestriction = "http://www.w3.org/2002/07/owl#Restriction";
inline constexpr std::string_view kOwlOnProperty = "http://www.w3.org/2002/07/owl#onProperty";
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
