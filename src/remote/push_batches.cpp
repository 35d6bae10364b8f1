#include "remote/push_batches.hpp"

#include <utility>

namespace quiver::remote {

BatchSink::BatchSink(GraphTarget target, std::string graph, std::size_t chunk,
                     std::function<Status(Batch&&)> emit)
    : target_(target), graph_(std::move(graph)), chunk_(chunk == 0 ? 1 : chunk),
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

void BatchSink::on_quad(const QuadRef& quad) {
  if (!status_.ok()) return;
  Pending& pending = pending_for(quad);
  line_.clear();
  append_nquads_line(line_, QuadRef{quad.subject, quad.predicate, quad.object, TermRef{}});
  ++pending.sent;
  pending.seen.insert(std::hash<std::string>{}(line_));
  const bool blank = quad.subject.kind == TermKind::Blank || quad.object.kind == TermKind::Blank;
  Batch& batch = blank ? pending.blank : pending.plain;
  batch.blank_nodes = blank;
  batch.ntriples += line_;
  ++batch.triples;
  if (!blank && batch.triples >= chunk_) emit(pending, batch);
}

Status BatchSink::finish() {
  for (Pending& pending : graphs_) {
    if (pending.plain.triples > 0) emit(pending, pending.plain);
  }
  for (Pending& pending : graphs_) {
    if (pending.blank.triples > 0) emit(pending, pending.blank);
  }
  return status_;
}

std::vector<GraphTally> BatchSink::tallies() const {
  std::vector<GraphTally> out;
  for (const Pending& pending : graphs_) {
    out.push_back({pending.graph, pending.sent, pending.seen.size()});
  }
  return out;
}

}  // namespace quiver::remote
