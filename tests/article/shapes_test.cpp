// ontology/quiver-article-shapes.ttl: the bundled article conforms, and
// each rule catches what it is about when the article breaks it.

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "engine/engine.hpp"
#include "io/format.hpp"
#include "shacl/shacl.hpp"
#include "store/store_loader.hpp"

namespace quiver {
namespace {

const std::string kRoot = QUIVER_SOURCE_DIR;

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The shapes' results on the article with the last `from` replaced by `to`: the
// last copy is the default graph's, which validation reads.
Expected<shacl::Outcome> validate_article(const std::string& from = "",
                                          const std::string& to = "") {
  std::string article = slurp(kRoot + "/data/article.trig");
  if (!from.empty()) {
    const auto at = article.rfind(from);
    EXPECT_NE(at, std::string::npos) << from;
    if (at != std::string::npos) article.replace(at, from.size(), to);
  }
  engine::Engine shapes;
  engine::Engine data;
  io::ReadOptions options;
  options.format = io::Format::TriG;
  if (auto loaded = store::load_string(data.store(), article, "article.trig", options); !loaded) {
    return loaded.error();
  }
  if (auto loaded = shapes.load(kRoot + "/ontology/quiver-article-shapes.ttl"); !loaded) {
    return loaded.error();
  }
  shacl::Options validation;
  validation.engine = &data;
  return shacl::validate_datasets(*shapes.store().snapshot(), *data.store().snapshot(), validation);
}

std::vector<std::string> components(const shacl::Outcome& outcome) {
  std::vector<std::string> out;
  for (const auto& r : outcome.results) {
    out.push_back(r.component.value().substr(r.component.value().find('#') + 1));
  }
  return out;
}

TEST(ArticleShapes, TheArticleConforms) {
  const auto outcome = validate_article();
  ASSERT_TRUE(outcome.ok()) << outcome.error().to_string();
  EXPECT_TRUE(outcome->conforms) << outcome->results.size() << " results";
}

TEST(ArticleShapes, EachRuleCatchesItsMistake) {
  const std::pair<std::pair<std::string, std::string>, std::string> cases[] = {
      // A claim without a claimant.
      {{"claim:xai-started-training a qv:Claim ;\n    qv:claimant art:ElonMusk ;\n",
        "claim:xai-started-training a qv:Claim ;\n"},
       "MinCountConstraintComponent"},
      {{"schema:currency \"USD\"", "schema:currency \"usd\""}, "PatternConstraintComponent"},
      {{"qv:locator \"P1S1\"", "qv:locator \"P1-S1\""}, "PatternConstraintComponent"},
  };
  for (const auto& [edit, component] : cases) {
    const auto outcome = validate_article(edit.first, edit.second);
    ASSERT_TRUE(outcome.ok()) << outcome.error().to_string();
    const auto found = components(*outcome);
    EXPECT_NE(std::find(found.begin(), found.end(), component), found.end())
        << edit.second << ": " << found.size() << " results";
  }
  // A named graph nobody describes.
  const auto outcome =
      validate_article("g:P1S1 {",
                       "<https://quiver.example/article/graph/stray> { <urn:a> <urn:b> "
                       "<urn:c> }\ng:P1S1 {");
  ASSERT_TRUE(outcome.ok()) << outcome.error().to_string();
  ASSERT_EQ(outcome->results.size(), 1u);
  EXPECT_EQ(outcome->results[0].value.value(), "https://quiver.example/article/graph/stray");
  EXPECT_EQ(outcome->results[0].component.value(),
            "http://www.w3.org/ns/shacl#SPARQLConstraintComponent");
}

}  // namespace
}  // namespace quiver
