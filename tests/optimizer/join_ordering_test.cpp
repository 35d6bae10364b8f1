// order_joins: inside a BGP, the most selective pattern comes first (by the
// store's counts), then patterns connected to what is already bound, and
// patterns sharing no variable last.

#include "optimizer_test_util.hpp"
#include "store/memory_store.hpp"
#include "store/store_loader.hpp"

namespace quiver::optimizer::testing {
namespace {

// Counts: :type 8, :knows 6, :name 4 (one "Alice"), :email 1, :age 3.
constexpr std::string_view kData = R"(
@prefix : <http://ex/> .
:a :type :Person ; :name "Alice" ; :email "a@ex" ; :knows :b , :c ; :age 30 .
:b :type :Person ; :name "Bob" ; :knows :c , :d ; :age 40 .
:c :type :Person ; :name "Carol" ; :knows :a .
:d :type :Person ; :name "Dan" ; :knows :a ; :age 50 .
:e :type :Robot . :f :type :Robot . :g :type :Robot . :h :type :Robot .
)";

class JoinOrderingTest : public ::testing::TestWithParam<PassCase> {
 protected:
  static void SetUpTestSuite() {
    store_ = new store::MemoryStore();
    io::ReadOptions options;
    options.format = io::Format::Turtle;
    const auto loaded = store::load_string(*store_, kData, "data.ttl", options);
    ASSERT_TRUE(loaded.ok()) << loaded.error().to_string();
  }
  static void TearDownTestSuite() {
    delete store_;
    store_ = nullptr;
  }
  static store::MemoryStore* store_;
};

store::MemoryStore* JoinOrderingTest::store_ = nullptr;

TEST_P(JoinOrderingTest, Orders) {
  EXPECT_EQ(after_pass(order_joins, GetParam().query, PassContext{store_->current().get()}),
            GetParam().expected);
}

const std::vector<PassCase> kOrdering = {
    {"SelectiveConstantFirst", "{ ?s :type :Person . ?s :name \"Alice\" }",
     "(bgp (triple ?s <http://ex/name> \"Alice\") (triple ?s <http://ex/type> "
     "<http://ex/Person>))"},
    {"RarePredicateFirst", "{ ?s :knows ?o . ?s :email ?e }",
     "(bgp (triple ?s <http://ex/email> ?e) (triple ?s <http://ex/knows> ?o))"},
    {"AbsentConstantFirst", "{ ?s :knows ?o . ?s :name \"Zed\" }",
     "(bgp (triple ?s <http://ex/name> \"Zed\") (triple ?s <http://ex/knows> ?o))"},
    // After :email binds ?s, :knows (6) and :name (4) are connected; :age
    // (3) is smaller but shares nothing, so it comes last.
    {"ConnectedBeforeDisconnected", "{ ?x :age ?n . ?s :knows ?o . ?s :email ?e }",
     "(bgp (triple ?s <http://ex/email> ?e) (triple ?s <http://ex/knows> ?o) "
     "(triple ?x <http://ex/age> ?n))"},
    {"ChainFollowsTheJoinVariables", "{ ?c :name ?n . ?a :knows ?b . ?b :knows ?c . ?a :email ?e }",
     "(bgp (triple ?a <http://ex/email> ?e) (triple ?a <http://ex/knows> ?b) "
     "(triple ?b <http://ex/knows> ?c) (triple ?c <http://ex/name> ?n))"},
    {"InsideOptionalAndUnion",
     "{ { ?s :type :Person . ?s :email ?e } UNION { ?s :type ?t . ?s :age 40 } "
     "OPTIONAL { ?s :knows ?k . ?k :name \"Alice\" } }",
     "(leftjoin (union (bgp (triple ?s <http://ex/email> ?e) "
     "(triple ?s <http://ex/type> <http://ex/Person>)) (bgp (triple ?s <http://ex/age> 40) "
     "(triple ?s <http://ex/type> ?t))) (bgp (triple ?k <http://ex/name> \"Alice\") "
     "(triple ?s <http://ex/knows> ?k)))"},
    {"AlreadyGoodOrderKept", "{ ?s :email ?e . ?s :knows ?o }",
     "(bgp (triple ?s <http://ex/email> ?e) (triple ?s <http://ex/knows> ?o))"},
};

INSTANTIATE_TEST_SUITE_P(Cases, JoinOrderingTest, ::testing::ValuesIn(kOrdering), case_name);

TEST(JoinOrdering, WithoutStatisticsTheWrittenOrderStays) {
  const std::string query = "{ ?s :type :Person . ?s :name \"Alice\" }";
  EXPECT_EQ(after_pass(order_joins, query),
            "(bgp (triple ?s <http://ex/type> <http://ex/Person>) (triple ?s <http://ex/name> "
            "\"Alice\"))");
}

TEST(JoinOrdering, EstimatesFollowTheCounts) {
  store::MemoryStore store;
  io::ReadOptions options;
  options.format = io::Format::Turtle;
  ASSERT_TRUE(store::load_string(store, kData, "data.ttl", options).ok());
  const auto snapshot = store.current();
  const PassContext context{snapshot.get()};
  auto estimate = [&](std::string_view q) {
    const sparql::OpPtr op = parse_pattern(q);
    return op ? estimate_rows(*op, context) : -1.0;
  };
  EXPECT_EQ(estimate("{ ?s :type ?t }"), 8);
  EXPECT_EQ(estimate("{ ?s :type :Person . ?s :name \"Alice\" }"), 1);
  EXPECT_EQ(estimate("{ ?s :name \"Zed\" }"), 0);
  EXPECT_EQ(estimate("{ { ?s :knows ?o } UNION { ?s :age ?o } }"), 9);
  EXPECT_EQ(estimate("SELECT * { ?s :type ?t } LIMIT 2"), 2);
  EXPECT_EQ(estimate("{}"), 1);
}

}  // namespace
}  // namespace quiver::optimizer::testing
