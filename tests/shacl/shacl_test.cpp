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

std::unique_ptr<engine::Engine> engine_with_trig(const std::string& trig) {
  auto engine = std::make_unique<engine::Engine>();
  io::ReadOptions options;
  options.format = io::Format::TriG;
  auto loaded = store::load_string(engine->store(), kPrefixes + trig, "test.trig", options);
  EXPECT_TRUE(loaded.ok()) << loaded.error().to_string();
  return engine;
}

Expected<Outcome> run(const std::string& shapes, const std::string& data, Options options = {}) {
  auto s = engine_with(shapes);
  auto d = engine_with(data);
  options.engine = d.get();
  return validate_datasets(*s->store().snapshot(), *d->store().snapshot(), options);
}

std::string refusal(const Expected<Outcome>& outcome) {
  return outcome.ok() ? std::string("(validated)") : outcome.error().message;
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

// The defects an adversarial review found (2026-12-07), one test each.

TEST(ShaclReview, SharedBlankNodesInAPathAreBoundedNotExpanded) {
  // Each level names the next twice: 2^30 parts as a tree.
  std::string shapes = "ex:S sh:targetNode ex:a ; sh:property [ sh:path _:p0 ; sh:minCount 1 ] .\n";
  for (int i = 0; i < 30; ++i) {
    shapes += "_:p" + std::to_string(i) + " sh:alternativePath ( _:p" + std::to_string(i + 1) +
              " _:p" + std::to_string(i + 1) + " ) .\n";
  }
  shapes += "_:p30 sh:inversePath ex:q .\n";
  const auto outcome = run(shapes, "ex:z ex:q ex:a .");
  EXPECT_NE(refusal(outcome).find("more than 10000 parts"), std::string::npos) << refusal(outcome);
}

TEST(ShaclReview, APatternThatBacktracksTooMuchIsAFailureNotAnAnswer) {
  const auto outcome =
      run("ex:S sh:targetNode ex:a ;\n"
          "  sh:property [ sh:path ex:p ; sh:not [ sh:pattern \"^(a+)+b|^a+$\" ] ] .",
          "ex:a ex:p \"" + std::string(40, 'a') + "\" .");
  EXPECT_NE(refusal(outcome).find("backtracks too much"), std::string::npos) << refusal(outcome);
}

TEST(ShaclReview, PathIsReplacedOutsideCommentsStringsAndIrisOnly) {
  const auto outcome =
      run("ex:S sh:targetNode ex:a ; sh:property [ sh:path ex:p ;\n"
          "  sh:sparql [ sh:select \"\"\"# the path's values, '$PATH' in a comment\n"
          "SELECT $this ?value WHERE { $this $PATH ?value FILTER(?value != '$PATH' && "
          "?value != <urn:x'$PATH>) }\"\"\" ] ] .",
          "ex:a ex:p \"x\" ; ex:q \"y\" .");
  ASSERT_TRUE(outcome.ok()) << refusal(outcome);
  EXPECT_EQ(values_of(*outcome), (std::vector<std::string>{"x"}));
}

TEST(ShaclReview, ShapesGraphThatCannotBeProvidedIsRefused) {
  const auto outcome =
      run("ex:S sh:targetNode ex:a ;\n"
          "  sh:sparql [ sh:select \"SELECT $this WHERE { GRAPH $shapesGraph { ?s ?p ?o } }\" ] .",
          "ex:a ex:p 1 .");
  EXPECT_NE(refusal(outcome).find("uses $shapesGraph"), std::string::npos) << refusal(outcome);
}

TEST(ShaclReview, BlankNodesOfTheShapesAreNotTheDatasNodes) {
  // Both documents label a node _:x; they are two nodes.
  const auto outcome = run(
      "ex:S sh:targetNode _:x ; sh:property [ sh:path ex:p ; sh:minCount 1 ] .", "_:x ex:p 1 .");
  ASSERT_TRUE(outcome.ok()) << refusal(outcome);
  EXPECT_EQ(outcome->results.size(), 1u);
}

TEST(ShaclReview, MessageVariableIsTheResultMessage) {
  const auto outcome =
      run("ex:S sh:targetNode ex:a ; sh:sparql [ sh:message \"static\" ; sh:select \"\"\"\n"
          "SELECT $this ?message WHERE { $this ?p ?v BIND(CONCAT('dynamic ', STR(?v)) AS "
          "?message) }\"\"\" ] .",
          "ex:a ex:p \"one\" .");
  ASSERT_TRUE(outcome.ok()) << refusal(outcome);
  ASSERT_EQ(outcome->results.size(), 1u);
  ASSERT_EQ(outcome->results[0].messages.size(), 1u);
  EXPECT_EQ(outcome->results[0].messages[0].value(), "dynamic one");
}

TEST(ShaclReview, TheUnionOfGraphsHoldsATripleOnce) {
  auto s = engine_with("ex:S sh:targetNode ex:a ; sh:closed true .");
  auto d = engine_with_trig("ex:g1 { ex:a ex:q ex:b . } ex:g2 { ex:a ex:q ex:b . }");
  Options options;
  options.engine = d.get();
  options.union_default_graph = true;
  const auto outcome = validate_datasets(*s->store().snapshot(), *d->store().snapshot(), options);
  ASSERT_TRUE(outcome.ok()) << refusal(outcome);
  EXPECT_EQ(outcome->results.size(), 1u);
}

TEST(ShaclReview, IllFormedComponentsAndShapesAreRefused) {
  const std::pair<std::string, std::string> cases[] = {
      {"ex:C a sh:ConstraintComponent ; sh:parameter [ sh:path ex:opt ; sh:optional true ] ;\n"
       "  sh:validator [ sh:ask \"ASK {}\" ] .",
       "a component needs a required one"},
      {"ex:C a sh:ConstraintComponent ; sh:parameter [ sh:path ex:this ] ;\n"
       "  sh:validator [ sh:ask \"ASK {}\" ] .",
       "may not be named $this"},
      {"ex:S sh:targetNode ex:a ; sh:node \"x\" .", "is used as a shape"},
      {"ex:S sh:targetNode ex:a ; sh:property [ sh:path ex:p ; sh:minCount "
       "\"1\"^^<http://www.w3.org/2001/XMLSchema#boolean> ] .",
       "non-negative xsd:integer"},
  };
  for (const auto& [shapes, why] : cases) {
    const auto outcome = run(shapes, "ex:a ex:p 1 .");
    EXPECT_NE(refusal(outcome).find(why), std::string::npos) << shapes << "\n" << refusal(outcome);
  }
  // xsd:integer allows a sign and any size.
  EXPECT_TRUE(run("ex:S sh:targetNode ex:a ; sh:property [ sh:path ex:p ; sh:minCount "
                  "\"+1\"^^<http://www.w3.org/2001/XMLSchema#integer> ;\n"
                  "  sh:maxCount 99999999999999999999 ] .",
                  "ex:a ex:p 1 .")
                  .ok());
}

TEST(ShaclReview, TheTimeoutHoldsInsideOneConstraint) {
  std::string data = "ex:a";
  for (int i = 0; i < 3000; ++i) {
    data += (i == 0 ? " " : " ; ") + std::string("ex:p ") + std::to_string(i) + " ; ex:q " +
            std::to_string(i);
  }
  Options options;
  options.timeout = std::chrono::milliseconds(1);
  const auto outcome =
      run("ex:S sh:targetNode ex:a ; sh:property [ sh:path ex:p ; sh:lessThan ex:q ] .",
          data + " .", options);
  EXPECT_NE(refusal(outcome).find("timed out"), std::string::npos) << refusal(outcome);
}

}  // namespace
}  // namespace quiver::shacl
