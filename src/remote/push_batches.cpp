#include "remote/push_batches.hpp"

#include <utility>

#include "terms/term_writer.hpp"
#include "terms/triple_term.hpp"

namespace quiver::remote {

BatchSink::BatchSink(GraphTarget target, std::string graph, std::size_t chunk,
                     std::function<Status(Batch&&)> emit)
    : target_(target),
      graph_(std::move(graph)),
      chunk_(chunk == 0 ? 1 : chunk),
      emit_(std::move(emit)) {}

BatchSink::Pending& BatchSink::pending_for(const QuadRef& quad) {
  std::string key;
  if (target_ == GraphTarget::OneGraph) {
    key = graph_;
  } else if (target_ == GraphTarget::KeepGraphs && !quad.graph.is_none()) {
    // Blank graph names become fresh graphs on the server; keep the label.
    key = std::string(quad.graph.value);
  }
  auto [it, inserted] = index_.try_emplace(key, graphs_.size());
  if (inserted) {
    graphs_.emplace_back();
    graphs_.back().graph = key;
  }
  return graphs_[it->second];
}

void BatchSink::emit(Pending& pending, Batch& batch) {
  batch.graph = pending.graph;
  batch.first = !pending.started;
  pending.started = true;
  if (status_.ok()) status_ = emit_(std::move(batch));
  const bool blank = batch.blank_nodes;
  batch = Batch{};
  batch.blank_nodes = blank;
}

Status BatchSink::on_quad(const QuadRef& quad) {
  if (!status_.ok()) return status_;
  Pending& pending = pending_for(quad);
  line_.clear();
  append_nquads_line(line_, QuadRef{quad.subject, quad.predicate, quad.object, TermRef{}});
  ++pending.sent;
  const std::size_t hash = std::hash<std::string>{}(line_);
  std::vector<std::string> labels;
  for (const TermRef& term : {quad.subject, quad.object}) {
    if (term.kind == TermKind::Blank) labels.emplace_back(term.value);
    if (term.kind == TermKind::Triple) {
      std::vector<Term> inside;
      collect_blank_nodes(term.value, inside);
      for (const Term& blank : inside) labels.push_back(blank.value());
    }
  }
  if (!labels.empty()) {
    if (pending.blank_seen.insert(hash).second) {
      pending.blank.push_back({line_, std::move(labels)});
    }
    return {};
  }
  pending.plain_seen.insert(hash);
  pending.plain.ntriples += line_;
  ++pending.plain.triples;
  if (pending.plain.triples >= chunk_) emit(pending, pending.plain);
  return status_;
}

void BatchSink::emit_blank_groups(Pending& pending) {
  // Union-find over blank labels: triples sharing a blank node (directly or
  // through others) form one group, which must travel in one request.
  std::unordered_map<std::string, std::size_t> label_index;
  std::vector<std::size_t> parent;
  const auto find = [&parent](std::size_t i) {
    while (parent[i] != i) i = parent[i] = parent[parent[i]];
    return i;
  };
  const auto node = [&](const std::string& label) {
    auto [it, inserted] = label_index.try_emplace(label, parent.size());
    if (inserted) parent.push_back(parent.size());
    return it->second;
  };
  for (const BlankTriple& t : pending.blank) {
    const std::size_t first = node(t.labels.front());
    for (std::size_t i = 1; i < t.labels.size(); ++i) {
      const std::size_t other = node(t.labels[i]);
      parent[find(other)] = find(first);
    }
  }
  std::unordered_map<std::size_t, std::vector<const BlankTriple*>> groups;
  std::vector<std::size_t> order;  // groups in order of first appearance
  for (const BlankTriple& t : pending.blank) {
    const std::size_t root = find(label_index.at(t.labels.front()));
    auto [it, inserted] = groups.try_emplace(root);
    if (inserted) order.push_back(root);
    it->second.push_back(&t);
  }
  Batch batch;
  batch.blank_nodes = true;
  for (const std::size_t root : order) {
    const auto& group = groups[root];
    if (batch.triples > 0 && batch.triples + group.size() > chunk_) emit(pending, batch);
    for (const BlankTriple* t : group) {
      batch.ntriples += t->line;
      ++batch.triples;
    }
  }
  if (batch.triples > 0) emit(pending, batch);
  pending.blank.clear();
}

Status BatchSink::finish() {
  for (Pending& pending : graphs_) {
    if (pending.plain.triples > 0) emit(pending, pending.plain);
  }
  for (Pending& pending : graphs_) {
    if (!pending.blank.empty()) emit_blank_groups(pending);
  }
  return status_;
}

std::vector<GraphTally> BatchSink::take_tallies() {
  std::vector<GraphTally> out;
  for (Pending& pending : graphs_) {
    out.push_back({pending.graph, pending.sent,
                   pending.plain_seen.size() + pending.blank_seen.size(),
                   std::move(pending.plain_seen)});
  }
  return out;
}

}  // namespace quiver::remote
