#pragma once
/// @file
/// Filling a MemoryStore from the readers of src/io.

#include <cstdint>
#include <string>

#include "dataset/dataset.hpp"
#include "io/reader.hpp"
#include "io/sink.hpp"
#include "store/memory_store.hpp"
#include "util/expected.hpp"

namespace quiver::store {

/// A QuadSink that adds every quad to a store.
class StoreLoader final : public io::QuadSink {
 public:
  /// Quads go to their own graph when `graph` is kDefaultGraph, otherwise
  /// all of them go to `graph` (a term id of `store`).
  explicit StoreLoader(MemoryStore& store, TermId graph = kDefaultGraph)
      : store_(store), graph_(graph) {}

  /// Adds the quad; a full dictionary (or no memory left) is an error
  /// value, never an exception inside a parser's callback.
  Status on_quad(const QuadRef& quad) override;

 private:
  MemoryStore& store_;
  TermId graph_;
};

/// Reads the file at `path` (see io::read_file) into `store`: quads carrying
/// their own graph (TriG, N-Quads) go to it when `graph` is kDefaultGraph;
/// otherwise everything goes to `graph`. Returns the number of statements
/// read (duplicates included), or the first error, with its location; on
/// error the store is left exactly as it was. In lax mode skipped
/// statements are not errors, but a failure to read the file still is.
Expected<std::uint64_t> load_file(MemoryStore& store, const std::string& path,
                                  const io::ReadOptions& options, TermId graph = kDefaultGraph);

/// Like load_file, from a string named `name` in error messages.
Expected<std::uint64_t> load_string(MemoryStore& store, std::string_view text,
                                    std::string_view name, const io::ReadOptions& options,
                                    TermId graph = kDefaultGraph);

}  // namespace quiver::store
