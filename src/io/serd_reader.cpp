#include "io/serd_reader.hpp"

#include <serd/serd.h>

#include <csetjmp>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <memory>
#include <optional>
#include <unordered_map>

#include "io/nesting_guard.hpp"
#include "io/source_window.hpp"
#include "terms/iri.hpp"
#include "terms/term_reader.hpp"
#include "terms/utf8.hpp"

namespace quiver::io {
namespace {

constexpr std::size_t kPageSize = 1 << 16;

std::string_view view(const SerdNode* node) {
  return {reinterpret_cast<const char*>(node->buf), node->n_bytes};
}

// A lax read gives up on input with more than one error per this many
// bytes (once past the first errors): a few bad lines in a large file stay
// well below it, binary garbage goes far above.
constexpr std::uint64_t kBytesPerError = 64;
constexpr std::uint64_t kMaxErrorsBeforeDensity = 1000;

class SerdState {
 public:
  SerdState(ByteSource& source, const std::string& name, const ReadOptions& options, QuadSink& sink)
      : source_(source), name_(name), options_(options), sink_(sink), base_(options.base_iri) {
    if (options.format == Format::Turtle || options.format == Format::TriG) guard_.emplace();
  }

  ReadResult run();

 private:
  // Serd callbacks.
  static SerdStatus on_base(void* handle, const SerdNode* uri);
  static SerdStatus on_prefix(void* handle, const SerdNode* name, const SerdNode* uri);
  static SerdStatus on_statement(void* handle, SerdStatementFlags flags, const SerdNode* graph,
                                 const SerdNode* subject, const SerdNode* predicate,
                                 const SerdNode* object, const SerdNode* datatype,
                                 const SerdNode* lang);
  static SerdStatus on_error(void* handle, const SerdError* error);
  static std::size_t on_read(void* buf, std::size_t size, std::size_t nmemb, void* stream);
  static int on_stream_error(void* stream);

  // Converts a Serd node into `ref`, using `scratch` when the text changes.
  bool convert(const SerdNode* node, std::string& scratch, TermRef& ref);
  bool convert_iri(std::string_view raw, std::string& scratch, std::string_view& out);
  bool check_text(std::string_view text, std::string_view what);
  void fail_at(std::string_view needle, std::string_view needle2, std::string message);
  void fail_at(std::pair<std::uint64_t, std::uint64_t> position, std::string message);

  ByteSource& source_;
  const std::string& name_;
  const ReadOptions& options_;
  QuadSink& sink_;
  ReadResult result_;
  SourceWindow window_;
  std::string base_;
  std::unordered_map<std::string, std::string> prefixes_;
  std::string scratch_[5];
  bool read_failed_ = false;
  // Set when the sink refused a statement or the input nests too deep:
  // nothing more is read or passed on.
  bool sink_failed_ = false;
  // Turtle and TriG only: the syntaxes whose brackets nest.
  std::optional<NestingGuard> guard_;
  // Bytes given to Serd and errors it reported, to catch it looping.
  std::uint64_t bytes_read_ = 0;
  std::uint64_t serd_errors_ = 0;
  std::jmp_buf escape_;
};

void SerdState::fail_at(std::string_view needle, std::string_view needle2, std::string message) {
  fail_at(window_.locate_any(needle, needle2), std::move(message));
}

void SerdState::fail_at(std::pair<std::uint64_t, std::uint64_t> position, std::string message) {
  const auto [line, col] = position;
  Error error{ErrorKind::Syntax, SourceLocation{name_, line, col}, std::move(message)};
  if (options_.on_error) options_.on_error(error);
  result_.add_error(std::move(error));
  if (options_.lax) ++result_.skipped;
}

bool SerdState::check_text(std::string_view text, std::string_view what) {
  const std::size_t bad = find_invalid_utf8(text);
  if (bad == std::string_view::npos) return true;
  char lower[8] = "", upper[8] = "";
  // A surrogate, which Serd decodes from a \uD800-style escape.
  if (const auto surrogate = encoded_surrogate(text, bad)) {
    std::snprintf(lower, sizeof lower, "\\u%04x", static_cast<unsigned>(*surrogate));
    std::snprintf(upper, sizeof upper, "\\u%04X", static_cast<unsigned>(*surrogate));
  }
  if (lower[0] != '\0' && (window_.contains(lower) || window_.contains(upper))) {
    fail_at(lower, upper,
            std::string("invalid numeric escape in ") + std::string(what) + ": " +
                std::string(upper) + " is a surrogate, not a character");
  } else {
    const std::string_view raw = text.substr(bad, std::min<std::size_t>(4, text.size() - bad));
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(text[bad]));
    fail_at(raw, {}, std::string("invalid UTF-8 in ") + std::string(what) + " (byte " + hex + ")");
  }
  return false;
}

bool SerdState::convert_iri(std::string_view raw, std::string& scratch, std::string_view& out) {
  if (!check_text(raw, "IRI")) return false;
  // Characters that IRIREF excludes, also when they arrive through \u escapes.
  if (!is_plain_iriref(raw)) {
    fail_at(raw, {}, "invalid character in IRI <" + std::string(raw) + ">");
    return false;
  }
  if (has_scheme(raw)) {
    out = raw;
    return true;
  }
  if (base_.empty()) {
    fail_at(raw, {}, "relative IRI <" + std::string(raw) + "> and no base IRI (use --base)");
    return false;
  }
  scratch.clear();
  resolve_iri(scratch, base_, raw);
  out = scratch;
  return true;
}

bool SerdState::convert(const SerdNode* node, std::string& scratch, TermRef& ref) {
  const std::string_view raw = view(node);
  switch (node->type) {
    case SERD_URI:
      ref.kind = TermKind::Iri;
      return convert_iri(raw, scratch, ref.value);
    case SERD_CURIE: {
      const auto colon = raw.find(':');
      const std::string_view prefix = raw.substr(0, colon);
      const auto it = prefixes_.find(std::string(prefix));
      if (it == prefixes_.end()) {
        fail_at(raw, {}, "undefined prefix '" + std::string(prefix) + ":' in " + std::string(raw));
        return false;
      }
      if (!check_text(raw, "prefixed name")) return false;
      scratch = it->second;
      scratch.append(raw.substr(colon + 1));
      ref.kind = TermKind::Iri;
      ref.value = scratch;
      return true;
    }
    case SERD_BLANK:
      // Serd 0.30 takes some labels the grammar refuses (`_:‿`: U+203F may
      // not start one), which no writer could then write back.
      if (!is_blank_node_label(raw)) {
        fail_at(raw, {}, "invalid blank node label _:" + std::string(raw));
        return false;
      }
      ref.kind = TermKind::Blank;
      if (options_.blank_prefix.empty()) {
        ref.value = raw;
      } else {
        scratch = options_.blank_prefix;
        scratch.append(raw);
        ref.value = scratch;
      }
      return true;
    case SERD_LITERAL:
      ref.kind = TermKind::Literal;
      ref.value = raw;
      return check_text(raw, "literal");
    case SERD_NOTHING:
      break;
  }
  ref.kind = TermKind::None;
  return true;
}

SerdStatus SerdState::on_base(void* handle, const SerdNode* uri) {
  auto* self = static_cast<SerdState*>(handle);
  const std::string_view raw = view(uri);
  if (!self->check_text(raw, "base IRI")) return SERD_ERR_BAD_SYNTAX;
  if (has_scheme(raw)) {
    self->base_.assign(raw);
  } else if (!self->base_.empty()) {
    self->base_ = resolve_iri(self->base_, raw);
  } else {
    self->fail_at(raw, {},
                  "relative base IRI <" + std::string(raw) + "> with no base to resolve it");
    return SERD_ERR_BAD_SYNTAX;
  }
  return SERD_SUCCESS;
}

SerdStatus SerdState::on_prefix(void* handle, const SerdNode* name, const SerdNode* uri) {
  auto* self = static_cast<SerdState*>(handle);
  std::string_view iri;
  if (!self->convert_iri(view(uri), self->scratch_[0], iri)) return SERD_ERR_BAD_SYNTAX;
  std::string key(view(name));
  self->prefixes_[key] = std::string(iri);
  self->sink_.on_prefix(key, iri);
  return SERD_SUCCESS;
}

SerdStatus SerdState::on_statement(void* handle, SerdStatementFlags, const SerdNode* graph,
                                   const SerdNode* subject, const SerdNode* predicate,
                                   const SerdNode* object, const SerdNode* datatype,
                                   const SerdNode* lang) {
  auto* self = static_cast<SerdState*>(handle);
  QuadRef q;
  bool ok = self->convert(subject, self->scratch_[0], q.subject) &&
            self->convert(predicate, self->scratch_[1], q.predicate) &&
            self->convert(object, self->scratch_[2], q.object);
  if (ok && graph != nullptr && graph->type != SERD_NOTHING) {
    ok = self->convert(graph, self->scratch_[3], q.graph);
  }
  if (ok && q.object.kind == TermKind::Literal) {
    if (lang != nullptr && lang->n_bytes > 0) {
      q.object.language = view(lang);
      q.object.datatype = vocab::kRdfLangString;
      // Serd 0.30 reads LANGTAG as [a-zA-Z]+ ('-' [a-zA-Z0-9]*)*: `en-` passes.
      if (!is_language_tag(q.object.language)) {
        const std::string tag = "@" + std::string(q.object.language);
        const auto position = self->window_.locate_token(tag);
        self->fail_at(position.value_or(self->window_.locate(tag)),
                      "malformed language tag " + tag);
        ok = false;
      }
    } else if (datatype != nullptr && datatype->type != SERD_NOTHING) {
      TermRef dt;
      ok = self->convert(datatype, self->scratch_[4], dt);
      q.object.datatype = dt.value;
    } else {
      q.object.datatype = vocab::kXsdString;
    }
  }
  if (self->sink_failed_) return SERD_ERR_INTERNAL;
  if (!ok) return SERD_ERR_BAD_SYNTAX;
  if (Status st = self->sink_.on_quad(q); !st) {
    Error error = st.error();
    if (error.where.file.empty()) {
      const auto [line, col] = self->window_.locate({});
      error.where = SourceLocation{self->name_, line, col};
    }
    if (self->options_.on_error) self->options_.on_error(error);
    self->result_.add_error(std::move(error));
    self->sink_failed_ = true;
    return SERD_ERR_INTERNAL;
  }
  ++self->result_.quads;
  return SERD_SUCCESS;
}

SerdStatus SerdState::on_error(void* handle, const SerdError* error) {
  auto* self = static_cast<SerdState*>(handle);
  // Serd 0.30's lax recovery can loop for ever near the end of a page of
  // garbage, reporting errors without reading another byte, and its stack
  // grows with every error it recovers from. Input this dense in errors is
  // not the Turtle a lax read is for: leave Serd. Nothing with a destructor
  // is alive in this frame yet, and Serd's own frames are C.
  if (++self->serd_errors_ > kMaxErrorsBeforeDensity + self->bytes_read_ / kBytesPerError) {
    std::longjmp(self->escape_, 1);
  }
  char message[512];
  va_list args;
  va_copy(args, *error->args);
  std::vsnprintf(message, sizeof message, error->fmt, args);
  va_end(args);
  std::string text(message);
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  // Serd 0.30 starts the first line at column 1 and every later one at 0,
  // counting the bytes before the error: only later lines need the + 1.
  const unsigned col = error->line == 1 ? error->col : error->col + 1;
  Error e{ErrorKind::Syntax, SourceLocation{self->name_, error->line, col}, std::move(text)};
  if (self->options_.on_error) self->options_.on_error(e);
  self->result_.add_error(std::move(e));
  if (self->options_.lax) ++self->result_.skipped;
  return SERD_SUCCESS;
}

std::size_t SerdState::on_read(void* buf, std::size_t, std::size_t nmemb, void* stream) {
  auto* self = static_cast<SerdState*>(stream);
  if (self->sink_failed_) return 0;
  char* out = static_cast<char*>(buf);
  std::size_t total = 0;
  // Serd treats a short page as the end, so fill it unless the input ends.
  while (total < nmemb) {
    const std::size_t got = self->source_.read(out + total, nmemb - total);
    if (got == 0) break;
    total += got;
  }
  self->bytes_read_ += total;
  const std::string_view page(out, total);
  // Serd recurses once per `[` and `(`: past the guard's depth the page is
  // withheld and the read ends with an error, before the stack does.
  if (self->guard_ && !self->guard_->feed(page)) {
    Error error{ErrorKind::Limit,
                SourceLocation{self->name_, self->guard_->line(), self->guard_->column()},
                "blank nodes or collections nested deeper than " +
                    std::to_string(NestingGuard::kMaxDepth) + " levels"};
    if (self->options_.on_error) self->options_.on_error(error);
    self->result_.add_error(std::move(error));
    self->sink_failed_ = true;
    return 0;
  }
  self->window_.add_page(page);
  if (total == 0 && !self->source_.error().empty()) self->read_failed_ = true;
  return total;
}

int SerdState::on_stream_error(void* stream) {
  return static_cast<SerdState*>(stream)->read_failed_ ? 1 : 0;
}

SerdSyntax serd_syntax(Format format) { return format == Format::TriG ? SERD_TRIG : SERD_TURTLE; }

ReadResult SerdState::run() {
  std::unique_ptr<SerdReader, decltype(&serd_reader_free)> reader(
      serd_reader_new(serd_syntax(options_.format), this, nullptr, &SerdState::on_base,
                      &SerdState::on_prefix, &SerdState::on_statement, nullptr),
      &serd_reader_free);
  serd_reader_set_strict(reader.get(), !options_.lax);
  serd_reader_set_error_sink(reader.get(), &SerdState::on_error, this);
  SerdStatus st = SERD_SUCCESS;
  if (setjmp(escape_) == 0) {
    st = serd_reader_read_source(reader.get(), &SerdState::on_read, &SerdState::on_stream_error,
                                 this, reinterpret_cast<const uint8_t*>(name_.c_str()), kPageSize);
  } else {
    // The read was left midway: its page buffer is freed here, the rest of
    // the reader by serd_reader_free.
    serd_reader_end_stream(reader.get());
    const auto [line, col] = window_.locate({});
    Error error{ErrorKind::Syntax, SourceLocation{name_, line, col},
                "more than one error per " + std::to_string(kBytesPerError) +
                    " bytes: this does not look like its format; the rest is not read"};
    if (options_.on_error) options_.on_error(error);
    result_.add_error(std::move(error));
    return std::move(result_);
  }
  if (read_failed_) {
    result_.add_error(
        Error{ErrorKind::Io, SourceLocation{name_, 0, 0}, "read failed: " + source_.error()});
  } else if (st > SERD_FAILURE && result_.errors.empty() && !sink_failed_) {
    const auto [line, col] = window_.locate({});
    result_.add_error(
        Error{ErrorKind::Syntax, SourceLocation{name_, line, col},
              std::string("syntax error: ") + reinterpret_cast<const char*>(serd_strerror(st))});
  }
  return std::move(result_);
}

}  // namespace

ReadResult read_with_serd(ByteSource& source, const std::string& name, const ReadOptions& options,
                          QuadSink& sink) {
  SerdState state(source, name, options, sink);
  return state.run();
}

}  // namespace quiver::io
