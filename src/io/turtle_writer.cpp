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
#include <unordered_map>
#include <utility>
#include <vector>

#include "io/turtle_layout.hpp"
#include "io/writers_internal.hpp"
#include "util/ascii.hpp"

namespace quiver::io {
namespace {

using turtle::IdQuad;
using turtle::kNoTerm;
using turtle::Layout;
using turtle::Role;
using turtle::TermId;

bool is_name_char(char c) { return is_alnum(c) || c == '_' || c == '-'; }

// PN_PREFIX, ASCII only: a letter, then letters, digits, _ - and inner dots.
bool is_pn_prefix(std::string_view name) {
  if (name.empty()) return true;
  if (!is_alpha(name.front()) || name.back() == '.') return false;
  return std::all_of(name.begin(), name.end(), [](char c) { return is_name_char(c) || c == '.'; });
}

// A conservative PN_LOCAL that needs no escapes: letters, digits, _ and -,
// inner dots, not starting with - or a dot.
bool is_pn_local(std::string_view local) {
  if (local.empty()) return true;
  if (local.front() == '-' || local.front() == '.' || local.back() == '.') return false;
  return std::all_of(local.begin(), local.end(),
                     [](char c) { return is_name_char(c) || c == '.'; });
}

// Consumes [0-9]* from `s` at `i`, returning how many digits were read.
std::size_t digits(std::string_view s, std::size_t& i) {
  const std::size_t start = i;
  while (i < s.size() && is_digit(s[i])) ++i;
  return i - start;
}

void skip_sign(std::string_view s, std::size_t& i) {
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
}

// Turtle INTEGER: [+-]? [0-9]+
bool is_turtle_integer(std::string_view s) {
  std::size_t i = 0;
  skip_sign(s, i);
  return digits(s, i) > 0 && i == s.size();
}

// Turtle DECIMAL: [+-]? [0-9]* '.' [0-9]+
bool is_turtle_decimal(std::string_view s) {
  std::size_t i = 0;
  skip_sign(s, i);
  digits(s, i);
  if (i == s.size() || s[i] != '.') return false;
  ++i;
  return digits(s, i) > 0 && i == s.size();
}

// Turtle DOUBLE: [+-]? ([0-9]+ '.' [0-9]* | '.' [0-9]+ | [0-9]+) [eE] [+-]? [0-9]+
bool is_turtle_double(std::string_view s) {
  std::size_t i = 0;
  skip_sign(s, i);
  const std::size_t whole = digits(s, i);
  std::size_t fraction = 0;
  if (i < s.size() && s[i] == '.') {
    ++i;
    fraction = digits(s, i);
  }
  if (whole == 0 && fraction == 0) return false;
  if (i == s.size() || (s[i] != 'e' && s[i] != 'E')) return false;
  ++i;
  skip_sign(s, i);
  return digits(s, i) > 0 && i == s.size();
}

// Whether a literal can be written as a bare token that reads back as
// exactly the same lexical form and datatype.
bool is_bare_literal(std::string_view lexical, std::string_view datatype) {
  if (!datatype.starts_with(vocab::kXsd)) return false;
  const std::string_view local = datatype.substr(vocab::kXsd.size());
  if (local == "integer") return is_turtle_integer(lexical);
  if (local == "decimal") return is_turtle_decimal(lexical);
  if (local == "double") return is_turtle_double(lexical);
  if (local == "boolean") return lexical == "true" || lexical == "false";
  return false;
}

void append_hex_escape(std::string& out, unsigned char c) {
  out += "\\u00";
  out += hex_digit(c >> 4);
  out += hex_digit(c);
}

bool is_iriref_char(unsigned char c) {
  return c > 0x20 && c != '<' && c != '>' && c != '"' && c != '{' && c != '}' && c != '|' &&
         c != '^' && c != '`' && c != '\\';
}

// `<iri>`, with \u escapes for characters IRIREF cannot hold.
void append_iriref(std::string& out, std::string_view iri) {
  out += '<';
  std::size_t run = 0;  // start of the pending run of plain characters
  for (std::size_t i = 0; i < iri.size(); ++i) {
    const auto c = static_cast<unsigned char>(iri[i]);
    if (is_iriref_char(c)) continue;
    out.append(iri.data() + run, i - run);
    append_hex_escape(out, c);
    run = i + 1;
  }
  out.append(iri.data() + run, iri.size() - run);
  out += '>';
}

// `"""..."""`, keeping newlines and tabs as they are; escaping every quote
// means no run of quotes can end the string early.
void append_long_string(std::string& out, std::string_view lexical) {
  out += "\"\"\"";
  for (const char ch : lexical) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '"') {
      out += "\\\"";
    } else if (c == '\r') {
      out += "\\r";
    } else if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F) {
      append_hex_escape(out, c);
    } else {
      out += ch;
    }
  }
  out += "\"\"\"";
}

struct Prefix {
  std::string name;
  std::string iri;
};

// Writes a Layout as Turtle or TriG.
class Renderer {
 public:
  Renderer(const Layout& layout, std::vector<Prefix> prefixes, Output& out)
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
  // The prefix for each IRI: the longest namespace leaving a safe local name;
  // equal namespaces go to the smallest prefix name (prefixes_ is sorted).
  void choose_prefixes() {
    std::unordered_map<std::string_view, int> by_namespace;
    std::vector<std::size_t> lengths;
    for (std::size_t k = 0; k < prefixes_.size(); ++k) {
      const std::string& iri = prefixes_[k].iri;
      if (by_namespace.emplace(iri, static_cast<int>(k)).second) lengths.push_back(iri.size());
    }
    std::sort(lengths.begin(), lengths.end(), std::greater<>());
    lengths.erase(std::unique(lengths.begin(), lengths.end()), lengths.end());
    prefix_of_.assign(l_.terms.size(), -1);
    used_.assign(prefixes_.size(), false);
    if (prefixes_.empty()) return;
    for (TermId id = 1; id < l_.terms.size(); ++id) {
      if (l_.terms[id].kind != TermKind::Iri) continue;
      const std::string_view iri = l_.terms[id].value;
      for (const std::size_t len : lengths) {
        if (len > iri.size() || !is_pn_local(iri.substr(len))) continue;
        const auto it = by_namespace.find(iri.substr(0, len));
        if (it == by_namespace.end()) continue;
        prefix_of_[id] = it->second;
        break;
      }
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
          !is_bare_literal(t.value, l_.terms[t.datatype].value)) {
        mark_iri(t.datatype);
      }
    };
    auto mark_object = [&](TermId id) {
      if (id != l_.rdf_nil) mark_term(id);  // rdf:nil is written `()`
    };
    for (const IdQuad& q : l_.quads) {
      const Role role = l_.roles[q.subject];
      if (role == Role::ListHead || role == Role::ListCell) {
        if (q.predicate == l_.rdf_first) mark_object(q.object);
        continue;
      }
      mark_term(q.graph);
      mark_term(q.subject);
      if (q.predicate != l_.rdf_type) mark_term(q.predicate);
      mark_object(q.object);
    }
  }

  void write_prefixes() {
    for (std::size_t k = 0; k < prefixes_.size(); ++k) {
      if (!used_[k]) continue;
      buf_ += "@prefix ";
      buf_ += prefixes_[k].name;
      buf_ += ": ";
      append_iriref(buf_, prefixes_[k].iri);
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
      if (l_.roles[subject] == Role::Plain) {
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
    for (std::size_t i = begin; i < end; ++i) {
      const IdQuad& q = l_.quads[i];
      if (i == begin || q.predicate != l_.quads[i - 1].predicate) {
        if (i != begin) {
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
      case Role::ListCell:  // reached only through its head
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
        append_iri(id);
        break;
      case TermKind::Blank: {
        if (labels_.empty()) labels_.assign(l_.terms.size(), UINT32_MAX);
        if (labels_[id] == UINT32_MAX) labels_[id] = next_label_++;
        buf_ += "_:b";
        buf_ += std::to_string(labels_[id]);
        break;
      }
      case TermKind::Literal: {
        const std::string_view datatype = l_.terms[t.datatype].value;
        if (t.language.empty() && is_bare_literal(t.value, datatype)) {
          buf_ += t.value;
          break;
        }
        if (t.value.find('\n') != std::string_view::npos) {
          append_long_string(buf_, t.value);
        } else {
          append_quoted_string(buf_, t.value);
        }
        if (!t.language.empty()) {
          buf_ += '@';
          buf_ += t.language;
        } else if (datatype != vocab::kXsdString) {
          buf_ += "^^";
          append_iri(t.datatype);
        }
        break;
      }
    }
  }

  void append_iri(TermId id) {
    const int k = prefix_of_[id];
    if (k < 0) {
      append_iriref(buf_, l_.terms[id].value);
      return;
    }
    const Prefix& prefix = prefixes_[static_cast<std::size_t>(k)];
    buf_ += prefix.name;
    buf_ += ':';
    buf_ += l_.terms[id].value.substr(prefix.iri.size());
  }

  const Layout& l_;
  const std::vector<Prefix> prefixes_;  // sorted by name
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

  void on_quad(const QuadRef& quad) override {
    if (!quad.graph.is_none() && !trig_) named_graph_ = true;
    if (named_graph_) return;  // finish() fails anyway; stop collecting
    quads_.push_back(IdQuad{intern(quad.graph, last_graph_), intern(quad.subject, last_subject_),
                            intern(quad.predicate, last_predicate_), table_.intern(quad.object)});
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
  std::vector<Prefix> candidate_prefixes() const {
    std::map<std::string, std::string> by_name;
    if (options_.keep_input_prefixes) {
      for (const auto& [name, iri] : input_prefixes_) by_name[name] = iri;
    }
    for (const auto& [name, iri] : options_.prefixes) by_name[name] = iri;
    std::vector<Prefix> prefixes;
    for (auto& [name, iri] : by_name) {
      if (is_pn_prefix(name) && !iri.empty()) prefixes.push_back(Prefix{name, iri});
    }
    return prefixes;
  }

  const WriteOptions options_;
  Output& out_;
  const bool trig_;
  turtle::TermTable table_;
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
