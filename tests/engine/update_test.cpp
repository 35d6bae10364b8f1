// Engine::update: one request, one transaction. What the W3C suite does not
// check: nothing applied when an operation fails, SILENT, the counts, the
// notes on quads left out, fresh blank nodes, LOAD's limits, and readers
// never seeing half a request.

#include "sparql/update.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "engine/engine.hpp"
#include "sparql/parser.hpp"

namespace quiver::engine {
namespace {

// Requests and queries here write relative IRIs; updates need a base.
const sparql::ParseOptions kBase{"http://t/"};

struct Collector : io::QuadSink {
  Status on_quad(const QuadRef& q) override {
    lines.push_back(Term(q.subject).to_ntriples() + " " + Term(q.predicate).to_ntriples() + " " +
                    Term(q.object).to_ntriples() +
                    (q.graph.is_none() ? "" : " " + Term(q.graph).to_ntriples()));
    return {};
  }
  std::vector<std::string> lines;
};

std::vector<std::string> dump(const Engine& engine) {
  Collector c;
  EXPECT_TRUE(engine.dump(c).ok());
  std::sort(c.lines.begin(), c.lines.end());
  return c.lines;
}

Expected<UpdateSummary> run(Engine& engine, std::string_view text, UpdateOptions options = {}) {
  auto update = sparql::parse_update(text, kBase);
  if (!update) return update.error();
  return engine.update(*update, options);
}

// The number of solutions of a SELECT.
std::size_t count_with(Engine& engine, std::string_view query_text, QueryOptions options = {}) {
  auto query = sparql::parse_query(query_text, kBase);
  EXPECT_TRUE(query.ok());
  auto answer = engine.query(*query, options);
  EXPECT_TRUE(answer.ok());
  SolutionView row;
  std::size_t n = 0;
  while ((*answer)->next(row)) ++n;
  return n;
}

std::size_t count(Engine& engine, std::string_view where) {
  return count_with(engine, "SELECT * WHERE " + std::string(where));
}

TEST(EngineUpdate, AFailingOperationLeavesTheStoreAsItWas) {
  Engine engine;
  ASSERT_TRUE(run(engine, "INSERT DATA { <s> <p> 1 . GRAPH <g> { <s> <p> 2 } }").ok());
  const auto before = dump(engine);
  const auto failed = run(engine,
                          "INSERT DATA { <s> <p> 3 } ;\n"
                          "DELETE WHERE { ?s ?p 1 } ;\n"
                          "  CREATE GRAPH <g> ;\n"
                          "DROP ALL");
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.error().kind, ErrorKind::Conflict);
  EXPECT_EQ(failed.error().where.line, 3U);
  EXPECT_EQ(failed.error().where.column, 3U);
  EXPECT_EQ(
      failed.error().message,
      "CREATE at 3:3 (operation 3 of 4): graph <http://t/g> already exists; nothing was applied");
  EXPECT_EQ(dump(engine), before);
}

TEST(EngineUpdate, SilentOperationsFailAlone) {
  Engine engine;
  const auto done = run(engine,
                        "INSERT DATA { <s> <p> 1 } ; INSERT DATA { <s> <p> 2 } ;"
                        "CREATE GRAPH <g> ; CREATE SILENT GRAPH <g> ; DROP SILENT GRAPH <none> ;"
                        "COPY SILENT <none> TO DEFAULT ; LOAD SILENT <http://nowhere/x.ttl>");
  ASSERT_TRUE(done.ok()) << done.error().to_string();
  EXPECT_EQ(done->inserted, 2U);
  EXPECT_EQ(dump(engine),
            (std::vector<std::string>{
                "<http://t/s> <http://t/p> \"1\"^^<http://www.w3.org/2001/XMLSchema#integer>",
                "<http://t/s> <http://t/p> \"2\"^^<http://www.w3.org/2001/XMLSchema#integer>"}));
}

TEST(EngineUpdate, CountsAndNotesOnQuadsLeftOut) {
  Engine engine;
  ASSERT_TRUE(run(engine, "INSERT DATA { <a> <p> 1, 2, 3 . <b> <p> 4 }").ok());
  const auto done = run(engine,
                        "DELETE { ?s <p> ?o } INSERT { ?o <q> ?s . ?s <q> ?unbound } "
                        "WHERE { ?s <p> ?o FILTER(?o < 4) }");
  ASSERT_TRUE(done.ok()) << done.error().to_string();
  EXPECT_EQ(done->removed, 3U);
  EXPECT_EQ(done->inserted, 0U);
  EXPECT_EQ(done->notes,
            std::vector<std::string>{"a quad with a literal in subject position was left out"});
  EXPECT_EQ(count(engine, "{ ?s ?p ?o }"), 1U);
}

TEST(EngineUpdate, TemplateBlankNodesAreFreshPerSolution) {
  Engine engine;
  ASSERT_TRUE(run(engine, "INSERT DATA { <a> <p> 1, 2 . _:x <p> 3 }").ok());
  ASSERT_TRUE(run(engine, "INSERT { _:n <of> ?o . _:n <same> _:n } WHERE { <a> <p> ?o }").ok());
  EXPECT_EQ(count(engine, "{ ?n <of> ?o . ?n <same> ?n }"), 2U);
  EXPECT_EQ(count(engine, "{ SELECT DISTINCT ?n { ?n <of> ?o } }"), 2U);
  // INSERT DATA's blank nodes are new nodes, never ones already stored.
  ASSERT_TRUE(run(engine, "INSERT DATA { _:x <p> 3 }").ok());
  EXPECT_EQ(count(engine, "{ ?b <p> 3 }"), 2U);
}

// A blank node inside a triple term is the same node as outside it: both
// relabelled alike, in INSERT DATA as in templates.
TEST(EngineUpdate, BlankNodesInsideTripleTermsAreTheSameNodes) {
  Engine engine;
  ASSERT_TRUE(
      run(engine, "INSERT DATA { <s> <p> <<( _:b <q> <<( _:b <r> 1 )>> )>> . _:b <n> 2 }").ok());
  ASSERT_TRUE(run(engine, "INSERT { <t> <p> <<( _:c <q> 3 )>> . _:c <n> 4 } WHERE {}").ok());
  EXPECT_EQ(count(engine, "{ <s> <p> <<( ?b <q> <<( ?b <r> 1 )>> )>> . ?b <n> 2 }"), 1U);
  EXPECT_EQ(count(engine, "{ <t> <p> <<( ?c <q> 3 )>> . ?c <n> 4 }"), 1U);
  // Fresh per request: the same label again is another node.
  ASSERT_TRUE(run(engine, "INSERT DATA { <s> <p> <<( _:b <q> 5 )>> }").ok());
  EXPECT_EQ(count(engine, "{ <s> <p> <<( ?b <q> 5 )>> . ?b <n> 2 }"), 0U);
}

// DELETE WHERE's triple terms with variables match stored ones (they were
// kept as templates and matched nothing).
TEST(EngineUpdate, DeleteWhereMatchesTripleTermsWithVariables) {
  Engine engine;
  ASSERT_TRUE(run(engine,
                  "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\n"
                  "INSERT DATA { <a> <p> <b>, <c> . <r> rdf:reifies <<( <a> <p> <b> )>> ; "
                  "<src> <s1> . <r9> rdf:reifies <<( <a> <p> <zz> )>> }")
                  .ok());
  ASSERT_TRUE(run(engine, "DELETE WHERE { ?a <p> ?b ~ ?r {| <src> ?s |} }").ok());
  EXPECT_EQ(dump(engine), (std::vector<std::string>{
                              "<http://t/a> <http://t/p> <http://t/c>",
                              "<http://t/r9> <http://www.w3.org/1999/02/22-rdf-syntax-ns#reifies> "
                              "<<( <http://t/a> <http://t/p> <http://t/zz> )>>"}));
}

TEST(EngineUpdate, LoadReadsFilesOnlyWhenAllowedAndAppliesNothingOfABadOne) {
  const std::string good = ::testing::TempDir() + "update_load_good.ttl";
  const std::string bad = ::testing::TempDir() + "update_load_bad.ttl";
  std::ofstream(good) << "<http://e/s> <http://e/p> <http://e/o> .\n";
  std::ofstream(bad) << "<http://e/s> <http://e/p> <http://e/o2> .\n<http://e/s> <http://e/p> .\n";
  Engine engine;
  const std::string load_good = "LOAD <file://" + good + "> INTO GRAPH <http://e/g>";
  const auto refused = run(engine, load_good);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().kind, ErrorKind::Unsupported);
  UpdateOptions files;
  files.load_files = true;
  ASSERT_TRUE(run(engine, load_good, files).ok());
  EXPECT_EQ(count(engine, "{ GRAPH <http://e/g> { ?s ?p ?o } }"), 1U);
  const auto before = dump(engine);
  const auto broken = run(engine, "DROP ALL ; LOAD <file://" + bad + ">", files);
  ASSERT_FALSE(broken.ok());
  EXPECT_EQ(broken.error().kind, ErrorKind::Syntax);
  EXPECT_EQ(broken.error().where.line, 2U);  // the file's line, and the operation in the message
  EXPECT_NE(broken.error().message.find("LOAD at 1:12 (operation 2 of 2)"), std::string::npos)
      << broken.error().message;
  EXPECT_EQ(dump(engine), before);
  const auto missing = run(engine, "LOAD <file:///nonexistent/x.ttl>", files);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(dump(engine), before);
}

TEST(EngineUpdate, ATimeoutAppliesNothingEvenUnderSilent) {
  Engine engine;
  ASSERT_TRUE(run(engine, "INSERT DATA { <a> <p> 1, 2, 3, 4, 5, 6, 7, 8 }").ok());
  const auto before = dump(engine);
  UpdateOptions options;
  options.timeout = std::chrono::milliseconds(50);
  const auto slow = run(engine,
                        "INSERT { <x> <y> ?z } WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l ."
                        " ?m ?n ?o . ?q ?r ?s . ?t ?u ?v . BIND(CONCAT(STR(?c), STR(?f)) AS ?z) }",
                        options);
  ASSERT_FALSE(slow.ok());
  EXPECT_EQ(slow.error().kind, ErrorKind::Timeout);
  EXPECT_EQ(dump(engine), before);
}

// Readers see the state before a request or after it, never between: 8
// threads count while requests move 100 quads from one graph to the other
// and back in two operations each.
TEST(EngineUpdate, ConcurrentQueriesNeverSeeHalfARequest) {
  Engine engine;
  std::string data = "INSERT DATA { GRAPH <a> {";
  for (int i = 0; i < 100; ++i)
    data += " <s" + std::to_string(i) + "> <p> " + std::to_string(i) + " .";
  ASSERT_TRUE(run(engine, data + " } }").ok());
  auto move_to_b = sparql::parse_update(
      "INSERT { GRAPH <b> { ?s ?p ?o } } WHERE { GRAPH <a> { ?s ?p ?o } } ;"
      "DROP GRAPH <a>",
      kBase);
  auto move_to_a = sparql::parse_update(
      "INSERT { GRAPH <a> { ?s ?p ?o } } WHERE { GRAPH <b> { ?s ?p ?o } } ;"
      "DROP GRAPH <b>",
      kBase);
  ASSERT_TRUE(move_to_b.ok() && move_to_a.ok());
  auto query = sparql::parse_query("SELECT * { GRAPH ?g { ?s ?p ?o } }", kBase);
  ASSERT_TRUE(query.ok());
  std::atomic<bool> stop{false};
  std::atomic<int> bad{0}, reads{0};
  std::vector<std::thread> readers;
  for (int t = 0; t < 8; ++t) {
    readers.emplace_back([&] {
      while (!stop) {
        auto answer = engine.query(*query);
        ++reads;
        if (!answer) {
          ++bad;
          continue;
        }
        SolutionView row;
        std::size_t n = 0;
        while ((*answer)->next(row)) ++n;
        if (n != 100) ++bad;
      }
    });
  }
  for (int i = 0; i < 100; ++i) {
    ASSERT_TRUE(engine.update(i % 2 == 0 ? *move_to_b : *move_to_a).ok());
  }
  while (reads < 200) std::this_thread::yield();
  stop = true;
  for (auto& r : readers) r.join();
  EXPECT_EQ(bad, 0);
  EXPECT_EQ(count(engine, "{ GRAPH <a> { ?s ?p ?o } }"), 100U);
}

}  // namespace
}  // namespace quiver::engine

namespace quiver::engine {
namespace {

// --union-default-graph: the default graph is the merge of the named graphs
// (a triple in two of them counts once), paths cross graphs, FROM wins.
TEST(UnionDefaultGraph, QueriesAndUpdateWheresReadTheMergeOfNamedGraphs) {
  Engine engine;
  ASSERT_TRUE(run(engine,
                  "INSERT DATA { <d> <p> <d> . GRAPH <g1> { <a> <p> <b> } "
                  "GRAPH <g2> { <a> <p> <b> . <b> <p> <c> } }")
                  .ok());
  QueryOptions plain, merged;
  merged.union_default_graph = true;
  EXPECT_EQ(count_with(engine, "SELECT * { ?s ?p ?o }", plain), 1U);
  EXPECT_EQ(count_with(engine, "SELECT * { ?s ?p ?o }", merged), 2U);
  EXPECT_EQ(count_with(engine, "SELECT * { <a> <p>+ ?o }", merged), 2U);
  EXPECT_EQ(count_with(engine, "SELECT * { <a> !<q> ?o }", merged), 1U);
  EXPECT_EQ(count_with(engine, "SELECT * { <a> <p>+ ?o }", plain), 0U);
  EXPECT_EQ(count_with(engine, "SELECT * FROM <g1> { ?s ?p ?o }", merged), 1U);
  EXPECT_EQ(count_with(engine, "SELECT * { GRAPH ?g { ?s ?p ?o } }", merged), 3U);
  UpdateOptions options;
  options.union_default_graph = true;
  const auto done = run(engine, "INSERT { ?s <copied> ?o } WHERE { ?s <p> ?o }", options);
  ASSERT_TRUE(done.ok());
  EXPECT_EQ(done->inserted, 2U);
  EXPECT_EQ(count_with(engine, "SELECT * { ?s <copied> ?o }", plain), 2U);
}

}  // namespace
}  // namespace quiver::engine
