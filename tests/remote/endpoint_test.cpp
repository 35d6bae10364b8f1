// remote::query_endpoint against a loopback server that answers like
// Virtuoso, Fuseki or a broken endpoint would.

#include "remote/endpoint.hpp"

#include <gtest/gtest.h>
#include <httplib.h>

#include <thread>

namespace quiver::remote {
namespace {

class FakeEndpoint {
 public:
  FakeEndpoint() {
    const auto handler = [this](const httplib::Request& req, httplib::Response& res) {
      last_method_ = req.method;
      const std::string query = req.get_param_value("query");
      if (query.find("BROKEN") != std::string::npos) {
        res.status = 400;
        res.set_content("Virtuoso 37000 Error SP030: SPARQL compiler, line 1: syntax error",
                        "text/plain");
      } else if (query.starts_with("ASK")) {
        // Virtuoso without CaseMode 2 answers ASK as a one-cell table.
        res.set_content(
            R"({"head":{"vars":["__ask_retval"]},"results":{"bindings":[{"__ask_retval":{"type":"typed-literal","datatype":"http://www.w3.org/2001/XMLSchema#integer","value":"1"}}]}})",
            "application/sparql-results+json");
      } else if (query.starts_with("CONSTRUCT")) {
        res.set_content("<http://e/s> <http://e/p> \"caf\\u00E9\"@fr .\n", "text/plain");
      } else if (query.starts_with("SELECT")) {
        res.set_content(
            R"(<?xml version="1.0"?><sparql xmlns="http://www.w3.org/2005/sparql-results#"><head><variable name="x"/></head><results><result><binding name="x"><literal datatype="http://www.w3.org/2001/XMLSchema#integer">42</literal></binding></result></results></sparql>)",
            "application/sparql-results+xml; charset=UTF-8");
      } else {
        res.set_content("<html><body><h1>Welcome</h1></body></html>", "text/html");
      }
    };
    server_.Get("/sparql", handler);
    server_.Post("/sparql", handler);
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::yield();
  }
  ~FakeEndpoint() {
    server_.stop();
    thread_.join();
  }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/sparql"; }
  std::string last_method() const { return last_method_; }

 private:
  httplib::Server server_;
  std::thread thread_;
  int port_ = 0;
  std::string last_method_;
};

TEST(QueryEndpoint, ReadsXmlResultsByContentType) {
  FakeEndpoint endpoint;
  http::Client client;
  auto result = query_endpoint(client, endpoint.url(), "SELECT ?x WHERE {}", QueryForm::Select);
  ASSERT_TRUE(result.ok()) << result.error().message;
  ASSERT_EQ(result->solutions.size(), 1u);
  EXPECT_EQ(result->solutions[0][0]->value(), "42");
  EXPECT_EQ(endpoint.last_method(), "GET");
}

TEST(QueryEndpoint, LongQueriesArePosted) {
  FakeEndpoint endpoint;
  http::Client client;
  const std::string query = "SELECT ?x WHERE {} #" + std::string(5000, 'x');
  auto result = query_endpoint(client, endpoint.url(), query, QueryForm::Select);
  ASSERT_TRUE(result.ok()) << result.error().message;
  EXPECT_EQ(endpoint.last_method(), "POST");
}

TEST(QueryEndpoint, GraphsAreParsedAsNTriples) {
  FakeEndpoint endpoint;
  http::Client client;
  auto result =
      query_endpoint(client, endpoint.url(), "CONSTRUCT WHERE { ?s ?p ?o }", QueryForm::Construct);
  ASSERT_TRUE(result.ok()) << result.error().message;
  ASSERT_EQ(result->triples.size(), 1u);
  EXPECT_EQ(result->triples[0].object.value(), "caf\xC3\xA9");
  EXPECT_EQ(result->triples[0].object.language(), "fr");
}

TEST(QueryEndpoint, RefusalCarriesTheServersMessage) {
  FakeEndpoint endpoint;
  http::Client client;
  auto result = query_endpoint(client, endpoint.url(), "SELECT BROKEN", QueryForm::Select);
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.error().message.find("HTTP 400: Virtuoso 37000 Error SP030"), std::string::npos)
      << result.error().message;
}

TEST(QueryEndpoint, AskAnsweredAsTableIsAnError) {
  FakeEndpoint endpoint;
  http::Client client;
  auto result = query_endpoint(client, endpoint.url(), "ASK {}", QueryForm::Ask);
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.error().message.find("with a table"), std::string::npos);
}

TEST(QueryEndpoint, HtmlIsNotAResult) {
  FakeEndpoint endpoint;
  http::Client client;
  auto result = query_endpoint(client, endpoint.url(), "DESCRIBE <x:y>", QueryForm::Select);
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.error().message.find("'text/html'"), std::string::npos)
      << result.error().message;
}

TEST(QueryEndpoint, RefusedConnection) {
  http::Client client;
  auto result = query_endpoint(client, "http://127.0.0.1:1/sparql", "ASK {}", QueryForm::Ask);
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.error().message.find("127.0.0.1"), std::string::npos) << result.error().message;
}

TEST(CountQuery, ReadsTheNumber) {
  FakeEndpoint endpoint;
  http::Client client;
  auto n = count_query(client, endpoint.url(), "SELECT (COUNT(*) AS ?n) WHERE {}");
  ASSERT_TRUE(n.ok()) << n.error().message;
  EXPECT_EQ(*n, 42u);
}

}  // namespace
}  // namespace quiver::remote
