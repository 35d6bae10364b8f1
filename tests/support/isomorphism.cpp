#include "support/isomorphism.hpp"

#include <algorithm>
#include <array>
#include <deque>
#include <iterator>
#include <numeric>
#include <optional>
#include <unordered_map>
#include <utility>

#include "terms/term_writer.hpp"
#include "terms/triple_term.hpp"
#include "util/ascii.hpp"

namespace quiver::testing {
namespace {

// Terms are replaced by integers shared by both sides, so that matching
// compares numbers, not strings: a non-negative code is an interned
// non-blank term, `-(i + 1)` is blank node i of that side.
using Code = std::int64_t;
using EncodedQuad = std::array<Code, 4>;
using Colours = std::vector<std::uint64_t>;

// Colours spread one quad further per round, so a long list would need as
// many rounds as cells; past this cap the anchored search does the rest.
constexpr std::size_t kMaxRefinementRounds = 32;

enum class Verdict { Isomorphic, Different, GaveUp };

struct Outcome {
  Verdict verdict = Verdict::Isomorphic;
  std::string reason;  // empty when isomorphic
};

std::uint64_t mix(std::uint64_t seed, std::uint64_t value) {
  // A boost-style combine finished with splitmix64, so that colours built
  // from similar neighbourhoods still land far apart.
  std::uint64_t x = seed ^ (value + 0x9E3779B97F4A7C15ULL + (seed << 6) + (seed >> 2));
  x ^= x >> 30;
  x *= 0xBF58476D1CE4E5B9ULL;
  x ^= x >> 27;
  x *= 0x94D049BB133111EBULL;
  x ^= x >> 31;
  return x;
}

void lowercase_language(Term& term) {
  if (!term.is_literal() || term.language().empty()) return;
  term = Term::literal(term.value(), term.datatype(), ascii_lower(term.language()));
}

bool has_blank(const Quad& q) {
  return q.subject.is_blank() || q.predicate.is_blank() || q.object.is_blank() ||
         q.graph.is_blank();
}

// The two halves of a normalized dataset, each sorted and duplicate-free.
struct Split {
  std::vector<Quad> ground;
  std::vector<Quad> with_blanks;
};

// A triple term with blank nodes inside becomes a blank node of its own,
// described by statements in a graph no dataset uses, so that mapping
// blank nodes maps those inside triple terms too (and triple terms only
// onto triple terms). Equal triple terms give one node.
Term expand_triple_term(const Term& term, std::vector<Quad>& extra) {
  if (!term.is_triple()) return term;
  std::vector<Term> inner;
  collect_blank_nodes(term.value(), inner);
  const std::optional<Triple> parts = triple_term_parts(term.value());
  if (inner.empty() || !parts) return term;
  const Term graph = Term::iri("urn:quiver:test:triple-terms");
  Term node = Term::blank("tt " + term.value());
  extra.emplace_back(node, Term::iri(vocab::kRdfType), Term::iri("urn:quiver:test:TripleTerm"),
                     graph);
  extra.emplace_back(node, Term::iri("urn:quiver:test:subject"), parts->subject, graph);
  extra.emplace_back(node, Term::iri("urn:quiver:test:predicate"), parts->predicate, graph);
  extra.emplace_back(node, Term::iri("urn:quiver:test:object"),
                     expand_triple_term(parts->object, extra), graph);
  return node;
}

Split split(std::vector<Quad> quads) {
  std::vector<Quad> extra;
  for (Quad& q : quads) q.object = expand_triple_term(q.object, extra);
  quads.insert(quads.end(), extra.begin(), extra.end());
  for (Quad& q : quads) {
    lowercase_language(q.subject);
    lowercase_language(q.object);
    lowercase_language(q.graph);
  }
  std::sort(quads.begin(), quads.end());
  quads.erase(std::unique(quads.begin(), quads.end()), quads.end());
  Split s;
  for (Quad& q : quads) (has_blank(q) ? s.with_blanks : s.ground).push_back(std::move(q));
  return s;
}

class Interner {
 public:
  Code code(const Term& term) {
    return ids_.try_emplace(term, static_cast<Code>(ids_.size())).first->second;
  }

 private:
  std::unordered_map<Term, Code> ids_;
};

// The quads of one side that contain blank nodes, ready for matching.
struct BlankPart {
  std::vector<EncodedQuad> quads;  // sorted, for binary search
  std::size_t blank_count = 0;
  // For each blank node, the indices of the quads it occurs in.
  std::vector<std::vector<std::uint32_t>> incident;
};

std::uint32_t blank_index(Code c) { return static_cast<std::uint32_t>(-c - 1); }
Code blank_code(std::uint32_t index) { return -static_cast<Code>(index) - 1; }

BlankPart encode(const std::vector<Quad>& quads, Interner& terms) {
  BlankPart part;
  std::unordered_map<std::string, std::uint32_t> blanks;
  for (const Quad& q : quads) {
    const std::array<const Term*, 4> positions = {&q.subject, &q.predicate, &q.object, &q.graph};
    EncodedQuad e;
    for (std::size_t i = 0; i < 4; ++i) {
      const Term& t = *positions[i];
      if (t.is_blank()) {
        const auto next = static_cast<std::uint32_t>(blanks.size());
        e[i] = blank_code(blanks.try_emplace(t.value(), next).first->second);
      } else {
        e[i] = terms.code(t);
      }
    }
    part.quads.push_back(e);
  }
  std::sort(part.quads.begin(), part.quads.end());
  part.blank_count = blanks.size();
  part.incident.resize(part.blank_count);
  for (std::uint32_t qi = 0; qi < part.quads.size(); ++qi) {
    for (Code c : part.quads[qi]) {
      if (c >= 0) continue;
      auto& list = part.incident[blank_index(c)];
      if (list.empty() || list.back() != qi) list.push_back(qi);  // `_:a p _:a` counts once
    }
  }
  return part;
}

// One round of colour refinement: a node's new colour hashes its old colour
// with the multiset of its quads, each seen from the node (itself marked,
// other blank nodes by their old colour, other terms by their code).
Colours refine(const BlankPart& part, const Colours& old) {
  Colours next(part.blank_count);
  std::vector<std::uint64_t> signature;
  for (std::uint32_t node = 0; node < part.blank_count; ++node) {
    signature.clear();
    for (std::uint32_t qi : part.incident[node]) {
      std::uint64_t h = 0x5155;
      for (Code c : part.quads[qi]) {
        if (c >= 0) {
          h = mix(h, 2 * static_cast<std::uint64_t>(c));
        } else if (blank_index(c) == node) {
          h = mix(h, 1);
        } else {
          h = mix(h, mix(3, old[blank_index(c)]));
        }
      }
      signature.push_back(h);
    }
    std::sort(signature.begin(), signature.end());
    std::uint64_t h = old[node];
    for (std::uint64_t s : signature) h = mix(h, s);
    next[node] = h;
  }
  return next;
}

Colours sorted(Colours c) {
  std::sort(c.begin(), c.end());
  return c;
}

std::size_t distinct_count(const Colours& sorted_colours) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < sorted_colours.size(); ++i) {
    if (i == 0 || sorted_colours[i] != sorted_colours[i - 1]) ++n;
  }
  return n;
}

// Where the search assigns a node of `a`, and the node it was reached from.
struct Step {
  std::uint32_t node;
  std::int64_t anchor;  // an earlier node sharing a quad with `node`, or -1
};

// Nodes of `a` in the order the search assigns them: breadth-first from the
// rarest colours, so that each new node shares a quad with an assigned one.
// Its image must then share a quad with the anchor's image, which narrows
// the candidates to a handful even where colours cannot tell nodes apart
// (long lists, regular graphs).
std::vector<Step> search_order(const BlankPart& a, const std::vector<std::size_t>& class_size) {
  std::vector<std::uint32_t> by_rarity(a.blank_count);
  std::iota(by_rarity.begin(), by_rarity.end(), 0);
  std::stable_sort(by_rarity.begin(), by_rarity.end(),
                   [&](std::uint32_t x, std::uint32_t y) { return class_size[x] < class_size[y]; });
  std::vector<bool> seen(a.blank_count);
  std::vector<Step> order;
  std::deque<Step> queue;
  for (std::uint32_t start : by_rarity) {
    if (seen[start]) continue;
    seen[start] = true;
    queue.push_back({start, -1});
    while (!queue.empty()) {
      const Step step = queue.front();
      queue.pop_front();
      order.push_back(step);
      for (std::uint32_t qi : a.incident[step.node]) {
        for (Code c : a.quads[qi]) {
          if (c < 0 && !seen[blank_index(c)]) {
            seen[blank_index(c)] = true;
            queue.push_back({blank_index(c), step.node});
          }
        }
      }
    }
  }
  return order;
}

// Backtracking over colour-respecting bijections, iterative so that large
// inputs cannot overflow the stack.
Outcome search(const BlankPart& a, const BlankPart& b, const Colours& ca, const Colours& cb) {
  std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> by_colour;
  for (std::uint32_t n = 0; n < b.blank_count; ++n) by_colour[cb[n]].push_back(n);
  std::vector<std::size_t> class_size(a.blank_count);
  for (std::uint32_t n = 0; n < a.blank_count; ++n) class_size[n] = by_colour[ca[n]].size();
  const std::vector<Step> order = search_order(a, class_size);

  std::vector<std::int64_t> image(a.blank_count, -1);
  std::vector<bool> used(b.blank_count);
  // Every quad of `node` whose blank nodes are all mapped must map into b.
  auto consistent = [&](std::uint32_t node) {
    for (std::uint32_t qi : a.incident[node]) {
      EncodedQuad mapped = a.quads[qi];
      bool complete = true;
      for (Code& c : mapped) {
        if (c >= 0) continue;
        const std::int64_t target = image[blank_index(c)];
        if (target < 0) {
          complete = false;
          break;
        }
        c = blank_code(static_cast<std::uint32_t>(target));
      }
      if (complete && !std::binary_search(b.quads.begin(), b.quads.end(), mapped)) return false;
    }
    return true;
  };
  // The nodes of b that `step.node` may map to: its colour, and next to the
  // anchor's image when it has an anchor.
  auto candidates_for = [&](const Step& step) {
    const auto& same_colour = by_colour[ca[step.node]];
    if (step.anchor < 0) return same_colour;
    std::vector<std::uint32_t> near;
    const auto anchor_image =
        static_cast<std::size_t>(image[static_cast<std::size_t>(step.anchor)]);
    for (std::uint32_t qi : b.incident[anchor_image]) {
      for (Code c : b.quads[qi]) {
        if (c < 0 && cb[blank_index(c)] == ca[step.node]) near.push_back(blank_index(c));
      }
    }
    std::sort(near.begin(), near.end());
    near.erase(std::unique(near.begin(), near.end()), near.end());
    return near;
  };

  std::vector<std::vector<std::uint32_t>> choices(order.size());
  std::vector<std::size_t> cursor(order.size(), 0);
  std::uint64_t steps = 0;
  std::size_t level = 0;
  bool fresh = true;  // entering `level` from above, not backtracking into it
  while (level < order.size()) {
    const std::uint32_t node = order[level].node;
    if (fresh) {
      choices[level] = candidates_for(order[level]);
      cursor[level] = 0;
    } else {  // a deeper level failed: undo this level's choice, try the next
      used[static_cast<std::size_t>(image[node])] = false;
      image[node] = -1;
    }
    bool placed = false;
    while (!placed && cursor[level] < choices[level].size()) {
      const std::uint32_t choice = choices[level][cursor[level]++];
      if (used[choice]) continue;
      if (++steps > kIsomorphismSearchLimit) {
        return {Verdict::GaveUp, "blank-node search gave up after " +
                                     std::to_string(kIsomorphismSearchLimit) + " assignments"};
      }
      image[node] = choice;
      used[choice] = true;
      placed = consistent(node);
      if (!placed) {
        used[choice] = false;
        image[node] = -1;
      }
    }
    if (placed) {
      ++level;
      fresh = true;
    } else {
      if (level == 0)
        return {Verdict::Different, "no mapping of blank nodes makes the quads match"};
      --level;
      fresh = false;
    }
  }
  return {};
}

Outcome match_blank_parts(const std::vector<Quad>& a, const std::vector<Quad>& b) {
  if (a.size() != b.size()) {
    return {Verdict::Different, std::to_string(a.size()) + " vs " + std::to_string(b.size()) +
                                    " quads with blank nodes"};
  }
  Interner terms;
  const BlankPart pa = encode(a, terms);
  const BlankPart pb = encode(b, terms);
  if (pa.blank_count != pb.blank_count) {
    return {Verdict::Different, std::to_string(pa.blank_count) + " vs " +
                                    std::to_string(pb.blank_count) + " blank nodes"};
  }
  // Refine until the partition into colour classes stops growing (or the
  // round cap); each round must give both sides the same multiset of colours.
  Colours ca(pa.blank_count, 1), cb(pb.blank_count, 1);
  std::size_t classes = pa.blank_count == 0 ? 0 : 1;
  const std::size_t rounds = std::min<std::size_t>(pa.blank_count, kMaxRefinementRounds);
  for (std::size_t round = 0; round < rounds; ++round) {
    ca = refine(pa, ca);
    cb = refine(pb, cb);
    const Colours sa = sorted(ca);
    if (sa != sorted(cb)) {
      return {Verdict::Different, "blank nodes occur in differently shaped quads (after " +
                                      std::to_string(round + 1) + " refinement rounds)"};
    }
    const std::size_t now = distinct_count(sa);
    if (now == classes) break;
    classes = now;
  }
  return search(pa, pb, ca, cb);
}

// Appends `<label> only: <quad>` for each quad of sorted `from` missing from
// sorted `other` (as multisets), at most `max_listed` of them.
void list_missing(std::string& out, const std::vector<Quad>& from, const std::vector<Quad>& other,
                  std::string_view label, std::size_t max_listed) {
  std::vector<Quad> missing;
  std::set_difference(from.begin(), from.end(), other.begin(), other.end(),
                      std::back_inserter(missing));
  for (std::size_t i = 0; i < missing.size() && i < max_listed; ++i) {
    out += "  ";
    out += label;
    out += " only: ";
    // Blank nodes print as `_:*`, a shape rather than a label (which the
    // N-Triples writer would not let through).
    for (const Term* t :
         {&missing[i].subject, &missing[i].predicate, &missing[i].object, &missing[i].graph}) {
      if (t->is_none()) continue;
      if (t->is_blank()) {
        out += "_:*";
      } else {
        append_ntriples(out, t->ref());
      }
      out += ' ';
    }
    out += ".\n";
  }
  if (missing.size() > max_listed) {
    out += "  ... and " + std::to_string(missing.size() - max_listed) + " more only in ";
    out += label;
    out += '\n';
  }
}

// The quads with blank nodes, every blank node replaced by `_:*`: a multiset
// that isomorphic datasets share, and whose difference is readable.
std::vector<Quad> shapes(const std::vector<Quad>& quads) {
  const Term star = Term::blank("*");
  std::vector<Quad> out;
  out.reserve(quads.size());
  for (Quad q : quads) {
    for (Term* t : {&q.subject, &q.predicate, &q.object, &q.graph}) {
      if (t->is_blank()) *t = star;
    }
    out.push_back(std::move(q));
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

bool are_isomorphic(std::vector<Quad> a, std::vector<Quad> b) {
  const Split sa = split(std::move(a));
  const Split sb = split(std::move(b));
  if (sa.ground != sb.ground) return false;
  return match_blank_parts(sa.with_blanks, sb.with_blanks).verdict == Verdict::Isomorphic;
}

std::string isomorphism_diff(std::vector<Quad> a, std::vector<Quad> b, std::string_view a_name,
                             std::string_view b_name, std::size_t max_listed) {
  const Split sa = split(std::move(a));
  const Split sb = split(std::move(b));
  std::string out;
  list_missing(out, sa.ground, sb.ground, a_name, max_listed);
  list_missing(out, sb.ground, sa.ground, b_name, max_listed);
  const std::vector<Quad> shapes_a = shapes(sa.with_blanks);
  const std::vector<Quad> shapes_b = shapes(sb.with_blanks);
  list_missing(out, shapes_a, shapes_b, a_name, max_listed);
  list_missing(out, shapes_b, shapes_a, b_name, max_listed);
  if (out.empty()) {
    const Outcome o = match_blank_parts(sa.with_blanks, sb.with_blanks);
    if (o.verdict != Verdict::Isomorphic) out = "  " + o.reason + '\n';
  }
  return out;
}

}  // namespace quiver::testing
