#include "server/http_server.hpp"

#include <httplib.h>

#include "http/form.hpp"

namespace quiver::server {
namespace {

Call to_call(const httplib::Request& req) {
  Call call;
  call.method = req.method;
  call.path = req.path;
  call.accept = req.get_header_value("Accept");
  call.content_type = req.get_header_value("Content-Type");
  call.body = req.body;
  // cpp-httplib merges URL parameters and form fields into an unordered
  // multimap; re-read both in order, decoded the same way.
  const std::string& target = req.target;
  if (const auto q = target.find('?'); q != std::string::npos) {
    const std::string query = target.substr(q + 1);
    std::size_t start = 0;
    while (start <= query.size()) {
      std::size_t amp = query.find('&', start);
      if (amp == std::string::npos) amp = query.size();
      const std::string field = query.substr(start, amp - start);
      start = amp + 1;
      if (field.empty()) continue;
      const auto eq = field.find('=');
      call.params.emplace_back(http::form_decode(field.substr(0, eq)),
                               eq == std::string::npos ? "" : http::form_decode(field.substr(eq + 1)));
    }
  }
  if (req.method == "POST" && call.content_type.starts_with("application/x-www-form-urlencoded")) {
    std::size_t start = 0;
    const std::string& body = req.body;
    while (start <= body.size()) {
      std::size_t amp = body.find('&', start);
      if (amp == std::string::npos) amp = body.size();
      const std::string field = body.substr(start, amp - start);
      start = amp + 1;
      if (field.empty()) continue;
      const auto eq = field.find('=');
      call.params.emplace_back(http::form_decode(field.substr(0, eq)),
                               eq == std::string::npos ? "" : http::form_decode(field.substr(eq + 1)));
    }
  }
  return call;
}

}  // namespace

struct HttpServer::Impl {
  Impl(Service& s, HttpOptions o) : service(s), options(std::move(o)) {}
  Service& service;
  HttpOptions options;
  httplib::Server server;
};

HttpServer::HttpServer(Service& service, HttpOptions options)
    : impl_(std::make_unique<Impl>(service, std::move(options))) {
  httplib::Server& server = impl_->server;
  const int threads = impl_->options.threads > 0 ? impl_->options.threads : 1;
  server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  server.set_payload_max_length(impl_->options.max_request_bytes);
  server.set_read_timeout(30, 0);
  server.set_write_timeout(30, 0);
  Service* svc = &impl_->service;
  const auto handler = [svc](const httplib::Request& req, httplib::Response& res) {
    Reply reply = svc->handle(to_call(req));
    res.status = reply.status;
    for (const auto& [name, value] : reply.headers) res.set_header(name, value);
    if (!reply.content_type.empty()) {
      res.set_content(std::move(reply.body), reply.content_type.c_str());
    }
  };
  const std::string any = ".*";
  server.Get(any, handler);
  server.Post(any, handler);
  server.Put(any, handler);
  server.Delete(any, handler);
  server.Options(any, handler);
  server.Patch(any, handler);
  // A 413 from the payload limit carries a message, like every other error.
  server.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (res.body.empty() && res.status == 413) {
      res.set_content("the request body is larger than this server's limit (--max-request-bytes)\n",
                      "text/plain; charset=utf-8");
    }
  });
  server.set_exception_handler(
      [](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
        std::string what = "internal error";
        try {
          if (ep) std::rethrow_exception(ep);
        } catch (const std::bad_alloc&) {
          what = "out of memory";
        } catch (const std::exception& e) {
          what = e.what();
        }
        res.status = 500;
        res.set_content(what + "\n", "text/plain; charset=utf-8");
      });
}

HttpServer::~HttpServer() { stop(); }

Expected<int> HttpServer::bind() {
  httplib::Server& server = impl_->server;
  const std::string& host = impl_->options.bind;
  if (impl_->options.port == 0) {
    const int port = server.bind_to_any_port(host);
    if (port <= 0) return Error("cannot listen on " + host + " (any port)");
    return port;
  }
  if (!server.bind_to_port(host, impl_->options.port)) {
    return Error("cannot listen on " + host + ":" + std::to_string(impl_->options.port) +
                 " (in use, or not an address of this machine)");
  }
  return impl_->options.port;
}

void HttpServer::run() { impl_->server.listen_after_bind(); }

void HttpServer::stop() {
  if (impl_->server.is_running()) impl_->server.stop();
}

}  // namespace quiver::server
