#include "server/service.hpp"

#include <algorithm>

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

std::string host_name(std::string_view host) {
  if (const auto scheme = host.find("://"); scheme != std::string_view::npos) {
    host.remove_prefix(scheme + 3);
  }
  std::size_t end = host.find('/');
  if (!host.empty() && host.front() == '[') {
    end = host.find(']');
    end = end == std::string_view::npos ? host.size() : end + 1;
  } else {
    end = std::min(end, host.find(':'));
  }
  return ascii_lower(host.substr(0, end));
}

std::optional<Reply> Service::refuse_foreign(const Call& call) const {
  const auto allowed = [&](const std::string& name) {
    return options_.allowed_hosts.empty() ||
           std::find(options_.allowed_hosts.begin(), options_.allowed_hosts.end(), name) !=
               options_.allowed_hosts.end();
  };
  const std::string host = host_name(call.host);
  if (!call.host.empty() && !allowed(host)) {
    return text_reply(403, "Host '" + host +
                               "' is not a name of this server (a guard against DNS "
                               "rebinding); start quiver serve with --allow-host " +
                               host + " to accept it");
  }
  // A web page may send a write to any server it names; its Origin says
  // whose page it is. Reads stay open to other origins (query pages).
  const bool write = call.method != "GET" && call.method != "HEAD" && call.method != "OPTIONS";
  if (write && !call.origin.empty() && call.origin != "null") {
    const std::string origin = host_name(call.origin);
    const bool same = options_.allowed_hosts.empty() ? origin == host : allowed(origin);
    if (!same) {
      return text_reply(403, "a write from the web page of '" + origin +
                                 "' is refused: only pages of this server may write");
    }
  } else if (write && call.origin == "null") {
    return text_reply(403, "a write from an opaque origin (Origin: null) is refused");
  }
  return std::nullopt;
}

std::optional<Reply> Service::refuse_without(const QuerySlot& slot) const {
  if (stopping_.load()) return text_reply(503, "the server is shutting down");
  if (slot.taken()) return std::nullopt;
  Reply reply = text_reply(503, "busy: " + std::to_string(options_.max_concurrent) +
                                    " queries or reads are running; try again");
  reply.headers.emplace_back("Retry-After", "1");
  return reply;
}

Reply Service::handle(const Call& call) {
  if (auto refused = refuse_foreign(call)) return std::move(*refused);
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
