#include "store/store_loader.hpp"

#include <new>
#include <stdexcept>

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

Status StoreLoader::on_quad(const QuadRef& quad) {
  try {
    if (graph_ == kDefaultGraph) {
      store_.add(quad);
      return {};
    }
    QuadIds ids;
    ids.subject = store_.intern(quad.subject);
    ids.predicate = store_.intern(quad.predicate);
    ids.object = store_.intern(quad.object);
    ids.graph = graph_;
    store_.add(ids);
    return {};
  } catch (const std::bad_alloc&) {
    return Error(ErrorKind::Limit, "out of memory while loading");
  } catch (const std::length_error& e) {
    return Error(ErrorKind::Limit, std::string("the store is full: ") + e.what());
  }
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
