// The planner: inside a BGP the most selective pattern comes first (by the
// store's counts and the variables already bound), then patterns connected
// to what is bound, patterns sharing no variable last; joins bind into a
// right side that can take bindings and hash otherwise; ORDER BY under a
// LIMIT keeps only the first rows. Cases are queries and the plan's text.

#include "optimizer/planner.hpp"

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

class PlannerTest : public ::testing::TestWithParam<PassCase> {
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

store::MemoryStore* PlannerTest::store_ = nullptr;

// The plan of `query`'s pattern, after the logical passes.
std::string plan_of(std::string_view query, const Dataset* data) {
  const sparql::OpPtr pattern = parse_pattern(query);
  if (!pattern) return "parse error";
  const PassContext context{data, {}};
  const sparql::OpPtr optimized = optimize(pattern, context);
  return plan::to_text(*plan_operator(*optimized, context));
}

TEST_P(PlannerTest, Plans) {
  EXPECT_EQ(plan_of(GetParam().query, store_->current().get()), GetParam().expected);
}

const std::vector<PassCase> kPlans = {
    {"SelectiveConstantFirst", "{ ?s :type :Person . ?s :name \"Alice\" }",
     "bgp\n    ?s <http://ex/name> \"Alice\"\n    ?s <http://ex/type> <http://ex/Person>\n"},
    {"RarePredicateFirst", "{ ?s :knows ?o . ?s :email ?e }",
     "bgp\n    ?s <http://ex/email> ?e\n    ?s <http://ex/knows> ?o\n"},
    {"AbsentConstantFirst", "{ ?s :knows ?o . ?s :name \"Zed\" }",
     "bgp\n    ?s <http://ex/name> \"Zed\"\n    ?s <http://ex/knows> ?o\n"},
    // After :email binds ?s, :knows (6) is connected; :age (3) is smaller
    // but shares nothing, so it comes last.
    {"ConnectedBeforeDisconnected", "{ ?x :age ?n . ?s :knows ?o . ?s :email ?e }",
     "bgp\n    ?s <http://ex/email> ?e\n    ?s <http://ex/knows> ?o\n    ?x <http://ex/age> ?n\n"},
    {"ChainFollowsTheJoinVariables", "{ ?c :name ?n . ?a :knows ?b . ?b :knows ?c . ?a :email ?e }",
     "bgp\n    ?a <http://ex/email> ?e\n    ?a <http://ex/knows> ?b\n    ?b <http://ex/knows> ?c\n"
     "    ?c <http://ex/name> ?n\n"},
    // The OPTIONAL binds into its BGP with ?s bound by the left: :knows is
    // then connected and goes before the more selective "Alice".
    {"OptionalBindsIntoItsPattern",
     "{ { ?s :type :Person . ?s :email ?e } UNION { ?s :type ?t . ?s :age 40 } "
     "OPTIONAL { ?s :knows ?k . ?k :name \"Alice\" } }",
     "leftjoin bind\n  union\n    bgp\n        ?s <http://ex/email> ?e\n"
     "        ?s <http://ex/type> <http://ex/Person>\n    bgp\n        ?s <http://ex/age> 40\n"
     "        ?s <http://ex/type> ?t\n  bgp\n      ?s <http://ex/knows> ?k\n"
     "      ?k <http://ex/name> \"Alice\"\n"},
    {"AlreadyGoodOrderKept", "{ ?s :email ?e . ?s :knows ?o }",
     "bgp\n    ?s <http://ex/email> ?e\n    ?s <http://ex/knows> ?o\n"},
    // A group with a filter cannot take bindings, but the BGP beside it
    // can: the sides swap and the filtered group drives.
    {"BindIntoTheSideThatCanTakeBindings", "{ ?s :knows ?o . { ?s :age ?a FILTER(?a > 35) } }",
     "join bind\n  filter (> ?a 35)\n    bgp\n        ?s <http://ex/age> ?a\n  bgp\n"
     "      ?s <http://ex/knows> ?o\n"},
    // Neither side can: a hash join on the variables both always bind, the
    // smaller side (:age, 3 rows) hashed.
    {"HashJoinWhenNeitherSideCanBind",
     "{ { ?s :knows ?o FILTER(?o != :a) } { ?s :age ?a FILTER(?a > 35) } }",
     "join hash on ?s\n  filter (!= ?o <http://ex/a>)\n    bgp\n        ?s <http://ex/knows> ?o\n"
     "  filter (> ?a 35)\n    bgp\n        ?s <http://ex/age> ?a\n"},
    {"MinusHashesOnSharedVariables", "{ ?s :type :Person MINUS { ?s :age ?a } }",
     "minus on ?s\n  bgp\n      ?s <http://ex/type> <http://ex/Person>\n  bgp\n"
     "      ?s <http://ex/age> ?a\n"},
    {"TopKUnderALimit", "SELECT ?s ?n WHERE { ?s :name ?n } ORDER BY ?n LIMIT 2 OFFSET 1",
     "slice offset 1 limit 2\n  project ?s ?n\n    order ?n, first 3\n      bgp\n"
     "          ?s <http://ex/name> ?n\n"},
    {"NoTopKBelowDistinct", "SELECT DISTINCT ?n WHERE { ?s :name ?n } ORDER BY ?n LIMIT 2",
     "slice offset 0 limit 2\n  distinct on ?n\n    project ?n\n      order ?n\n        bgp\n"
     "            ?s <http://ex/name> ?n\n"},
};

INSTANTIATE_TEST_SUITE_P(Cases, PlannerTest, ::testing::ValuesIn(kPlans), case_name);

TEST(Planner, WithoutStatisticsTheFewerVariablesFirst) {
  EXPECT_EQ(plan_of("{ ?s ?p ?o . ?s :name \"Alice\" }", nullptr),
            "bgp\n    ?s <http://ex/name> \"Alice\"\n    ?s ?p ?o\n");
}

TEST(Planner, EstimatesFollowTheCounts) {
  store::MemoryStore store;
  io::ReadOptions options;
  options.format = io::Format::Turtle;
  ASSERT_TRUE(store::load_string(store, kData, "data.ttl", options).ok());
  const auto snapshot = store.current();
  const PassContext context{snapshot.get(), {}};
  auto estimate = [&](std::string_view q) {
    const sparql::OpPtr op = parse_pattern(q);
    return op ? plan_operator(*op, context)->rows : -1.0;
  };
  EXPECT_EQ(estimate("{ ?s :type ?t }"), 8);
  EXPECT_EQ(estimate("{ ?s :type :Person . ?s :name \"Alice\" }"), 1);
  EXPECT_EQ(estimate("{ ?s :name \"Zed\" }"), 0);
  EXPECT_EQ(estimate("{ { ?s :knows ?o } UNION { ?s :age ?o } }"), 9);
  EXPECT_EQ(estimate("SELECT * { ?s :type ?t } LIMIT 2"), 2);
  EXPECT_EQ(estimate("{}"), 1);
  // A bound subject keeps one of :knows's 4 distinct subjects' share: 6 / 4.
  const auto knows = parse_pattern("{ ?s :knows ?o }");
  EXPECT_EQ(plan_operator(*knows, context, {"s"})->rows, 1.5);
}

}  // namespace
}  // namespace quiver::optimizer::testing
