#include "io/turtle_layout.hpp"

#include <algorithm>
#include <cstring>
#include <functional>
#include <iterator>
#include <tuple>

#include "terms/triple_term.hpp"

// Determinism: statements are deduplicated, then terms are ranked by content
// (IRIs and literals byte-wise). Blank nodes are ranked by a signature of
// their one-hop neighbourhood, computed with a fixed hash (FNV-1a), so their
// order does not depend on input order or labels; only blank nodes with equal
// signatures fall back to their input labels. Output labels (_:b0, _:b1, ...)
// are given in writing order. Hence: the same set of statements with the same
// labels gives byte-identical output, whatever order it arrives in.

namespace quiver::io::turtle {
namespace {

std::uint64_t fnv1a(std::string_view bytes, std::uint64_t h = 0xcbf29ce484222325ULL) {
  for (const char c : bytes) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return h;
}

std::uint64_t splitmix(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

std::uint64_t mix(std::uint64_t tag, std::uint64_t a, std::uint64_t b, std::uint64_t c) {
  return splitmix(splitmix(splitmix(tag ^ a) ^ b) ^ c);
}

int kind_order(TermKind kind) {
  switch (kind) {
    case TermKind::None:
      return 0;
    case TermKind::Iri:
      return 1;
    case TermKind::Literal:
      return 2;
    case TermKind::Blank:
      return 3;
    case TermKind::Triple:
      return 4;
  }
  return 5;
}

}  // namespace

// ---------------------------------------------------------------------------
// TermTable

TermTable::TermTable() : entries_(1) {}

TermId TermTable::intern(const TermRef& term) {
  if (term.kind == TermKind::None) return kNoTerm;
  TermRef full = term;
  TermId datatype = kNoTerm;
  if (term.kind == TermKind::Literal) {
    if (full.datatype.empty()) {
      full.datatype = Term::literal(term.value, {}, term.language).datatype();
    }
    // Few datatypes, used over and over: try the last one first.
    if (last_datatype_ == kNoTerm || entries_[last_datatype_].value != full.datatype) {
      last_datatype_ = intern(TermRef{TermKind::Iri, full.datatype, {}, {}});
    }
    datatype = last_datatype_;
  }
  const auto id = static_cast<TermId>(terms_.intern(full) + 1);
  if (id == entries_.size()) {
    const TermRef stored = terms_.term(id - 1);
    entries_.push_back(TermEntry{stored.kind, stored.value, stored.language, datatype});
  }
  return id;
}

TermId TermTable::find_iri(std::string_view iri) const {
  return find(TermRef{TermKind::Iri, iri, {}, {}});
}

TermId TermTable::find(const TermRef& term) const {
  const TermInterner::Index i = terms_.find(term);
  return i == TermInterner::kNotFound ? kNoTerm : static_cast<TermId>(i + 1);
}

// ---------------------------------------------------------------------------
// Layout

namespace {

// Order-independent signature of each blank node's neighbourhood: a sum of
// one hash per statement it occurs in, other blank nodes hashing alike.
std::vector<std::uint64_t> blank_signatures(const TermTable& table,
                                            const std::vector<IdQuad>& all_quads) {
  constexpr std::uint64_t kBlankHash = 0x5bd1e9955bd1e995ULL;
  const auto& terms = table.entries();
  auto is_blank = [&](TermId id) { return terms[id].kind == TermKind::Blank; };
  // Only statements with a blank node matter; they are made a set first so
  // that duplicates do not change the sums.
  std::vector<IdQuad> quads;
  std::copy_if(all_quads.begin(), all_quads.end(), std::back_inserter(quads), [&](const IdQuad& q) {
    return is_blank(q.subject) || is_blank(q.object) || is_blank(q.graph);
  });
  auto key = [](const IdQuad& q) { return std::tie(q.graph, q.subject, q.predicate, q.object); };
  std::sort(quads.begin(), quads.end(),
            [&](const IdQuad& a, const IdQuad& b) { return key(a) < key(b); });
  quads.erase(std::unique(quads.begin(), quads.end(),
                          [&](const IdQuad& a, const IdQuad& b) { return key(a) == key(b); }),
              quads.end());
  std::vector<std::uint64_t> signature(terms.size(), 0);
  if (quads.empty()) return signature;
  std::vector<std::uint64_t> content(terms.size(), 0);
  for (TermId id = 1; id < terms.size(); ++id) {
    const TermEntry& e = terms[id];
    if (e.kind == TermKind::Blank) {
      content[id] = kBlankHash;
      continue;
    }
    std::uint64_t h = fnv1a(e.value, 0xcbf29ce484222325ULL + kind_order(e.kind));
    if (e.kind == TermKind::Literal) {
      h = fnv1a(terms[e.datatype].value, fnv1a(e.language, h) ^ 0xff);
    }
    content[id] = h;
  }
  for (const IdQuad& q : quads) {
    const std::uint64_t g = content[q.graph], s = content[q.subject];
    const std::uint64_t p = content[q.predicate], o = content[q.object];
    if (terms[q.subject].kind == TermKind::Blank) signature[q.subject] += mix(1, p, o, g);
    if (terms[q.object].kind == TermKind::Blank) signature[q.object] += mix(2, s, p, g);
    if (terms[q.graph].kind == TermKind::Blank) signature[q.graph] += mix(3, s, p, o);
  }
  return signature;
}

// rank[id] for every term of `table`: the position in output order.
std::vector<TermId> rank_terms(const TermTable& table, const std::vector<std::uint64_t>& sig) {
  const auto& terms = table.entries();
  std::vector<TermId> order(terms.size());
  for (TermId id = 0; id < order.size(); ++id) order[id] = id;
  std::sort(order.begin() + 1, order.end(), [&](TermId a, TermId b) {
    const TermEntry& x = terms[a];
    const TermEntry& y = terms[b];
    if (x.kind != y.kind) return kind_order(x.kind) < kind_order(y.kind);
    if (x.kind == TermKind::Blank && sig[a] != sig[b]) return sig[a] < sig[b];
    if (const int c = x.value.compare(y.value); c != 0) return c < 0;
    if (x.kind != TermKind::Literal) return false;
    if (x.datatype != y.datatype) return terms[x.datatype].value < terms[y.datatype].value;
    return x.language < y.language;
  });
  std::vector<TermId> rank(terms.size());
  for (TermId r = 0; r < order.size(); ++r) rank[order[r]] = r;
  return rank;
}

// Decides the Role of every blank node of a ranked, sorted layout.
class BlankPlanner {
 public:
  explicit BlankPlanner(Layout& layout) : l_(layout), n_(layout.terms.size()) {}

  void run() {
    count_uses();
    for (std::size_t i = 0; i < l_.quads.size(); i = l_.subject_end(i)) {
      if (!candidate_[l_.quads[i].subject]) expand(i, 0);
    }
    drain();
    // What is still unvisited hangs off a cycle of blank nodes: give one
    // node of each cycle a label and lay the rest out from there.
    std::vector<TermId> stamp(n_, kNoTerm);
    for (TermId b = 1; b < n_; ++b) {
      if (!candidate_[b] || visited_[b]) continue;
      TermId c = b;
      while (candidate_[c] && !visited_[c] && stamp[c] != b) {
        stamp[c] = b;
        c = referrer_[c];
      }
      demote(candidate_[c] && !visited_[c] ? c : b);
      drain();
    }
  }

 private:
  void count_uses() {
    l_.roles.assign(n_, Role::Plain);
    l_.first_statement.assign(n_, Layout::kNoStatement);
    std::vector<std::uint8_t> object_uses(n_, 0);
    std::vector<std::uint32_t> graph_of(n_, kUnseen);
    std::vector<std::uint8_t> graph_name(n_, 0);
    referrer_.assign(n_, kNoTerm);
    const auto& quads = l_.quads;
    for (std::size_t i = 0; i < quads.size(); ++i) {
      const IdQuad& q = quads[i];
      if (is_blank(q.subject)) {
        note_graph(graph_of, q.subject, q.graph);
        if (l_.first_statement[q.subject] == Layout::kNoStatement) {
          l_.first_statement[q.subject] = static_cast<std::uint32_t>(i);
        }
      }
      if (is_blank(q.object)) {
        note_graph(graph_of, q.object, q.graph);
        if (object_uses[q.object] < 2) ++object_uses[q.object];
        referrer_[q.object] = q.subject;
      }
      if (is_blank(q.graph)) graph_name[q.graph] = 1;
    }
    candidate_.assign(n_, 0);
    list_shaped_.assign(n_, 0);
    visited_.assign(n_, 0);
    for (const auto& [label, b] : l_.quoted_blanks) object_uses[b] = 2;
    for (TermId b = 1; b < n_; ++b) {
      if (!is_blank(b) || object_uses[b] != 1 || graph_of[b] == kManyGraphs || graph_name[b]) {
        continue;
      }
      candidate_[b] = 1;
      const std::uint32_t first = l_.first_statement[b];
      list_shaped_[b] = first != Layout::kNoStatement && l_.rdf_first != kNoTerm &&
                        l_.subject_end(first) == first + 2 &&
                        quads[first].predicate == l_.rdf_first &&
                        quads[first + 1].predicate == l_.rdf_rest;
    }
  }

  bool is_blank(TermId id) const { return l_.terms[id].kind == TermKind::Blank; }

  // Queues the inline-able objects of the subject starting at `begin`.
  void expand(std::size_t begin, int depth) {
    const std::size_t end = l_.subject_end(begin);
    for (std::size_t i = begin; i < end; ++i) {
      const TermId o = l_.quads[i].object;
      if (candidate_[o] && !visited_[o]) pending_.push_back({o, depth + 1});
    }
  }

  // Whether `head` starts a well-formed collection nobody else has taken.
  bool is_collection(TermId head) const {
    TermId cell = head;
    for (std::size_t steps = 0; steps < n_; ++steps) {
      if (!list_shaped_[cell] || (visited_[cell] && cell != head)) return false;
      const TermId next = l_.quads[l_.first_statement[cell] + 1].object;
      if (next == l_.rdf_nil) return true;
      cell = next;
    }
    return false;
  }

  void demote(TermId b) {
    visited_[b] = 1;
    l_.roles[b] = Role::Plain;
    if (l_.first_statement[b] != Layout::kNoStatement) expand(l_.first_statement[b], 0);
  }

  void visit(TermId b, int depth) {
    if (depth > kMaxNesting) {
      demote(b);
      return;
    }
    visited_[b] = 1;
    if (!is_collection(b)) {
      l_.roles[b] = Role::Inline;
      if (l_.first_statement[b] != Layout::kNoStatement) expand(l_.first_statement[b], depth);
      return;
    }
    for (TermId cell = b; cell != l_.rdf_nil;) {
      visited_[cell] = 1;
      l_.roles[cell] = cell == b ? Role::ListHead : Role::ListCell;
      const std::uint32_t first = l_.first_statement[cell];
      const TermId item = l_.quads[first].object;
      if (candidate_[item] && !visited_[item]) pending_.push_back({item, depth + 1});
      cell = l_.quads[first + 1].object;
    }
  }

  void drain() {
    while (!pending_.empty()) {
      const auto [b, depth] = pending_.back();
      pending_.pop_back();
      if (!visited_[b]) visit(b, depth);
    }
  }

  struct Pending {
    TermId node;
    int depth;
  };

  Layout& l_;
  const std::size_t n_;
  std::vector<std::uint8_t> candidate_;    // blank, used once as object, one graph
  std::vector<std::uint8_t> list_shaped_;  // candidate with only rdf:first and rdf:rest
  std::vector<std::uint8_t> visited_;
  std::vector<TermId> referrer_;  // subject of a blank node's (last) use as object
  std::vector<Pending> pending_;
};

}  // namespace

Layout build_layout(const TermTable& table, std::vector<IdQuad> quads) {
  const std::vector<TermId> rank = rank_terms(table, blank_signatures(table, quads));
  Layout layout;
  layout.terms.resize(table.size());
  for (TermId id = 0; id < table.size(); ++id) {
    TermEntry e = table[id];
    e.datatype = rank[e.datatype];
    layout.terms[rank[id]] = e;
  }
  auto ranked = [&](std::string_view iri) {
    const TermId id = table.find_iri(iri);
    return id == kNoTerm ? kNoTerm : rank[id];
  };
  layout.rdf_type = ranked(vocab::kRdfType);
  layout.rdf_first = ranked(vocab::kRdfFirst);
  layout.rdf_rest = ranked(vocab::kRdfRest);
  layout.rdf_nil = ranked(vocab::kRdfNil);
  layout.rdf_reifies = ranked(vocab::kRdfReifies);
  std::vector<Term> quoted;
  for (TermId id = 1; id < table.size(); ++id) {
    if (table[id].kind != TermKind::Triple) continue;
    quoted.clear();
    collect_blank_nodes(table[id].value, quoted);
    for (const Term& b : quoted) {
      const TermId found = table.find(b.ref());
      if (found != kNoTerm) layout.quoted_blanks.emplace(table[found].value, rank[found]);
    }
  }

  for (IdQuad& q : quads) {
    q = IdQuad{rank[q.graph], rank[q.subject], rank[q.predicate], rank[q.object]};
  }
  // rdf:type sorts before every other predicate; real ids start at 1.
  const TermId type = layout.rdf_type;
  auto key = [type](const IdQuad& q) { return statement_key(q, type); };
  std::sort(quads.begin(), quads.end(),
            [&](const IdQuad& a, const IdQuad& b) { return key(a) < key(b); });
  // Ranks are a bijection, so equal statements are now adjacent.
  quads.erase(std::unique(quads.begin(), quads.end(),
                          [&](const IdQuad& a, const IdQuad& b) { return key(a) == key(b); }),
              quads.end());
  layout.quads = std::move(quads);

  BlankPlanner(layout).run();
  plan_annotations(table, rank, layout);
  return layout;
}

}  // namespace quiver::io::turtle
