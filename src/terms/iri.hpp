#pragma once
/// @file
/// IRI references as RFC 3986 sees them: scheme test and reference
/// resolution (section 5.2), done here because Serd 0.30 resolves some
/// dot-segment cases wrongly.

#include <string>
#include <string_view>

namespace quiver {

/// True when `iri` starts with `scheme:` (ALPHA *( ALPHA / DIGIT / + - . )).
bool has_scheme(std::string_view iri);

/// Resolves `reference` against the absolute `base` (RFC 3986 5.2.2, strict),
/// appending the result to `out`. An absolute reference is only normalized
/// by removing dot segments, as the RFC says.
void resolve_iri(std::string& out, std::string_view base, std::string_view reference);

/// Convenience form of resolve_iri returning a new string.
std::string resolve_iri(std::string_view base, std::string_view reference);

}  // namespace quiver
