// The SPARQL 1.1 Protocol's update operation (section 2.2): find the
// request (an application/sparql-update body or an update= form field),
// parse it (400 with the parser's line:col message), apply it as one
// transaction under the time limit: 204, or why not.

#include <cstdio>

#include "server/service.hpp"
#include "sparql/parser.hpp"
#include "sparql/update.hpp"

namespace quiver::server {

Reply Service::update(const Call& call) {
  if (!options_.writable) return text_reply(403, "this endpoint is read-only: no SPARQL Update");
  if (call.method != "POST") {
    Reply reply = text_reply(405, "a SPARQL Update is sent with POST");
    reply.headers.emplace_back("Allow", "POST");
    return reply;
  }
  std::vector<std::string> updates = param_values(call, "update");
  const std::string type = media_type(call.content_type);
  if (type == "application/sparql-update") {
    if (!updates.empty()) return text_reply(400, "an update in the body and an update parameter");
    updates.push_back(call.body);
  } else if (type != "application/x-www-form-urlencoded") {
    return text_reply(415,
                      "POST an update as application/sparql-update or as "
                      "application/x-www-form-urlencoded (update=...)");
  }
  if (updates.size() != 1) return text_reply(400, "give exactly one update parameter");
  const std::string& text = updates.front();
  auto parsed = sparql::parse_update(text);
  if (!parsed) {
    return text_reply(400, sparql::format_parse_error(text, parsed.error(), "<update>"));
  }
  // 2.2.3: the protocol's dataset applies to every operation with a WHERE,
  // and may not be given beside the request's own USING or WITH.
  const auto using_graphs = param_values(call, "using-graph-uri");
  const auto using_named = param_values(call, "using-named-graph-uri");
  if (!using_graphs.empty() || !using_named.empty()) {
    for (sparql::UpdateOperation& op : parsed->operations) {
      if (op.with || !op.using_graphs.empty() || !op.using_named.empty()) {
        return text_reply(400,
                          "using-graph-uri / using-named-graph-uri and an operation's own USING "
                          "or WITH: give one");
      }
      op.using_graphs = using_graphs;
      op.using_named = using_named;
    }
  }
  engine::UpdateOptions options;
  options.timeout = options_.timeout;
  options.cancel = &stopping_;
  options.load = options_.load;
  options.union_default_graph = options_.union_default_graph;
  options.service = options_.service;
  const auto done = engine_.update(*parsed, options);
  if (done) return Reply{204, {}, {}, {}};
  const Error& error = done.error();
  switch (error.kind) {
    case ErrorKind::Timeout: {
      char seconds[32];
      std::snprintf(seconds, sizeof seconds, "%g",
                    static_cast<double>(options_.timeout.count()) / 1000);
      return text_reply(503, std::string("update timed out after ") + seconds +
                                 " s (the server's --timeout); nothing was applied");
    }
    case ErrorKind::Cancelled:
      return text_reply(503, "the server is shutting down; nothing was applied");
    case ErrorKind::Unsupported:
      return text_reply(403, error.message);
    case ErrorKind::Limit:
    case ErrorKind::Corrupt:
    case ErrorKind::Internal:
      return text_reply(500, error.message);
    default:
      return text_reply(400, error.to_string());
  }
}

}  // namespace quiver::server
