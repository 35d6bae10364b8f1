#include "server/http_server.hpp"

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "http/form.hpp"

namespace quiver::server {
namespace {

Call to_call(const httplib::Request& req) {
  Call call;
  call.method = req.method;
  call.path = req.path;
  call.accept = req.get_header_value("Accept");
  call.content_type = req.get_header_value("Content-Type");
  call.host = req.get_header_value("Host");
  call.origin = req.get_header_value("Origin");
  call.body = req.body;
  // cpp-httplib merges URL parameters and form fields into an unordered
  // multimap; re-read both in order, decoded the same way.
  if (const auto q = req.target.find('?'); q != std::string::npos) {
    call.params = http::form_fields(std::string_view(req.target).substr(q + 1));
  }
  if (req.method == "POST" &&
      media_type(call.content_type) == "application/x-www-form-urlencoded") {
    auto fields = http::form_fields(req.body);
    call.params.insert(call.params.end(), fields.begin(), fields.end());
  }
  return call;
}

}  // namespace

struct HttpServer::Impl {
  Impl(Service& s, HttpOptions o) : service(s), options(std::move(o)) {}
  Service& service;
  HttpOptions options;
  httplib::Server server;
  // cpp-httplib's stop() does nothing before the accept loop runs; a stop
  // asked for earlier is remembered here and run() keeps asking.
  std::atomic<bool> stop_requested{false};
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
  // Two Content-Length headers that disagree, or one beside chunked
  // encoding, frame the body two ways: a proxy in front may read another
  // request than this server does (request smuggling). cpp-httplib takes
  // the first; such a request gets 400 and the connection is closed.
  server.set_pre_routing_handler([](const httplib::Request& req, httplib::Response& res) {
    const std::size_t lengths = req.get_header_value_count("Content-Length");
    bool conflicting = lengths > 0 && req.has_header("Transfer-Encoding");
    for (std::size_t i = 1; i < lengths && !conflicting; ++i) {
      conflicting =
          req.get_header_value("Content-Length", i) != req.get_header_value("Content-Length", 0);
    }
    if (!conflicting) return httplib::Server::HandlerResponse::Unhandled;
    res.status = 400;
    // The body's end is unknown, so is the next request's start: close
    // (cpp-httplib says so itself when the client asked to).
    if (req.get_header_value("Connection") != "close") res.set_header("Connection", "close");
    res.set_content("conflicting Content-Length / Transfer-Encoding headers\n",
                    "text/plain; charset=utf-8");
    return httplib::Server::HandlerResponse::Handled;
  });
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

bool HttpServer::run() {
  if (impl_->stop_requested.load()) return true;
  // Closes the window between the check above and the accept loop starting.
  std::thread watcher([this] {
    while (!impl_->server.is_running() && !impl_->stop_requested.load()) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    if (impl_->stop_requested.load()) impl_->server.stop();
  });
  const bool listened = impl_->server.listen_after_bind();
  impl_->stop_requested.store(true);
  watcher.join();
  return listened;
}

void HttpServer::stop() {
  impl_->stop_requested.store(true);
  if (impl_->server.is_running()) impl_->server.stop();
}

}  // namespace quiver::server
