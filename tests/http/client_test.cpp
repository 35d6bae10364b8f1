#include "http/client.hpp"

#include <gtest/gtest.h>
#include <httplib.h>

#include <atomic>
#include <string>
#include <thread>

namespace quiver::http {
namespace {

// A server on loopback, run on its own thread for one test.
class LoopbackServer {
 public:
  LoopbackServer() { port_ = server_.bind_to_any_port("127.0.0.1"); }
  ~LoopbackServer() {
    server_.stop();
    if (thread_.joinable()) thread_.join();
  }
  httplib::Server& server() { return server_; }
  void start() {
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::yield();
  }
  std::string url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(port_) + path;
  }

 private:
  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;
};

// The class: a transfer with no bound on what it keeps.
TEST(ClientTest, AnAnswerLargerThanTheLimitStopsWithALimitError) {
  LoopbackServer server;
  server.server().Get("/big", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(std::string(4 << 20, 'x'), "text/plain");
  });
  server.start();
  Client client;
  Request request;
  request.url = server.url("/big");
  request.max_response_bytes = 1 << 20;
  const Result result = client.send(request);
  const auto* failure = std::get_if<TransportError>(&result);
  ASSERT_NE(failure, nullptr);
  EXPECT_EQ(failure->error.kind, ErrorKind::Limit);
  request.max_response_bytes = 8 << 20;
  const Result whole = client.send(request);
  ASSERT_TRUE(std::holds_alternative<Response>(whole));
  EXPECT_EQ(std::get<Response>(whole).body.size(), 4u << 20);
}

// The class: a body sent to one server travelling on to another. A POST
// answered with a redirect is not followed; a GET still is.
TEST(ClientTest, RedirectsAreFollowedForReadsOnly) {
  LoopbackServer elsewhere;
  std::atomic<int> bodies{0};
  elsewhere.server().Post("/sink", [&](const httplib::Request&, httplib::Response& res) {
    ++bodies;
    res.status = 204;
  });
  elsewhere.server().Get("/sink", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("here", "text/plain");
  });
  elsewhere.start();
  LoopbackServer first;
  const std::string target = elsewhere.url("/sink");
  auto redirect = [&](const httplib::Request&, httplib::Response& res) {
    res.status = 307;
    res.set_header("Location", target);
  };
  first.server().Post("/store", redirect);
  first.server().Get("/store", redirect);
  first.start();
  Client client;
  Request post;
  post.method = "POST";
  post.url = first.url("/store");
  post.body = "<http://e/secret> <http://e/p> 1 .";
  const Result posted = client.send(post);
  ASSERT_TRUE(std::holds_alternative<Response>(posted));
  EXPECT_EQ(std::get<Response>(posted).status, 307);
  EXPECT_EQ(bodies.load(), 0);
  Request get;
  get.url = first.url("/store");
  const Result got = client.send(get);
  ASSERT_TRUE(std::holds_alternative<Response>(got));
  EXPECT_EQ(std::get<Response>(got).body, "here");
}

}  // namespace
}  // namespace quiver::http
