// The parser on hostile input: every query of the W3C suites cut short at
// every token boundary and with bytes mutated must give a value or an error,
// never a crash (run it under the sanitizer build). Also a speed check.

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "sparql/parser.hpp"
#include "sparql/printer.hpp"

namespace quiver::sparql {
namespace {

std::vector<std::string> suite_queries() {
  std::vector<std::string> out;
  const std::filesystem::path root =
      std::filesystem::path(QUIVER_SOURCE_DIR) / ".." / "shared" / "rdf-tests" / "sparql";
  std::error_code ec;
  if (!std::filesystem::is_directory(root, ec)) return out;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root, ec)) {
    if (entry.path().extension() != ".rq") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    out.push_back(text.str());
  }
  return out;
}

const std::vector<std::string>& queries() {
  static const std::vector<std::string> q = suite_queries();
  return q;
}

TEST(Robustness, TruncatedSuiteQueries) {
  if (queries().empty()) GTEST_SKIP() << "W3C suites not found";
  std::size_t parsed = 0;
  for (const std::string& text : queries()) {
    for (std::size_t cut = 0; cut < text.size(); cut += 5) {
      const auto q = parse_query(std::string_view(text).substr(0, cut));
      if (q) {
        ++parsed;
        EXPECT_FALSE(to_sse(*q).empty());
      } else {
        EXPECT_FALSE(q.error().message.empty());
        EXPECT_FALSE(format_parse_error(text.substr(0, cut), q.error(), "q").empty());
      }
    }
  }
  EXPECT_GT(parsed, 0u);
}

TEST(Robustness, MutatedSuiteQueries) {
  if (queries().empty()) GTEST_SKIP() << "W3C suites not found";
  std::mt19937 random(20240501);
  constexpr char kBytes[] = "{}()[]<>?$_:.,;'\"\\#^|/*+-!=&@0aZ \n\xC3\xFF";
  for (const std::string& original : queries()) {
    for (int round = 0; round < 20 && !original.empty(); ++round) {
      std::string text = original;
      const int edits = 1 + static_cast<int>(random() % 4);
      for (int e = 0; e < edits; ++e) {
        const std::size_t at = random() % text.size();
        const char byte = kBytes[random() % (sizeof(kBytes) - 1)];
        switch (random() % 3) {
          case 0:
            text[at] = byte;
            break;
          case 1:
            text.insert(text.begin() + static_cast<std::ptrdiff_t>(at), byte);
            break;
          default:
            text.erase(at, 1 + random() % 8);
            break;
        }
        if (text.empty()) break;
      }
      const auto q = parse_query(text);
      if (q) {
        EXPECT_FALSE(to_sse(*q).empty());
      } else {
        EXPECT_FALSE(format_parse_error(text, q.error(), "q").empty());
      }
    }
  }
}

TEST(Robustness, TypicalQueryParsesInWellUnderAMillisecond) {
  const std::string text = R"(
    PREFIX foaf: <http://xmlns.com/foaf/0.1/>
    PREFIX ex: <http://example.org/>
    SELECT ?name (COUNT(DISTINCT ?friend) AS ?friends) WHERE {
      ?person a foaf:Person ; foaf:name ?name ; foaf:knows/foaf:knows* ?friend .
      OPTIONAL { ?person ex:age ?age FILTER(?age >= 18 && LANG(?name) = "en") }
      FILTER NOT EXISTS { ?person ex:blocked true }
      { ?friend ex:likes ?x } UNION { ?friend ex:hates ?x }
    } GROUP BY ?name HAVING (COUNT(?friend) > 2) ORDER BY DESC(?friends) LIMIT 10)";
  constexpr int kRuns = 2000;
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < kRuns; ++i) ASSERT_TRUE(parse_query(text).ok());
  const auto per_query = (std::chrono::steady_clock::now() - start) / kRuns;
  // Generous bound for shared, sanitized machines; typically ~20 us.
  EXPECT_LT(per_query, std::chrono::milliseconds(2));
}

}  // namespace
}  // namespace quiver::sparql
