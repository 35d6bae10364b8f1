// DOT (Graphviz) output, for pictures of a graph: `quiver convert --to dot`
// then `dot -Tsvg`. Collects the triples (graph names are dropped, a triple
// stated in several graphs is drawn once) and writes them sorted, so the same
// input always gives the same bytes.
//
// Readability over completeness: a resource is labelled with its
// rdfs:label (English first) or schema:name, else its prefixed name, else
// the last segment of its IRI; those label triples are not drawn again, and
// rdf:type becomes a second line of the node's label instead of an edge.
// Literals are boxes, one per statement, long ones shortened. How the
// resources of a class stand out (the article's claims as yellow notes with
// dashed edges) is the caller's style table (dot_style.hpp), not ours.

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "io/writers_internal.hpp"
#include "terms/utf8.hpp"

namespace quiver::io {
namespace {

constexpr std::string_view kRdfsLabel = "http://www.w3.org/2000/01/rdf-schema#label";
constexpr std::string_view kSchemaName = "https://schema.org/name";
constexpr std::string_view kSchemaNameHttp = "http://schema.org/name";
constexpr std::size_t kMaxLiteralChars = 80;
constexpr std::size_t kWrapAt = 28;

bool is_label_predicate(std::string_view p) {
  return p == kRdfsLabel || p == kSchemaName || p == kSchemaNameHttp;
}

// How good a label is: rdfs:label@en beats schema:name beats other languages.
int label_score(std::string_view predicate, std::string_view language) {
  const bool english = language == "en" || language.starts_with("en-");
  if (predicate == kRdfsLabel) return english ? 6 : language.empty() ? 5 : 2;
  return english || language.empty() ? 4 : 1;
}

// `"` and `\` escaped for a DOT quoted string; line breaks become spaces.
std::string escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
  }
  return out;
}

// At most `max` characters (not bytes), with an ellipsis when shortened.
std::string shorten(std::string_view text, std::size_t max) {
  std::size_t chars = 0;
  for (std::size_t i = 0; i < text.size(); i = next_code_point(text, i)) {
    if (chars++ == max) return std::string(text.substr(0, i)) + "\u2026";
  }
  return std::string(text);
}

// Escaped text with `\n` breaks between words every `width` characters or so.
std::string wrap(std::string_view text, std::size_t width) {
  std::string out;
  std::size_t column = 0;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view word = text.substr(start, end - start);
    const std::size_t length = count_code_points(word);
    if (column > 0 && column + 1 + length > width) {
      out += "\\n";
      column = 0;
    } else if (column > 0) {
      out += ' ';
      ++column;
    }
    out += escape(word);
    column += length;
    start = end + 1;
  }
  return out;
}

class DotWriter final : public Writer {
 public:
  DotWriter(const WriteOptions& options, Output& out)
      : out_(out), keep_input_prefixes_(options.keep_input_prefixes), styles_(options.dot_styles) {
    add_prefix("rdf", vocab::kRdf);
    add_prefix("rdfs", "http://www.w3.org/2000/01/rdf-schema#");
    add_prefix("xsd", vocab::kXsd);
    add_prefix("owl", "http://www.w3.org/2002/07/owl#");
    for (const auto& [name, iri] : options.prefixes) add_prefix(name, iri);
  }

  void on_prefix(std::string_view name, std::string_view iri) override {
    if (keep_input_prefixes_) add_prefix(name, iri);
  }

  Status on_quad(const QuadRef& quad) override {
    triples_.insert(Triple{Term(quad.subject), Term(quad.predicate), Term(quad.object)});
    return {};
  }

  Status finish() override {
    collect_labels_and_types();
    std::string& b = out_.buffer();
    b += "digraph quiver {\n";
    b += "  graph [rankdir=LR, fontname=\"DejaVu Sans\", bgcolor=\"white\", pad=0.3];\n";
    b += "  node [fontname=\"DejaVu Sans\", fontsize=10, shape=ellipse, style=filled, ";
    b += "fillcolor=\"#e8f0fe\", color=\"#3b6ea8\"];\n";
    b += "  edge [fontname=\"DejaVu Sans\", fontsize=9, color=\"#555555\", "
         "fontcolor=\"#333333\"];\n";
    std::size_t literal_count = 0;
    for (const Triple& t : triples_) {
      if (t.predicate.value() == vocab::kRdfType && !t.object.is_literal()) continue;
      if (is_label_predicate(t.predicate.value()) && t.object.is_literal()) continue;
      const std::string from = node(t.subject);
      std::string to;
      if (t.object.is_literal()) {
        to = "l" + std::to_string(literal_count++);
        b += "  " + to + " [shape=box, fillcolor=\"#f6f6f6\", color=\"#888888\", label=\"" +
             literal_label(t.object) + "\"];\n";
      } else {
        to = node(t.object);
      }
      const DotTypeStyle* style = style_of(t.subject);
      b +=
          "  " + from + " -> " + to + " [label=\"" + escape(short_name(t.predicate.value())) + "\"";
      if (style != nullptr && !style->edge_attributes.empty()) b += ", " + style->edge_attributes;
      b += "];\n";
      out_.maybe_flush();
    }
    b += "}\n";
    return Status();
  }

 private:
  struct Label {
    int score = -1;
    std::string text;
  };

  void add_prefix(std::string_view name, std::string_view iri) {
    if (iri.empty()) return;
    prefixes_[std::string(iri)] = std::string(name);
  }

  void collect_labels_and_types() {
    for (const Triple& t : triples_) {
      const std::string& p = t.predicate.value();
      if (p == vocab::kRdfType && !t.object.is_literal()) {
        types_[t.subject].push_back(t.object);
      } else if (is_label_predicate(p) && t.object.is_literal()) {
        const int score = label_score(p, t.object.language());
        Label& best = labels_[t.subject];
        if (score > best.score || (score == best.score && t.object.value() < best.text)) {
          best = Label{score, t.object.value()};
        }
      }
    }
  }

  // The first style in the table that names one of the term's classes.
  const DotTypeStyle* style_of(const Term& term) const {
    const auto it = types_.find(term);
    if (it == types_.end()) return nullptr;
    for (const DotTypeStyle& style : styles_) {
      if (std::any_of(it->second.begin(), it->second.end(),
                      [&](const Term& type) { return type.value() == style.type; })) {
        return &style;
      }
    }
    return nullptr;
  }

  // `qv:leads` for a known namespace, else the IRI's last segment.
  std::string short_name(const std::string& iri) const {
    const std::pair<const std::string, std::string>* best = nullptr;
    for (const auto& entry : prefixes_) {
      const std::string& ns = entry.first;
      if (iri.size() > ns.size() && iri.starts_with(ns) &&
          (best == nullptr || ns.size() > best->first.size())) {
        best = &entry;
      }
    }
    if (best != nullptr) return best->second + ":" + iri.substr(best->first.size());
    const auto cut = iri.find_last_of("#/", iri.size() > 1 ? iri.size() - 2 : 0);
    if (cut == std::string::npos || cut + 1 >= iri.size()) return iri;
    return iri.substr(cut + 1);
  }

  std::string term_text(const Term& term) const {
    if (term.is_blank()) return "_:" + term.value();
    const auto label = labels_.find(term);
    if (label != labels_.end()) return label->second.text;
    return short_name(term.value());
  }

  std::string literal_label(const Term& literal) const {
    std::string text = wrap(shorten(literal.value(), kMaxLiteralChars), kWrapAt);
    if (!literal.language().empty()) {
      text += "\\n@" + escape(literal.language());
    } else if (literal.datatype() != vocab::kXsdString) {
      text += "\\n^^" + escape(short_name(literal.datatype()));
    }
    return text;
  }

  // The node id of a resource, declared with its style on first use.
  std::string node(const Term& term) {
    const auto found = ids_.find(term);
    if (found != ids_.end()) return found->second;
    const std::string id = "n" + std::to_string(ids_.size());
    ids_.emplace(term, id);
    std::string label = wrap(term_text(term), kWrapAt);
    const auto types = types_.find(term);
    if (types != types_.end()) {
      std::string names;
      for (const Term& type : types->second) {
        names += (names.empty() ? "" : ", ") + term_text(type);
      }
      label += "\\n(" + escape(names) + ")";
    }
    std::string& b = out_.buffer();
    b += "  " + id + " [label=\"" + label + "\"";
    if (!term.is_blank()) b += ", tooltip=\"" + escape(term.value()) + "\"";
    const DotTypeStyle* style = style_of(term);
    if (style != nullptr && !style->node_attributes.empty()) {
      b += ", " + style->node_attributes;
    } else if (term.is_blank()) {
      b += ", style=\"filled,dashed\"";
    }
    b += "];\n";
    return id;
  }

  Output& out_;
  bool keep_input_prefixes_;
  const DotStyles styles_;
  std::map<std::string, std::string> prefixes_;  // namespace IRI -> name
  std::set<Triple> triples_;
  std::map<Term, Label> labels_;
  std::map<Term, std::vector<Term>> types_;
  std::map<Term, std::string> ids_;
};

}  // namespace

std::unique_ptr<Writer> make_dot_writer(const WriteOptions& options, Output& out) {
  return std::make_unique<DotWriter>(options, out);
}

}  // namespace quiver::io
