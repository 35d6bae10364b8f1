// remote::push against a fake Graph Store that refuses, fails, drops data
// or lies: every failure is an error or an unbacked report, never success.

#include "remote/push.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "fake_store.hpp"

namespace quiver::remote {
namespace {

using testing::FakeBehaviour;
using testing::FakeStore;
namespace fs = std::filesystem;

FakeBehaviour behaviour(void (*set)(FakeBehaviour&)) {
  FakeBehaviour b;
  set(b);
  return b;
}

class PushTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("quiver_push_test_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // A Turtle file of `n` plain triples and, with `blanks`, a blank-node pair.
  std::string write_data(int n, bool blanks = false) {
    const fs::path path = dir_ / ("data" + std::to_string(n) + (blanks ? "b" : "") + ".ttl");
    std::ofstream out(path);
    out << "@prefix ex: <http://example.org/> .\n";
    for (int i = 0; i < n; ++i) out << "ex:s" << i << " ex:p \"v" << i << "\"@en .\n";
    if (blanks) out << "ex:a ex:q [ ex:r [ ex:t 1 ] ] .\n";
    return path.string();
  }

  PushOptions options_for(const FakeStore& store) {
    PushOptions options;
    options.endpoint = store.url("/store");
    options.target = GraphTarget::OneGraph;
    options.graph = "http://example.org/g";
    options.retry_wait = std::chrono::milliseconds(1);
    return options;
  }

  fs::path dir_;
};

TEST_F(PushTest, ChunksAreSentAndCounted) {
  FakeStore store({});
  PushOptions options = options_for(store);
  options.chunk = 10;
  options.replace = true;
  auto report = push({{write_data(25), {}}}, options);
  ASSERT_TRUE(report.ok()) << report.error().message;
  ASSERT_EQ(report->graphs.size(), 1u);
  EXPECT_EQ(report->graphs[0].sent, 25u);
  EXPECT_EQ(report->graphs[0].after, 25u);
  EXPECT_TRUE(report->backed());
  EXPECT_EQ(store.writes(), 3);
  EXPECT_EQ(report->totals.requests, 3u);
}

TEST_F(PushTest, BlankNodeTriplesTravelTogether) {
  FakeStore store({});
  PushOptions options = options_for(store);
  options.chunk = 2;
  auto report = push({{write_data(3, true), {}}}, options);
  ASSERT_TRUE(report.ok()) << report.error().message;
  // 3 plain triples in chunks of 2 (2 requests) + one request holding all
  // three blank-node triples, though the chunk is 2.
  EXPECT_EQ(store.writes(), 3);
  EXPECT_EQ(report->graphs[0].after, 6u);
  EXPECT_TRUE(report->backed());
}

TEST_F(PushTest, KeepsNamedGraphsOfTriG) {
  FakeStore store({});
  const fs::path path = dir_ / "data.trig";
  std::ofstream(path) << "<http://e/a> <http://e/p> 1 .\n"
                         "<http://e/g1> { <http://e/a> <http://e/p> 2 , 3 }\n"
                         "<http://e/g2> { <http://e/a> <http://e/p> 4 }\n";
  PushOptions options = options_for(store);
  options.target = GraphTarget::KeepGraphs;
  options.query_endpoint = store.url("/sparql");
  options.replace = true;
  auto report = push({{path.string(), {}}}, options);
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_EQ(store.size("http://e/g1"), 2u);
  EXPECT_EQ(store.size("http://e/g2"), 1u);
  EXPECT_EQ(store.size(""), 1u);
  EXPECT_EQ(report->graphs.size(), 3u);
}

TEST_F(PushTest, SyntaxErrorSendsNothing) {
  FakeStore store({});
  const fs::path path = dir_ / "bad.ttl";
  std::ofstream(path) << "<http://e/a> <http://e/p> 1 .\n<http://e/a> <http://e/p> .\n";
  auto report = push({{path.string(), {}}}, options_for(store));
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.error().where.line, 2u);
  EXPECT_EQ(store.writes(), 0);
}

// --graph went into the update text as it was: `>` ended the IRI and the
// rest ran as a request of its own, DROP ALL included (the class: an
// option's text pasted into a protocol request unchecked).
TEST_F(PushTest, AGraphThatIsNotAnIriIsRefusedBeforeAnythingIsSent) {
  FakeStore store({});
  for (const PushProtocol protocol : {PushProtocol::Update, PushProtocol::GraphStore}) {
    PushOptions options = options_for(store);
    options.protocol = protocol;
    options.replace = true;
    for (const std::string graph : {"http://g/x> {}} ; DROP ALL ; INSERT DATA { GRAPH <http://g/x",
                                    "relative/iri", "http://g/with space"}) {
      options.graph = graph;
      auto report = push({{write_data(3), {}}}, options);
      ASSERT_FALSE(report.ok()) << graph;
      EXPECT_EQ(report.error().kind, ErrorKind::Invalid);
    }
  }
  EXPECT_EQ(store.writes(), 0);
}

// RDF 1.2 data sent as N-Triples 1.2 to a store of RDF 1.1 is refused or
// misread there; push refuses it first, with where and what to pass.
TEST_F(PushTest, Rdf12IsRefusedBeforeAnythingIsSent) {
  FakeStore store({});
  const fs::path path = dir_ / "claims.ttl";
  std::ofstream(path) << "<http://e/a> <http://e/p> 1 .\n"
                         "<http://e/m> <http://e/says> <<( <http://e/a> <http://e/p> 1 )>> .\n";
  auto report = push({{path.string(), {}}}, options_for(store));
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.error().where.line, 2u);
  EXPECT_NE(report.error().message.find("RDF 1.2 data (a triple term)"), std::string::npos);
  EXPECT_NE(report.error().message.find("--unstar"), std::string::npos);
  EXPECT_EQ(store.writes(), 0);
}

TEST_F(PushTest, UnstarSendsReificationsAndCountsThem) {
  FakeStore store({});
  const fs::path path = dir_ / "claims.ttl";
  std::ofstream(path) << "PREFIX : <http://e/>\n:m :says << :a :p 1 ~ :c >> .\n"
                         ":d :quotes <<( :a :p 2 )>> .\n";
  PushOptions options = options_for(store);
  options.rdf12 = Rdf12Handling::Unstar;
  auto report = push({{path.string(), {}}}, options);
  ASSERT_TRUE(report.ok()) << report.error().message;
  // :m :says :c, :c's four, :d :quotes _:u1, _:u1's four.
  EXPECT_EQ(report->graphs[0].sent, 10u);
  EXPECT_EQ(report->graphs[0].after, 10u);
  EXPECT_EQ(store.size("http://example.org/g"), 10u);
  EXPECT_EQ(report->unstarred, 2u);
  EXPECT_TRUE(report->backed());
}

TEST_F(PushTest, ABaseDirectionHasNoRdf11Form) {
  FakeStore store({});
  const fs::path path = dir_ / "dir.nt";
  std::ofstream(path) << "<http://e/a> <http://e/p> \"x\"@ar--rtl .\n";
  PushOptions options = options_for(store);
  options.rdf12 = Rdf12Handling::Unstar;
  auto report = push({{path.string(), {}}}, options);
  ASSERT_FALSE(report.ok());
  EXPECT_NE(report.error().message.find("a literal with a base direction"), std::string::npos);
  EXPECT_EQ(store.writes(), 0);
  options.rdf12 = Rdf12Handling::Send;
  report = push({{path.string(), {}}}, options);
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_TRUE(report->backed());
  // Inside a triple term too (found in review: --unstar sent it).
  const fs::path inside = dir_ / "inside.nt";
  std::ofstream(inside) << "<http://e/x> <http://e/says> <<( <http://e/a> <http://e/p> "
                           "\"x\"@ar--rtl )>> .\n";
  options.rdf12 = Rdf12Handling::Unstar;
  const int writes = store.writes();
  report = push({{inside.string(), {}}}, options);
  ASSERT_FALSE(report.ok());
  EXPECT_NE(report.error().message.find("a literal with a base direction"), std::string::npos);
  EXPECT_EQ(store.writes(), writes);
}

// A blank node inside a triple term is the same node as outside it only
// within one request: the two triples travel together however small the
// chunk.
TEST_F(PushTest, BlankNodesInsideTripleTermsTravelWithTheirNode) {
  FakeStore store({});
  const fs::path path = dir_ / "blank.nt";
  std::ofstream(path) << "_:b <http://e/p> \"1\" .\n"
                         "<http://e/s> <http://e/q> <<( _:b <http://e/p> \"1\" )>> .\n";
  PushOptions options = options_for(store);
  options.rdf12 = Rdf12Handling::Send;
  options.chunk = 1;
  auto report = push({{path.string(), {}}}, options);
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_EQ(store.writes(), 1);
  EXPECT_EQ(report->graphs[0].after, 2u);
}

TEST_F(PushTest, UnreachableEndpointIsAnError) {
  PushOptions options;
  options.endpoint = "http://127.0.0.1:1/store";
  options.graph = "http://example.org/g";
  options.target = GraphTarget::OneGraph;
  options.replace = true;
  options.retries = 1;
  options.retry_wait = std::chrono::milliseconds(1);
  auto report = push({{write_data(3), {}}}, options);
  ASSERT_FALSE(report.ok());
  EXPECT_NE(report.error().message.find("127.0.0.1:1"), std::string::npos)
      << report.error().message;
}

TEST_F(PushTest, ServerErrorShowsTheServersMessage) {
  FakeStore store(behaviour([](FakeBehaviour& b) {
    b.fail_status = 500;
    b.fail_body = "SP029: TURTLE RDF loader, line 2: syntax error";
  }));
  auto report = push({{write_data(3), {}}}, options_for(store));
  ASSERT_FALSE(report.ok());
  EXPECT_NE(report.error().message.find("HTTP 500"), std::string::npos) << report.error().message;
  EXPECT_NE(report.error().message.find("SP029"), std::string::npos) << report.error().message;
}

TEST_F(PushTest, ClientErrorIsNotRetried) {
  FakeStore store(behaviour([](FakeBehaviour& b) {
    b.fail_status = 400;
    b.fail_body = "bad graph IRI";
  }));
  auto report = push({{write_data(3), {}}}, options_for(store));
  ASSERT_FALSE(report.ok());
  EXPECT_NE(report.error().message.find("HTTP 400: bad graph IRI"), std::string::npos)
      << report.error().message;
  EXPECT_EQ(store.writes(), 1);
}

TEST_F(PushTest, AuthenticationFailureSaysSo) {
  // "Basic dXNlcjpyaWdodA==" is user:right.
  FakeStore store(behaviour([](FakeBehaviour& b) { b.basic_auth = "Basic dXNlcjpyaWdodA=="; }));
  PushOptions options = options_for(store);
  options.credentials = http::Credentials{"user", "wrong", http::AuthScheme::Basic};
  auto report = push({{write_data(3), {}}}, options);
  ASSERT_FALSE(report.ok());
  EXPECT_NE(report.error().message.find("HTTP 401"), std::string::npos) << report.error().message;
  EXPECT_NE(report.error().message.find("did not accept --user/--password"), std::string::npos);

  options.credentials = http::Credentials{"user", "right", http::AuthScheme::Basic};
  auto ok = push({{write_data(3), {}}}, options);
  ASSERT_TRUE(ok.ok()) << ok.error().message;
  EXPECT_TRUE(ok->backed());
}

TEST_F(PushTest, NoContentThatStoresNothingIsCaught) {
  FakeStore store(behaviour([](FakeBehaviour& b) { b.store_nothing_204 = true; }));
  auto report = push({{write_data(5), {}}}, options_for(store));
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_FALSE(report->backed());
  EXPECT_EQ(report->graphs[0].after, 0u);
  EXPECT_NE(report->graphs[0].problem.find("holds only 0"), std::string::npos)
      << report->graphs[0].problem;
}

TEST_F(PushTest, MergeIntoAFullGraphThatStoresNothingIsCaught) {
  FakeStore store({});
  PushOptions options = options_for(store);
  ASSERT_TRUE(push({{write_data(10), {}}}, options).ok());
  // Now the store answers 204 and keeps nothing; the graph already holds 10
  // triples, more than the 3 new ones sent, so only looking for them tells.
  store.set_behaviour(behaviour([](FakeBehaviour& b) { b.store_nothing_204 = true; }));
  const fs::path path = dir_ / "new.ttl";
  std::ofstream(path) << "<http://e/n1> <http://e/p> 1 .\n<http://e/n2> <http://e/p> 2 .\n"
                         "<http://e/n3> <http://e/p> 3 .\n";
  auto report = push({{path.string(), {}}}, options);
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_FALSE(report->backed());
  EXPECT_NE(report->graphs[0].problem.find("3 of the triples sent are not in"), std::string::npos)
      << report->graphs[0].problem;
  // Pushing triples that are all there already is fine.
  store.set_behaviour({});
  auto again = push({{write_data(10), {}}}, options);
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_TRUE(again->backed()) << again->graphs[0].problem;
}

TEST_F(PushTest, UpdateRefusesWhatSparqlCannotCarry) {
  const fs::path path = dir_ / "escape.nt";
  std::ofstream(path) << "<http://e/s> <http://e/p> \"a \\\\u0022 b\" .\n";
  PushOptions options;
  options.endpoint = "http://127.0.0.1:1/update";
  options.protocol = PushProtocol::Update;
  auto report = push({{path.string(), {}}}, options);
  ASSERT_FALSE(report.ok());
  EXPECT_NE(report.error().message.find("--protocol gsp"), std::string::npos)
      << report.error().message;
}

TEST_F(PushTest, CountMismatchIsNotSuccess) {
  FakeStore store(behaviour([](FakeBehaviour& b) { b.drop_one = true; }));
  PushOptions options = options_for(store);
  options.replace = true;
  options.query_endpoint = store.url("/sparql");
  auto report = push({{write_data(5), {}}}, options);
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_FALSE(report->backed());
  EXPECT_EQ(report->graphs[0].after, 4u);
  EXPECT_NE(report->graphs[0].problem.find("now holds 4"), std::string::npos)
      << report->graphs[0].problem;
}

TEST_F(PushTest, TransientFailuresAreRetried) {
  FakeStore store(behaviour([](FakeBehaviour& b) { b.transient_failures = 2; }));
  auto report = push({{write_data(5), {}}}, options_for(store));
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_EQ(report->retries, 2u);
  EXPECT_TRUE(report->backed());
}

TEST_F(PushTest, ConnectionLostMidPushReportsWhatWasStored) {
  FakeStore store(behaviour([](FakeBehaviour& b) { b.stop_after_writes = 2; }));
  PushOptions options = options_for(store);
  options.chunk = 10;
  options.retries = 2;
  auto report = push({{write_data(50), {}}}, options);
  ASSERT_FALSE(report.ok());
  EXPECT_NE(report.error().message.find("20 triples had been accepted"), std::string::npos)
      << report.error().message;
}

TEST(GraphStoreUrl, EncodesTheGraphIri) {
  EXPECT_EQ(graph_store_url("http://h/store", "http://e/g?x=1"),
            "http://h/store?graph=http%3A%2F%2Fe%2Fg%3Fx%3D1");
  EXPECT_EQ(graph_store_url("http://h/store", ""), "http://h/store?default");
  EXPECT_EQ(graph_store_url("http://h/s?a=b", "urn:g"), "http://h/s?a=b&graph=urn%3Ag");
}

}  // namespace
}  // namespace quiver::remote
