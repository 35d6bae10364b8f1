#include "cli/web_loader.hpp"

#include <atomic>
#include <string>

#include "http/client.hpp"
#include "remote/endpoint.hpp"
#include "store/store_loader.hpp"

namespace quiver::cli {

engine::DocumentLoader web_loader(std::chrono::milliseconds timeout) {
  return [timeout](Transaction& transaction, const std::string& iri,
                   TermId graph) -> Expected<std::uint64_t> {
    // A client per LOAD: a server runs updates on several threads.
    http::Client client;
    auto document = remote::fetch_document(client, iri, timeout);
    if (!document) return document.error();
    static std::atomic<std::uint64_t> loads{0};
    io::ReadOptions options;
    options.format = document->format;
    options.base_iri = iri;
    options.blank_prefix = "w" + std::to_string(++loads) + "_";
    return store::load_string(transaction, document->body, iri, options, graph);
  };
}

}  // namespace quiver::cli
