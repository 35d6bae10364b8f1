#pragma once
// A Graph Store on loopback that misbehaves on request, for testing what
// `push` does with servers that refuse, fail, drop data or lie.

#include <httplib.h>

#include <atomic>
#include <map>
#include <mutex>
#include <set>
#include <sstream>
#include <string>
#include <thread>

namespace quiver::remote::testing {

/// How the fake store behaves.
struct FakeBehaviour {
  bool store_nothing_204 = false;  ///< answer 204 to writes, keep nothing
  int fail_status = 0;             ///< answer writes with this status...
  std::string fail_body;           ///< ...and this body
  int transient_failures = 0;      ///< first N writes get 503
  int stop_after_writes = -1;      ///< close the listener after N writes
  bool drop_one = false;           ///< keep all but the last line of each write
  std::string basic_auth;          ///< "Basic xxx" required when not empty
};

/// The fake store: /store (Graph Store, N-Triples lines as a set per graph)
/// and /sparql (only the COUNT(*) queries push sends).
class FakeStore {
 public:
  explicit FakeStore(FakeBehaviour behaviour) : behaviour_(std::move(behaviour)) {
    server_.Get("/store", [this](const httplib::Request& req, httplib::Response& res) {
      std::lock_guard lock(mutex_);
      const std::string graph = graph_of(req);
      auto it = graphs_.find(graph);
      if (it == graphs_.end()) {
        res.status = 404;
        return;
      }
      std::string body;
      for (const auto& line : it->second) body += line + "\n";
      res.set_content(body, "application/n-triples");
    });
    const auto write = [this](const httplib::Request& req, httplib::Response& res) {
      std::lock_guard lock(mutex_);
      ++writes_;
      if (!behaviour_.basic_auth.empty() &&
          req.get_header_value("Authorization") != behaviour_.basic_auth) {
        res.status = 401;
        res.set_header("WWW-Authenticate", "Basic realm=\"fake\"");
        res.set_content("Unauthorized: bad credentials for realm fake", "text/plain");
        return;
      }
      if (transient_left_ > 0) {
        --transient_left_;
        res.status = 503;
        res.set_content("busy, try later", "text/plain");
        return;
      }
      if (behaviour_.fail_status != 0) {
        res.status = behaviour_.fail_status;
        res.set_content(behaviour_.fail_body, "text/plain");
        return;
      }
      if (behaviour_.stop_after_writes >= 0 && writes_ > behaviour_.stop_after_writes) {
        res.status = 503;  // this one fails, later ones are refused
        server_.stop();
        return;
      }
      if (behaviour_.store_nothing_204) {
        res.status = 204;
        return;
      }
      auto& lines = graphs_[graph_of(req)];
      if (req.method == "PUT") lines.clear();
      std::istringstream in(req.body);
      std::string line;
      std::vector<std::string> got;
      while (std::getline(in, line)) {
        if (!line.empty() && !line.starts_with("@prefix")) got.push_back(line);
      }
      if (behaviour_.drop_one && !got.empty()) got.pop_back();
      lines.insert(got.begin(), got.end());
      res.status = 204;
    };
    server_.Put("/store", write);
    server_.Post("/store", write);
    server_.Get("/sparql", [this](const httplib::Request& req, httplib::Response& res) {
      std::lock_guard lock(mutex_);
      const std::string query = req.get_param_value("query");
      std::size_t n = 0;
      const auto open = query.find("GRAPH <");
      if (open != std::string::npos) {
        const auto close = query.find('>', open);
        const std::string graph = query.substr(open + 7, close - open - 7);
        if (auto it = graphs_.find(graph); it != graphs_.end()) n = it->second.size();
      }
      res.set_content(
          R"({"head":{"vars":["n"]},"results":{"bindings":[{"n":{"type":"literal","datatype":"http://www.w3.org/2001/XMLSchema#integer","value":")" +
              std::to_string(n) + "\"}}]}}",
          "application/sparql-results+json");
    });
    transient_left_ = behaviour_.transient_failures;
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::yield();
  }
  ~FakeStore() {
    server_.stop();
    thread_.join();
  }
  std::string url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(port_) + path;
  }
  std::size_t size(const std::string& graph) {
    std::lock_guard lock(mutex_);
    auto it = graphs_.find(graph);
    return it == graphs_.end() ? 0 : it->second.size();
  }
  /// Changes the behaviour between pushes.
  void set_behaviour(FakeBehaviour behaviour) {
    std::lock_guard lock(mutex_);
    behaviour_ = std::move(behaviour);
  }
  int writes() {
    std::lock_guard lock(mutex_);
    return writes_;
  }

 private:
  static std::string graph_of(const httplib::Request& req) {
    return req.has_param("graph") ? req.get_param_value("graph") : "";
  }

  FakeBehaviour behaviour_;
  httplib::Server server_;
  std::thread thread_;
  int port_ = 0;
  std::mutex mutex_;
  std::map<std::string, std::set<std::string>> graphs_;
  int writes_ = 0;
  int transient_left_ = 0;
};

}  // namespace quiver::remote::testing
