#include "terms/triple_term.hpp"

#include "terms/term_reader.hpp"
#include "terms/term_writer.hpp"

namespace quiver {

void append_triple_term_value(std::string& out, const TermRef& s, const TermRef& p,
                              const TermRef& o) {
  append_ntriples(out, s);
  out += ' ';
  append_ntriples(out, p);
  out += ' ';
  append_ntriples(out, o);
}

namespace {

bool skip(std::string_view text, std::size_t& pos, std::string_view what) {
  if (text.substr(pos, what.size()) != what) return false;
  pos += what.size();
  return true;
}

std::optional<Triple> read_parts(std::string_view text, std::size_t& pos, int depth) {
  std::optional<Term> s = read_canonical_term(text, pos, depth);
  if (!s || !(s->is_iri() || s->is_blank()) || !skip(text, pos, " ")) return std::nullopt;
  std::optional<Term> p = read_canonical_term(text, pos, depth);
  if (!p || !p->is_iri() || !skip(text, pos, " ")) return std::nullopt;
  std::optional<Term> o = read_canonical_term(text, pos, depth);
  if (!o) return std::nullopt;
  return Triple{std::move(*s), std::move(*p), std::move(*o)};
}

}  // namespace

std::optional<Term> read_canonical_term(std::string_view text, std::size_t& pos, int depth) {
  if (pos >= text.size()) return std::nullopt;
  if (text.substr(pos).starts_with("<<( ")) {
    if (depth >= kMaxTripleTermDepth) return std::nullopt;
    pos += 4;
    std::optional<Triple> t = read_parts(text, pos, depth + 1);
    if (!t || !skip(text, pos, " )>>")) return std::nullopt;
    return Term::triple(t->subject.ref(), t->predicate.ref(), t->object.ref());
  }
  if (text[pos] == '<') {
    std::string iri;
    const TokenScan scan = read_iriref(text, pos, iri, IriEscapes::Any);
    if (scan.status != TokenScan::Status::Matched) return std::nullopt;
    pos = scan.end;
    return Term::iri(iri);
  }
  if (text.substr(pos).starts_with("_:")) {
    const std::size_t end = std::min(text.find(' ', pos), text.size());
    if (end == pos + 2) return std::nullopt;
    Term blank = Term::blank(text.substr(pos + 2, end - pos - 2));
    pos = end;
    return blank;
  }
  if (text[pos] != '"') return std::nullopt;
  std::string lexical;
  const TokenScan scan = read_quoted_string(text, pos, lexical);
  if (scan.status != TokenScan::Status::Matched) return std::nullopt;
  pos = scan.end;
  if (pos < text.size() && text[pos] == '@') {
    const std::size_t end = std::min(text.find(' ', pos), text.size());
    const std::string_view field = text.substr(pos + 1, end - pos - 1);
    if (!is_language_field(field)) return std::nullopt;
    pos = end;
    return Term::literal(lexical, {}, field);
  }
  if (text.substr(pos).starts_with("^^<")) {
    std::string datatype;
    const TokenScan dt = read_iriref(text, pos + 2, datatype, IriEscapes::Any);
    if (dt.status != TokenScan::Status::Matched) return std::nullopt;
    pos = dt.end;
    return Term::literal(lexical, datatype);
  }
  return Term::literal(lexical);
}

void collect_blank_nodes(std::string_view value, std::vector<Term>& out) {
  const std::optional<Triple> t = triple_term_parts(value);
  if (!t) return;
  for (const Term* term : {&t->subject, &t->predicate, &t->object}) {
    if (term->is_blank()) out.push_back(*term);
    if (term->is_triple()) collect_blank_nodes(term->value(), out);
  }
}

Term relabel_blank_nodes(const Term& term,
                         const std::function<std::string(std::string_view)>& label) {
  if (term.is_blank()) return Term::blank(label(term.value()));
  if (!term.is_triple()) return term;
  const std::optional<Triple> t = triple_term_parts(term.value());
  if (!t) return term;
  const Term s = relabel_blank_nodes(t->subject, label);
  const Term o = relabel_blank_nodes(t->object, label);
  return Term::triple(s.ref(), t->predicate.ref(), o.ref());
}

std::optional<Triple> triple_term_parts(std::string_view value) {
  std::size_t pos = 0;
  std::optional<Triple> t = read_parts(value, pos, 0);
  if (!t || pos != value.size()) return std::nullopt;
  return t;
}

}  // namespace quiver
