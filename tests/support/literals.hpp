#pragma once
// Literal builders and a compact printer, for the XSD tests and the
// function tests (tests/eval/function_test_util.hpp): terms print as
// N-Triples with the XSD namespace shortened (`"3"^^xsd:integer`).

#include <string>
#include <string_view>

#include "terms/term.hpp"

namespace quiver::testing {

inline Term xsd(std::string_view lexical, std::string_view local) {
  return Term::literal(lexical, std::string(vocab::kXsd) + std::string(local));
}
inline Term integer(std::string_view lexical) { return xsd(lexical, "integer"); }
inline Term decimal(std::string_view lexical) { return xsd(lexical, "decimal"); }
inline Term dbl(std::string_view lexical) { return xsd(lexical, "double"); }
inline Term flt(std::string_view lexical) { return xsd(lexical, "float"); }
inline Term boolean(std::string_view lexical) { return xsd(lexical, "boolean"); }
inline Term datetime(std::string_view lexical) { return xsd(lexical, "dateTime"); }
inline Term str(std::string_view lexical) { return Term::literal(lexical); }

/// N-Triples with `xsd:` for the XSD namespace.
inline std::string show(const Term& term) {
  std::string nt = term.to_ntriples();
  const std::string prefix = "^^<" + std::string(vocab::kXsd);
  if (const auto at = nt.find(prefix); at != std::string::npos && nt.back() == '>') {
    nt = nt.substr(0, at) +
         "^^xsd:" + nt.substr(at + prefix.size(), nt.size() - at - prefix.size() - 1);
  }
  return nt;
}

}  // namespace quiver::testing
