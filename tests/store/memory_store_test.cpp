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
  return store.current()->find_id(Term::iri(iri).ref());
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
  const auto v = store.snapshot();
  EXPECT_EQ(v->size(), 0u);
  EXPECT_TRUE(all_matches(*v, QuadIds{.graph = kAnyTerm}).empty());
  EXPECT_EQ(v->count(QuadIds{.graph = kAnyTerm}), 0u);
  EXPECT_TRUE(v->graph_names().empty());
}

TEST(MemoryStoreTest, DuplicatesAreDroppedPerGraph) {
  MemoryStore store;
  add_trig(store,
           "<s> <p> <o> . <s> <p> <o> .\n"
           "<g> { <s> <p> <o> . <s> <p> <o> . }\n"
           "<h> { <s> <p> <o> . }\n");
  add_trig(store, "<s> <p> <o> . <g> { <s> <p> <o> . }");
  const auto v = store.snapshot();
  EXPECT_EQ(v->size(), 3u);
  EXPECT_EQ(v->count(QuadIds{}), 1u);
  EXPECT_EQ(v->count(QuadIds{.graph = kAnyNamedGraph}), 2u);
  EXPECT_EQ(v->count(QuadIds{.graph = kAnyTerm}), 3u);
  const std::vector<TermId> graphs = {id_of(store, "http://example.org/g"),
                                      id_of(store, "http://example.org/h")};
  EXPECT_EQ(v->graph_names(), graphs);
}

TEST(MemoryStoreTest, KeepsExactLexicalForms) {
  MemoryStore store;
  add_trig(store, "<s> <p> 01, 1, \"1\"^^<http://www.w3.org/2001/XMLSchema#integer>, \"1\" .");
  const auto v = store.snapshot();
  EXPECT_EQ(v->size(), 3u);  // 1 and "1"^^xsd:integer are the same term
  const std::string integer = std::string(vocab::kXsd) + "integer";
  const TermId zero_one = v->find_id(Term::literal("01", integer).ref());
  ASSERT_NE(zero_one, kAnyTerm);
  EXPECT_EQ(v->term(zero_one).value, "01");
  EXPECT_NE(zero_one, v->find_id(Term::literal("1", integer).ref()));
  EXPECT_EQ(v->count(QuadIds{.object = zero_one}), 1u);
}

TEST(MemoryStoreTest, TermViewsSurviveLaterAdds) {
  MemoryStore store;
  add_trig(store, "<s> <p> \"a literal\"@en .");
  const auto before = store.snapshot();
  const TermRef view = before->term(before->find_id(Term::literal("a literal", "", "en").ref()));
  std::string more;
  for (int i = 0; i < 50000; ++i)
    more += "<s" + std::to_string(i) + "> <p> \"v" + std::to_string(i) + "\" .\n";
  add_trig(store, more);
  EXPECT_EQ(store.snapshot()->size(), 50001u);
  EXPECT_EQ(view.value, "a literal");
  EXPECT_EQ(view.language, "en");
}

TEST(MemoryStoreTest, AddingAfterReadsRebuildsTheIndexes) {
  MemoryStore store;
  add_trig(store, "<a> <p> <b> . <g> { <a> <p> <c> }");
  EXPECT_EQ(store.snapshot()->size(), 2u);
  const TermId p = id_of(store, "http://example.org/p");
  EXPECT_EQ(store.snapshot()->count(QuadIds{.predicate = p, .graph = kAnyTerm}), 2u);
  add_trig(store, "<c> <p> <d> . <a> <p> <b> . <g> { <a> <p> <c> . <x> <p> <y> }");
  const auto v = store.snapshot();
  EXPECT_EQ(v->size(), 4u);
  EXPECT_EQ(v->count(QuadIds{.predicate = p}), 2u);
  EXPECT_EQ(v->count(QuadIds{.predicate = p, .graph = kAnyNamedGraph}), 2u);
}

// A pattern with only its predicate bound is read from PSO (PSOG, GPSO):
// subjects ascend, in the default graph, over all named graphs and in one.
TEST(MemoryStoreTest, APredicateAloneGivesItsStatementsBySubject) {
  MemoryStore store;
  // Objects in the opposite order of subjects, so that POS would differ.
  add_trig(store,
           "<s3> <p> <o1> . <s1> <p> <o3> . <s2> <p> <o2> . <s1> <p> <o0> . "
           "<g> { <s3> <p> <o1> . <s1> <p> <o3> . <s2> <p> <o2> } "
           "<h> { <s2> <p> <o0> }");
  const auto v = store.snapshot();
  const TermId p = id_of(store, "http://example.org/p");
  const TermId g = id_of(store, "http://example.org/g");
  for (const TermId graph : {kDefaultGraph, kAnyNamedGraph, g}) {
    const auto rows = all_matches(*v, QuadIds{.predicate = p, .graph = graph});
    ASSERT_FALSE(rows.empty()) << graph;
    for (std::size_t i = 1; i < rows.size(); ++i) {
      EXPECT_LE(rows[i - 1].subject, rows[i].subject) << graph;
      if (graph != kAnyNamedGraph && rows[i - 1].subject == rows[i].subject) {
        EXPECT_LT(rows[i - 1].object, rows[i].object) << graph;
      }
    }
  }
}

TEST(MemoryStoreTest, IdsOutsideTheDictionaryMatchNothing) {
  MemoryStore store;
  add_trig(store, "<a> <p> <b> . <g> { <a> <p> <c> }");
  const auto v = store.snapshot();
  for (const TermId bad : {kDefaultGraph, kAnyNamedGraph, TermId{5}, kFirstLocalId, TermId{1} << 40,
                           kFirstTermId + 1000}) {
    EXPECT_EQ(v->count(QuadIds{.subject = bad, .graph = kAnyTerm}), 0u) << bad;
    if (bad != kDefaultGraph && bad != kAnyNamedGraph) {
      EXPECT_EQ(v->count(QuadIds{.graph = bad}), 0u) << bad;
    }
    EXPECT_TRUE(all_matches(*v, QuadIds{.object = bad}).empty());
  }
}

TEST(MemoryStoreTest, StatisticsPerPredicate) {
  MemoryStore store;
  add_trig(store,
           "<a> <p> <x>, <y> . <b> <p> <x> . <a> <q> 1 .\n"
           "<g> { <a> <p> <x> } <h> { <a> <p> <x> . <c> <p> <z> }");
  const Statistics stats = store.current()->statistics();
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
/// subjects, objects and graph names share ids. Loaded in one bulk load
/// (everything in the base), or in many small transactions with removals
/// between them (rows spread over base, added and removed layers).
class RandomStoreTest : public ::testing::TestWithParam<bool> {
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
    std::vector<std::string> lines;
    for (int i = 0; i < 600; ++i) {
      lines.push_back(pick(nodes) + " " + pick(predicates) + " " + pick(objects) + " " +
                      pick(graphs) + " .\n");
    }
    io::ReadOptions options;
    options.format = io::Format::NQuads;
    options.base_iri = "http://example.org/";
    std::string text;
    for (const auto& l : lines) text += l;
    QuadCollector read;
    ASSERT_TRUE(io::read_string(text, "random.nq", options, read).ok());
    std::set<std::tuple<TermId, TermId, TermId, TermId>> distinct;
    if (!GetParam()) {
      ASSERT_TRUE(load_string(store_, text, "random.nq", options).ok());
    } else {
      // Ten transactions of 60 lines; after each, every 7th quad of it is removed.
      for (std::size_t from = 0; from < read.quads.size(); from += 60) {
        auto tx = store_.begin();
        ASSERT_TRUE(tx.ok());
        for (std::size_t i = from; i < from + 60 && i < read.quads.size(); ++i) {
          ASSERT_TRUE((*tx)->insert(read.quads[i].ref()).ok());
        }
        for (std::size_t i = from; i < from + 60 && i < read.quads.size(); i += 7) {
          const Quad& q = read.quads[i];
          const QuadIds ids{(*tx)->find_id(q.subject.ref()), (*tx)->find_id(q.predicate.ref()),
                            (*tx)->find_id(q.object.ref()),
                            q.graph.is_none() ? kDefaultGraph : (*tx)->find_id(q.graph.ref())};
          ASSERT_TRUE((*tx)->remove(ids).ok());
          removed_.insert(i);
        }
        ASSERT_TRUE((*tx)->commit().ok());
      }
    }
    const auto v = store_.snapshot();
    // The ground truth, through the dictionary only: the distinct quads
    // left, each batch's inserts applied before its removals.
    const auto key_of = [&](const Quad& q) {
      const TermId g = q.graph.is_none() ? kDefaultGraph : v->find_id(q.graph.ref());
      return std::make_tuple(v->find_id(q.subject.ref()), v->find_id(q.predicate.ref()),
                             v->find_id(q.object.ref()), g);
    };
    for (std::size_t from = 0; from < read.quads.size(); from += 60) {
      const std::size_t to = std::min(from + 60, read.quads.size());
      for (std::size_t i = from; i < to; ++i) distinct.insert(key_of(read.quads[i]));
      for (std::size_t i = from; i < to; ++i) {
        if (removed_.count(i)) distinct.erase(key_of(read.quads[i]));
      }
    }
    for (const auto& [s, p, o, g] : distinct) expected_.push_back(QuadIds{s, p, o, g});
    for (TermId id = kFirstTermId; id < kFirstTermId + store_.term_count(); ++id)
      ids_.push_back(id);
  }

  MemoryStore store_;
  std::set<std::size_t> removed_;
  std::vector<QuadIds> expected_;
  std::vector<TermId> ids_;
};

INSTANTIATE_TEST_SUITE_P(BulkAndIncremental, RandomStoreTest, ::testing::Bool());

TEST_P(RandomStoreTest, SizeCountsDistinctQuads) {
  EXPECT_EQ(store_.snapshot()->size(), expected_.size());
  EXPECT_LT(expected_.size(), 600u);  // the vocabulary forces duplicates
  if (GetParam()) {
    EXPECT_GT(removed_.size(), 50u);
  }
}

TEST_P(RandomStoreTest, EveryPatternShapeMatchesBruteForce) {
  const auto v = store_.snapshot();
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
          const auto order = Version::match_order(pattern);
          std::sort(want.begin(), want.end(),
                    [&](const QuadIds& a, const QuadIds& b) { return ordered_by(order, a, b); });
          // Exactly the brute-force set, already in match_order.
          ASSERT_EQ(all_matches(*v, pattern), want) << s << " " << p << " " << o << " " << g;
          ASSERT_EQ(v->count(pattern), want.size());
          ASSERT_EQ(v->stats(pattern).matches, static_cast<double>(want.size()));
          ++patterns;
        }
      }
    }
  }
  EXPECT_GT(patterns, 10000u);
}

TEST_P(RandomStoreTest, GraphNamesAreSortedAndComplete) {
  std::set<TermId> want;
  for (const auto& q : expected_) {
    if (q.graph != kDefaultGraph) want.insert(q.graph);
  }
  // Removing a graph's last quad leaves the graph there, empty.
  const auto names = store_.snapshot()->graph_names();
  for (const TermId g : want) EXPECT_TRUE(std::binary_search(names.begin(), names.end(), g));
  if (!GetParam()) {
    EXPECT_EQ(names, std::vector<TermId>(want.begin(), want.end()));
  }
}

}  // namespace
}  // namespace quiver::store

namespace quiver::store {
namespace {

// A graph replaced again and again with new blank nodes (a Graph Store PUT
// loop) must not grow the dictionary for ever: terms no quad uses are
// dropped once they are most of it, and a snapshot taken before still
// reads its own terms.
TEST(MemoryStoreCompactionTest, TermsNoQuadUsesAreDroppedWhileOldSnapshotsStillRead) {
  MemoryStore store;
  add_trig(store, "<http://e/a> <http://e/p> \"kept\" .");
  {
    auto tx = store.begin();
    ASSERT_TRUE(tx.ok());
    auto empty = (*tx)->intern(Term::iri("http://e/empty").ref());
    ASSERT_TRUE(empty.ok() && (*tx)->create_graph(*empty).ok() && (*tx)->commit().ok());
  }
  const Term g = Term::iri("http://e/g"), p = Term::iri("http://e/p");
  const auto replace = [&](int round) {
    auto tx = store.begin();
    ASSERT_TRUE(tx.ok());
    auto graph = (*tx)->intern(g.ref());
    ASSERT_TRUE(graph.ok());
    ASSERT_TRUE((*tx)->drop_graph(*graph).ok());
    for (int k = 0; k < 300; ++k) {
      const Term node = Term::blank("r" + std::to_string(round) + "_" + std::to_string(k));
      ASSERT_TRUE((*tx)->insert(QuadRef{node.ref(), p.ref(), p.ref(), g.ref()}).ok());
    }
    ASSERT_TRUE((*tx)->commit().ok());
  };
  std::shared_ptr<const Version> early;
  for (int round = 0; round < 400; ++round) {
    replace(round);
    if (round == 10) early = store.current();
  }
  // 120,000 blank nodes were interned; at most the 65,536 of one check
  // period (and the few in use) are held.
  EXPECT_LT(store.term_count(), 70000u);
  const auto now = store.current();
  EXPECT_EQ(now->count(QuadIds{.graph = now->find_id(g.ref())}), 300u);
  EXPECT_NE(now->find_id(Term::blank("r399_7").ref()), kAnyTerm);
  EXPECT_EQ(now->find_id(Term::blank("r0_7").ref()), kAnyTerm);
  EXPECT_EQ(now->count(QuadIds{.object = now->find_id(Term::literal("kept").ref())}), 1u);
  EXPECT_TRUE(now->has_graph(now->find_id(Term::iri("http://e/empty").ref())));
  // The snapshot from round 10 reads round 10's nodes, by its own ids.
  const TermId old_node = early->find_id(Term::blank("r10_7").ref());
  ASSERT_NE(old_node, kAnyTerm);
  EXPECT_EQ(early->count(QuadIds{.subject = old_node, .graph = kAnyTerm}), 1u);
  EXPECT_EQ(early->term(old_node).value, "r10_7");
  EXPECT_EQ(early->count(QuadIds{.graph = early->find_id(g.ref())}), 300u);
}

}  // namespace
}  // namespace quiver::store

namespace quiver::store {
namespace {

// A load sorts only the canonical tables; prepare() sorts the others now
// (what quiver serve does before it listens), so no query pays for them.
TEST(MemoryStorePrepareTest, PrepareBuildsEveryTableALoadLeftForLater) {
  MemoryStore store;
  add_trig(store,
           "<http://e/a> <http://e/p> <http://e/b> . <http://e/g> { <http://e/a> <http://e/p> 1 }");
  const std::size_t before = store.index_memory();
  store.prepare();
  const std::size_t after = store.index_memory();
  // Triples: SPO, then POS, OSP and PSO too; quads: SPOG, then seven more.
  EXPECT_EQ(before, 1 * sizeof(Row<3>) + 1 * sizeof(Row<4>));
  EXPECT_EQ(after, 4 * sizeof(Row<3>) + 8 * sizeof(Row<4>));
}

}  // namespace
}  // namespace quiver::store
