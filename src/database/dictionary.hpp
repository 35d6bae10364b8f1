#pragma once
/// @file
/// A database's terms as one id space: the live generation's dictionary
/// file, then the terms added since, numbered after it, in a TermInterner
/// (a writer's) or one of its views (a snapshot's). Every reader and
/// writer of the store maps ids through here.

#include <new>
#include <stdexcept>
#include <string>

#include "dataset/dataset.hpp"
#include "disk/dictionary_file.hpp"
#include "terms/term_interner.hpp"

namespace quiver::database {

/// What an id no dictionary entry has reads as (a damaged table or record):
/// a query never crashes on it, and `db check` says what is wrong.
inline constexpr TermRef kDamagedTerm{TermKind::Iri, "urn:quiver:damaged-term", {}, {}};

/// The id of `term` in `base` then `added` (a TermInterner or a View of
/// one), or kAnyTerm.
template <class Added>
TermId find_term(const disk::DictionaryFile& base, const Added& added, const TermRef& term) {
  if (term.is_none()) return kAnyTerm;
  auto found = base.find(term);
  if (found && *found != disk::DictionaryFile::kNotFound) return kFirstTermId + *found;
  const TermInterner::Index i = added.find(term);
  return i == TermInterner::kNotFound ? kAnyTerm : kFirstTermId + base.size() + i;
}

/// The term behind `id` in `base` then `added` (kDamagedTerm for an id
/// neither has).
template <class Added>
TermRef term_of(const disk::DictionaryFile& base, const Added& added, TermId id) {
  const std::uint64_t index = id - kFirstTermId;
  if (id < kFirstTermId) return kDamagedTerm;
  if (index < base.size()) {
    auto t = base.term(index);
    return t ? *t : kDamagedTerm;
  }
  if (index - base.size() >= added.size()) return kDamagedTerm;
  return added.term(static_cast<TermInterner::Index>(index - base.size()));
}

/// The id of `term` (hashed `hash`), added to `added` when neither has it;
/// a Limit error when the 32-bit ids or memory run out.
inline Expected<TermId> intern_term(const disk::DictionaryFile& base, TermInterner& added,
                                    const TermRef& term, std::uint32_t hash) {
  auto found = base.find(term);
  if (found && *found != disk::DictionaryFile::kNotFound) return kFirstTermId + *found;
  if (kFirstTermId + base.size() + added.size() >= 0xFFFFFFFFu) {
    return Error(ErrorKind::Limit, "the dictionary is full (2^32 terms)");
  }
  try {
    return kFirstTermId + base.size() + added.intern(term, hash);
  } catch (const std::length_error& e) {
    return Error(ErrorKind::Limit, std::string("the dictionary is full: ") + e.what());
  } catch (const std::bad_alloc&) {
    return Error(ErrorKind::Limit, "out of memory in the dictionary");
  }
}

/// Every term, base first, as a new generation's dictionary is written.
inline disk::TermSource term_source(const disk::DictionaryFile& base,
                                    const TermInterner::View& added) {
  return [&base, added](std::uint64_t i) -> Expected<TermRef> {
    if (i < base.size()) return base.term(i);
    return added.term(static_cast<TermInterner::Index>(i - base.size()));
  };
}

}  // namespace quiver::database
