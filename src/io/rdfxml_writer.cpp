// RDF/XML through Raptor2's "rdfxml-abbrev" serializer (typed nodes, nested
// blank nodes). Raptor writes statements in the order it receives them, so
// the writer buffers the graph and feeds it sorted and deduplicated, with
// blank nodes renamed b0, b1, ... in that order (input labels need not be
// XML names): the same statements give the same bytes whatever their order.
//
// rdfxml-abbrev silently drops blank nodes that are only reachable from a
// cycle of blank nodes used once each (e.g. `_:a :p _:a .`); for such graphs
// we fall back to the flat "rdfxml" serializer, which writes every triple.
// Raptor also cuts literals at NUL and XML 1.0 cannot hold most control
// characters, so those are refused with an error rather than lost.
//
// Each finish() makes its own raptor_world: it costs little next to a
// serialization, and a shared static world would need locking and would
// carry log handlers across writers.

#include <raptor2.h>

#include <algorithm>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "io/writers_internal.hpp"
#include "terms/term_reader.hpp"
#include "util/ascii.hpp"

namespace quiver::io {
namespace {

using WorldPtr = std::unique_ptr<raptor_world, decltype(&raptor_free_world)>;
using IostreamPtr = std::unique_ptr<raptor_iostream, decltype(&raptor_free_iostream)>;
using SerializerPtr = std::unique_ptr<raptor_serializer, decltype(&raptor_free_serializer)>;
using UriPtr = std::unique_ptr<raptor_uri, decltype(&raptor_free_uri)>;

const unsigned char* bytes(std::string_view s) {
  return reinterpret_cast<const unsigned char*>(s.data());
}

// An XML NCName, ASCII only, that is not reserved (`xml...`).
bool is_ncname(std::string_view name) {
  if (name.empty()) return false;
  if (!is_alpha(name.front()) && name.front() != '_') return false;
  if (equal_ignore_case(name.substr(0, 3), "xml")) return false;
  return std::all_of(name.begin(), name.end(),
                     [](char c) { return is_alnum(c) || c == '_' || c == '-' || c == '.'; });
}

// Forwards Raptor's output to an Output.
int write_byte(void* context, const int byte) {
  const char c = static_cast<char>(byte);
  static_cast<Output*>(context)->write(std::string_view(&c, 1));
  return 0;
}

int write_bytes(void* context, const void* ptr, size_t size, size_t nmemb) {
  static_cast<Output*>(context)->write(
      std::string_view(static_cast<const char*>(ptr), size * nmemb));
  return 0;
}

// Version 2: Raptor 2.0.15 refuses a version 1 handler for writing.
const raptor_iostream_handler kOutputHandler = {
    2, nullptr, nullptr, write_byte, write_bytes, nullptr, nullptr, nullptr,
};

// XML 1.0 Char excludes C0 controls other than tab, newline and carriage return.
bool is_xml_text(std::string_view text) {
  return std::none_of(text.begin(), text.end(), [](char ch) {
    const auto c = static_cast<unsigned char>(ch);
    return c < 0x20 && c != '\t' && c != '\n' && c != '\r';
  });
}

// Whether some blank node is neither a root nor reachable from one, where
// rdfxml-abbrev's roots are IRIs and blank nodes not used exactly once as an
// object. `triples` is sorted, so a subject's triples are adjacent.
// How deep rdfxml-abbrev would nest blank nodes written inline (each used
// once as an object), and whether some of them hang from no root at all
// (a cycle of such nodes), which it would drop.
struct BlankNesting {
  std::size_t depth = 0;
  bool unrooted = false;
};

BlankNesting blank_nesting(const std::vector<Triple>& triples) {
  std::unordered_map<std::string, int> uses;  // blank label -> uses as object
  for (const Triple& t : triples) {
    if (t.object.is_blank()) ++uses[t.object.value()];
  }
  std::unordered_map<std::string, std::size_t> first;  // blank subject -> first triple
  for (std::size_t i = 0; i < triples.size(); ++i) {
    if (triples[i].subject.is_blank()) first.emplace(triples[i].subject.value(), i);
  }
  std::unordered_map<std::string, bool> reached;
  std::vector<std::pair<std::size_t, std::size_t>> pending;  // (first triple, depth)
  for (std::size_t i = 0; i < triples.size(); ++i) {
    const Term& s = triples[i].subject;
    if (i > 0 && triples[i - 1].subject == s) continue;
    if (!s.is_blank() || uses[s.value()] != 1) pending.emplace_back(i, 0);
  }
  BlankNesting out;
  while (!pending.empty()) {
    auto [i, depth] = pending.back();
    pending.pop_back();
    out.depth = std::max(out.depth, depth);
    for (const Term& s = triples[i].subject; i < triples.size() && triples[i].subject == s; ++i) {
      const Term& o = triples[i].object;
      if (!o.is_blank() || reached[o.value()]) continue;
      reached[o.value()] = true;
      if (const auto it = first.find(o.value()); it != first.end()) {
        pending.emplace_back(it->second, depth + 1);
      }
    }
  }
  out.unrooted = std::any_of(first.begin(), first.end(), [&](const auto& entry) {
    return uses[entry.first] == 1 && !reached[entry.first];
  });
  return out;
}

// An IRI Raptor would write as it is into an attribute or element name: a
// character an IRI cannot hold (a quote, a space, `<`) would change the
// document's meaning instead.
Status check_writable(const Term& term) {
  const auto refuse = [&](const std::string& what) -> Status {
    return Error{ErrorKind::Invalid, "cannot write " + what + " as RDF/XML: not a valid IRI"};
  };
  if (term.is_iri() && !is_plain_iriref(term.value())) return refuse("<" + term.value() + ">");
  // RDF/XML 1.2 writes these with rdf:parseType="Triple" and its:dir,
  // which Raptor 2 (RDF 1.1) cannot.
  if (term.is_triple() || !base_direction(term.language()).empty()) {
    return Error{ErrorKind::Unsupported,
                 "cannot write " + term.to_ntriples() +
                     " as RDF/XML: Raptor writes RDF 1.1 only (no triple terms, no base "
                     "directions); use Turtle, TriG, N-Triples or N-Quads"};
  }
  if (term.is_literal()) {
    if (!term.language().empty() && !is_language_tag(term.language())) {
      return Error{ErrorKind::Invalid,
                   "cannot write " + term.to_ntriples() + " as RDF/XML: not a language tag"};
    }
    if (!term.datatype().empty() && !is_plain_iriref(term.datatype())) {
      return refuse("<" + term.datatype() + ">");
    }
  }
  return {};
}

// Past this depth the abbreviated form is left for the flat one: each level
// of inline nesting indents every line below it, so a long chain of blank
// nodes grows the output with the square of its length (and Raptor's
// recursion with it).
constexpr std::size_t kMaxAbbreviatedNesting = 64;

class RdfXmlWriter final : public Writer {
 public:
  RdfXmlWriter(const WriteOptions& options, Output& out) : options_(options), out_(out) {}

  void on_prefix(std::string_view name, std::string_view iri) override {
    input_prefixes_.emplace_back(name, iri);
  }

  Status on_quad(const QuadRef& quad) override {
    if (!quad.graph.is_none()) named_graph_ = true;
    if (named_graph_) return {};  // finish() fails anyway
    triples_.push_back(Triple{Term(quad.subject), Term(quad.predicate), Term(quad.object)});
    return {};
  }

  Status finish() override;

 private:
  raptor_term* make_term(raptor_world* world, const Term& term);
  std::vector<std::pair<std::string, std::string>> used_prefixes() const;
  static void on_log(void* user_data, raptor_log_message* message);

  const WriteOptions options_;
  Output& out_;
  std::vector<Triple> triples_;
  std::vector<std::pair<std::string, std::string>> input_prefixes_;
  std::unordered_map<std::string, std::string> blank_labels_;  // input -> b0, b1, ...
  std::string error_;
  bool named_graph_ = false;
};

void RdfXmlWriter::on_log(void* user_data, raptor_log_message* message) {
  auto* self = static_cast<RdfXmlWriter*>(user_data);
  if (message->level >= RAPTOR_LOG_LEVEL_ERROR && self->error_.empty() && message->text) {
    self->error_ = message->text;
  }
}

raptor_term* RdfXmlWriter::make_term(raptor_world* world, const Term& term) {
  const std::string& v = term.value();
  switch (term.kind()) {
    case TermKind::Iri:
      return raptor_new_term_from_counted_uri_string(world, bytes(v), v.size());
    case TermKind::Blank: {
      auto [it, added] = blank_labels_.try_emplace(v);
      if (added) it->second = "b" + std::to_string(blank_labels_.size() - 1);
      return raptor_new_term_from_counted_blank(world, bytes(it->second), it->second.size());
    }
    case TermKind::Literal: {
      // xsd:string is the default: no rdf:datatype for it (RDF 1.1).
      UriPtr datatype(nullptr, raptor_free_uri);
      const std::string& dt = term.datatype();
      if (term.language().empty() && !dt.empty() && dt != vocab::kXsdString) {
        datatype.reset(raptor_new_uri_from_counted_string(world, bytes(dt), dt.size()));
      }
      const std::string& lang = term.language();
      if (lang.size() > 255) return nullptr;  // Raptor counts it in one byte
      return raptor_new_term_from_counted_literal(world, bytes(v), v.size(), datatype.get(),
                                                  lang.empty() ? nullptr : bytes(lang),
                                                  static_cast<unsigned char>(lang.size()));
    }
    case TermKind::None:
    case TermKind::Triple:  // refused by check_writable()
      break;
  }
  return nullptr;
}

// Candidate prefixes (input ones unless disabled, explicit ones winning)
// whose namespace starts some predicate or class: the IRIs RDF/XML spells
// as element names.
std::vector<std::pair<std::string, std::string>> RdfXmlWriter::used_prefixes() const {
  std::map<std::string, std::string> by_name;
  if (options_.keep_input_prefixes) {
    for (const auto& [name, iri] : input_prefixes_) by_name[name] = iri;
  }
  for (const auto& [name, iri] : options_.prefixes) by_name[name] = iri;
  std::unordered_set<std::string_view> element_iris;
  for (const Triple& t : triples_) {
    element_iris.insert(t.predicate.value());
    if (t.predicate.value() == vocab::kRdfType && t.object.is_iri()) {
      element_iris.insert(t.object.value());
    }
  }
  std::vector<std::pair<std::string, std::string>> used;
  for (const auto& [name, iri] : by_name) {
    // Raptor declares rdf: itself.
    if (!is_ncname(name) || name == "rdf" || iri.empty() || iri == vocab::kRdf) continue;
    const std::string& ns = iri;  // clang 14 cannot capture a structured binding
    if (std::any_of(element_iris.begin(), element_iris.end(),
                    [&](std::string_view e) { return e.starts_with(ns); })) {
      used.emplace_back(name, iri);
    }
  }
  return used;
}

Status RdfXmlWriter::finish() {
  if (named_graph_) {
    return Error{{}, "RDF/XML cannot hold named graphs; use --to trig or nquads"};
  }
  std::sort(triples_.begin(), triples_.end());
  triples_.erase(std::unique(triples_.begin(), triples_.end()), triples_.end());
  for (const Triple& t : triples_) {
    if (t.object.is_literal() && !is_xml_text(t.object.value())) {
      return Error{{},
                   "cannot write " + t.object.to_ntriples() +
                       " as RDF/XML: XML 1.0 cannot hold its control characters"};
    }
    for (const Term* term : {&t.subject, &t.predicate, &t.object}) {
      if (Status st = check_writable(*term); !st) return st;
    }
  }
  const BlankNesting nesting = blank_nesting(triples_);
  const char* syntax =
      nesting.unrooted || nesting.depth > kMaxAbbreviatedNesting ? "rdfxml" : "rdfxml-abbrev";

  WorldPtr world(raptor_new_world(), raptor_free_world);
  if (!world || raptor_world_open(world.get()) != 0) return Error{{}, "cannot start Raptor"};
  raptor_world_set_log_handler(world.get(), this, &RdfXmlWriter::on_log);
  IostreamPtr stream(raptor_new_iostream_from_handler(world.get(), &out_, &kOutputHandler),
                     raptor_free_iostream);
  SerializerPtr serializer(raptor_new_serializer(world.get(), syntax), raptor_free_serializer);
  if (!stream || !serializer) return Error{{}, "cannot start the Raptor RDF/XML serializer"};

  for (const auto& [name, iri] : used_prefixes()) {
    UriPtr uri(raptor_new_uri_from_counted_string(world.get(), bytes(iri), iri.size()),
               raptor_free_uri);
    raptor_serializer_set_namespace(serializer.get(), uri.get(), bytes(name));
  }
  if (raptor_serializer_start_to_iostream(serializer.get(), nullptr, stream.get()) != 0) {
    return Error{{}, "RDF/XML serializer failed to start: " + error_};
  }
  for (const Triple& t : triples_) {
    raptor_statement statement;
    raptor_statement_init(&statement, world.get());
    statement.subject = make_term(world.get(), t.subject);
    statement.predicate = make_term(world.get(), t.predicate);
    statement.object = make_term(world.get(), t.object);
    const bool made = statement.subject && statement.predicate && statement.object;
    const int failed =
        made ? raptor_serializer_serialize_statement(serializer.get(), &statement) : 1;
    raptor_statement_clear(&statement);
    if (failed != 0 || !error_.empty()) {
      return Error{{},
                   "cannot write " + t.subject.to_ntriples() + " " + t.predicate.to_ntriples() +
                       " " + t.object.to_ntriples() + " as RDF/XML" +
                       (error_.empty() ? "" : ": " + error_)};
    }
  }
  // rdfxml-abbrev does its real writing here, and reports e.g. predicates
  // that cannot be split into an XML namespace and local name.
  if (raptor_serializer_serialize_end(serializer.get()) != 0 || !error_.empty()) {
    return Error{
        {},
        "RDF/XML serializer failed: " + (error_.empty() ? std::string("unknown error") : error_)};
  }
  return Status();
}

}  // namespace

std::unique_ptr<Writer> make_rdfxml_writer(const WriteOptions& options, Output& out) {
  return std::make_unique<RdfXmlWriter>(options, out);
}

}  // namespace quiver::io
