#include "shacl/data_graph.hpp"

#include <algorithm>

#include "shacl/vocabulary.hpp"

namespace quiver::shacl {

DataGraph::DataGraph(const Dataset& data, TermId graph) : data_(data), graph_(graph) {
  rdf_type_ = iri(vocab::kRdfType);
  subclass_of_ = iri(kRdfsSubClassOf);
  rdf_first_ = iri(vocab::kRdfFirst);
  rdf_rest_ = iri(vocab::kRdfRest);
  rdf_nil_ = iri(vocab::kRdfNil);
}

TermId DataGraph::id(const TermRef& term) {
  if (const TermId found = data_.find_id(term); found != kAnyTerm) return found;
  Term owned(term);
  if (const auto it = local_ids_.find(owned); it != local_ids_.end()) return it->second;
  const TermId local = kFirstLocalId + locals_.size();
  locals_.push_back(std::make_unique<Term>(owned));
  local_ids_.emplace(std::move(owned), local);
  return local;
}

TermId DataGraph::id_from(const DataGraph& other, TermId id) {
  const TermRef term = other.term(id);
  if (&other.data_ == &data_ || term.kind != TermKind::Blank) return this->id(term);
  // Blank node labels are local to their dataset: a blank node of another
  // one is a node of its own here, whatever its label.
  Term foreign(TermRef{TermKind::Blank, term.value, {}, {}});
  const Term key = Term::blank("\x01" + foreign.value());
  if (const auto it = local_ids_.find(key); it != local_ids_.end()) return it->second;
  const TermId local = kFirstLocalId + locals_.size();
  locals_.push_back(std::make_unique<Term>(std::move(foreign)));
  local_ids_.emplace(key, local);
  return local;
}

TermRef DataGraph::term(TermId id) const {
  if (stored(id)) return data_.term(id);
  return locals_[id - kFirstLocalId]->ref();
}

void DataGraph::match(const QuadIds& pattern, int position, std::vector<TermId>& out) const {
  if (!stored(pattern.subject) || !stored(pattern.predicate) || !stored(pattern.object)) return;
  auto cursor = data_.match(pattern);
  QuadIds batch[256];
  while (const std::size_t n = cursor->next(batch, std::size(batch))) {
    for (std::size_t i = 0; i < n; ++i) {
      out.push_back(position == 0 ? batch[i].subject : batch[i].object);
    }
  }
}

void DataGraph::objects(TermId subject, TermId predicate, std::vector<TermId>& out) const {
  match({subject, predicate, kAnyTerm, graph_}, 2, out);
}

void DataGraph::subjects(TermId predicate, TermId object, std::vector<TermId>& out) const {
  match({kAnyTerm, predicate, object, graph_}, 0, out);
}

TermId DataGraph::object(TermId subject, TermId predicate) const {
  if (!stored(subject) || !stored(predicate)) return kAnyTerm;
  QuadIds found;
  return data_.match({subject, predicate, kAnyTerm, graph_})->next(&found, 1) != 0 ? found.object
                                                                                   : kAnyTerm;
}

void DataGraph::properties(TermId subject, std::vector<std::pair<TermId, TermId>>& out) const {
  if (!stored(subject)) return;
  auto cursor = data_.match({subject, kAnyTerm, kAnyTerm, graph_});
  QuadIds batch[256];
  const std::size_t first = out.size();
  while (const std::size_t n = cursor->next(batch, std::size(batch))) {
    for (std::size_t i = 0; i < n; ++i) out.emplace_back(batch[i].predicate, batch[i].object);
  }
  // A union of graphs is a set of triples: one holding it twice counts once.
  if (graph_ == kAnyNamedGraph || graph_ == kAnyTerm) {
    std::sort(out.begin() + static_cast<std::ptrdiff_t>(first), out.end());
    out.erase(std::unique(out.begin() + static_cast<std::ptrdiff_t>(first), out.end()), out.end());
  }
}

void DataGraph::ends_of(TermId predicate, bool objects, std::vector<TermId>& out) const {
  match({kAnyTerm, predicate, kAnyTerm, graph_}, objects ? 2 : 0, out);
}

bool DataGraph::contains(TermId subject, TermId predicate, TermId object) const {
  if (!stored(subject) || !stored(predicate) || !stored(object)) return false;
  if (graph_ != kAnyNamedGraph && graph_ != kAnyTerm) {
    return data_.contains({subject, predicate, object, graph_});
  }
  QuadIds found;
  return data_.match({subject, predicate, object, graph_})->next(&found, 1) != 0;
}

const std::unordered_set<TermId>& DataGraph::subclasses(TermId cls) {
  if (const auto it = subclasses_.find(cls); it != subclasses_.end()) return it->second;
  std::unordered_set<TermId> found{cls};
  std::vector<TermId> todo{cls};
  std::vector<TermId> next;
  while (!todo.empty()) {
    const TermId c = todo.back();
    todo.pop_back();
    next.clear();
    subjects(subclass_of_, c, next);
    for (TermId sub : next) {
      if (found.insert(sub).second) todo.push_back(sub);
    }
  }
  return subclasses_.emplace(cls, std::move(found)).first->second;
}

bool DataGraph::is_instance(TermId node, TermId cls) {
  std::vector<TermId> types;
  objects(node, rdf_type_, types);
  if (types.empty()) return false;
  const auto& accepted = subclasses(cls);
  return std::any_of(types.begin(), types.end(), [&](TermId t) { return accepted.count(t) != 0; });
}

std::vector<TermId> DataGraph::instances(TermId cls) {
  std::vector<TermId> out;
  for (TermId c : subclasses(cls)) subjects(rdf_type_, c, out);
  sort_unique(out);
  return out;
}

std::optional<std::vector<TermId>> DataGraph::list(TermId head) const {
  std::vector<TermId> members;
  std::unordered_set<TermId> seen;
  std::vector<TermId> first;
  std::vector<TermId> rest;
  while (head != rdf_nil_) {
    if (!seen.insert(head).second) return std::nullopt;
    first.clear();
    rest.clear();
    objects(head, rdf_first_, first);
    objects(head, rdf_rest_, rest);
    // The union of named graphs may hold a cell once per graph.
    sort_unique(first);
    sort_unique(rest);
    if (first.size() != 1 || rest.size() != 1) return std::nullopt;
    members.push_back(first[0]);
    head = rest[0];
  }
  return members;
}

}  // namespace quiver::shacl
