#pragma once
/// @file
/// The statements of the ontology and data files to validate, each quad
/// tagged with the file it came from, plus what is needed to point back
/// into those files: their prefixes and (for strings) their text.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "io/reader.hpp"
#include "terms/term.hpp"

namespace quiver::validate {

/// What a file is to the validator: an `Ontology` file's classes,
/// properties and restrictions are the rules; a `Data` file is checked
/// against them.
enum class Role : std::uint8_t { Ontology, Data };

/// One file read into the corpus.
struct SourceFile {
  /// The name used in messages (the path as given; `<stdin>` for `-`).
  std::string name;
  /// The path to re-read the text from when locating a problem; empty
  /// when the input was a string or stdin.
  std::string path;
  /// Whether the file defines the vocabulary or is data checked against it.
  Role role = Role::Data;
  /// Prepended to this file's blank node labels (see io::ReadOptions).
  std::string blank_prefix;
  /// The text, when it was given as a string.
  std::optional<std::string> text;
  /// The prefixes it declared, as (name, namespace IRI), in order.
  std::vector<std::pair<std::string, std::string>> prefixes;
};

/// A quad and the index of its file in Corpus::files().
struct Statement {
  /// The statement, blank node labels already made unique to its file.
  Quad quad;
  /// Index of the file it came from in Corpus::files().
  std::uint32_t file = 0;
};

/// The statements of several files. Sized for ontologies and curated data
/// sets: every quad is kept as owning terms.
class Corpus {
 public:
  /// Reads the file at `path` (see io::read_file); `options.blank_prefix`
  /// is replaced by one unique to this file, so blank nodes of different
  /// files stay apart. Syntax errors are in the result (and passed to
  /// `options.on_error`); the statements read are kept.
  io::ReadResult add_file(const std::string& path, Role role, io::ReadOptions options);
  /// Reads `text`, named `name` in messages.
  io::ReadResult add_string(std::string_view text, std::string_view name, Role role,
                            io::ReadOptions options);

  /// The files read so far, in the order they were added.
  const std::vector<SourceFile>& files() const { return files_; }
  /// Every statement of every file, in reading order.
  const std::vector<Statement>& statements() const { return statements_; }

 private:
  SourceFile& start_file(std::string name, std::string path, Role role, io::ReadOptions& options);

  std::vector<SourceFile> files_;
  std::vector<Statement> statements_;
};

}  // namespace quiver::validate
