#include "terms/term.hpp"

#include "terms/term_writer.hpp"
#include "terms/triple_term.hpp"

namespace quiver {

Term Term::literal(std::string_view lexical, std::string_view datatype, std::string_view language) {
  if (datatype.empty()) {
    datatype = language.empty()                   ? vocab::kXsdString
               : base_direction(language).empty() ? vocab::kRdfLangString
                                                  : vocab::kRdfDirLangString;
  }
  return Term(TermRef{TermKind::Literal, lexical, datatype, language});
}

Term Term::triple(const TermRef& s, const TermRef& p, const TermRef& o) {
  std::string value;
  append_triple_term_value(value, s, p, o);
  return Term(TermRef{TermKind::Triple, value, {}, {}});
}

std::string_view language_without_direction(std::string_view language) {
  const std::size_t cut = language.find("--");
  return cut == std::string_view::npos ? language : language.substr(0, cut);
}

std::string_view base_direction(std::string_view language) {
  const std::size_t cut = language.find("--");
  return cut == std::string_view::npos ? std::string_view() : language.substr(cut + 2);
}

std::string Term::to_ntriples() const {
  std::string out;
  append_ntriples(out, ref());
  return out;
}

std::strong_ordering Term::operator<=>(const Term& other) const {
  if (auto c = kind_ <=> other.kind_; c != 0) return c;
  if (auto c = value_.compare(other.value_); c != 0) return c <=> 0;
  if (auto c = datatype_.compare(other.datatype_); c != 0) return c <=> 0;
  return language_.compare(other.language_) <=> 0;
}

std::size_t hash_value(const TermRef& term) {
  std::hash<std::string_view> h;
  std::size_t seed = static_cast<std::size_t>(term.kind) * 0x9E3779B97F4A7C15ULL;
  auto mix = [&](std::string_view s) {
    seed ^= h(s) + 0x9E3779B97F4A7C15ULL + (seed << 6) + (seed >> 2);
  };
  mix(term.value);
  if (term.kind == TermKind::Literal) {
    mix(term.datatype);
    mix(term.language);
  }
  return seed;
}

}  // namespace quiver
