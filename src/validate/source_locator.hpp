#pragma once
/// @file
/// Finding where a statement was written, after the fact.
///
/// The readers stream quads without their positions (Serd 0.30 reports
/// positions for its syntax errors only), so a problem found in the loaded
/// data is placed by searching the file's text, a heuristic:
///
/// - Each term is searched in every spelling the file could use for it:
///   `<iri>`, `prefix:local` for each prefix the file declared, `a` for
///   rdf:type, `_:label`, `"lexical"` (or `'lexical'`), and the bare lexical
///   form of numbers and booleans. Comments and string contents are masked
///   out first, and names must stand alone (`art:X` does not match in
///   `art:Xai`). Relative IRIs and escaped strings are not found.
/// - A statement `s p o` is the occurrence of `p` whose closest preceding
///   `s` and closest following `o` are nearest to it; this matches
///   Turtle's `s p o ; p2 o2 , o3 .` layout.
/// - When the predicate is not found, the first occurrence of the subject;
///   when nothing is found, or the text cannot be re-read (stdin, .gz),
///   the file name alone.

#include <cstddef>
#include <string>
#include <unordered_map>
#include <vector>

#include "terms/term.hpp"
#include "util/error.hpp"
#include "validate/corpus.hpp"

namespace quiver::validate {

/// Which term of a statement a problem is about.
enum class Part { Subject, Predicate, Object };

/// Places statements of one file; reads the file's text once, on creation.
class SourceLocator {
 public:
  /// `file` must outlive the locator.
  explicit SourceLocator(const SourceFile& file);

  /// Where `part` of `quad` is written, as precisely as can be found.
  SourceLocation locate(const Quad& quad, Part part);

 private:
  const std::vector<std::size_t>& occurrences(const Term& term);
  void find_name(const std::string& name, std::vector<std::size_t>& out) const;
  void find_quoted(const std::string& lexical, std::vector<std::size_t>& out) const;
  SourceLocation at(std::size_t offset) const;

  const SourceFile& file_;
  std::string text_;
  /// text_ with comments and string contents blanked, same offsets.
  std::string code_;
  std::vector<std::size_t> line_starts_;
  /// Occurrences of each term searched so far, keyed by N-Triples form.
  std::unordered_map<std::string, std::vector<std::size_t>> cache_;
};

}  // namespace quiver::validate
