#pragma once
// Query results shared by the writer, reader and comparison tests: every
// kind of term, unbound cells and the characters each format must escape.

#include <optional>
#include <string>

#include "solutions/query_result.hpp"

namespace quiver::testing {

inline const std::string kXsd = "http://www.w3.org/2001/XMLSchema#";

inline Term iri(const std::string& local) { return Term::iri("http://example.org/" + local); }
inline Term lit(const std::string& lexical, const std::string& datatype = {},
                const std::string& lang = {}) {
  return Term::literal(lexical, datatype, lang);
}

/// SELECT ?s ?p ?o ?x over five rows. One IRI holds `<` and `>`, which no
/// IRI may: the writers' tests check such a term is still escaped. With
/// `readable_iris` that IRI is `a&b'c` instead, as readers refuse the other
/// (a remote result is input like any other).
inline QueryResult select_fixture(bool readable_iris = false) {
  QueryResult r;
  r.variables = {"s", "p", "o", "x"};
  r.solutions = {
      {iri("s"), iri("p"), lit("plain"), std::nullopt},
      {Term::blank("b1"), iri("p"), lit("chat", "", "fr"), lit("42", kXsd + "integer")},
      {Term::blank("b1"), iri(readable_iris ? "a&b'c" : "a&b<c>"),
       lit("say \"hi\", then\nbye\tnow\r"), lit("3.14", kXsd + "decimal")},
      {Term::blank("b2"), iri("caf\xC3\xA9"),
       lit("caf\xC3\xA9 \xE6\x97\xA5\xE6\x9C\xAC \xF0\x9F\x91\xBE"), lit("true", kXsd + "boolean")},
      {std::nullopt, std::nullopt, lit("x", "http://example.org/dt"), lit("")},
      {std::nullopt, std::nullopt, std::nullopt, std::nullopt},
  };
  return r;
}

inline QueryResult ask_fixture(bool answer) {
  QueryResult r;
  r.form = QueryForm::Ask;
  r.boolean = answer;
  return r;
}

}  // namespace quiver::testing
