// The W3C suites' expected result files: every one must read, and our
// writers must reproduce the result-format tests' expected CSV/TSV/JSON for
// their answers (built here by hand from the tests' data files).

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "io/format.hpp"
#include "io/reader.hpp"
#include "results/result_reader.hpp"
#include "results/result_writer.hpp"
#include "support/result_fixtures.hpp"
#include "support/results_compare.hpp"

namespace quiver::results {
namespace {

namespace fs = std::filesystem;
using testing::iri;
using testing::kXsd;
using testing::lit;
using testing::result_text_matches;

fs::path suite_dir() {
  if (const char* dir = std::getenv("QUIVER_W3C_DIR"); dir != nullptr && *dir != '\0')
    return fs::path(dir) / "sparql";
  return fs::path(QUIVER_SOURCE_DIR) / ".." / "shared" / "rdf-tests" / "sparql";
}

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// SPARQL 1.2 results may hold what Term cannot (triple terms, directions).
bool is_sparql12(const fs::path& path) {
  return path.lexically_relative(suite_dir()).string().starts_with("sparql12");
}

class QuadCollector final : public io::QuadSink {
 public:
  Status on_quad(const QuadRef& quad) override {
    quads.emplace_back(quad);
    return {};
  }
  std::vector<Quad> quads;
};

TEST(W3cResultFilesTest, ReadsEveryExpectedResultFile) {
  if (!fs::is_directory(suite_dir())) GTEST_SKIP() << "no W3C suites at " << suite_dir();
  int read = 0, unsupported = 0;
  for (const auto& entry : fs::recursive_directory_iterator(suite_dir())) {
    const std::string ext = entry.path().extension().string();
    if (!entry.is_regular_file() ||
        (ext != ".srx" && ext != ".srj" && ext != ".tsv" && ext != ".csv"))
      continue;
    const auto format = result_format_from_path(entry.path().string());
    auto result = read_results(slurp(entry.path()), *format);
    if (!result.ok() && is_sparql12(entry.path()) &&
        result.error().message.find("not supported") != std::string::npos) {
      ++unsupported;
      continue;
    }
    EXPECT_TRUE(result.ok()) << entry.path() << ": " << result.error().to_string();
    ++read;
  }
  EXPECT_GT(read, 400);
  EXPECT_LE(unsupported, 30);  // 23 in the 2024 suite: triple terms and base directions
}

TEST(W3cResultFilesTest, ReadsEveryResultSetGraph) {
  if (!fs::is_directory(suite_dir())) GTEST_SKIP() << "no W3C suites at " << suite_dir();
  int read = 0;
  for (const auto& entry : fs::recursive_directory_iterator(suite_dir())) {
    const auto format = io::format_from_path(entry.path().string());
    if (!entry.is_regular_file() || !format) continue;
    const std::string text = slurp(entry.path());
    if (text.find(kResultSetNs) == std::string::npos) continue;
    QuadCollector sink;
    io::ReadOptions options;
    options.format = *format;
    const auto status = io::read_file(entry.path().string(), options, sink);
    if (!status.ok()) continue;  // the data itself is broken (a negative syntax test)
    if (text.find("ResultSet") == std::string::npos) continue;  // a manifest or query
    auto result = read_result_set_graph(sink.quads);
    EXPECT_TRUE(result.ok()) << entry.path() << ": " << result.error().to_string();
    ++read;
  }
  EXPECT_GT(read, 100);
}

// The answer of csvtsv01.rq (and jsonres01.rq) over its data, in ORDER BY order.
QueryResult spo(std::vector<std::vector<std::optional<Term>>> rows,
                std::vector<std::string> variables = {"s", "p", "o"}) {
  QueryResult r;
  r.variables = std::move(variables);
  r.solutions = std::move(rows);
  r.ordered = true;
  return r;
}

QueryResult csvtsv01_answer(const std::string& blank) {
  return spo({{iri("s1"), iri("p1"), iri("s2")},
              {iri("s2"), iri("p2"), lit("foo")},
              {iri("s3"), iri("p3"), lit("bar", kXsd + "string")},
              {iri("s4"), iri("p4"), lit("4", kXsd + "integer")},
              {iri("s5"), iri("p5"), lit("5.5", kXsd + "decimal")},
              {iri("s6"), iri("p6"), Term::blank(blank)}});
}

QueryResult csvtsv02_answer(const std::string& blank) {
  auto r = csvtsv01_answer(blank);
  r.variables = {"s", "p", "o", "p2", "o2"};
  for (auto& row : r.solutions) row.resize(5);
  r.solutions[0][3] = iri("p2");
  r.solutions[0][4] = lit("foo");
  return r;
}

QueryResult csvtsv03_answer() {
  return spo({{iri("s1"), iri("p1"), lit("1", kXsd + "string")},
              {iri("s2"), iri("p2"), lit("2.2", kXsd + "decimal")},
              {iri("s3"), iri("p3"), lit("-3", kXsd + "negativeInteger")},
              {iri("s4"), iri("p4"), lit("4,4", kXsd + "string")},
              {iri("s5"), iri("p5"), lit("5,5", "http://example.org/myCustomDatatype")},
              {iri("s6"), iri("p6"), lit("1.0E6", kXsd + "double")},
              {iri("s7"), iri("p7"), lit("a7", kXsd + "hexBinary")}});
}

std::string without_cr(std::string text) {
  std::erase(text, '\r');
  return text;
}

class ResultFormatSuiteTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::is_directory(suite_dir())) GTEST_SKIP() << "no W3C suites at " << suite_dir();
  }
  static std::string expected(const char* name) {
    const fs::path dir = suite_dir() / "sparql11" /
                         (std::string(name).starts_with("json") ? "json-res" : "csv-tsv-res");
    return slurp(dir / name);
  }
  static void expect_match(const QueryResult& actual, ResultFormat format, const char* name) {
    std::string diff;
    EXPECT_TRUE(result_text_matches(actual, format, expected(name), &diff)) << name << "\n" << diff;
  }
};

TEST_F(ResultFormatSuiteTest, WritesTheExpectedCsvText) {
  // Same text once the blank node label and the line ends agree.
  EXPECT_EQ(without_cr(*results_to_string(csvtsv01_answer("a"), ResultFormat::Csv)),
            expected("csvtsv01.csv"));
  EXPECT_EQ(without_cr(*results_to_string(csvtsv02_answer("a"), ResultFormat::Csv)),
            expected("csvtsv02.csv"));
  EXPECT_EQ(without_cr(*results_to_string(csvtsv03_answer(), ResultFormat::Csv)),
            expected("csvtsv03.csv"));
  expect_match(csvtsv01_answer("o6"), ResultFormat::Csv, "csvtsv01.csv");
  expect_match(csvtsv02_answer("o6"), ResultFormat::Csv, "csvtsv02.csv");
  expect_match(csvtsv03_answer(), ResultFormat::Csv, "csvtsv03.csv");
}

TEST_F(ResultFormatSuiteTest, WritesTheExpectedTsvText) {
  EXPECT_EQ(*results_to_string(csvtsv01_answer("b0"), ResultFormat::Tsv), expected("csvtsv01.tsv"));
  EXPECT_EQ(*results_to_string(csvtsv02_answer("b0"), ResultFormat::Tsv), expected("csvtsv02.tsv"));
  // The expected file re-cases the double's exponent; we keep lexical forms.
  std::string tsv03 = *results_to_string(csvtsv03_answer(), ResultFormat::Tsv);
  tsv03.replace(tsv03.find("1.0E6"), 5, "1.0e6");
  EXPECT_EQ(tsv03, expected("csvtsv03.tsv"));
  expect_match(csvtsv01_answer("o6"), ResultFormat::Tsv, "csvtsv01.tsv");
  expect_match(csvtsv02_answer("o6"), ResultFormat::Tsv, "csvtsv02.tsv");
  // Compared exactly, the data's 1.0E6 is not the file's 1.0e6 (the W3C
  // runner lists tsv03 as a known failure); with the data's spelling the
  // file matches.
  EXPECT_FALSE(result_text_matches(csvtsv03_answer(), ResultFormat::Tsv, expected("csvtsv03.tsv")));
  std::string as_in_the_data = expected("csvtsv03.tsv");
  as_in_the_data.replace(as_in_the_data.find("1.0e6"), 5, "1.0E6");
  std::string diff;
  EXPECT_TRUE(result_text_matches(csvtsv03_answer(), ResultFormat::Tsv, as_in_the_data, &diff))
      << diff;
}

TEST_F(ResultFormatSuiteTest, MatchesTheExpectedJson) {
  auto answer = spo({{iri("s1"), iri("p1"), iri("s2")},
                     {iri("s2"), iri("p2"), lit("foo")},
                     {iri("s3"), iri("p2"), lit("bar")},
                     {iri("s4"), iri("p4"), lit("4", kXsd + "integer")},
                     {iri("s5"), iri("p5"), lit("5", kXsd + "decimal")},
                     {iri("s6"), iri("p6"), Term::blank("o6")}});
  expect_match(answer, ResultFormat::Json, "jsonres01.srj");
  auto with_optional = answer;
  with_optional.variables = {"s", "p", "o", "p2", "o2"};
  for (auto& row : with_optional.solutions) row.resize(5);
  with_optional.solutions[0][3] = iri("p2");
  with_optional.solutions[0][4] = lit("foo");
  expect_match(with_optional, ResultFormat::Json, "jsonres02.srj");
  expect_match(testing::ask_fixture(true), ResultFormat::Json, "jsonres03.srj");
  expect_match(testing::ask_fixture(false), ResultFormat::Json, "jsonres04.srj");
}

TEST_F(ResultFormatSuiteTest, RejectsWrongAnswers) {
  std::string diff;
  auto wrong = csvtsv01_answer("o6");
  wrong.solutions[1][2] = lit("foo", "", "en");
  EXPECT_FALSE(result_text_matches(wrong, ResultFormat::Tsv, expected("csvtsv01.tsv"), &diff));
  EXPECT_NE(diff.find("row 2 differs"), std::string::npos) << diff;
  wrong.solutions[1][2] = lit("food");
  EXPECT_FALSE(result_text_matches(wrong, ResultFormat::Csv, expected("csvtsv01.csv")));
  auto swapped = csvtsv01_answer("o6");
  std::swap(swapped.solutions[0], swapped.solutions[1]);
  EXPECT_FALSE(result_text_matches(swapped, ResultFormat::Csv, expected("csvtsv01.csv")));
  swapped.ordered = false;
  EXPECT_TRUE(result_text_matches(swapped, ResultFormat::Csv, expected("csvtsv01.csv")));
  EXPECT_FALSE(result_text_matches(testing::ask_fixture(false), ResultFormat::Json,
                                   expected("jsonres03.srj")));
}

}  // namespace
}  // namespace quiver::results
