#pragma once
/// @file
/// Filling a store from the readers of src/io.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "dataset/store.hpp"
#include "io/reader.hpp"
#include "io/sink.hpp"
#include "util/expected.hpp"

namespace quiver::store {

/// A QuadSink that inserts every quad through a transaction.
class StoreLoader final : public io::QuadSink {
 public:
  /// Quads go to their own graph when `graph` is kDefaultGraph, otherwise
  /// all of them go to `graph` (a term id of the transaction's store).
  explicit StoreLoader(Transaction& transaction, TermId graph = kDefaultGraph)
      : transaction_(transaction), graph_(graph) {}

  /// Inserts the quad; a full dictionary (or no memory left) is an error
  /// value, never an exception inside a parser's callback.
  Status on_quad(const QuadRef& quad) override;
  /// Inserts the quads together (the store interns them faster so).
  Status on_quads(std::span<const QuadRef> quads, std::size_t& taken) override;

 private:
  Transaction& transaction_;
  TermId graph_;
};

/// The error that makes a read a failed load, or nullopt: any error, or in
/// lax mode one that is not a skipped statement's (the input could not be
/// read, or the store refused).
std::optional<Error> load_failure(const io::ReadResult& result, const io::ReadOptions& options);

/// Reads the file at `path` (see io::read_file) into `transaction`: quads
/// carrying their own graph (TriG, N-Quads) go to it when `graph` is
/// kDefaultGraph; otherwise everything goes to `graph`. Returns the number
/// of statements read (duplicates included), or the first error, with its
/// location; on error the transaction is rolled back to where it was
/// before the load. In lax mode skipped statements are not errors, but a
/// failure to read the file still is.
Expected<std::uint64_t> load_file(Transaction& transaction, const std::string& path,
                                  const io::ReadOptions& options, TermId graph = kDefaultGraph);

/// Like load_file, from a string named `name` in error messages.
Expected<std::uint64_t> load_string(Transaction& transaction, std::string_view text,
                                    std::string_view name, const io::ReadOptions& options,
                                    TermId graph = kDefaultGraph);

/// load_file in a transaction of its own, committed on success.
Expected<std::uint64_t> load_file(Store& store, const std::string& path,
                                  const io::ReadOptions& options, TermId graph = kDefaultGraph);

/// load_file in a transaction of its own into the named graph `graph_iri`
/// (made to exist even if the file is empty), or the default graph.
Expected<std::uint64_t> load_file(Store& store, const std::string& path,
                                  const io::ReadOptions& options,
                                  const std::optional<std::string>& graph_iri);

/// load_string in a transaction of its own, committed on success.
Expected<std::uint64_t> load_string(Store& store, std::string_view text, std::string_view name,
                                    const io::ReadOptions& options, TermId graph = kDefaultGraph);

}  // namespace quiver::store
