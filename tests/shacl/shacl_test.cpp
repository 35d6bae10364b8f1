// src/shacl through its one-call API over in-memory stores built from
// Turtle strings: paths, results, recursion, SPARQL pre-binding of blank
// nodes. The W3C suite (tests/w3c/shacl_runner.cpp) covers the rest.

#include "shacl/shacl.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "engine/engine.hpp"
#include "store/memory_store.hpp"
#include "store/store_loader.hpp"

namespace quiver::shacl {
namespace {

const std::string kPrefixes =
    "@prefix sh: <http://www.w3.org/ns/shacl#> .\n"
    "@prefix ex: <http://example.org/> .\n";

std::unique_ptr<engine::Engine> engine_with(const std::string& turtle) {
  auto engine = std::make_unique<engine::Engine>();
  io::ReadOptions options;
  options.format = io::Format::Turtle;
  auto loaded = store::load_string(engine->store(), kPrefixes + turtle, "test.ttl", options);
  EXPECT_TRUE(loaded.ok()) << loaded.error().to_string();
  return engine;
}

Expected<Outcome> run(const std::string& shapes, const std::string& data) {
  auto s = engine_with(shapes);
  auto d = engine_with(data);
  Options options;
  options.engine = d.get();
  return validate_datasets(*s->store().snapshot(), *d->store().snapshot(), options);
}

std::vector<std::string> values_of(const Outcome& outcome) {
  std::vector<std::string> out;
  for (const auto& r : outcome.results) out.push_back(r.value.value());
  std::sort(out.begin(), out.end());
  return out;
}

TEST(ShaclTest, PathsReachTheirValueNodes) {
  const std::string data = "ex:a ex:p ex:b . ex:b ex:p ex:c . ex:c ex:q ex:d . ex:e ex:p ex:a .\n";
  const std::pair<std::string, std::vector<std::string>> cases[] = {
      {"ex:p", {"http://example.org/b"}},
      {"[ sh:inversePath ex:p ]", {"http://example.org/e"}},
      {"( ex:p ex:p ex:q )", {"http://example.org/d"}},
      {"[ sh:alternativePath ( ex:p [ sh:inversePath ex:p ] ) ]",
       {"http://example.org/b", "http://example.org/e"}},
      {"[ sh:oneOrMorePath ex:p ]", {"http://example.org/b", "http://example.org/c"}},
      {"[ sh:zeroOrMorePath ex:p ]",
       {"http://example.org/a", "http://example.org/b", "http://example.org/c"}},
      {"[ sh:zeroOrOnePath ex:p ]", {"http://example.org/a", "http://example.org/b"}},
  };
  for (const auto& [path, expected] : cases) {
    // sh:in () rejects every value node, so each one is a result.
    const auto outcome =
        run("ex:S sh:targetNode ex:a ; sh:property [ sh:path " + path + " ; sh:in () ] .", data);
    ASSERT_TRUE(outcome.ok()) << path << ": " << outcome.error().to_string();
    EXPECT_EQ(values_of(*outcome), expected) << path;
  }
}

TEST(ShaclTest, ClassTargetsFollowSubclasses) {
  const auto outcome =
      run("ex:S sh:targetClass ex:Animal ; sh:nodeKind sh:BlankNode .",
          "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
          "ex:Dog rdfs:subClassOf ex:Animal . ex:rex a ex:Dog . ex:tom a ex:Cat .");
  ASSERT_TRUE(outcome.ok());
  ASSERT_EQ(outcome->results.size(), 1u);
  EXPECT_EQ(outcome->results[0].focus.value(), "http://example.org/rex");
  EXPECT_EQ(outcome->results[0].component.value(),
            "http://www.w3.org/ns/shacl#NodeKindConstraintComponent");
}

TEST(ShaclTest, AResultWithoutAShapeMessageSaysWhatWasAsked) {
  const auto outcome = run(
      "ex:S sh:targetNode ex:a ; sh:property [ sh:path ex:p ; sh:minCount 2 ] .", "ex:a ex:p 1 .");
  ASSERT_TRUE(outcome.ok());
  ASSERT_EQ(outcome->results.size(), 1u);
  ASSERT_EQ(outcome->results[0].messages.size(), 1u);
  EXPECT_EQ(outcome->results[0].messages[0].value(), "needs at least 2 values");
}

TEST(ShaclTest, ARecursiveShapeIsRefusedNotLooped) {
  const auto outcome =
      run("ex:S sh:targetNode ex:a ; sh:property [ sh:path ex:p ; sh:node ex:S ] .",
          "ex:a ex:p ex:a .");
  ASSERT_FALSE(outcome.ok());
  EXPECT_NE(outcome.error().message.find("recursive shapes"), std::string::npos)
      << outcome.error().message;
  // The same shapes on acyclic data terminate: recursion is only an error
  // when a (shape, focus node) pair comes back.
  EXPECT_TRUE(run("ex:S sh:targetNode ex:a ; sh:property [ sh:path ex:p ; sh:node ex:S ] .",
                  "ex:a ex:p ex:b .")
                  .ok());
}

TEST(ShaclTest, SparqlPreBindsABlankFocusNodeItself) {
  // $this is the data's blank node: the query sees its own properties.
  const auto outcome =
      run("ex:S sh:targetSubjectsOf ex:p ;\n"
          "  sh:sparql [ sh:select \"SELECT $this ?value WHERE { $this ex:p ?value }\" ;\n"
          "              sh:prefixes ex:decl ] .\n"
          "ex:decl sh:declare [ sh:prefix \"ex\" ; sh:namespace \"http://example.org/\" ] .",
          "_:x ex:p \"one\" . _:y ex:p \"two\" .");
  ASSERT_TRUE(outcome.ok()) << outcome.error().to_string();
  EXPECT_EQ(values_of(*outcome), (std::vector<std::string>{"one", "two"}));
  for (const auto& r : outcome->results) EXPECT_TRUE(r.focus.is_blank());
}

TEST(ShaclTest, AMessageTemplateIsFilled) {
  const auto outcome =
      run("ex:S sh:targetNode ex:a ;\n"
          "  sh:sparql [ sh:select \"SELECT $this ?value WHERE { $this <http://example.org/p> "
          "?value }\" ;\n"
          "              sh:message \"{$this} has {?value}\"@en ] .",
          "ex:a ex:p 7 .");
  ASSERT_TRUE(outcome.ok()) << outcome.error().to_string();
  ASSERT_EQ(outcome->results.size(), 1u);
  ASSERT_EQ(outcome->results[0].messages.size(), 1u);
  EXPECT_EQ(outcome->results[0].messages[0].value(), "http://example.org/a has 7");
  EXPECT_EQ(outcome->results[0].messages[0].language(), "en");
}

TEST(ShaclTest, WithoutAnEngineSparqlConstraintsAreRefused) {
  auto s = engine_with("ex:S sh:targetNode ex:a ; sh:sparql [ sh:select \"SELECT $this {}\" ] .");
  auto d = engine_with("ex:a ex:p 1 .");
  const auto outcome = validate_datasets(*s->store().snapshot(), *d->store().snapshot());
  ASSERT_FALSE(outcome.ok());
  EXPECT_EQ(outcome.error().kind, ErrorKind::Unsupported);
}

}  // namespace
}  // namespace quiver::shacl
