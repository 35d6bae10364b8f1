// Every question in queries/ runs on the bundled article graph and gives its
// expected answer (queries/expected/), term-exact, in order when the query
// orders its rows.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "engine/engine.hpp"
#include "io/reader.hpp"
#include "results/result_reader.hpp"
#include "sparql/parser.hpp"
#include "support/results_compare.hpp"

namespace quiver {
namespace {

namespace fs = std::filesystem;

const fs::path kRoot = QUIVER_SOURCE_DIR;

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<std::string> query_names() {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(kRoot / "queries")) {
    if (e.path().extension() == ".rq") names.push_back(e.path().stem().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

class ArticleQueryTest : public ::testing::TestWithParam<std::string> {
 protected:
  static void SetUpTestSuite() {
    engine_ = new engine::Engine();
    auto loaded = engine_->load((kRoot / "data/article.trig").string());
    ASSERT_TRUE(loaded.ok()) << loaded.error().to_string();
  }
  static void TearDownTestSuite() {
    delete engine_;
    engine_ = nullptr;
  }
  static engine::Engine* engine_;
};

engine::Engine* ArticleQueryTest::engine_ = nullptr;

TEST_P(ArticleQueryTest, GivesTheExpectedAnswer) {
  const fs::path query_path = kRoot / "queries" / (GetParam() + ".rq");
  const std::string text = slurp(query_path);
  ASSERT_TRUE(text.starts_with("# ")) << "a question must open the file as a comment";
  auto query = sparql::parse_query(text, {io::file_iri(query_path.string())});
  ASSERT_TRUE(query.ok()) << sparql::format_parse_error(text, query.error(), query_path.string());
  auto answer = engine_->query(*query);
  ASSERT_TRUE(answer.ok()) << answer.error().message;
  auto outcome = collect(**answer);
  ASSERT_TRUE(outcome.ok()) << outcome.error().message;

  const fs::path srj = kRoot / "queries/expected" / (GetParam() + ".srj");
  const fs::path ttl = kRoot / "queries/expected" / (GetParam() + ".ttl");
  QueryResult expected;
  if (fs::exists(srj)) {
    auto read = results::read_results(slurp(srj), results::ResultFormat::Json);
    ASSERT_TRUE(read.ok()) << read.error().to_string();
    expected = std::move(*read);
  } else {
    ASSERT_TRUE(fs::exists(ttl)) << "no expected result for " << GetParam();
    struct Collect : io::QuadSink {
      Status on_quad(const QuadRef& q) override {
        triples.push_back({Term(q.subject), Term(q.predicate), Term(q.object)});
        return {};
      }
      std::vector<Triple> triples;
    } sink;
    io::ReadOptions options;
    options.format = io::Format::Turtle;
    ASSERT_TRUE(io::read_file(ttl.string(), options, sink).ok());
    expected.form = outcome->form;
    expected.triples = std::move(sink.triples);
  }
  std::string diff;
  EXPECT_TRUE(testing::results_equal(*outcome, expected, outcome->ordered, &diff))
      << GetParam() << ":\n"
      << diff;
}

INSTANTIATE_TEST_SUITE_P(Queries, ArticleQueryTest, ::testing::ValuesIn(query_names()),
                         [](const auto& info) {
                           std::string name = info.param;
                           for (char& c : name) {
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           }
                           return name;
                         });

TEST(ArticleQueries, AtLeastFifteenQuestions) { EXPECT_GE(query_names().size(), 15u); }

}  // namespace
}  // namespace quiver
