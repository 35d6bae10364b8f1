#include "store/store_loader.hpp"

#include "io/pipelined_reader.hpp"

namespace quiver::store {
namespace {

// Reads with `read` into `transaction`, undoing the load on failure.
template <class Read>
Expected<std::uint64_t> load(Transaction& transaction, const io::ReadOptions& options, TermId graph,
                             Read read) {
  const Transaction::Savepoint before = transaction.savepoint();
  StoreLoader loader(transaction, graph);
  const io::ReadResult result = read(loader);
  if (auto failure = load_failure(result, options)) {
    transaction.rollback_to(before);
    return *failure;
  }
  return result.quads;
}

template <class Read>
Expected<std::uint64_t> load_committed(Store& store, const io::ReadOptions& options, TermId graph,
                                       Read read) {
  auto transaction = store.begin();
  if (!transaction) return transaction.error();
  auto loaded = load(**transaction, options, graph, read);
  if (!loaded) return loaded;
  if (Status st = (*transaction)->commit(); !st) return st.error();
  return loaded;
}

}  // namespace

// In lax mode each skipped statement logs one error; an error beyond those
// means the input itself could not be read (or the store refused).
std::optional<Error> load_failure(const io::ReadResult& result, const io::ReadOptions& options) {
  const bool failed = options.lax ? result.error_count > result.skipped : !result.ok();
  if (!failed) return std::nullopt;
  if (!options.lax) return result.errors.front();
  // The error that is not a skipped statement's: the sink's or the read's.
  for (const Error& e : result.errors) {
    if (e.kind != ErrorKind::Syntax) return e;
  }
  return result.errors.back();
}

Status StoreLoader::on_quad(const QuadRef& quad) {
  if (graph_ == kDefaultGraph) return transaction_.insert(quad);
  QuadIds ids;
  for (auto [term, id] :
       {std::pair{quad.subject, &ids.subject}, std::pair{quad.predicate, &ids.predicate},
        std::pair{quad.object, &ids.object}}) {
    auto interned = transaction_.intern(term);
    if (!interned) return interned.error();
    *id = *interned;
  }
  ids.graph = graph_;
  return transaction_.insert(ids);
}

Status StoreLoader::on_quads(std::span<const QuadRef> quads, std::size_t& taken) {
  if (graph_ == kDefaultGraph) return transaction_.insert(quads, taken);
  return QuadSink::on_quads(quads, taken);
}

Expected<std::uint64_t> load_file(Transaction& transaction, const std::string& path,
                                  const io::ReadOptions& options, TermId graph) {
  return load(transaction, options, graph,
              [&](io::QuadSink& sink) { return io::read_file_pipelined(path, options, sink); });
}

Expected<std::uint64_t> load_string(Transaction& transaction, std::string_view text,
                                    std::string_view name, const io::ReadOptions& options,
                                    TermId graph) {
  return load(transaction, options, graph,
              [&](io::QuadSink& sink) { return io::read_string(text, name, options, sink); });
}

Expected<std::uint64_t> load_file(Store& store, const std::string& path,
                                  const io::ReadOptions& options, TermId graph) {
  return load_committed(store, options, graph, [&](io::QuadSink& sink) {
    return io::read_file_pipelined(path, options, sink);
  });
}

Expected<std::uint64_t> load_file(Store& store, const std::string& path,
                                  const io::ReadOptions& options,
                                  const std::optional<std::string>& graph_iri) {
  auto transaction = store.begin();
  if (!transaction) return transaction.error();
  TermId graph = kDefaultGraph;
  if (graph_iri) {
    auto id = (*transaction)->intern(Term::iri(*graph_iri).ref());
    if (!id) return id.error();
    graph = *id;
    // A named graph exists once loaded, even from an empty file.
    if (Status st = (*transaction)->create_graph(graph); !st) return st.error();
  }
  auto loaded = load_file(**transaction, path, options, graph);
  if (!loaded) return loaded;
  if (Status st = (*transaction)->commit(); !st) return st.error();
  return loaded;
}

Expected<std::uint64_t> load_string(Store& store, std::string_view text, std::string_view name,
                                    const io::ReadOptions& options, TermId graph) {
  return load_committed(store, options, graph, [&](io::QuadSink& sink) {
    return io::read_string(text, name, options, sink);
  });
}

}  // namespace quiver::store
