#include "disk/dictionary_file.hpp"

#include <cstring>
#include <unordered_map>
#include <vector>

#include "terms/triple_term.hpp"
#include "util/ascii.hpp"

namespace quiver::disk {
namespace {

constexpr char kMagic[8] = {'Q', 'V', 'T', 'E', 'R', 'M', 'S', '1'};
constexpr char kEndMagic[8] = {'Q', 'V', 'T', 'R', 'M', 'E', 'N', 'D'};
constexpr std::size_t kHeaderSize = 40;
constexpr std::size_t kFooterSize = 48;

Error corrupt(const std::string& what) {
  return Error(ErrorKind::Corrupt, "damaged dictionary file (" + what + ")");
}

std::uint32_t tag_of(std::uint64_t hash) { return static_cast<std::uint32_t>(hash ^ (hash >> 32)); }

// Terms are equal as in memory: language tags compared case-insensitively.
bool same_term(const TermRef& a, const TermRef& b) {
  return a.kind == b.kind && a.value == b.value && a.datatype == b.datatype &&
         equal_ignore_case(a.language, b.language);
}

}  // namespace

std::uint64_t hash_term(const TermRef& term) {
  Checksum h;
  const auto add = [&](std::string_view s) {
    h.add(reinterpret_cast<const unsigned char*>(s.data()), s.size());
    const unsigned char separator = 0xFF;  // never in UTF-8
    h.add(&separator, 1);
  };
  const auto kind = static_cast<unsigned char>(term.kind);
  h.add(&kind, 1);
  add(term.value);
  add(term.datatype);
  for (const char c : term.language) {
    const auto lower = static_cast<unsigned char>(to_lower(c));
    h.add(&lower, 1);
  }
  return h.value;
}

Status write_dictionary(const std::string& path, const TermInterner& terms) {
  return write_dictionary(path, terms.size(), [&](std::uint64_t i) -> Expected<TermRef> {
    return terms.term(static_cast<TermInterner::Index>(i));
  });
}

// Two passes over the terms: the datatypes first (their section comes
// before the records), then the records, streamed to the file; only the
// offsets and the hash slots are held, 8 bytes each.
Status write_dictionary(const std::string& path, std::uint64_t n, const TermSource& terms) {
  if (n >= 0xFFFFFFFFu) return Error(ErrorKind::Limit, "too many terms for dictionary format 1");
  std::string datatypes;
  std::unordered_map<std::string_view, std::uint64_t> numbers{{std::string_view(), 0}};
  put_varint(datatypes, 0);  // number 0: none
  for (std::uint64_t i = 0; i < n; ++i) {
    auto t = terms(i);
    if (!t) return t.error();
    if (t->kind != TermKind::Literal) continue;
    if (numbers.try_emplace(t->datatype, numbers.size()).second) {
      put_varint(datatypes, t->datatype.size());
      datatypes += t->datatype;
    }
  }
  std::uint64_t slots = 1;
  while (slots * 3 < n * 4 + 4) slots *= 2;  // load factor at most 3/4
  std::vector<std::uint64_t> table(slots, 0);
  std::vector<std::uint64_t> offsets(n);

  auto file = SyncedFile::create(path);
  if (!file) return file.error();
  Checksum sum;
  const auto write = [&](const std::string& bytes) {
    sum.add(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    return (*file)->append(bytes);
  };
  std::string bytes(kMagic, sizeof kMagic);
  // Written in 64 KiB pieces: only the offsets and slots are held whole.
  const auto flush_if_full = [&]() -> Status {
    if (bytes.size() < (1u << 16)) return {};
    Status st = write(bytes);
    bytes.clear();
    return st;
  };
  put_u32(bytes, kDictionaryFormat);
  put_u32(bytes, 0);
  put_u64(bytes, n);
  put_u64(bytes, numbers.size());
  put_u64(bytes, slots);
  std::uint64_t section[4];
  section[0] = 0;
  bytes += datatypes;
  section[1] = bytes.size() - kHeaderSize;
  std::uint64_t records = 0;
  for (std::uint64_t i = 0; i < n; ++i) {
    auto t = terms(i);
    if (!t) return t.error();
    offsets[i] = records;
    const std::size_t before = bytes.size();
    bytes += static_cast<char>(t->kind);
    put_varint(bytes, t->value.size());
    bytes += t->value;
    if (t->kind == TermKind::Literal) put_varint(bytes, numbers.at(t->datatype));
    put_varint(bytes, t->language.size());
    bytes += t->language;
    records += bytes.size() - before;
    const std::uint32_t tag = tag_of(hash_term(*t));
    std::size_t pos = tag & (slots - 1);
    while (table[pos] != 0) pos = (pos + 1) & (slots - 1);
    table[pos] = (std::uint64_t{tag} << 32) | (i + 1);
    if (Status st = flush_if_full(); !st) return st;
  }
  section[2] = section[1] + records;
  for (const std::uint64_t o : offsets) {
    put_u64(bytes, o);
    if (Status st = flush_if_full(); !st) return st;
  }
  section[3] = section[2] + 8 * n;
  for (const std::uint64_t slot : table) {
    put_u64(bytes, slot);
    if (Status st = flush_if_full(); !st) return st;
  }
  if (Status st = write(bytes); !st) return st;
  bytes.clear();
  for (const std::uint64_t x : section) put_u64(bytes, x);
  put_u64(bytes, sum.value);
  bytes.append(kEndMagic, sizeof kEndMagic);
  if (Status st = (*file)->append(bytes); !st) return st;
  return (*file)->commit();
}

Expected<DictionaryFile> DictionaryFile::open(const std::string& path) {
  auto file = MappedFile::open(path);
  if (!file) return file.error();
  const std::size_t size = file->size();
  const unsigned char* p = file->data();
  if (size < kHeaderSize + kFooterSize || std::memcmp(p, kMagic, sizeof kMagic) != 0 ||
      std::memcmp(p + size - 8, kEndMagic, sizeof kEndMagic) != 0) {
    return Error(ErrorKind::Corrupt, path + ": not a dictionary file");
  }
  if (get_u32(p + 8) != kDictionaryFormat) {
    return Error(ErrorKind::Unsupported,
                 path + ": dictionary format " + std::to_string(get_u32(p + 8)) +
                     ", this Quiver reads " + std::to_string(kDictionaryFormat));
  }
  DictionaryFile d;
  d.file_ = *file;
  d.terms_ = get_u64(p + 16);
  const std::uint64_t datatype_count = get_u64(p + 24);
  d.slots_ = get_u64(p + 32);
  const unsigned char* footer = p + size - kFooterSize;
  const unsigned char* body = p + kHeaderSize;
  const std::uint64_t body_size = size - kHeaderSize - kFooterSize;
  std::uint64_t section[5];
  for (int i = 0; i < 4; ++i) section[i] = get_u64(footer + 8 * i);
  section[4] = body_size;
  for (int i = 0; i < 4; ++i) {
    if (section[i] > section[i + 1]) return corrupt("sections out of order");
  }
  // Each count is bounded by its section's bytes before it is multiplied.
  if (get_u32(p + 12) != 0 || section[0] != 0 || d.terms_ >= 0xFFFFFFFFu ||
      section[3] - section[2] != d.terms_ * 8 || d.slots_ == 0 ||
      (d.slots_ & (d.slots_ - 1)) != 0 || d.slots_ > (section[4] - section[3]) / 8 ||
      section[4] - section[3] != d.slots_ * 8 || d.slots_ <= d.terms_ ||
      datatype_count > section[1] - section[0]) {
    return corrupt("sizes disagree");
  }
  const unsigned char* at = body + section[0];
  const unsigned char* end = body + section[1];
  for (std::uint64_t i = 0; i < datatype_count; ++i) {
    std::uint64_t length = 0;
    if (!get_varint(at, end, length) || length > static_cast<std::uint64_t>(end - at)) {
      return corrupt("datatypes");
    }
    d.datatypes_.emplace_back(reinterpret_cast<const char*>(at), length);
    at += length;
  }
  if (at != end || d.datatypes_.empty() || !d.datatypes_[0].empty()) return corrupt("datatypes");
  d.records_ = body + section[1];
  d.records_size_ = section[2] - section[1];
  d.offsets_ = body + section[2];
  d.slot_table_ = body + section[3];
  return d;
}

Expected<TermRef> DictionaryFile::term(std::uint64_t index) const {
  if (index >= terms_) return Error(ErrorKind::Internal, "caller error: no such term index");
  const std::uint64_t start = get_u64(offsets_ + index * 8);
  const std::uint64_t stop =
      index + 1 < terms_ ? get_u64(offsets_ + (index + 1) * 8) : records_size_;
  if (start >= stop || stop > records_size_) return corrupt("record offsets");
  const unsigned char* at = records_ + start;
  const unsigned char* end = records_ + stop;
  TermRef t;
  const unsigned char kind = *at++;
  if (!is_stored_term_kind(kind)) return corrupt("term kind");
  t.kind = static_cast<TermKind>(kind);
  const auto text = [&](std::string_view& out) {
    std::uint64_t length = 0;
    if (!get_varint(at, end, length) || length > static_cast<std::uint64_t>(end - at)) return false;
    out = std::string_view(reinterpret_cast<const char*>(at), length);
    at += length;
    return true;
  };
  if (!text(t.value)) return corrupt("term value");
  if (t.kind == TermKind::Literal) {
    std::uint64_t number = 0;
    if (!get_varint(at, end, number) || number >= datatypes_.size()) {
      return corrupt("literal datatype");
    }
    t.datatype = datatypes_[number];
  }
  if (!text(t.language) || at != end) return corrupt("term language");
  if (!t.language.empty() && t.kind != TermKind::Literal)
    return corrupt("a language on a non-literal");
  // Writers copy a triple term's value as it is: it must be one.
  if (t.kind == TermKind::Triple && !triple_term_parts(t.value)) return corrupt("triple term");
  return t;
}

Expected<std::uint64_t> DictionaryFile::find(const TermRef& term) const {
  // An empty dictionary (a new database's) is not worth hashing for.
  if (term.kind == TermKind::None || terms_ == 0) return kNotFound;
  const std::uint32_t tag = tag_of(hash_term(term));
  std::uint64_t pos = tag & (slots_ - 1);
  // At most one lap: a damaged table may have no empty slot.
  for (std::uint64_t probes = 0; probes < slots_; ++probes) {
    const std::uint64_t slot = get_u64(slot_table_ + pos * 8);
    if (slot == 0) return kNotFound;
    const std::uint64_t index = (slot & 0xFFFFFFFFu) - 1;
    if ((slot >> 32) == tag) {
      if (index >= terms_) return corrupt("hash slot");
      auto candidate = this->term(index);
      if (!candidate) return candidate.error();
      if (same_term(*candidate, term)) return index;
    }
    pos = (pos + 1) & (slots_ - 1);
  }
  return kNotFound;
}

Status DictionaryFile::verify() const {
  const unsigned char* p = file_.data();
  const std::size_t size = file_.size();
  Checksum sum;
  sum.add(p, size - kFooterSize);
  if (sum.value != get_u64(p + size - 16)) return corrupt("checksum does not match");
  for (std::uint64_t i = 0; i < terms_; ++i) {
    auto t = term(i);
    if (!t) return t.error();
    auto found = find(*t);
    if (!found) return found.error();
    if (*found != i) return corrupt("term " + std::to_string(i) + " is not found at its index");
  }
  return {};
}

}  // namespace quiver::disk
