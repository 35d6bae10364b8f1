// The protocol service without sockets: a Call in, a Reply out.

#include "server/service.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <thread>

namespace quiver::server {
namespace {

namespace fs = std::filesystem;

class ServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = fs::temp_directory_path() / ("quiver_service_" + std::to_string(::getpid()) + ".trig");
    std::ofstream(path_) << "@prefix ex: <http://example.org/> .\n"
                            "ex:a ex:name \"Alice\"@en ; ex:age 42 .\n"
                            "ex:g { ex:a ex:knows ex:b . ex:b ex:name \"Bob\" }\n";
    ASSERT_TRUE(engine_.load(path_.string()).ok());
  }
  void TearDown() override { fs::remove(path_); }

  Reply get(Service& service, const std::string& query, const std::string& accept = "") {
    Call call;
    call.method = "GET";
    call.path = "/sparql";
    call.params = {{"query", query}};
    call.accept = accept;
    return service.handle(call);
  }

  fs::path path_;
  engine::Engine engine_;
};

TEST_F(ServiceTest, SelectAsJsonByDefault) {
  Service service(engine_, {});
  const Reply reply = get(service, "SELECT ?n WHERE { ?s <http://example.org/name> ?n }");
  EXPECT_EQ(reply.status, 200);
  EXPECT_EQ(reply.content_type, "application/sparql-results+json; charset=utf-8");
  EXPECT_NE(reply.body.find("\"Alice\""), std::string::npos) << reply.body;
}

TEST_F(ServiceTest, NegotiatesCsvAndTurtle) {
  Service service(engine_, {});
  Reply reply = get(service, "SELECT ?n WHERE { ?s <http://example.org/name> ?n }", "text/csv");
  EXPECT_EQ(reply.status, 200);
  EXPECT_EQ(reply.body, "n\r\nAlice\r\n");
  reply =
      get(service, "CONSTRUCT WHERE { ?s <http://example.org/age> ?o }", "application/n-triples");
  EXPECT_EQ(reply.status, 200);
  EXPECT_EQ(reply.body,
            "<http://example.org/a> <http://example.org/age> "
            "\"42\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n");
}

TEST_F(ServiceTest, FormatParameterOverridesAcceptWhenItFits) {
  Service service(engine_, {});
  Call call;
  call.method = "GET";
  call.path = "/sparql";
  call.accept = "application/rdf+xml";
  // What SPARQLWrapper sends for RDF/XML: names we know, and one we do not.
  call.params = {{"query", "CONSTRUCT WHERE { ?s <http://example.org/age> ?o }"},
                 {"format", "rdf+xml"},
                 {"output", "unknown-name"}};
  Reply reply = service.handle(call);
  EXPECT_EQ(reply.status, 200);
  EXPECT_EQ(reply.content_type, "application/rdf+xml; charset=utf-8");
  call.params[1].second = "n3";
  EXPECT_EQ(service.handle(call).content_type, "text/turtle; charset=utf-8");
  // "xml" for a SELECT is the results format.
  call.params = {{"query", "SELECT * WHERE { ?s ?p ?o }"}, {"format", "xml"}};
  call.accept = "";
  EXPECT_EQ(service.handle(call).content_type, "application/sparql-results+xml; charset=utf-8");
  // A name that fits nothing leaves the choice to Accept.
  call.params[1].second = "png";
  call.accept = "text/csv";
  EXPECT_EQ(service.handle(call).content_type, "text/csv; charset=utf-8");
}

TEST_F(ServiceTest, HeadIsGetWithoutBody) {
  Service service(engine_, {});
  Call call;
  call.method = "HEAD";
  call.path = "/sparql";
  call.params = {{"query", "ASK {}"}};
  const Reply reply = service.handle(call);
  EXPECT_EQ(reply.status, 200);
  EXPECT_EQ(reply.content_type, "application/sparql-results+json; charset=utf-8");
  EXPECT_TRUE(reply.body.empty());
}

TEST_F(ServiceTest, ShutDownStopsQueries) {
  Service service(engine_, {});
  service.shut_down();
  const Reply reply = get(service, "ASK {}");
  EXPECT_EQ(reply.status, 503);
  EXPECT_NE(reply.body.find("shutting down"), std::string::npos);
}

// Issue 16: Graph Store reads ran outside --max-concurrent, so any number
// of GET /store could run at once beside the limited queries. With no
// slot to be had, both answer 503; after a shutdown too.
TEST_F(ServiceTest, GraphStoreReadsTakeAQuerySlot) {
  ServiceOptions options;
  options.max_concurrent = 0;
  Service busy(engine_, options);
  Call read;
  read.method = "GET";
  read.path = "/store";
  read.params = {{"default", ""}};
  const Reply store = busy.handle(read);
  EXPECT_EQ(store.status, 503) << store.body;
  EXPECT_NE(store.body.find("busy"), std::string::npos);
  EXPECT_EQ(get(busy, "ASK {}").status, 503);
  Service free(engine_, {});
  EXPECT_EQ(free.handle(read).status, 200);
  free.shut_down();
  EXPECT_EQ(free.handle(read).status, 503);
}

// Issue 16: Host and Origin were never checked, so a web page whose DNS
// name is re-pointed at 127.0.0.1 (DNS rebinding) could query a server on
// loopback, and a page of any origin could write to it.
TEST_F(ServiceTest, HostAndOriginGuardAgainstRebindingAndCrossOriginWrites) {
  ServiceOptions options;
  options.writable = true;
  options.allowed_hosts = {"localhost", "127.0.0.1", "[::1]"};
  Service service(engine_, options);
  Call call;
  call.method = "GET";
  call.path = "/sparql";
  call.params = {{"query", "ASK {}"}};
  for (const char* own : {"localhost:7878", "LOCALHOST", "127.0.0.1:80", "[::1]:7878", ""}) {
    call.host = own;
    EXPECT_EQ(service.handle(call).status, 200) << own;
  }
  for (const char* foreign : {"evil.example:7878", "evil.example", "127.0.0.2", "localhost.evil"}) {
    call.host = foreign;
    const Reply reply = service.handle(call);
    EXPECT_EQ(reply.status, 403) << foreign;
    EXPECT_NE(reply.body.find("DNS rebinding"), std::string::npos) << reply.body;
  }
  Call put;
  put.method = "PUT";
  put.path = "/store";
  put.params = {{"graph", "http://example.org/new"}};
  put.content_type = "text/turtle";
  put.body = "<http://e/a> <http://e/b> <http://e/c> .";
  put.host = "localhost:7878";
  for (const char* foreign : {"http://evil.example", "https://localhost.evil:7878", "null"}) {
    put.origin = foreign;
    const Reply reply = service.handle(put);
    EXPECT_EQ(reply.status, 403) << foreign;
  }
  put.origin = "http://localhost:7878";
  EXPECT_LT(service.handle(put).status, 300);
  put.origin = "";  // curl and other non-browser clients send none
  EXPECT_LT(service.handle(put).status, 300);
  // A cross-origin read stays allowed: query pages of other sites may ask.
  call.host = "127.0.0.1:7878";
  call.origin = "http://other.example";
  EXPECT_EQ(service.handle(call).status, 200);
}

TEST_F(ServiceTest, WithoutAllowedHostsAWriteMustComeFromThePagesOfItsOwnHost) {
  ServiceOptions options;
  options.writable = true;
  Service service(engine_, options);
  Call put;
  put.method = "DELETE";
  put.path = "/store";
  put.params = {{"graph", "http://example.org/g"}};
  put.host = "data.example.org";
  put.origin = "http://evil.example";
  EXPECT_EQ(service.handle(put).status, 403);
  put.origin = "https://data.example.org";
  EXPECT_LT(service.handle(put).status, 300);
  EXPECT_EQ(host_name("https://[::1]:8080/x"), "[::1]");
  EXPECT_EQ(host_name("Data.Example.org:80"), "data.example.org");
}

TEST_F(ServiceTest, BadQueryIs400WithPosition) {
  Service service(engine_, {});
  const Reply reply = get(service, "SELECT ?x WHERE {\n  ?x ?y }");
  EXPECT_EQ(reply.status, 400);
  EXPECT_NE(reply.body.find("<query>:2:"), std::string::npos) << reply.body;
}

TEST_F(ServiceTest, UnacceptableIs406) {
  Service service(engine_, {});
  EXPECT_EQ(get(service, "ASK {}", "image/png").status, 406);
  EXPECT_EQ(get(service, "CONSTRUCT WHERE { ?s ?p ?o }", "text/csv").status, 406);
}

TEST_F(ServiceTest, MissingQueryAndUpdatesAreRefused) {
  Service service(engine_, {});
  Call call;
  call.method = "GET";
  call.path = "/sparql";
  EXPECT_EQ(service.handle(call).status, 400);
  call.params = {{"update", "CLEAR ALL"}};
  EXPECT_EQ(service.handle(call).status, 403);
  call.method = "PUT";
  EXPECT_EQ(service.handle(call).status, 405);
}

TEST_F(ServiceTest, PostedQueryBody) {
  Service service(engine_, {});
  Call call;
  call.method = "POST";
  call.path = "/query";
  call.content_type = "application/sparql-query";
  call.body = "ASK { ?s ?p 42 }";
  const Reply reply = service.handle(call);
  EXPECT_EQ(reply.status, 200);
  EXPECT_NE(reply.body.find("\"boolean\": true"), std::string::npos) << reply.body;
  call.content_type = "text/plain";
  EXPECT_EQ(service.handle(call).status, 415);
}

TEST_F(ServiceTest, ProtocolDatasetReplacesFrom) {
  Service service(engine_, {});
  Call call;
  call.method = "GET";
  call.path = "/sparql";
  call.params = {{"query", "SELECT ?n WHERE { ?s <http://example.org/name> ?n }"},
                 {"default-graph-uri", "http://example.org/g"}};
  call.accept = "text/csv";
  Reply reply = service.handle(call);
  EXPECT_EQ(reply.status, 200);
  EXPECT_EQ(reply.body, "n\r\nBob\r\n");
  call.params[1].second = "http://example.org/nowhere";
  reply = service.handle(call);
  EXPECT_EQ(reply.status, 400);
  EXPECT_NE(reply.body.find("no graph <http://example.org/nowhere>"), std::string::npos);
}

TEST_F(ServiceTest, RowLimitIs500) {
  ServiceOptions options;
  options.max_rows = 1;
  Service service(engine_, options);
  const Reply reply = get(service, "SELECT * WHERE { ?s ?p ?o }");
  EXPECT_EQ(reply.status, 500);
  EXPECT_NE(reply.body.find("--max-rows"), std::string::npos);
}

TEST_F(ServiceTest, TimeoutIs503) {
  ServiceOptions options;
  options.timeout = std::chrono::milliseconds(1);
  Service service(engine_, options);
  // A cartesian product of 20^6 rows: far more than 1 ms of work.
  std::string values = "VALUES ?x { 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 }";
  std::string query = "SELECT (COUNT(*) AS ?n) WHERE { ";
  for (char v = 'a'; v < 'g'; ++v)
    query += "{ SELECT (?x AS ?" + std::string(1, v) + ") { " + values + " } } ";
  const Reply reply = get(service, query + "}");
  EXPECT_EQ(reply.status, 503) << reply.body;
  EXPECT_NE(reply.body.find("timed out"), std::string::npos) << reply.body;
}

TEST_F(ServiceTest, GraphStoreReadOnly) {
  Service service(engine_, {});
  Call call;
  call.method = "GET";
  call.path = "/store";
  call.params = {{"graph", "http://example.org/g"}};
  call.accept = "application/n-triples";
  Reply reply = service.handle(call);
  EXPECT_EQ(reply.status, 200);
  EXPECT_EQ(std::count(reply.body.begin(), reply.body.end(), '\n'), 2);
  call.params = {{"default", ""}};
  reply = service.handle(call);
  EXPECT_EQ(std::count(reply.body.begin(), reply.body.end(), '\n'), 2);
  call.params = {{"graph", "http://example.org/none"}};
  EXPECT_EQ(service.handle(call).status, 404);
  call.params = {};
  EXPECT_EQ(service.handle(call).status, 400);
  call.method = "PUT";
  call.params = {{"graph", "http://example.org/g"}};
  EXPECT_EQ(service.handle(call).status, 405);
}

TEST_F(ServiceTest, GraphStoreWrites) {
  ServiceOptions options;
  options.writable = true;
  Service service(engine_, options);
  Call put;
  put.method = "PUT";
  put.path = "/store";
  put.params = {{"graph", "http://example.org/g"}};
  put.content_type = "text/turtle";
  put.body = "<http://e/x> <http://e/p> 1, 2, 3 .";
  EXPECT_EQ(service.handle(put).status, 204);  // the graph existed
  const auto count = [&](const std::string& graph) {
    const Reply r =
        get(service, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <" + graph + "> { ?s ?p ?o } }",
            "text/csv");
    return r.body;
  };
  EXPECT_EQ(count("http://example.org/g"), "n\r\n3\r\n");
  Call post = put;
  post.method = "POST";
  post.params = {{"graph", "http://example.org/new"}};
  post.body = "<http://e/x> <http://e/p> 9 .";
  EXPECT_EQ(service.handle(post).status, 201);
  EXPECT_EQ(count("http://example.org/new"), "n\r\n1\r\n");
  // A syntax error changes nothing.
  post.body = "<http://e/x> <http://e/p> .";
  const Reply bad = service.handle(post);
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find(":1:"), std::string::npos) << bad.body;
  EXPECT_EQ(count("http://example.org/new"), "n\r\n1\r\n");
  Call del;
  del.method = "DELETE";
  del.path = "/store";
  del.params = {{"graph", "http://example.org/new"}};
  EXPECT_EQ(service.handle(del).status, 204);
  EXPECT_EQ(service.handle(del).status, 404);
  EXPECT_EQ(count("http://example.org/new"), "n\r\n0\r\n");
}

// One long query and a write used to block every other reader (the class:
// readers and writers sharing one lock): queries read snapshots now, so the
// write and a short query both finish while the long query still runs, and
// the long query never sees the write.
TEST_F(ServiceTest, ALongQueryBlocksNeitherWritesNorOtherQueries) {
  ServiceOptions options;
  options.writable = true;
  options.timeout = std::chrono::seconds(60);
  Service service(engine_, options);
  std::atomic<bool> long_done{false};
  Reply long_reply;
  std::thread long_query([&] {
    std::string values = "VALUES ?x { 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 }";
    std::string query = "SELECT (COUNT(*) AS ?n) WHERE { ";
    for (char v = 'a'; v < 'k'; ++v) {
      query += "{ SELECT (?x AS ?" + std::string(1, v) + ") { " + values + " } } ";
    }
    long_reply = get(service, query + "}");
    long_done = true;
  });
  // Give the long query time to start (it runs for hours once started).
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  Call put;
  put.method = "PUT";
  put.path = "/store";
  put.params = {{"graph", "http://example.org/new"}};
  put.content_type = "text/turtle";
  put.body = "<http://e/x> <http://e/p> 1 .";
  EXPECT_EQ(service.handle(put).status, 201);
  const Reply short_reply =
      get(service, "SELECT * WHERE { GRAPH <http://example.org/new> { ?s ?p ?o } }", "text/csv");
  EXPECT_EQ(short_reply.body, "s,p,o\r\nhttp://e/x,http://e/p,1\r\n");
  EXPECT_FALSE(long_done.load()) << "the long query finished first: the test proves nothing";
  service.shut_down();  // the long query (20^10 rows) would run for hours
  long_query.join();
  EXPECT_EQ(long_reply.status, 503);
}

// The class: request headers compared case-sensitively. Media types are
// case-insensitive, so TEXT/PLAIN (which a web page can send without a CORS
// preflight) must be refused like text/plain, and a query posted as
// APPLICATION/SPARQL-QUERY accepted.
TEST_F(ServiceTest, MediaTypesAreCaseInsensitive) {
  ServiceOptions options;
  options.writable = true;
  Service service(engine_, options);
  for (const std::string type : {"TEXT/PLAIN", " Text/Plain ; charset=utf-8"}) {
    Call put;
    put.method = "PUT";
    put.path = "/store";
    put.params = {{"graph", "http://example.org/g"}};
    put.content_type = type;
    put.body = "<http://e/x> <http://e/p> 1 .";
    EXPECT_EQ(service.handle(put).status, 415) << type;
  }
  Call post;
  post.method = "POST";
  post.path = "/sparql";
  post.content_type = "APPLICATION/SPARQL-QUERY";
  post.body = "ASK {}";
  EXPECT_EQ(service.handle(post).status, 200);
}

TEST_F(ServiceTest, GraphNamesMustBeAbsoluteIris) {
  ServiceOptions options;
  options.writable = true;
  Service service(engine_, options);
  for (const std::string name : {"../../etc/passwd", "http://e/a b", "g"}) {
    Call put;
    put.method = "PUT";
    put.path = "/store";
    put.params = {{"graph", name}};
    put.content_type = "text/turtle";
    put.body = "<http://e/x> <http://e/p> 1 .";
    EXPECT_EQ(service.handle(put).status, 400) << name;
  }
}

TEST_F(ServiceTest, PageAndUnknownPaths) {
  Service service(engine_, {});
  Call call;
  call.method = "GET";
  call.path = "/";
  const Reply page = service.handle(call);
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("<textarea"), std::string::npos);
  call.path = "/nothing";
  EXPECT_EQ(service.handle(call).status, 404);
}

}  // namespace
}  // namespace quiver::server

namespace quiver::server {
namespace {

// Issue 11: SPARQL 1.1 Protocol updates.
class UpdateServiceTest : public ServiceTest {
 protected:
  Reply post_update(Service& service, const std::string& update,
                    std::vector<std::pair<std::string, std::string>> params = {}) {
    Call call;
    call.method = "POST";
    call.path = "/sparql";
    call.content_type = "application/sparql-update";
    call.body = update;
    call.params = std::move(params);
    return service.handle(call);
  }
  bool ask(Service& service, const std::string& pattern) {
    return get(service, "ASK { " + pattern + " }").body.find("true") != std::string::npos;
  }
};

TEST_F(UpdateServiceTest, AppliedWith204AsABodyOrAFormField) {
  ServiceOptions options;
  options.writable = true;
  Service service(engine_, options);
  Reply reply = post_update(service,
                            "PREFIX ex: <http://example.org/>\n"
                            "DELETE { ?s ex:age ?a } INSERT { ?s ex:age 43 } "
                            "WHERE { ?s ex:age ?a }");
  EXPECT_EQ(reply.status, 204) << reply.body;
  EXPECT_TRUE(ask(service, "<http://example.org/a> <http://example.org/age> 43"));
  EXPECT_FALSE(ask(service, "<http://example.org/a> <http://example.org/age> 42"));
  Call form;
  form.method = "POST";
  form.path = "/sparql";
  form.content_type = "application/x-www-form-urlencoded";
  form.params = {{"update", "INSERT DATA { <http://e/x> <http://e/y> 1 }"}};
  EXPECT_EQ(service.handle(form).status, 204);
  EXPECT_TRUE(ask(service, "<http://e/x> <http://e/y> 1"));
  form.method = "GET";
  EXPECT_EQ(service.handle(form).status, 405);
  form.method = "POST";
  form.content_type = "text/plain";
  EXPECT_EQ(service.handle(form).status, 415);
}

TEST_F(UpdateServiceTest, ProtocolUsingGraphsApplyToEveryWhere) {
  ServiceOptions options;
  options.writable = true;
  Service service(engine_, options);
  // The WHERE reads graph ex:g as its default graph; the insert goes to the store's.
  Reply reply = post_update(service, "INSERT { ?s <http://e/in-g> ?o } WHERE { ?s ?p ?o }",
                            {{"using-graph-uri", "http://example.org/g"}});
  EXPECT_EQ(reply.status, 204) << reply.body;
  EXPECT_TRUE(ask(service, "<http://example.org/a> <http://e/in-g> <http://example.org/b>"));
  EXPECT_FALSE(ask(service, "?s <http://e/in-g> 42"));
  reply = post_update(service, "WITH <http://e/w> INSERT { ?s ?p ?o } WHERE { ?s ?p ?o }",
                      {{"using-graph-uri", "http://example.org/g"}});
  EXPECT_EQ(reply.status, 400);
}

TEST_F(UpdateServiceTest, RefusalsAndErrorsApplyNothing) {
  {
    Service read_only(engine_, {});
    EXPECT_EQ(post_update(read_only, "CLEAR ALL").status, 403);
  }
  ServiceOptions options;
  options.writable = true;
  Service service(engine_, options);
  Reply reply = post_update(service, "INSERT DATA { <http://e/s> <http://e/p> ?o }");
  EXPECT_EQ(reply.status, 400);
  EXPECT_NE(reply.body.find("<update>:1:41: error: variables are not allowed in INSERT DATA"),
            std::string::npos)
      << reply.body;
  // A server never reads local files, and without --allow-load no LOAD at all.
  reply = post_update(service, "CLEAR ALL ; LOAD <file:///etc/hostname>");
  EXPECT_EQ(reply.status, 403) << reply.body;
  reply = post_update(service, "CLEAR ALL ; LOAD <http://example.org/data.ttl>");
  EXPECT_EQ(reply.status, 403) << reply.body;
  reply = post_update(service, "CLEAR ALL ; CREATE GRAPH <http://example.org/g>");
  EXPECT_EQ(reply.status, 400) << reply.body;
  EXPECT_NE(reply.body.find("already exists; nothing was applied"), std::string::npos);
  EXPECT_TRUE(ask(service, "?s <http://example.org/age> 42"));
}

TEST_F(UpdateServiceTest, UnionDefaultGraphForQueriesAndUpdates) {
  ServiceOptions options;
  options.writable = true;
  options.union_default_graph = true;
  Service service(engine_, options);
  // ex:knows is only in graph ex:g; without FROM the default graph is the union.
  EXPECT_TRUE(ask(service, "<http://example.org/a> <http://example.org/knows> ?o"));
  EXPECT_FALSE(ask(service, "<http://example.org/a> <http://example.org/age> 42"));
  EXPECT_EQ(post_update(service,
                        "INSERT { ?s <http://e/k> ?o } WHERE { ?s "
                        "<http://example.org/knows> ?o }")
                .status,
            204);
  Service plain(engine_, {});
  EXPECT_TRUE(ask(plain, "<http://example.org/a> <http://e/k> <http://example.org/b>"));
}

TEST_F(UpdateServiceTest, ATimeoutIs503AndAppliesNothing) {
  ServiceOptions options;
  options.writable = true;
  options.timeout = std::chrono::milliseconds(50);
  Service service(engine_, options);
  std::string where;
  for (int i = 0; i < 24; ++i)
    where +=
        "?s" + std::to_string(i) + " ?p" + std::to_string(i) + " ?o" + std::to_string(i) + " . ";
  const Reply reply = post_update(
      service,
      "DROP GRAPH <http://example.org/g> ; INSERT { <http://e/x> <http://e/y> ?o0 } WHERE { " +
          where + "}");
  EXPECT_EQ(reply.status, 503) << reply.body;
  EXPECT_TRUE(ask(service, "?s <http://example.org/age> 42"));
}

}  // namespace
}  // namespace quiver::server
