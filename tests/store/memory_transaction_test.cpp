#include "store/memory_transaction.hpp"

#include <gtest/gtest.h>

#include <thread>

#include "store/memory_store.hpp"
#include "test_store.hpp"

namespace quiver::store {
namespace {

using testing::add_trig;

class TransactionTest : public ::testing::Test {
 protected:
  TermId iri(Transaction& tx, const std::string& name) {
    auto id = tx.intern(Term::iri("http://e/" + name).ref());
    EXPECT_TRUE(id.ok());
    return *id;
  }
  std::unique_ptr<Transaction> begin() {
    auto tx = store_.begin();
    EXPECT_TRUE(tx.ok());
    return std::move(*tx);
  }
  std::uint64_t graph_size(const Dataset& d, TermId g) {
    return d.count(QuadIds{kAnyTerm, kAnyTerm, kAnyTerm, g});
  }

  MemoryStore store_;
};

TEST_F(TransactionTest, ClearKeepsTheGraphDropRemovesItOnlyOneGraphIsTouched) {
  auto tx = begin();
  const TermId s = iri(*tx, "s"), p = iri(*tx, "p"), g1 = iri(*tx, "g1"), g2 = iri(*tx, "g2");
  ASSERT_TRUE(tx->insert(QuadIds{s, p, iri(*tx, "o1"), kDefaultGraph}).ok());
  ASSERT_TRUE(tx->insert(QuadIds{s, p, iri(*tx, "o2"), g1}).ok());
  ASSERT_TRUE(tx->insert(QuadIds{s, p, iri(*tx, "o3"), g1}).ok());
  ASSERT_TRUE(tx->insert(QuadIds{s, p, iri(*tx, "o4"), g2}).ok());
  ASSERT_TRUE(tx->clear_graph(g1).ok());
  EXPECT_EQ(graph_size(*tx, g1), 0u);
  EXPECT_TRUE(tx->has_graph(g1));
  EXPECT_EQ(tx->count(QuadIds{kAnyTerm, p, kAnyTerm, kAnyNamedGraph}), 1u);
  ASSERT_TRUE(tx->drop_graph(g1).ok());
  EXPECT_FALSE(tx->has_graph(g1));
  EXPECT_EQ(tx->graph_names(), std::vector<TermId>{g2});
  ASSERT_TRUE(tx->clear_graph(kDefaultGraph).ok());
  EXPECT_EQ(graph_size(*tx, kDefaultGraph), 0u);
  EXPECT_EQ(tx->size(), 1u);
  // Adding after a clear works as before.
  ASSERT_TRUE(tx->insert(QuadIds{s, p, iri(*tx, "o5"), g1}).ok());
  EXPECT_EQ(graph_size(*tx, g1), 1u);
  ASSERT_TRUE(tx->commit().ok());
  EXPECT_EQ(store_.snapshot()->size(), 2u);
}

TEST_F(TransactionTest, EmptyNamedGraphsExist) {
  auto tx = begin();
  const TermId g = iri(*tx, "empty");
  ASSERT_TRUE(tx->create_graph(g).ok());
  ASSERT_TRUE(tx->commit().ok());
  const auto v = store_.snapshot();
  EXPECT_TRUE(v->has_graph(g));
  EXPECT_EQ(v->graph_names(), std::vector<TermId>{g});
  EXPECT_EQ(v->size(), 0u);
}

TEST_F(TransactionTest, ReadsInsideSeeTheTransactionsOwnChangesInOrder) {
  auto tx = begin();
  const QuadIds q{iri(*tx, "s"), iri(*tx, "p"), iri(*tx, "o"), kDefaultGraph};
  ASSERT_TRUE(tx->insert(q).ok());
  EXPECT_EQ(tx->count(q), 1u);
  ASSERT_TRUE(tx->remove(q).ok());
  EXPECT_EQ(tx->count(q), 0u);
  ASSERT_TRUE(tx->insert(q).ok());
  ASSERT_TRUE(tx->remove(q).ok());
  ASSERT_TRUE(tx->insert(q).ok());
  ASSERT_TRUE(tx->commit().ok());
  EXPECT_EQ(store_.snapshot()->count(q), 1u);
}

// Reading a transaction once it is over is a caller's mistake, but it must
// not crash: it sees the store as it is, and every write is refused.
TEST_F(TransactionTest, ReadsAfterTheEndSeeTheStoreAndWritesAreRefused) {
  add_trig(store_, "<http://e/a> <http://e/p> <http://e/b> .");
  auto tx = begin();
  const QuadIds q{iri(*tx, "x"), iri(*tx, "y"), iri(*tx, "z"), kDefaultGraph};
  ASSERT_TRUE(tx->insert(q).ok());
  tx->rollback();
  EXPECT_EQ(tx->size(), 1u);
  EXPECT_EQ(tx->count(QuadIds{kAnyTerm, kAnyTerm, kAnyTerm, kAnyTerm}), 1u);
  EXPECT_FALSE(tx->insert(q).ok());
  EXPECT_FALSE(tx->commit().ok());
  auto committed = begin();
  ASSERT_TRUE(committed
                  ->insert(QuadIds{iri(*committed, "x"), iri(*committed, "y"), iri(*committed, "z"),
                                   kDefaultGraph})
                  .ok());
  ASSERT_TRUE(committed->commit().ok());
  EXPECT_EQ(committed->size(), 2u);
  EXPECT_FALSE(committed->remove(q).ok());
}

TEST_F(TransactionTest, RollbackLeavesNothingNotEvenTerms) {
  add_trig(store_, "<http://e/a> <http://e/p> <http://e/b> .");
  const std::size_t terms = store_.term_count();
  {
    auto tx = begin();
    ASSERT_TRUE(
        tx->insert(QuadIds{iri(*tx, "x"), iri(*tx, "y"), iri(*tx, "z"), kDefaultGraph}).ok());
    ASSERT_TRUE(tx->clear_graph(kDefaultGraph).ok());
    tx->rollback();
  }
  {
    auto tx = begin();
    iri(*tx, "dropped when the transaction is destroyed");
  }
  const auto v = store_.snapshot();
  EXPECT_EQ(v->size(), 1u);
  EXPECT_EQ(store_.term_count(), terms);
  EXPECT_EQ(v->find_id(Term::iri("http://e/x").ref()), kAnyTerm);
}

TEST_F(TransactionTest, SavepointUndoesPartOfATransaction) {
  auto tx = begin();
  const TermId p = iri(*tx, "p");
  ASSERT_TRUE(tx->insert(QuadIds{iri(*tx, "kept"), p, p, kDefaultGraph}).ok());
  const auto point = tx->savepoint();
  ASSERT_TRUE(tx->insert(QuadIds{iri(*tx, "undone"), p, p, kDefaultGraph}).ok());
  ASSERT_TRUE(tx->clear_graph(kDefaultGraph).ok());
  tx->rollback_to(point);
  ASSERT_TRUE(tx->commit().ok());
  const auto v = store_.snapshot();
  EXPECT_EQ(v->size(), 1u);
  EXPECT_NE(v->find_id(Term::iri("http://e/kept").ref()), kAnyTerm);
  EXPECT_EQ(v->find_id(Term::iri("http://e/undone").ref()), kAnyTerm);
}

// The property the server relies on: a reader holds a state that no later
// commit changes, and a writer neither waits for it nor is seen by it.
TEST_F(TransactionTest, SnapshotsNeverSeeLaterCommits) {
  add_trig(store_, "<http://e/a> <http://e/p> <http://e/b> .");
  const auto before = store_.snapshot();
  auto tx = begin();
  const TermId p = iri(*tx, "p");
  for (int i = 0; i < 10000; ++i) {
    ASSERT_TRUE(tx->insert(QuadIds{iri(*tx, "n" + std::to_string(i)), p, p, kDefaultGraph}).ok());
  }
  EXPECT_EQ(store_.snapshot()->size(), 1u);  // not committed yet
  ASSERT_TRUE(tx->commit().ok());
  EXPECT_EQ(before->size(), 1u);
  EXPECT_EQ(before->find_id(Term::iri("http://e/n5").ref()), kAnyTerm);
  EXPECT_EQ(before->count(QuadIds{kAnyTerm, p, kAnyTerm, kDefaultGraph}), 1u);
  EXPECT_EQ(store_.snapshot()->size(), 10001u);
}

TEST_F(TransactionTest, OneWriterAtATime) {
  auto first = begin();
  auto second = store_.begin(/*wait=*/false);
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.error().kind, ErrorKind::Conflict);
  std::thread waiter([&] {
    auto third = store_.begin(/*wait=*/true);
    ASSERT_TRUE(third.ok());
    EXPECT_EQ((*third)->size(), 1u);  // sees the first one's commit
  });
  ASSERT_TRUE(
      first->insert(QuadIds{iri(*first, "s"), iri(*first, "p"), iri(*first, "o"), kDefaultGraph})
          .ok());
  ASSERT_TRUE(first->commit().ok());
  waiter.join();
}

TEST_F(TransactionTest, ReadersRunWhileAWriterCommits) {
  add_trig(store_, "<http://e/a> <http://e/p> <http://e/b> .");
  std::atomic<bool> done{false};
  std::thread reader([&] {
    while (!done.load()) {
      const auto v = store_.snapshot();
      const std::uint64_t n = v->size();
      // A snapshot is all of a commit or none of it: sizes step by 100.
      ASSERT_EQ((n - 1) % 100, 0u);
      ASSERT_EQ(v->count(QuadIds{.graph = kAnyTerm}), n);
    }
  });
  for (int c = 0; c < 50; ++c) {
    auto tx = begin();
    const TermId p = iri(*tx, "p");
    for (int i = 0; i < 100; ++i) {
      const std::string name = "c" + std::to_string(c) + "_" + std::to_string(i);
      ASSERT_TRUE(tx->insert(QuadIds{iri(*tx, name), p, p, kDefaultGraph}).ok());
    }
    ASSERT_TRUE(tx->commit().ok());
  }
  done = true;
  reader.join();
  EXPECT_EQ(store_.snapshot()->size(), 5001u);
}

TEST_F(TransactionTest, LanguageTagsMatchCaseInsensitively) {
  add_trig(store_, "<http://e/a> <http://e/p> \"chat\"@FR .");
  const auto v = store_.snapshot();
  const TermId lower = v->find_id(Term::literal("chat", "", "fr").ref());
  ASSERT_NE(lower, kAnyTerm);
  EXPECT_EQ(v->count(QuadIds{.object = lower}), 1u);
  EXPECT_EQ(v->term(lower).language, "FR");
}

// The bulk path (terms hashed and prefetched ahead, one lookup per run of
// subjects) stores what inserting the quads one by one stores: the same
// ids, language tags folded, graphs created; more quads than the
// prefetch distance, with repeats.
TEST_F(TransactionTest, InsertingManyQuadsAtOnceEqualsInsertingThemOneByOne) {
  std::vector<Term> terms;
  for (int i = 0; i < 40; ++i) terms.push_back(Term::iri("http://e/t" + std::to_string(i % 13)));
  terms.push_back(Term::literal("chat", "", "FR"));
  terms.push_back(Term::literal("chat", "", "fr"));
  terms.push_back(Term::literal("1", "http://www.w3.org/2001/XMLSchema#integer"));
  std::vector<QuadRef> quads;
  for (std::size_t i = 0; i < 200; ++i) {
    const Term& graph = terms[(i * 7) % 13];
    quads.push_back({terms[i / 9 % terms.size()].ref(), terms[(i * 3) % 13].ref(),
                     terms[(i * 11) % terms.size()].ref(), i % 5 == 0 ? graph.ref() : TermRef{}});
  }
  MemoryStore one_by_one;
  {
    auto tx = one_by_one.begin();
    ASSERT_TRUE(tx.ok());
    for (const QuadRef& q : quads) ASSERT_TRUE((*tx)->insert(q).ok());
    ASSERT_TRUE((*tx)->commit().ok());
  }
  auto tx = begin();
  std::size_t inserted = 0;
  ASSERT_TRUE(tx->insert(std::span<const QuadRef>(quads), inserted).ok());
  EXPECT_EQ(inserted, quads.size());
  ASSERT_TRUE(tx->commit().ok());

  const auto a = one_by_one.snapshot(), b = store_.snapshot();
  EXPECT_EQ(a->size(), b->size());
  EXPECT_EQ(a->graph_names().size(), b->graph_names().size());
  EXPECT_GT(b->graph_names().size(), 1u);
  for (const QuadRef& q : quads) {
    const QuadIds ids{b->find_id(q.subject), b->find_id(q.predicate), b->find_id(q.object),
                      q.graph.is_none() ? kDefaultGraph : b->find_id(q.graph)};
    EXPECT_EQ(b->count(ids), 1u);
  }
  EXPECT_EQ(b->find_id(terms[40].ref()), b->find_id(terms[41].ref()));
}

}  // namespace
}  // namespace quiver::store
