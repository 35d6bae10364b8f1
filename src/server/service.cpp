#include "server/service.hpp"

#include "server/query_page.hpp"
#include "util/ascii.hpp"

namespace quiver::server {

Reply text_reply(int status, std::string text) {
  if (!text.empty() && text.back() != '\n') text += '\n';
  return Reply{status, "text/plain; charset=utf-8", std::move(text), {}};
}

std::string media_type(std::string_view content_type) {
  const auto end = content_type.find(';');
  std::string_view type = content_type.substr(0, end);
  while (!type.empty() && (type.front() == ' ' || type.front() == '\t')) type.remove_prefix(1);
  while (!type.empty() && (type.back() == ' ' || type.back() == '\t')) type.remove_suffix(1);
  return ascii_lower(type);
}

std::vector<std::string> param_values(const Call& call, const std::string& name) {
  std::vector<std::string> out;
  for (const auto& [key, value] : call.params) {
    if (key == name) out.push_back(value);
  }
  return out;
}

Service::Service(engine::Engine& engine, ServiceOptions options)
    : engine_(engine), options_(options) {}

Reply Service::handle(const Call& call) {
  if (call.path == "/sparql" || call.path == "/query") return query(call);
  if (call.path == "/store") return graph_store(call);
  if (call.path == "/" || call.path == "/index.html") {
    if (call.method != "GET" && call.method != "HEAD") {
      Reply reply = text_reply(405, "the query page answers GET only");
      reply.headers.emplace_back("Allow", "GET, HEAD");
      return reply;
    }
    return Reply{200, "text/html; charset=utf-8", query_page_html(), {}};
  }
  return text_reply(404, "no such resource: " + call.path +
                             " (the SPARQL endpoint is /sparql, the Graph Store /store)");
}

}  // namespace quiver::server
