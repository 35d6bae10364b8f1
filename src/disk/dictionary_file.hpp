#pragma once
/// @file
/// The on-disk store's dictionary: every term once, in index order, with a
/// hash table to find a term's index, in one immutable file read through a
/// memory map. Terms come back as views into the map (no copy).
///
/// Layout (little-endian):
///
///     header     "QVTERMS1" | format u32 | 0 u32 | terms u64 | datatypes u64 | slots u64
///     datatypes  per datatype IRI: varint length, bytes (number 0 is "none")
///     records    per term: kind u8, varint length and value, for a literal
///                its datatype number as a varint, varint length and language
///     offsets    per term: u64, where its record starts
///     slots      open addressing, a power of two: 0 empty, else
///                tag << 32 | index + 1 (tag: hash_term's two halves xored)
///     footer     the four sections' offsets u64 | checksum u64 | "QVTRMEND"
///
/// The hash is our own (FNV-1a over kind, value, datatype and the language
/// tag in lower case), so the file means the same to every build. As in
/// memory, language tags compare case-insensitively. Every read is bounds
/// checked: a damaged file gives Corrupt errors, never a crash.

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "disk/file_format.hpp"
#include "terms/term.hpp"
#include "terms/term_interner.hpp"
#include "util/expected.hpp"

namespace quiver::disk {

/// The on-disk dictionary format's version.
constexpr std::uint32_t kDictionaryFormat = 1;

/// The hash a term is filed under (stable across builds and machines).
std::uint64_t hash_term(const TermRef& term);

/// The term at an index, for write_dictionary (an error stops the write).
using TermSource = std::function<Expected<TermRef>(std::uint64_t index)>;

/// Writes `count` terms, `terms(0)` to `terms(count - 1)`, as the
/// dictionary file `path`, synced; in bounded memory but for 16 bytes a term.
Status write_dictionary(const std::string& path, std::uint64_t count, const TermSource& terms);
/// Writes the terms of `terms`, in index order, as the dictionary file
/// `path`, synced.
Status write_dictionary(const std::string& path, const TermInterner& terms);

/// A dictionary file opened for reading. Cheap to copy (the map is shared).
class DictionaryFile {
 public:
  /// What find() answers for a term that is not there.
  static constexpr std::uint64_t kNotFound = ~std::uint64_t{0};

  /// Maps and checks the file at `path` (header, footer, section sizes).
  static Expected<DictionaryFile> open(const std::string& path);

  /// Number of terms.
  std::uint64_t size() const { return terms_; }
  /// The term at `index` (< size()), its strings viewing the map.
  Expected<TermRef> term(std::uint64_t index) const;
  /// The index of `term`, or kNotFound.
  Expected<std::uint64_t> find(const TermRef& term) const;
  /// Checks the checksum, decodes every term and finds each at its own
  /// index: what `db check` runs.
  Status verify() const;

 private:
  MappedFile file_;
  std::uint64_t terms_ = 0;
  std::uint64_t slots_ = 0;
  std::vector<std::string_view> datatypes_;
  const unsigned char* records_ = nullptr;
  std::uint64_t records_size_ = 0;
  const unsigned char* offsets_ = nullptr;
  const unsigned char* slot_table_ = nullptr;
};

}  // namespace quiver::disk
