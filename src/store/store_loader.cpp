#include "store/store_loader.hpp"

namespace quiver::store {
namespace {

/// Reads with `read` into `store`, undoing every change on failure.
template <class Read>
Expected<std::uint64_t> load(MemoryStore& store, const io::ReadOptions& options, TermId graph,
                             Read read) {
  const MemoryStore::Checkpoint before = store.checkpoint();
  StoreLoader loader(store, graph);
  const io::ReadResult result = read(loader);
  // In lax mode each skipped statement logs one error; an error beyond
  // those (the last one) means the input itself could not be read.
  const bool failed = options.lax ? result.errors.size() > result.skipped : !result.ok();
  if (failed) {
    store.rollback(before);
    return options.lax ? result.errors.back() : result.errors.front();
  }
  return result.quads;
}

}  // namespace

void StoreLoader::on_quad(const QuadRef& quad) {
  if (graph_ == kDefaultGraph) {
    store_.add(quad);
    return;
  }
  QuadIds ids;
  ids.subject = store_.intern(quad.subject);
  ids.predicate = store_.intern(quad.predicate);
  ids.object = store_.intern(quad.object);
  ids.graph = graph_;
  store_.add(ids);
}

Expected<std::uint64_t> load_file(MemoryStore& store, const std::string& path,
                                  const io::ReadOptions& options, TermId graph) {
  return load(store, options, graph,
              [&](io::QuadSink& sink) { return io::read_file(path, options, sink); });
}

Expected<std::uint64_t> load_string(MemoryStore& store, std::string_view text,
                                    std::string_view name, const io::ReadOptions& options,
                                    TermId graph) {
  return load(store, options, graph,
              [&](io::QuadSink& sink) { return io::read_string(text, name, options, sink); });
}

}  // namespace quiver::store
