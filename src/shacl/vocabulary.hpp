#pragma once
/// @file
/// The IRIs of the SHACL vocabulary (https://www.w3.org/TR/shacl/) that
/// shapes and reports use, in one place.

#include <string>
#include <string_view>

#include "terms/term.hpp"

namespace quiver::shacl {

/// The `sh:` namespace.
inline constexpr std::string_view kSh = "http://www.w3.org/ns/shacl#";
using vocab::kRdfsClass;
using vocab::kRdfsSubClassOf;
using vocab::kXsdBoolean;
using vocab::kXsdString;

/// The full IRI of `sh:<local>`.
inline std::string sh(std::string_view local) {
  std::string iri(kSh);
  iri += local;
  return iri;
}

}  // namespace quiver::shacl
