#include "io/raptor_reader.hpp"

#include <raptor2.h>

#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "io/source_window.hpp"
#include "terms/iri.hpp"
#include "terms/term_reader.hpp"
#include "util/ascii.hpp"

namespace quiver::io {
namespace {

struct WorldDeleter {
  void operator()(raptor_world* w) const { raptor_free_world(w); }
};
struct ParserDeleter {
  void operator()(raptor_parser* p) const { raptor_free_parser(p); }
};
struct UriDeleter {
  void operator()(raptor_uri* u) const { raptor_free_uri(u); }
};

class RaptorState {
 public:
  RaptorState(const std::string& name, const ReadOptions& options, QuadSink& sink)
      : name_(name), options_(options), sink_(sink) {}

  static void on_statement(void* handle, raptor_statement* statement);
  static void on_log(void* handle, raptor_log_message* message);

  ReadResult result;
  /// The parser, for the position of errors found in statements.
  raptor_parser* parser = nullptr;
  /// The last pages given to the parser, to place those errors.
  SourceWindow window;
  /// Set when the sink refused a statement: reading stops there.
  bool sink_failed = false;

  /// Where `needle` (or `needle2`) last appears in the window.
  SourceLocation locate(std::string_view needle, std::string_view needle2);

 private:
  bool convert(raptor_term* term, std::string& scratch, TermRef& ref);
  void fail(SourceLocation where, std::string message);

  const std::string& name_;
  const ReadOptions& options_;
  QuadSink& sink_;
  std::string scratch_[4];
};

bool RaptorState::convert(raptor_term* term, std::string& scratch, TermRef& ref) {
  if (term == nullptr) {
    ref = TermRef{};
    return true;
  }
  switch (term->type) {
    case RAPTOR_TERM_TYPE_URI: {
      std::size_t len = 0;
      const unsigned char* s = raptor_uri_as_counted_string(term->value.uri, &len);
      ref = TermRef{TermKind::Iri, {reinterpret_cast<const char*>(s), len}, {}, {}};
      return true;
    }
    case RAPTOR_TERM_TYPE_BLANK:
      scratch = options_.blank_prefix;
      scratch.append(reinterpret_cast<const char*>(term->value.blank.string),
                     term->value.blank.string_len);
      ref = TermRef{TermKind::Blank, scratch, {}, {}};
      return true;
    case RAPTOR_TERM_TYPE_LITERAL: {
      const auto& lit = term->value.literal;
      ref.kind = TermKind::Literal;
      ref.value = {reinterpret_cast<const char*>(lit.string), lit.string_len};
      ref.language = {};
      if (lit.language != nullptr && lit.language_len > 0) {
        ref.language = {reinterpret_cast<const char*>(lit.language), lit.language_len};
        ref.datatype = vocab::kRdfLangString;
      } else if (lit.datatype != nullptr) {
        std::size_t len = 0;
        const unsigned char* s = raptor_uri_as_counted_string(lit.datatype, &len);
        ref.datatype = {reinterpret_cast<const char*>(s), len};
      } else {
        ref.datatype = vocab::kXsdString;
      }
      return true;
    }
    case RAPTOR_TERM_TYPE_UNKNOWN:
      break;
  }
  return false;
}

void RaptorState::on_statement(void* handle, raptor_statement* statement) {
  auto* self = static_cast<RaptorState*>(handle);
  QuadRef q;
  // Raptor hands over what it could build: under memory pressure a term
  // may be missing (a statement written as `<s> <p>  .` before). That is
  // no statement to keep, and no input to go on with.
  if (statement->subject == nullptr || statement->predicate == nullptr ||
      statement->object == nullptr ||
      !self->convert(statement->subject, self->scratch_[0], q.subject) ||
      !self->convert(statement->predicate, self->scratch_[1], q.predicate) ||
      !self->convert(statement->object, self->scratch_[2], q.object) ||
      !self->convert(statement->graph, self->scratch_[3], q.graph)) {
    self->fail(SourceLocation{self->name_, 0, 0},
               "Raptor gave an incomplete statement (out of memory?): the read stops");
    raptor_parser_parse_abort(self->parser);
    return;
  }
  // Raptor takes IRIs with spaces, quotes or `<>`, or without a valid
  // scheme (in rdf:about, a namespace, rdf:datatype): no writer could write
  // them back as the absolute IRIs RDF wants.
  for (const TermRef* t : {&q.subject, &q.predicate, &q.object, &q.graph}) {
    const std::string_view iri = t->kind == TermKind::Iri       ? t->value
                                 : t->kind == TermKind::Literal ? t->datatype
                                                                : std::string_view();
    if (!iri.empty() && (!is_plain_iriref(iri) || !has_scheme(iri))) {
      const std::string text(iri);
      self->fail(
          self->locate(text, {}),
          "invalid IRI <" + text + ">: " +
              (is_plain_iriref(iri)
                   ? "not absolute (it must start with a scheme such as http:)"
                   : "spaces, quotes, <, >, {, }, |, ^, ` and \\ are not allowed in an IRI"));
      if (!self->options_.lax) raptor_parser_parse_abort(self->parser);
      return;
    }
  }
  // Raptor takes any xml:lang value; RDF wants the BCP 47 shape.
  if (!q.object.language.empty() && !is_language_tag(q.object.language)) {
    const std::string tag(q.object.language);
    self->fail(self->locate("xml:lang=\"" + tag + "\"", "xml:lang='" + tag + "'"),
               "malformed language tag xml:lang=\"" + tag + "\"");
    if (!self->options_.lax) raptor_parser_parse_abort(self->parser);
    return;
  }
  if (self->sink_failed) return;
  if (Status st = self->sink_.on_quad(q); !st) {
    Error error = st.error();
    if (error.where.file.empty()) error.where = SourceLocation{self->name_, 0, 0};
    if (self->options_.on_error) self->options_.on_error(error);
    self->result.add_error(std::move(error));
    self->sink_failed = true;
    raptor_parser_parse_abort(self->parser);
    return;
  }
  ++self->result.quads;
}

void RaptorState::on_log(void* handle, raptor_log_message* message) {
  auto* self = static_cast<RaptorState*>(handle);
  // Raptor only warns about rdf:aboutEach and rdf:aboutEachPrefix and skips
  // them, but RDF/XML 1.1 forbids both (W3C rdfms-abouteach-error001/002).
  const bool forbidden_old_term =
      message->text != nullptr && std::strstr(message->text, "aboutEach") != nullptr;
  if (message->level < RAPTOR_LOG_LEVEL_ERROR && !forbidden_old_term) return;
  SourceLocation where{self->name_, 0, 0};
  if (message->locator != nullptr) {
    if (message->locator->line > 0) where.line = static_cast<std::uint64_t>(message->locator->line);
    if (message->locator->column > 0) {
      where.column = static_cast<std::uint64_t>(message->locator->column);
    }
  }
  self->fail(where, message->text != nullptr ? message->text : "RDF/XML error");
}

// Raptor knows the line it is on but no column: the window finds the text.
SourceLocation RaptorState::locate(std::string_view needle, std::string_view needle2) {
  if (const auto found = window.locate_token(needle, needle2)) {
    return {name_, found->first, found->second};
  }
  SourceLocation where{name_, 0, 0};
  if (const raptor_locator* at = raptor_parser_get_locator(parser); at != nullptr && at->line > 0) {
    where.line = static_cast<std::uint64_t>(at->line);
  }
  return where;
}

void RaptorState::fail(SourceLocation where, std::string message) {
  Error e{ErrorKind::Syntax, std::move(where), std::move(message)};
  if (options_.on_error) options_.on_error(e);
  result.add_error(std::move(e));
  if (options_.lax) ++result.skipped;
}

/// The name of the first external entity (`<!ENTITY [%] name SYSTEM ...`
/// or `PUBLIC`) declared in `text`, or nullopt.
std::optional<std::string> external_entity(std::string_view text) {
  for (std::size_t at = text.find("<!ENTITY"); at != std::string_view::npos;
       at = text.find("<!ENTITY", at + 1)) {
    std::size_t p = at + 8;
    const auto skip_space = [&] {
      while (p < text.size() && is_space(text[p])) ++p;
    };
    skip_space();
    if (p < text.size() && text[p] == '%') {
      ++p;
      skip_space();
    }
    const std::size_t name = p;
    while (p < text.size() && !is_space(text[p]) && text[p] != '>') ++p;
    const std::string_view entity = text.substr(name, p - name);
    skip_space();
    const std::string_view keyword = text.substr(p, 6);
    if (keyword == "SYSTEM" || keyword == "PUBLIC") return std::string(entity);
  }
  return std::nullopt;
}

/// Watches the prolog: a DOCTYPE declaring an external entity is refused.
/// Raptor (with file and network access off, as here) replaces such an
/// entity by nothing, so `&e;` in a literal silently read as "".
class PrologCheck {
 public:
  /// Takes the next page; the entity's name once one is declared.
  std::optional<std::string> feed(std::string_view page) {
    if (done_) return std::nullopt;
    prolog_.append(page);
    auto found = external_entity(prolog_);
    // No DOCTYPE in the first page, or its internal subset closed, or past
    // 1 MiB: nothing more to watch.
    const std::size_t doctype = prolog_.find("<!DOCTYPE");
    if (doctype == std::string::npos || prolog_.find("]>", doctype) != std::string::npos ||
        prolog_.size() > (std::size_t{1} << 20)) {
      done_ = true;
      prolog_.clear();
      prolog_.shrink_to_fit();
    }
    return found;
  }

 private:
  std::string prolog_;
  bool done_ = false;
};

// RDF/XML 1.2's markers (triple terms, annotations, base directions, the
// version), in their usual spelling: Raptor 2 would read past them as RDF
// 1.1 and give other statements, so the read stops at the first one.
constexpr std::string_view kRdfXml12Markers[] = {
    "parseType=\"Triple\"",  "parseType='Triple'", "rdf:annotation=",
    "rdf:annotationNodeID=", "its:dir=",           "rdf:version="};

std::optional<std::string_view> rdfxml12_marker(std::string_view text) {
  for (const std::string_view marker : kRdfXml12Markers) {
    if (text.find(marker) != std::string_view::npos) return marker;
  }
  return std::nullopt;
}

}  // namespace

ReadResult read_with_raptor(ByteSource& source, const std::string& name, const ReadOptions& options,
                            QuadSink& sink) {
  RaptorState state(name, options, sink);
  std::unique_ptr<raptor_world, WorldDeleter> world(raptor_new_world());
  raptor_world_set_log_handler(world.get(), &state, &RaptorState::on_log);
  if (raptor_world_open(world.get()) != 0) {
    state.result.add_error(
        Error{ErrorKind::Internal, SourceLocation{name, 0, 0}, "cannot start Raptor2"});
    return std::move(state.result);
  }
  std::unique_ptr<raptor_parser, ParserDeleter> parser(raptor_new_parser(world.get(), "rdfxml"));
  state.parser = parser.get();
  raptor_parser_set_statement_handler(parser.get(), &state, &RaptorState::on_statement);
  // Never let a document pull in other files or URLs behind the user's back.
  raptor_parser_set_option(parser.get(), RAPTOR_OPTION_NO_NET, nullptr, 1);
  raptor_parser_set_option(parser.get(), RAPTOR_OPTION_NO_FILE, nullptr, 1);
  // Raptor needs a base; stdin without --base gets a stand-in one.
  const std::string base = options.base_iri.empty() ? "file:///dev/stdin" : options.base_iri;
  std::unique_ptr<raptor_uri, UriDeleter> base_uri(
      raptor_new_uri(world.get(), reinterpret_cast<const unsigned char*>(base.c_str())));
  if (raptor_parser_parse_start(parser.get(), base_uri.get()) != 0) {
    if (state.result.errors.empty()) {
      state.result.add_error(
          Error{ErrorKind::Internal, SourceLocation{name, 0, 0}, "cannot start RDF/XML parse"});
    }
    return std::move(state.result);
  }
  std::vector<char> buf(1 << 16);
  PrologCheck prolog;
  std::string seam;  // the end of the last page, where a marker may start
  for (;;) {
    const std::size_t got = source.read(buf.data(), buf.size());
    state.window.add_page(std::string_view(buf.data(), got));
    seam.append(buf.data(), std::min<std::size_t>(got, 32));
    std::optional<std::string_view> marker = rdfxml12_marker(seam);
    if (!marker) marker = rdfxml12_marker(std::string_view(buf.data(), got));
    if (marker) {
      Error e{ErrorKind::Unsupported, state.locate(*marker, {}),
              "this is RDF/XML 1.2 (" + std::string(*marker) +
                  "): Raptor 2 reads RDF/XML 1.1 only, so triple terms, annotations and base "
                  "directions cannot be read from RDF/XML here; use Turtle, TriG, N-Triples or "
                  "N-Quads 1.2"};
      if (options.on_error) options.on_error(e);
      state.result.add_error(std::move(e));
      break;
    }
    seam.assign(buf.data() + got - std::min<std::size_t>(got, 32), std::min<std::size_t>(got, 32));
    if (const auto entity = prolog.feed(std::string_view(buf.data(), got))) {
      Error e{ErrorKind::Unsupported, state.locate("<!ENTITY", {}),
              "the document declares the external entity '" + *entity +
                  "': Quiver reads no file or URL a document names (put its text in the "
                  "document instead)"};
      if (options.on_error) options.on_error(e);
      state.result.add_error(std::move(e));
      break;
    }
    const int is_end = got == 0 ? 1 : 0;
    const int rc = raptor_parser_parse_chunk(
        parser.get(), reinterpret_cast<const unsigned char*>(buf.data()), got, is_end);
    if ((rc != 0 && !options.lax) || state.sink_failed) break;
    if (is_end) break;
  }
  if (!source.error().empty()) {
    state.result.add_error(
        Error{ErrorKind::Io, SourceLocation{name, 0, 0}, "read failed: " + source.error()});
  }
  return std::move(state.result);
}

}  // namespace quiver::io
