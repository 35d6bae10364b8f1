#pragma once
/// @file
/// RDF 1.2 data pushed to a store that reads only RDF 1.1: what RDF 1.1
/// lacks, and the RDF 1.1 reification that can stand for a triple term.
///
/// A reifier's `r rdf:reifies <<( s p o )>>` becomes RDF 1.1's own
/// reification of the triple, with `r` as the statement: `r a rdf:Statement;
/// rdf:subject s; rdf:predicate p; rdf:object o`. A triple term anywhere
/// else (`x :says <<( s p o )>>`) becomes a blank node described the same
/// way, one node per triple term and graph. A reifier that reifies two
/// triples gets two subjects, as RDF 1.1 reification cannot say otherwise.

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

#include "io/sink.hpp"
#include "terms/term.hpp"

namespace quiver::remote {

/// What `push` does with RDF 1.2 data.
enum class Rdf12Handling {
  Refuse,  ///< the store may read only RDF 1.1: refuse before sending anything
  Unstar,  ///< send each triple term as its RDF 1.1 reification
  Send     ///< the store reads RDF 1.2: send N-Triples 1.2 as it is
};

/// What in a quad RDF 1.1 has no form for.
enum class Rdf12Feature {
  None,           ///< nothing: RDF 1.1 as it is
  TripleTerm,     ///< a triple term, which --unstar can carry
  BaseDirection,  ///< a literal with a base direction (inside a triple term too)
};

/// What in `quad` RDF 1.1 has no form for; a base direction first, as
/// --unstar carries triple terms but never directions.
Rdf12Feature rdf12_feature(const QuadRef& quad);

/// The feature named for a message: "a triple term", "a literal with a base
/// direction", or empty for None.
std::string_view describe(Rdf12Feature feature);

/// Passes quads on to `next` with every triple term replaced by its RDF 1.1
/// reification (see the file comment). Other quads pass unchanged.
class UnstarSink final : public io::QuadSink {
 public:
  /// `label_prefix` starts the blank labels it mints; it must be one no
  /// input's labels start with.
  UnstarSink(io::QuadSink& next, std::string label_prefix);
  Status on_quad(const QuadRef& quad) override;
  /// RDF 1.1 reifications written so far (a statement repeated in the
  /// input counts again).
  std::uint64_t reifications() const { return reifications_; }

 private:
  Status stand_in(const TermRef& term, const TermRef& graph, Term& out);
  Status describe(const TermRef& statement, std::string_view triple_term, const TermRef& graph);

  io::QuadSink& next_;
  std::string label_prefix_;
  std::unordered_map<std::string, std::string> labels_;  // graph + '\n' + value -> label
  std::uint64_t labels_minted_ = 0;
  std::uint64_t reifications_ = 0;
};

}  // namespace quiver::remote
