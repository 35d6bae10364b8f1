// Facts and Namer (checks.hpp): the indexes and names the checks share.

#include <algorithm>

#include "terms/term_writer.hpp"
#include "util/ascii.hpp"
#include "validate/checks.hpp"
#include "validate/vocabulary.hpp"

namespace quiver::validate {
namespace {

/// Whether `local` can follow `prefix:` unescaped (a conservative subset of
/// Turtle's PN_LOCAL).
bool plain_local(std::string_view local) {
  if (local.empty()) return true;
  if (local.back() == '.' || local.front() == '-' || local.front() == '.') return false;
  return std::all_of(local.begin(), local.end(), [](char c) {
    return static_cast<unsigned char>(c) >= 0x80 || is_alnum(c) || c == '_' || c == '-' || c == '.';
  });
}

/// A blank node label without the `fN_` the corpus gave it.
std::string_view original_label(std::string_view label) {
  if (label.size() > 2 && label[0] == 'f') {
    const std::size_t underscore = label.find('_');
    if (underscore != std::string_view::npos && underscore > 1 &&
        label.substr(1, underscore - 1).find_first_not_of("0123456789") == std::string_view::npos) {
      return label.substr(underscore + 1);
    }
  }
  return label;
}

}  // namespace

Facts::Facts(const Corpus& corpus) {
  for (const Statement& st : corpus.statements()) {
    const Quad& q = st.quad;
    predicates_[q.subject].insert(q.predicate.value());
    if (q.predicate.value() == vocab::kRdfType && q.object.is_iri()) {
      auto& types = types_[q.subject];
      if (std::find(types.begin(), types.end(), q.object.value()) == types.end()) {
        types.push_back(q.object.value());
      }
    }
  }
}

const std::vector<std::string>& Facts::types(const Term& resource) const {
  static const std::vector<std::string> kNone;
  const auto found = types_.find(resource);
  return found == types_.end() ? kNone : found->second;
}

const std::unordered_set<std::string>& Facts::predicates(const Term& subject) const {
  static const std::unordered_set<std::string> kNone;
  const auto found = predicates_.find(subject);
  return found == predicates_.end() ? kNone : found->second;
}

Namer::Namer(const Corpus& corpus) {
  for (const Role role : {Role::Data, Role::Ontology}) {
    for (const SourceFile& file : corpus.files()) {
      if (file.role != role) continue;
      for (const auto& prefix : file.prefixes) {
        const bool known = std::any_of(prefixes_.begin(), prefixes_.end(),
                                       [&](const auto& p) { return p.second == prefix.second; });
        if (!known) prefixes_.push_back(prefix);
      }
    }
  }
}

std::string Namer::iri(const std::string& iri) const {
  const std::pair<std::string, std::string>* best = nullptr;
  for (const auto& prefix : prefixes_) {
    const std::string& ns = prefix.second;
    if (iri.compare(0, ns.size(), ns) != 0 || !plain_local(std::string_view(iri).substr(ns.size())))
      continue;
    if (!best || ns.size() > best->second.size()) best = &prefix;
  }
  if (!best) return "<" + iri + ">";
  return best->first + ":" + iri.substr(best->second.size());
}

std::string Namer::term(const Term& term) const {
  if (term.is_iri()) return iri(term.value());
  if (term.is_blank()) return "_:" + std::string(original_label(term.value()));
  if (!term.is_literal()) return "(none)";
  std::string out;
  append_quoted_string(out, term.value());
  if (!term.language().empty()) return out + "@" + term.language();
  if (term.datatype() == quiver::vocab::kXsdString) return out;
  return out + "^^" + iri(term.datatype());
}

std::string Namer::list(const std::vector<std::string>& iris) const {
  std::string out;
  for (const std::string& each : iris) {
    if (!out.empty()) out += ", ";
    out += iri(each);
  }
  return out;
}

}  // namespace quiver::validate
