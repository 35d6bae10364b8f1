#pragma once
/// @file
/// The IRIs of the SHACL vocabulary (https://www.w3.org/TR/shacl/) that
/// shapes and reports use, in one place.

#include <string>
#include <string_view>

namespace quiver::shacl {

/// The `sh:` namespace.
inline constexpr std::string_view kSh = "http://www.w3.org/ns/shacl#";
/// rdfs:subClassOf, which SHACL instances follow (SHACL 1.1 3.2).
inline constexpr std::string_view kRdfsSubClassOf =
    "http://www.w3.org/2000/01/rdf-schema#subClassOf";
/// rdfs:Class: a shape that is also a class targets its instances.
inline constexpr std::string_view kRdfsClass = "http://www.w3.org/2000/01/rdf-schema#Class";
/// xsd:boolean, the datatype of sh:conforms and of boolean parameters.
inline constexpr std::string_view kXsdBoolean = "http://www.w3.org/2001/XMLSchema#boolean";
/// xsd:integer, the datatype of counts and lengths.
inline constexpr std::string_view kXsdInteger = "http://www.w3.org/2001/XMLSchema#integer";

/// The full IRI of `sh:<local>`.
inline std::string sh(std::string_view local) {
  std::string iri(kSh);
  iri += local;
  return iri;
}

}  // namespace quiver::shacl
