#include "store/term_dictionary.hpp"

#include <cassert>
#include <cstring>
#include <stdexcept>

namespace quiver::store {
namespace {

constexpr std::size_t kInitialSlots = 1024;
constexpr std::uint64_t kIndexMask = 0xFFFFFFFFu;

}  // namespace

TermDictionary::TermDictionary() {
  // Index 0 is "no datatype" (IRIs and blank nodes).
  datatypes_.emplace_back();
  datatype_ids_.emplace(datatypes_.back(), 0);
  rebuild(kInitialSlots, 0);
}

std::uint32_t TermDictionary::tag_of(const TermRef& term) {
  const std::uint64_t h = hash_value(term);
  return static_cast<std::uint32_t>(h ^ (h >> 32));
}

bool TermDictionary::equals(std::uint32_t index, const TermRef& term) const {
  const char* record = records_[index];
  Header header;
  std::memcpy(&header, record, sizeof header);
  if (header.kind != term.kind || header.value_size != term.value.size() ||
      header.language_size != term.language.size()) {
    return false;
  }
  const char* value = record + sizeof header;
  if (std::string_view(value, header.value_size) != term.value) return false;
  if (term.kind != TermKind::Literal) return true;
  return datatypes_[header.datatype] == term.datatype &&
         std::string_view(value + header.value_size, header.language_size) == term.language;
}

std::size_t TermDictionary::probe(const TermRef& term, std::uint32_t tag) const {
  std::size_t pos = tag & mask_;
  for (;;) {
    const std::uint64_t slot = slots_[pos];
    if (slot == 0) return pos;
    if ((slot >> 32) == tag && equals(static_cast<std::uint32_t>((slot & kIndexMask) - 1), term)) {
      return pos;
    }
    pos = (pos + 1) & mask_;
  }
}

TermId TermDictionary::find(const TermRef& term) const {
  if (term.kind == TermKind::None) return kAnyTerm;
  const std::uint64_t slot = slots_[probe(term, tag_of(term))];
  return slot == 0 ? kAnyTerm : kFirstTermId + (slot & kIndexMask) - 1;
}

TermId TermDictionary::intern(const TermRef& term) {
  assert(term.kind != TermKind::None && "caller error: a None term has no id");
  const std::uint32_t tag = tag_of(term);
  std::size_t pos = probe(term, tag);
  if (slots_[pos] != 0) return kFirstTermId + (slots_[pos] & kIndexMask) - 1;

  const std::size_t index = records_.size();
  if (kFirstTermId + index > kMaxStoredId) throw std::length_error("term dictionary is full");
  if (term.value.size() > 0xFFFFFFFFu || term.language.size() > 0xFFFFu) {
    throw std::length_error("term too long for the dictionary");
  }
  Header header{};
  header.value_size = static_cast<std::uint32_t>(term.value.size());
  header.datatype = term.kind == TermKind::Literal ? datatype_index(term.datatype) : 0;
  header.language_size = static_cast<std::uint16_t>(term.language.size());
  header.kind = term.kind;
  char* record = arena_.allocate(sizeof header + term.value.size() + term.language.size());
  std::memcpy(record, &header, sizeof header);
  if (!term.value.empty())
    std::memcpy(record + sizeof header, term.value.data(), term.value.size());
  if (!term.language.empty()) {
    std::memcpy(record + sizeof header + term.value.size(), term.language.data(),
                term.language.size());
  }
  records_.push_back(record);

  // Keep the load factor at or below 3/4 so probe runs stay short.
  if (records_.size() * 4 > slots_.size() * 3) {
    rebuild(slots_.size() * 2, records_.size());
    pos = probe(term, tag);
  }
  slots_[pos] = (std::uint64_t{tag} << 32) | (index + 1);
  return kFirstTermId + index;
}

TermRef TermDictionary::term(TermId id) const {
  assert(contains(id) && "caller error: id not from this dictionary");
  const char* record = records_[id - kFirstTermId];
  Header header;
  std::memcpy(&header, record, sizeof header);
  const char* value = record + sizeof header;
  TermRef out;
  out.kind = header.kind;
  out.value = std::string_view(value, header.value_size);
  out.datatype = datatypes_[header.datatype];
  out.language = std::string_view(value + header.value_size, header.language_size);
  return out;
}

std::uint32_t TermDictionary::datatype_index(std::string_view datatype) {
  // Literals of one datatype tend to come in runs: skip the map for them.
  if (datatypes_[last_datatype_] == datatype) return last_datatype_;
  auto it = datatype_ids_.find(datatype);
  if (it == datatype_ids_.end()) {
    datatypes_.emplace_back(datatype);
    it = datatype_ids_.emplace(datatypes_.back(), datatypes_.size() - 1).first;
  }
  last_datatype_ = it->second;
  return it->second;
}

void TermDictionary::rebuild(std::size_t capacity, std::size_t keep) {
  std::vector<std::uint64_t> old(capacity, 0);
  old.swap(slots_);
  mask_ = capacity - 1;
  for (const std::uint64_t slot : old) {
    if (slot == 0 || (slot & kIndexMask) > keep) continue;
    std::size_t pos = (slot >> 32) & mask_;
    while (slots_[pos] != 0) pos = (pos + 1) & mask_;
    slots_[pos] = slot;
  }
}

void TermDictionary::rollback(const Mark& m) {
  assert(m.terms <= records_.size() && "caller error: mark is newer than the dictionary");
  records_.resize(m.terms);
  arena_.rollback(m.arena);
  // Removing entries from a linear-probing table would break other probe
  // runs, so rebuild it from the entries that stay; errors are rare.
  rebuild(slots_.size(), m.terms);
}

std::size_t TermDictionary::memory_usage() const {
  std::size_t datatype_bytes = 0;
  for (const auto& d : datatypes_) datatype_bytes += d.capacity() + sizeof d;
  return arena_.memory_usage() + records_.capacity() * sizeof(const char*) +
         slots_.capacity() * sizeof(std::uint64_t) + datatype_bytes;
}

}  // namespace quiver::store
