// Pretty, deterministic Turtle and TriG.
//
// Why not Sord as the in-memory model (as sordi does): pretty writing needs
// to know, before writing a node, how often each blank node is used as an
// object, whether a chain of blank nodes is a well-formed collection, and
// where cycles are; and the output must not depend on input order. Interned
// term ids in one sorted vector (turtle_layout.cpp) give all of that in a
// few linear passes, with 16 bytes per statement, and let us rank terms by
// content rather than by Sord's node pointers. To be measured against Sord.

#include <algorithm>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "io/turtle_layout.hpp"
#include "io/writers_internal.hpp"
#include "terms/term_writer.hpp"
#include "terms/triple_term.hpp"

namespace quiver::io {
namespace {

using turtle::IdQuad;
using turtle::kNoTerm;
using turtle::Layout;
using turtle::Role;
using turtle::TermId;

// Writes a Layout as Turtle or TriG.
class Renderer {
 public:
  Renderer(const Layout& layout, PrefixList prefixes, Output& out)
      : l_(layout), prefixes_(std::move(prefixes)), out_(out), buf_(out.buffer()) {}

  void run() {
    choose_prefixes();
    mark_used_prefixes();
    write_prefixes();
    const auto& quads = l_.quads;
    for (std::size_t begin = 0; begin < quads.size();) {
      const TermId graph = quads[begin].graph;
      std::size_t end = begin;
      while (end < quads.size() && quads[end].graph == graph) ++end;
      if (graph == kNoTerm) {
        write_subjects(begin, end, 0);
      } else {
        separate();
        append_term(graph);
        buf_ += " {\n";
        write_subjects(begin, end, 1);
        buf_ += "}\n";
      }
      begin = end;
    }
    out_.maybe_flush();
  }

 private:
  // The prefix for each IRI, chosen once per term; equal namespaces go to
  // the smallest prefix name (prefixes_ is sorted by name).
  void choose_prefixes() {
    prefix_of_.assign(l_.terms.size(), -1);
    used_.assign(prefixes_.prefixes().size(), false);
    if (prefixes_.prefixes().empty()) return;
    for (TermId id = 1; id < l_.terms.size(); ++id) {
      if (l_.terms[id].kind == TermKind::Iri) prefix_of_[id] = prefixes_.find(l_.terms[id].value);
    }
  }

  // Mirrors what the rendering below writes, so that only prefixes that
  // appear in the output are declared.
  void mark_used_prefixes() {
    auto mark_iri = [&](TermId id) {
      if (prefix_of_[id] >= 0) used_[static_cast<std::size_t>(prefix_of_[id])] = true;
    };
    auto mark_term = [&](TermId id) {
      const auto& t = l_.terms[id];
      if (t.kind == TermKind::Iri) mark_iri(id);
      if (t.kind == TermKind::Literal && t.language.empty() &&
          l_.terms[t.datatype].value != vocab::kXsdString &&
          !has_turtle_short_form(t.value, l_.terms[t.datatype].value)) {
        mark_iri(t.datatype);
      }
      if (t.kind == TermKind::Triple) mark_quoted(t.value);
    };
    auto mark_object = [&](TermId id) {
      if (id != l_.rdf_nil) mark_term(id);  // rdf:nil is written `()`
    };
    for (std::size_t i = 0; i < l_.quads.size(); ++i) {
      const IdQuad& q = l_.quads[i];
      const Role role = l_.roles[q.subject];
      if (role == Role::ListHead || role == Role::ListCell) {
        if (q.predicate == l_.rdf_first) mark_object(q.object);
        continue;
      }
      mark_term(q.graph);
      mark_term(q.subject);
      if (l_.folded[i]) continue;  // only its reifier shows, as `~ r` or `{| |}`
      if (q.predicate != l_.rdf_type) mark_term(q.predicate);
      mark_object(q.object);
    }
  }

  // The prefixes the terms inside a triple term are written with.
  void mark_quoted(std::string_view value) {
    const std::optional<Triple> t = triple_term_parts(value);
    if (!t) return;
    for (const Term* term : {&t->subject, &t->predicate, &t->object}) {
      std::string_view iri;
      if (term->is_iri()) iri = term->value();
      if (term->is_literal() && term->language().empty() && term->datatype() != vocab::kXsdString &&
          !has_turtle_short_form(term->value(), term->datatype())) {
        iri = term->datatype();
      }
      if (const int k = iri.empty() ? -1 : prefixes_.find(iri); k >= 0) {
        used_[static_cast<std::size_t>(k)] = true;
      }
      if (term->is_triple()) mark_quoted(term->value());
    }
  }

  void write_prefixes() {
    // Announced only when RDF 1.2 terms are there: RDF 1.1 output stays
    // byte for byte what it was.
    const bool rdf12 = std::any_of(l_.terms.begin(), l_.terms.end(), [&](const auto& t) {
      return t.kind == TermKind::Triple ||
             (t.kind == TermKind::Literal && !base_direction(t.language).empty());
    });
    if (rdf12) {
      buf_ += "VERSION \"1.2\"\n";
      wrote_block_ = true;
    }
    const PrefixList& prefixes = prefixes_.prefixes();
    for (std::size_t k = 0; k < prefixes.size(); ++k) {
      if (!used_[k]) continue;
      buf_ += "@prefix ";
      buf_ += prefixes[k].first;
      buf_ += ": ";
      append_iriref(buf_, prefixes[k].second);
      buf_ += " .\n";
      wrote_block_ = true;
    }
  }

  // A blank line between top-level blocks.
  void separate() {
    if (wrote_block_) buf_ += '\n';
    wrote_block_ = true;
  }

  void indent(int level) { buf_.append(static_cast<std::size_t>(level) * 4, ' '); }

  void write_subjects(std::size_t begin, std::size_t end, int level) {
    bool first_in_graph = true;
    for (std::size_t i = begin; i < end;) {
      const std::size_t next = l_.subject_end(i);
      const TermId subject = l_.quads[i].subject;
      // An IRI reifier whose only statement here is written as `~ r`.
      const bool all_folded = std::all_of(l_.folded.begin() + static_cast<std::ptrdiff_t>(i),
                                          l_.folded.begin() + static_cast<std::ptrdiff_t>(next),
                                          [](bool f) { return f; });
      if (l_.roles[subject] == Role::Plain && !all_folded) {
        if (level == 0) {
          separate();
        } else if (!first_in_graph) {
          buf_ += '\n';
        }
        first_in_graph = false;
        indent(level);
        append_term(subject);
        buf_ += ' ';
        write_predicates(i, next, level + 1);
        buf_ += " .\n";
        out_.maybe_flush();
      }
      i = next;
    }
  }

  // `p o1, o2 ;\n  q o3` for the statements [begin, end) of one subject;
  // continuation lines are indented to `level`.
  void write_predicates(std::size_t begin, std::size_t end, int level) {
    std::size_t previous = SIZE_MAX;
    for (std::size_t i = begin; i < end; ++i) {
      if (l_.folded[i]) continue;
      const IdQuad& q = l_.quads[i];
      if (previous == SIZE_MAX || q.predicate != l_.quads[previous].predicate) {
        if (previous != SIZE_MAX) {
          buf_ += " ;\n";
          indent(level);
        }
        if (q.predicate == l_.rdf_type) {
          buf_ += 'a';
        } else {
          append_term(q.predicate);
        }
        buf_ += ' ';
      } else {
        buf_ += ", ";
      }
      write_object(q.object, level);
      if (!l_.annotations.empty()) write_annotations(i, level);
      previous = i;
    }
  }

  // After statement `i`'s object: `{| ... |}` for each blank reifier (its
  // statements but the folded rdf:reifies), then `~ r` for each IRI one. In
  // that order: a block right after `~ r` would be r's own annotation.
  void write_annotations(std::size_t i, int level) {
    const auto found = l_.annotations.find(static_cast<std::uint32_t>(i));
    if (found == l_.annotations.end()) return;
    for (const TermId reifier : found->second) {
      if (l_.terms[reifier].kind == TermKind::Blank) write_block(reifier, level);
    }
    for (const TermId reifier : found->second) {
      if (l_.terms[reifier].kind == TermKind::Iri) {
        buf_ += " ~ ";
        append_term(reifier);
      }
    }
  }

  void write_block(TermId reifier, int level) {
    const std::size_t first = l_.first_statement[reifier];
    const std::size_t end = l_.subject_end(first);
    const bool one = end - first == 2;  // the rdf:reifies and one more
    buf_ += one ? " {| " : " {|\n";
    if (!one) indent(level + 1);
    write_predicates(first, end, level + 1);
    if (one) {
      buf_ += " |}";
    } else {
      buf_ += '\n';
      indent(level);
      buf_ += "|}";
    }
  }

  void write_object(TermId id, int level) {
    switch (l_.roles[id]) {
      case Role::Inline: {
        const std::uint32_t first = l_.first_statement[id];
        if (first == Layout::kNoStatement) {
          buf_ += "[]";
          return;
        }
        buf_ += "[\n";
        indent(level + 1);
        write_predicates(first, l_.subject_end(first), level + 1);
        buf_ += '\n';
        indent(level);
        buf_ += ']';
        return;
      }
      case Role::ListHead:
        buf_ += '(';
        for (TermId cell = id; cell != l_.rdf_nil;) {
          const std::uint32_t first = l_.first_statement[cell];
          buf_ += ' ';
          write_object(l_.quads[first].object, level);
          cell = l_.quads[first + 1].object;
        }
        buf_ += " )";
        return;
      case Role::ListCell:    // reached only through its head
      case Role::Annotation:  // never an object
      case Role::Plain:
        break;
    }
    if (id == l_.rdf_nil) {
      buf_ += "()";
    } else {
      append_term(id);
    }
  }

  void append_term(TermId id) {
    const turtle::TermEntry& t = l_.terms[id];
    switch (t.kind) {
      case TermKind::None:
        break;
      case TermKind::Iri:
        append_turtle_iri(buf_, t.value, prefix(id));
        break;
      case TermKind::Blank:
        append_blank(id);
        break;
      case TermKind::Literal: {
        const TermRef literal{TermKind::Literal, t.value, l_.terms[t.datatype].value, t.language};
        append_turtle_literal(buf_, literal, prefix(t.datatype), TurtleStrings::LongWhenMultiline);
        break;
      }
      case TermKind::Triple:
        append_triple_term(t.value);
        break;
    }
  }

  void append_blank(TermId id) {
    if (labels_.empty()) labels_.assign(l_.terms.size(), UINT32_MAX);
    if (labels_[id] == UINT32_MAX) labels_[id] = next_label_++;
    buf_ += "_:b";
    buf_ += std::to_string(labels_[id]);
  }

  // `<<( s p o )>>` with the prefixes mark_quoted() declared, and the same
  // labels for blank nodes as outside (every one inside was interned with
  // the statements).
  void append_triple_term(std::string_view value) {
    const std::optional<Triple> t = triple_term_parts(value);
    if (!t) {
      append_ntriples(buf_, TermRef{TermKind::Triple, value, {}, {}});
      return;
    }
    buf_ += "<<( ";
    for (const Term* term : {&t->subject, &t->predicate, &t->object}) {
      if (term->is_blank()) {
        append_blank(l_.quoted_blanks.at(term->value()));
      } else if (term->is_triple()) {
        append_triple_term(term->value());
      } else if (term->is_iri()) {
        append_turtle_iri(buf_, term->value(), prefix_for(term->value()));
      } else {
        append_turtle_literal(buf_, term->ref(), prefix_for(term->datatype()),
                              TurtleStrings::LongWhenMultiline);
      }
      buf_ += ' ';
    }
    buf_ += ")>>";
  }

  const PrefixList::value_type* prefix(TermId id) const {
    const int k = prefix_of_[id];
    return k < 0 ? nullptr : &prefixes_.prefixes()[static_cast<std::size_t>(k)];
  }

  const PrefixList::value_type* prefix_for(std::string_view iri) const {
    const int k = prefixes_.find(iri);
    return k < 0 ? nullptr : &prefixes_.prefixes()[static_cast<std::size_t>(k)];
  }

  const Layout& l_;
  const PrefixMap prefixes_;  // sorted by name
  Output& out_;
  std::string& buf_;
  std::vector<int> prefix_of_;         // per term: index into prefixes_, or -1
  std::vector<bool> used_;             // per prefix
  std::vector<std::uint32_t> labels_;  // per term: output blank node number
  std::uint32_t next_label_ = 0;
  bool wrote_block_ = false;
};

class TurtleWriter final : public Writer {
 public:
  TurtleWriter(const WriteOptions& options, Output& out, bool trig)
      : options_(options), out_(out), trig_(trig) {}

  void on_prefix(std::string_view name, std::string_view iri) override {
    input_prefixes_.emplace_back(name, iri);
  }

  Status on_quad(const QuadRef& quad) override {
    if (!quad.graph.is_none() && !trig_) named_graph_ = true;
    if (named_graph_) return {};  // finish() fails anyway; stop collecting
    quads_.push_back(IdQuad{intern(quad.graph, last_graph_), intern(quad.subject, last_subject_),
                            intern(quad.predicate, last_predicate_), table_.intern(quad.object)});
    if (quad.object.kind == TermKind::Triple) {
      quoted_.clear();
      collect_blank_nodes(quad.object.value, quoted_);
      for (const Term& b : quoted_) table_.intern(b.ref());
    }
    return {};
  }

  Status finish() override {
    if (named_graph_) {
      return Error{{}, "Turtle cannot hold named graphs; use --to trig or nquads"};
    }
    const Layout layout = turtle::build_layout(table_, std::move(quads_));
    quads_.clear();
    Renderer(layout, candidate_prefixes(), out_).run();
    return Status();
  }

 private:
  // Subjects, predicates and graphs come in runs: skip the hash lookup when
  // the term is the one just seen in that position.
  TermId intern(const TermRef& term, TermId& last) {
    if (last != kNoTerm && term.kind != TermKind::Literal) {
      const turtle::TermEntry& e = table_[last];
      if (e.kind == term.kind && e.value == term.value) return last;
    }
    const TermId id = table_.intern(term);
    last = id;
    return id;
  }

  // Input prefixes (the last declaration of a name wins), then the explicit
  // ones over them; names Turtle cannot spell are dropped.
  PrefixList candidate_prefixes() const {
    std::map<std::string, std::string> by_name;
    if (options_.keep_input_prefixes) {
      for (const auto& [name, iri] : input_prefixes_) by_name[name] = iri;
    }
    for (const auto& [name, iri] : options_.prefixes) by_name[name] = iri;
    PrefixList prefixes;
    for (auto& [name, iri] : by_name) {
      if (is_pn_prefix(name) && !iri.empty()) prefixes.emplace_back(name, iri);
    }
    return prefixes;
  }

  const WriteOptions options_;
  Output& out_;
  const bool trig_;
  turtle::TermTable table_;
  std::vector<Term> quoted_;  // the blank nodes inside one triple term
  std::vector<IdQuad> quads_;
  std::vector<std::pair<std::string, std::string>> input_prefixes_;
  TermId last_graph_ = kNoTerm;
  TermId last_subject_ = kNoTerm;
  TermId last_predicate_ = kNoTerm;
  bool named_graph_ = false;
};

}  // namespace

std::unique_ptr<Writer> make_turtle_writer(const WriteOptions& options, Output& out, bool trig) {
  return std::make_unique<TurtleWriter>(options, out, trig);
}

}  // namespace quiver::io
