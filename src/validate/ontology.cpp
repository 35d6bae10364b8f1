#include "validate/ontology.hpp"

#include <algorithm>
#include <map>

#include "validate/vocabulary.hpp"

namespace quiver::validate {
namespace {

bool starts_with(const std::string& s, std::string_view prefix) {
  return s.compare(0, prefix.size(), prefix) == 0;
}

bool is_one_of(std::string_view value, const auto& candidates) {
  return std::find(std::begin(candidates), std::end(candidates), value) != std::end(candidates);
}

/// A cardinality literal of 1 or more (any non-zero digit in a plain
/// integer form).
bool at_least_one(const Term& count) {
  const std::string& v = count.value();
  if (!count.is_literal() || v.empty()) return false;
  if (v.find_first_not_of("+0123456789") != std::string::npos) return false;
  return v.find_first_of("123456789") != std::string::npos;
}

void add_unique(std::vector<std::string>& values, const std::string& value) {
  if (std::find(values.begin(), values.end(), value) == values.end()) values.push_back(value);
}

}  // namespace

bool is_builtin(const std::string& iri) {
  return starts_with(iri, vocab::kRdf) || starts_with(iri, vocab::kRdfs) ||
         starts_with(iri, vocab::kOwl) || starts_with(iri, vocab::kXsd);
}

Ontology::Ontology(const Corpus& corpus) {
  for (const Statement& st : corpus.statements()) {
    if (corpus.files()[st.file].role != Role::Ontology) continue;
    const Quad& q = st.quad;
    if (!q.subject.is_iri()) continue;
    const std::string& s = q.subject.value();
    const std::string& p = q.predicate.value();
    if (q.object.is_iri()) {
      const std::string& o = q.object.value();
      if (p == vocab::kRdfType) {
        if (o == vocab::kOwlClass || o == vocab::kRdfsClass) classes_.insert(s);
        if (is_one_of(o, vocab::kPropertyTypes)) properties_.insert(s);
        if (o == vocab::kRdfsDatatype) datatypes_.insert(s);
      } else if (p == vocab::kRdfsSubClassOf) {
        add_unique(super_classes_[s], o);
      } else if (p == vocab::kRdfsSubPropertyOf) {
        add_unique(super_properties_[s], o);
      } else if (p == vocab::kRdfsDomain) {
        add_unique(domains_[s], o);
      } else if (p == vocab::kRdfsRange) {
        add_unique(ranges_[s], o);
      }
    } else if (p == vocab::kRdfsLabel && q.object.is_literal()) {
      const std::string& lang = q.object.language();
      if (lang == "en" || starts_with(lang, "en-")) labels_.emplace(s, q.object.value());
    }
  }
  read_restrictions(corpus);
}

void Ontology::read_restrictions(const Corpus& corpus) {
  // Restrictions are blank nodes: gather their statements first, then read
  // the ones a class is declared a subclass of.
  std::map<Term, std::vector<const Quad*>> nodes;
  std::vector<const Quad*> subclass_links;
  for (const Statement& st : corpus.statements()) {
    if (corpus.files()[st.file].role != Role::Ontology) continue;
    const Quad& q = st.quad;
    if (q.subject.is_blank()) nodes[q.subject].push_back(&q);
    if (q.subject.is_iri() && q.predicate.value() == vocab::kRdfsSubClassOf &&
        q.object.is_blank()) {
      subclass_links.push_back(&q);
    }
  }
  for (const Quad* link : subclass_links) {
    const auto found = nodes.find(link->object);
    if (found == nodes.end()) continue;
    bool restriction = false, required = false;
    std::string property;
    for (const Quad* q : found->second) {
      const std::string& p = q->predicate.value();
      if (p == vocab::kRdfType && q->object.value() == vocab::kOwlRestriction) restriction = true;
      if (p == vocab::kOwlOnProperty && q->object.is_iri()) property = q->object.value();
      if (p == vocab::kOwlSomeValuesFrom) required = true;
      if (is_one_of(p, vocab::kOwlCardinalities) && at_least_one(q->object)) required = true;
    }
    if (restriction && required && !property.empty()) {
      requirements_.push_back({link->subject.value(), property});
    }
  }
}

bool Ontology::declares_class(const std::string& iri) const {
  return is_builtin(iri) || classes_.contains(iri);
}

bool Ontology::declares_property(const std::string& iri) const {
  return is_builtin(iri) || properties_.contains(iri);
}

bool Ontology::is_datatype(const std::string& iri) const {
  return starts_with(iri, vocab::kXsd) || is_one_of(iri, vocab::kOtherDatatypes) ||
         datatypes_.contains(iri);
}

std::vector<std::string> Ontology::collect(const Graph& values, const std::string& property) const {
  std::vector<std::string> out;
  for (const std::string& p : super_properties(property)) {
    const auto found = values.find(p);
    if (found == values.end()) continue;
    for (const std::string& v : found->second) add_unique(out, v);
  }
  std::sort(out.begin(), out.end());  // the closure is unordered; messages should not be
  return out;
}

std::vector<std::string> Ontology::domains(const std::string& property) const {
  return collect(domains_, property);
}

std::vector<std::string> Ontology::ranges(const std::string& property) const {
  return collect(ranges_, property);
}

bool Ontology::is_subclass_of(const std::string& sub, const std::string& super) const {
  if (sub == super || super == vocab::kOwlThing || super == vocab::kRdfsResource) return true;
  return closure(super_classes_, class_closure_, sub).contains(super);
}

const std::unordered_set<std::string>& Ontology::super_properties(
    const std::string& property) const {
  return closure(super_properties_, property_closure_, property);
}

const std::unordered_set<std::string>& Ontology::closure(
    const Graph& edges, std::unordered_map<std::string, std::unordered_set<std::string>>& cache,
    const std::string& start) const {
  const auto cached = cache.find(start);
  if (cached != cache.end()) return cached->second;
  std::unordered_set<std::string> seen{start};
  std::vector<std::string> todo{start};
  while (!todo.empty()) {
    const std::string next = std::move(todo.back());
    todo.pop_back();
    const auto found = edges.find(next);
    if (found == edges.end()) continue;
    for (const std::string& up : found->second) {
      if (seen.insert(up).second) todo.push_back(up);
    }
  }
  return cache.emplace(start, std::move(seen)).first->second;
}

std::string Ontology::english_label(const std::string& iri) const {
  const auto found = labels_.find(iri);
  return found == labels_.end() ? std::string() : found->second;
}

}  // namespace quiver::validate
