#include "store/memory_store.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>
#include <string>
#include <tuple>

#include "io/reader.hpp"
#include "test_store.hpp"

namespace quiver::store {
namespace {

using testing::add_trig;
using testing::all_matches;

TermId id_of(const MemoryStore& store, std::string_view iri) {
  return store.find_id(Term::iri(iri).ref());
}

/// Sorts quads by the positions `order` lists, most significant first.
bool ordered_by(const std::array<int, 4>& order, const QuadIds& a, const QuadIds& b) {
  const TermId av[4] = {a.subject, a.predicate, a.object, a.graph};
  const TermId bv[4] = {b.subject, b.predicate, b.object, b.graph};
  for (const int pos : order) {
    if (av[pos] != bv[pos]) return av[pos] < bv[pos];
  }
  return false;
}

bool matches(const QuadIds& pattern, const QuadIds& q) {
  auto ok = [](TermId p, TermId v) { return p == kAnyTerm || p == v; };
  if (!ok(pattern.subject, q.subject) || !ok(pattern.predicate, q.predicate) ||
      !ok(pattern.object, q.object)) {
    return false;
  }
  switch (pattern.graph) {
    case kAnyTerm:
      return true;
    case kAnyNamedGraph:
      return q.graph != kDefaultGraph;
    default:
      return pattern.graph == q.graph;
  }
}

TEST(MemoryStoreTest, EmptyStoreMatchesNothing) {
  MemoryStore store;
  EXPECT_EQ(store.size(), 0u);
  EXPECT_TRUE(all_matches(store, QuadIds{.graph = kAnyTerm}).empty());
  EXPECT_EQ(store.count(QuadIds{.graph = kAnyTerm}), 0u);
  EXPECT_TRUE(store.graph_names().empty());
}

TEST(MemoryStoreTest, DuplicatesAreDroppedPerGraph) {
  MemoryStore store;
  add_trig(store,
           "<s> <p> <o> . <s> <p> <o> .\n"
           "<g> { <s> <p> <o> . <s> <p> <o> . }\n"
           "<h> { <s> <p> <o> . }\n");
  add_trig(store, "<s> <p> <o> . <g> { <s> <p> <o> . }");
  EXPECT_EQ(store.size(), 3u);
  EXPECT_EQ(store.count(QuadIds{}), 1u);
  EXPECT_EQ(store.count(QuadIds{.graph = kAnyNamedGraph}), 2u);
  EXPECT_EQ(store.count(QuadIds{.graph = kAnyTerm}), 3u);
  const std::vector<TermId> graphs = {id_of(store, "http://example.org/g"),
                                      id_of(store, "http://example.org/h")};
  EXPECT_EQ(store.graph_names(), graphs);
}

TEST(MemoryStoreTest, KeepsExactLexicalForms) {
  MemoryStore store;
  add_trig(store, "<s> <p> 01, 1, \"1\"^^<http://www.w3.org/2001/XMLSchema#integer>, \"1\" .");
  EXPECT_EQ(store.size(), 3u);  // 1 and "1"^^xsd:integer are the same term
  const std::string integer = std::string(vocab::kXsd) + "integer";
  const TermId zero_one = store.find_id(Term::literal("01", integer).ref());
  ASSERT_NE(zero_one, kAnyTerm);
  EXPECT_EQ(store.term(zero_one).value, "01");
  EXPECT_NE(zero_one, store.find_id(Term::literal("1", integer).ref()));
  EXPECT_EQ(store.count(QuadIds{.object = zero_one}), 1u);
}

TEST(MemoryStoreTest, TermViewsSurviveLaterAdds) {
  MemoryStore store;
  add_trig(store, "<s> <p> \"a literal\"@en .");
  const TermRef view = store.term(store.find_id(Term::literal("a literal", "", "en").ref()));
  std::string more;
  for (int i = 0; i < 50000; ++i)
    more += "<s" + std::to_string(i) + "> <p> \"v" + std::to_string(i) + "\" .\n";
  add_trig(store, more);
  EXPECT_EQ(store.size(), 50001u);
  EXPECT_EQ(view.value, "a literal");
  EXPECT_EQ(view.language, "en");
}

TEST(MemoryStoreTest, AddingAfterReadsRebuildsTheIndexes) {
  MemoryStore store;
  add_trig(store, "<a> <p> <b> . <g> { <a> <p> <c> }");
  EXPECT_EQ(store.size(), 2u);
  const TermId p = id_of(store, "http://example.org/p");
  EXPECT_EQ(store.count(QuadIds{.predicate = p, .graph = kAnyTerm}), 2u);
  add_trig(store, "<c> <p> <d> . <a> <p> <b> . <g> { <a> <p> <c> . <x> <p> <y> }");
  store.freeze();
  EXPECT_EQ(store.size(), 4u);
  EXPECT_EQ(store.count(QuadIds{.predicate = p}), 2u);
  EXPECT_EQ(store.count(QuadIds{.predicate = p, .graph = kAnyNamedGraph}), 2u);
}

TEST(MemoryStoreTest, IdsOutsideTheDictionaryMatchNothing) {
  MemoryStore store;
  add_trig(store, "<a> <p> <b> . <g> { <a> <p> <c> }");
  for (const TermId bad : {kDefaultGraph, kAnyNamedGraph, TermId{5}, kFirstLocalId, TermId{1} << 40,
                           kFirstTermId + 1000}) {
    EXPECT_EQ(store.count(QuadIds{.subject = bad, .graph = kAnyTerm}), 0u) << bad;
    if (bad != kDefaultGraph && bad != kAnyNamedGraph) {
      EXPECT_EQ(store.count(QuadIds{.graph = bad}), 0u) << bad;
    }
    EXPECT_TRUE(all_matches(store, QuadIds{.object = bad}).empty());
  }
}

TEST(MemoryStoreTest, StatisticsPerPredicate) {
  MemoryStore store;
  add_trig(store,
           "<a> <p> <x>, <y> . <b> <p> <x> . <a> <q> 1 .\n"
           "<g> { <a> <p> <x> } <h> { <a> <p> <x> . <c> <p> <z> }");
  const Statistics& stats = store.statistics();
  const auto p = stats.default_graph.predicate(id_of(store, "http://example.org/p"));
  EXPECT_EQ(p.triples, 3u);
  EXPECT_EQ(p.distinct_subjects, 2u);
  EXPECT_EQ(p.distinct_objects, 2u);
  EXPECT_EQ(stats.default_graph.triples, 4u);
  EXPECT_EQ(stats.default_graph.distinct_subjects, 2u);
  EXPECT_EQ(stats.default_graph.distinct_predicates, 2u);
  EXPECT_EQ(stats.default_graph.distinct_objects, 3u);
  const auto np = stats.named_graphs.predicate(id_of(store, "http://example.org/p"));
  EXPECT_EQ(np.triples, 3u);
  EXPECT_EQ(np.distinct_subjects, 2u);
  EXPECT_EQ(np.distinct_objects, 2u);
  EXPECT_EQ(stats.named_graphs.predicate(id_of(store, "http://example.org/q")).triples, 0u);
}

struct QuadCollector final : io::QuadSink {
  Status on_quad(const QuadRef& quad) override {
    quads.emplace_back(quad);
    return {};
  }
  std::vector<Quad> quads;
};

/// Random quads over a small vocabulary, so every pattern has hits and
/// subjects, objects and graph names share ids.
class RandomStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::mt19937 rng(20240611);
    // Short names stand for IRIs; `_:` and `"` start blank nodes and literals.
    const std::vector<std::string> nodes = {"n0", "n1", "n2", "n3", "n4", "_:b0", "_:b1"};
    const std::vector<std::string> predicates = {"n0", "p1", "p2", "p3"};
    const std::vector<std::string> objects = {
        "n0",      "n1",    "n3",
        "_:b1",    "\"1\"", "\"01\"^^<http://www.w3.org/2001/XMLSchema#integer>",
        "\"1\"@en"};
    const std::vector<std::string> graphs = {"", "", "n1", "g1", "g2"};
    auto pick = [&](const std::vector<std::string>& v) {
      const std::string& name = v[rng() % v.size()];
      if (name.empty() || name[0] == '_' || name[0] == '"') return name;
      return "<http://example.org/" + name + ">";
    };
    std::string text;
    for (int i = 0; i < 600; ++i) {
      text +=
          pick(nodes) + " " + pick(predicates) + " " + pick(objects) + " " + pick(graphs) + " .\n";
    }
    io::ReadOptions options;
    options.format = io::Format::NQuads;
    options.base_iri = "http://example.org/";
    ASSERT_TRUE(load_string(store_, text, "random.nq", options).ok());

    // The ground truth, through the dictionary only: the distinct quads read.
    QuadCollector read;
    ASSERT_TRUE(io::read_string(text, "random.nq", options, read).ok());
    std::set<std::tuple<TermId, TermId, TermId, TermId>> distinct;
    for (const Quad& q : read.quads) {
      const TermId g = q.graph.is_none() ? kDefaultGraph : store_.find_id(q.graph.ref());
      distinct.emplace(store_.find_id(q.subject.ref()), store_.find_id(q.predicate.ref()),
                       store_.find_id(q.object.ref()), g);
    }
    for (const auto& [s, p, o, g] : distinct) expected_.push_back(QuadIds{s, p, o, g});
    for (TermId id = kFirstTermId; id < kFirstTermId + store_.term_count(); ++id)
      ids_.push_back(id);
  }

  MemoryStore store_;
  std::vector<QuadIds> expected_;
  std::vector<TermId> ids_;
};

TEST_F(RandomStoreTest, SizeCountsDistinctQuads) {
  EXPECT_EQ(store_.size(), expected_.size());
  EXPECT_LT(expected_.size(), 600u);  // the vocabulary forces duplicates
}

TEST_F(RandomStoreTest, EveryPatternShapeMatchesBruteForce) {
  std::vector<TermId> choices = ids_;
  choices.push_back(kAnyTerm);
  std::vector<TermId> graphs = ids_;
  for (const TermId g : {kAnyTerm, kDefaultGraph, kAnyNamedGraph}) graphs.push_back(g);
  std::size_t patterns = 0;
  for (const TermId s : choices) {
    for (const TermId p : choices) {
      for (const TermId o : choices) {
        for (const TermId g : graphs) {
          const QuadIds pattern{s, p, o, g};
          std::vector<QuadIds> want;
          for (const auto& q : expected_) {
            if (matches(pattern, q)) want.push_back(q);
          }
          const auto order = MemoryStore::match_order(pattern);
          std::sort(want.begin(), want.end(),
                    [&](const QuadIds& a, const QuadIds& b) { return ordered_by(order, a, b); });
          // Exactly the brute-force set, already in match_order.
          ASSERT_EQ(all_matches(store_, pattern), want) << s << " " << p << " " << o << " " << g;
          ASSERT_EQ(store_.count(pattern), want.size());
          ASSERT_EQ(store_.estimate(pattern), static_cast<double>(want.size()));
          ++patterns;
        }
      }
    }
  }
  EXPECT_GT(patterns, 10000u);
}

TEST_F(RandomStoreTest, GraphNamesAreSortedAndComplete) {
  std::set<TermId> want;
  for (const auto& q : expected_) {
    if (q.graph != kDefaultGraph) want.insert(q.graph);
  }
  EXPECT_EQ(store_.graph_names(), std::vector<TermId>(want.begin(), want.end()));
}

}  // namespace
}  // namespace quiver::store

namespace quiver::store {
namespace {

TEST(MemoryStoreClearGraph, RemovesOneGraphOnly) {
  MemoryStore store;
  const auto iri = [&](const char* s) { return store.intern(Term::iri(s).ref()); };
  const TermId s = iri("http://e/s");
  const TermId p = iri("http://e/p");
  const TermId g1 = iri("http://e/g1");
  const TermId g2 = iri("http://e/g2");
  store.add(QuadIds{s, p, iri("http://e/o1"), kDefaultGraph});
  store.add(QuadIds{s, p, iri("http://e/o2"), g1});
  store.add(QuadIds{s, p, iri("http://e/o3"), g1});
  store.add(QuadIds{s, p, iri("http://e/o4"), g2});
  EXPECT_EQ(store.clear_graph(g1), 2u);
  EXPECT_EQ(store.count(QuadIds{kAnyTerm, kAnyTerm, kAnyTerm, g1}), 0u);
  EXPECT_EQ(store.count(QuadIds{kAnyTerm, p, kAnyTerm, kAnyNamedGraph}), 1u);
  EXPECT_EQ(store.graph_names(), std::vector<TermId>{g2});
  EXPECT_EQ(store.clear_graph(kDefaultGraph), 1u);
  EXPECT_EQ(store.count(QuadIds{kAnyTerm, kAnyTerm, kAnyTerm, kDefaultGraph}), 0u);
  EXPECT_EQ(store.size(), 1u);
  // Adding after a clear works as before.
  store.add(QuadIds{s, p, iri("http://e/o5"), g1});
  EXPECT_EQ(store.count(QuadIds{kAnyTerm, kAnyTerm, kAnyTerm, g1}), 1u);
}

}  // namespace
}  // namespace quiver::store
