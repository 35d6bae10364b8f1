#include "terms/term_interner.hpp"

#include <cassert>
#include <cstdlib>
#include <cstring>
#include <stdexcept>
#include <string>

#include "util/ascii.hpp"

namespace quiver {

namespace {

constexpr std::size_t kInitialSlots = 1024;
constexpr std::uint64_t kIndexMask = 0xFFFFFFFFu;
constexpr unsigned kSegmentBits = 16;
constexpr std::size_t kSegmentSize = std::size_t{1} << kSegmentBits;
constexpr std::size_t kSegmentCount = std::size_t{1} << (32 - kSegmentBits);

struct Header {
  std::uint32_t value_size;
  std::uint32_t datatype;
  std::uint16_t language_size;
  TermKind kind;
};

}  // namespace

// Hash with the language tag in lower case, so tags differing only in case
// land on the same slot.
std::uint32_t TermInterner::hash_of(const TermRef& term) {
  std::uint64_t h;
  if (term.language.empty()) {
    h = hash_value(term);
  } else {
    std::string tag(term.language);
    for (char& c : tag) c = to_lower(c);
    TermRef folded = term;
    folded.language = tag;
    h = hash_value(folded);
  }
  return static_cast<std::uint32_t>(h ^ (h >> 32));
}

// Pointers by index in segments that never move: a reader may look up an
// index while the writer appends, as long as it only asks for indexes it was
// shown. The top level is zero-filled by calloc, so unused segment slots
// cost no memory.
struct TermInterner::Segments {
  Segments() : top(static_cast<const char***>(std::calloc(kSegmentCount, sizeof(const char**)))) {
    if (top == nullptr) throw std::bad_alloc();
  }
  ~Segments() {
    for (std::size_t i = 0; i < kSegmentCount && top[i] != nullptr; ++i) delete[] top[i];
    std::free(top);
  }
  Segments(const Segments&) = delete;
  Segments& operator=(const Segments&) = delete;

  const char* get(std::size_t i) const { return top[i >> kSegmentBits][i & (kSegmentSize - 1)]; }
  void set(std::size_t i, const char* p) {
    const char**& segment = top[i >> kSegmentBits];
    if (segment == nullptr) segment = new const char*[kSegmentSize];
    segment[i & (kSegmentSize - 1)] = p;
  }
  std::size_t memory_usage(std::size_t used) const {
    return (used + kSegmentSize - 1) / kSegmentSize * kSegmentSize * sizeof(const char*);
  }

  const char*** top;
};

struct TermInterner::Table {
  explicit Table(std::size_t capacity) : slots(capacity), mask(capacity - 1) {}
  std::vector<std::atomic<std::uint64_t>> slots;
  std::size_t mask;
};

TermInterner::TermInterner()
    : records_(std::make_unique<Segments>()),
      datatypes_(std::make_unique<Segments>()),
      table_(std::make_shared<Table>(kInitialSlots)) {
  // Datatype number 0 is "none" (IRIs and blank nodes).
  char* none = arena_.allocate(sizeof(std::uint32_t));
  std::memset(none, 0, sizeof(std::uint32_t));
  datatypes_->set(0, none);
  datatype_count_ = 1;
}

TermInterner::~TermInterner() = default;

bool TermInterner::equals(Index index, const TermRef& term) const {
  const char* record = records_->get(index);
  Header header;
  std::memcpy(&header, record, sizeof header);
  if (header.kind != term.kind || header.value_size != term.value.size() ||
      header.language_size != term.language.size()) {
    return false;
  }
  const char* value = record + sizeof header;
  if (std::string_view(value, header.value_size) != term.value) return false;
  if (term.kind != TermKind::Literal) return true;
  const char* dt = datatypes_->get(header.datatype);
  std::uint32_t dt_size;
  std::memcpy(&dt_size, dt, sizeof dt_size);
  return std::string_view(dt + sizeof dt_size, dt_size) == term.datatype &&
         equal_ignore_case(std::string_view(value + header.value_size, header.language_size),
                           term.language);
}

TermInterner::Index TermInterner::probe_find(const Table& table, const TermRef& term,
                                             std::uint32_t tag, std::size_t visible) const {
  std::size_t pos = tag & table.mask;
  for (;;) {
    const std::uint64_t slot = table.slots[pos].load(std::memory_order_acquire);
    if (slot == 0) return kNotFound;
    const auto index = static_cast<Index>((slot & kIndexMask) - 1);
    // Terms interned after the caller's view are skipped, not matched.
    if ((slot >> 32) == tag && index < visible && equals(index, term)) return index;
    pos = (pos + 1) & table.mask;
  }
}

TermInterner::Index TermInterner::find(const TermRef& term) const {
  if (term.kind == TermKind::None) return kNotFound;
  return probe_find(*table_, term, hash_of(term), size());
}

TermInterner::Index TermInterner::View::find(const TermRef& term) const {
  if (owner_ == nullptr || term.kind == TermKind::None) return kNotFound;
  return owner_->probe_find(*table_, term, hash_of(term), size_);
}

TermInterner::Index TermInterner::intern(const TermRef& term) {
  return intern(term, hash_of(term));
}

void TermInterner::prefetch(std::uint32_t hash, int stage) const {
  const Table& table = *table_;
  const std::size_t pos = hash & table.mask;
  if (stage == 0) {
    __builtin_prefetch(&table.slots[pos]);
    return;
  }
  // Only the first slot of the run is followed: most lookups end there.
  const std::uint64_t slot = table.slots[pos].load(std::memory_order_relaxed);
  if (slot == 0 || (slot >> 32) != hash) return;
  const std::size_t index = (slot & kIndexMask) - 1;
  if (index >= size()) return;
  const char** segment = records_->top[index >> kSegmentBits];
  if (stage == 1) {
    __builtin_prefetch(&segment[index & (kSegmentSize - 1)]);
  } else {
    __builtin_prefetch(segment[index & (kSegmentSize - 1)]);
  }
}

TermInterner::Index TermInterner::intern(const TermRef& term, std::uint32_t tag) {
  assert(term.kind != TermKind::None && "caller error: a None term has no index");
  assert(tag == hash_of(term) && "caller error: not the term's hash");
  const std::size_t count = size();
  {
    const Index found = probe_find(*table_, term, tag, count);
    if (found != kNotFound) return found;
  }
  if (count > kMaxIndex) throw std::length_error("term dictionary is full");
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
  if (!term.value.empty()) {
    std::memcpy(record + sizeof header, term.value.data(), term.value.size());
  }
  if (!term.language.empty()) {
    std::memcpy(record + sizeof header + term.value.size(), term.language.data(),
                term.language.size());
  }
  records_->set(count, record);
  // Keep the load factor at or below 3/4 so probe runs stay short.
  if ((count + 1) * 4 > table_->slots.size() * 3) grow();
  std::size_t pos = tag & table_->mask;
  while (table_->slots[pos].load(std::memory_order_relaxed) != 0) pos = (pos + 1) & table_->mask;
  table_->slots[pos].store((std::uint64_t{tag} << 32) | (count + 1), std::memory_order_release);
  size_.store(count + 1, std::memory_order_release);
  return static_cast<Index>(count);
}

void TermInterner::grow() {
  auto bigger = std::make_shared<Table>(table_->slots.size() * 2);
  for (const auto& s : table_->slots) {
    const std::uint64_t slot = s.load(std::memory_order_relaxed);
    if (slot == 0) continue;
    std::size_t pos = (slot >> 32) & bigger->mask;
    while (bigger->slots[pos].load(std::memory_order_relaxed) != 0) pos = (pos + 1) & bigger->mask;
    bigger->slots[pos].store(slot, std::memory_order_relaxed);
  }
  // Views hold the old table, which still answers for what they can see.
  table_ = std::move(bigger);
}

TermRef TermInterner::decode(Index index) const {
  const char* record = records_->get(index);
  Header header;
  std::memcpy(&header, record, sizeof header);
  const char* value = record + sizeof header;
  TermRef out;
  out.kind = header.kind;
  out.value = std::string_view(value, header.value_size);
  const char* dt = datatypes_->get(header.datatype);
  std::uint32_t dt_size;
  std::memcpy(&dt_size, dt, sizeof dt_size);
  out.datatype = std::string_view(dt + sizeof dt_size, dt_size);
  out.language = std::string_view(value + header.value_size, header.language_size);
  return out;
}

TermRef TermInterner::term(Index index) const {
  assert(index < size() && "caller error: index not from this interner");
  return decode(index);
}

TermInterner::View TermInterner::view() const {
  View v;
  v.owner_ = this;
  v.table_ = table_;
  v.size_ = size();
  return v;
}

std::uint32_t TermInterner::datatype_index(std::string_view datatype) {
  // Literals of one datatype tend to come in runs: skip the map for them.
  {
    const char* last = datatypes_->get(last_datatype_);
    std::uint32_t size;
    std::memcpy(&size, last, sizeof size);
    if (std::string_view(last + sizeof size, size) == datatype) return last_datatype_;
  }
  auto it = datatype_numbers_.find(datatype);
  if (it == datatype_numbers_.end()) {
    if (datatype.size() > 0xFFFFFFFFu || datatype_count_ >= kSegmentSize * kSegmentCount) {
      throw std::length_error("too many datatypes");
    }
    const auto size = static_cast<std::uint32_t>(datatype.size());
    char* record = arena_.allocate(sizeof size + datatype.size());
    std::memcpy(record, &size, sizeof size);
    std::memcpy(record + sizeof size, datatype.data(), datatype.size());
    const auto number = static_cast<std::uint32_t>(datatype_count_++);
    datatypes_->set(number, record);
    it = datatype_numbers_.emplace(std::string_view(record + sizeof size, size), number).first;
  }
  last_datatype_ = it->second;
  return it->second;
}

TermInterner::Mark TermInterner::mark() const { return {size(), datatype_count_, arena_.mark()}; }

void TermInterner::rollback(const Mark& m) {
  assert(m.terms <= size() && "caller error: mark is newer than the interner");
  // Clearing the newer terms' slots cannot break an older term's probe run:
  // an older term sits before every newer one on its own run.
  for (auto& s : table_->slots) {
    const std::uint64_t slot = s.load(std::memory_order_relaxed);
    if (slot != 0 && (slot & kIndexMask) > m.terms) s.store(0, std::memory_order_relaxed);
  }
  // A linear-probing table with holes punched in may hide later entries of
  // a run; no entry of the same run survives past a hole, since every
  // surviving entry is older than every removed one (see above).
  for (std::size_t d = m.datatypes; d < datatype_count_; ++d) {
    const char* record = datatypes_->get(d);
    std::uint32_t size;
    std::memcpy(&size, record, sizeof size);
    datatype_numbers_.erase(std::string_view(record + sizeof size, size));
  }
  datatype_count_ = m.datatypes;
  if (last_datatype_ >= datatype_count_) last_datatype_ = 0;
  size_.store(m.terms, std::memory_order_release);
  arena_.rollback(m.arena);
}

std::size_t TermInterner::memory_usage() const {
  return arena_.memory_usage() + records_->memory_usage(size()) +
         datatypes_->memory_usage(datatype_count_) + table_->slots.size() * sizeof(std::uint64_t) +
         datatype_numbers_.size() * (sizeof(std::string_view) + sizeof(std::uint32_t) + 16);
}

}  // namespace quiver
