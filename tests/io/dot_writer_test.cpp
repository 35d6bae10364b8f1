#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "io/reader.hpp"
#include "io/writer.hpp"
#include "test_sink.hpp"

namespace quiver::io {
namespace {

constexpr std::string_view kClaimStyles =
    "# claims stand apart\n"
    "<https://quiver.example/ontology#Claim> node shape=note, fillcolor=\"#ffe08a\", "
    "color=\"#b8860b\"\n"
    "\n"
    "<https://quiver.example/ontology#Claim> edge style=dashed, color=\"#b8860b\"\n";

// Reads `turtle` and writes it as DOT with the given style table.
std::string to_dot(std::string_view turtle, std::string_view styles = {}) {
  testing::CollectingSink sink;
  ReadOptions read_options;
  read_options.format = Format::Turtle;
  read_options.base_iri = "http://base.example/";
  const ReadResult read = read_string(turtle, "input.ttl", read_options, sink);
  EXPECT_TRUE(read.ok()) << (read.ok() ? "" : read.errors.front().to_string());
  std::string text;
  {
    WriteOptions options;
    options.format = Format::Dot;
    auto parsed = parse_dot_styles(styles, "test.dot-style");
    EXPECT_TRUE(parsed.ok());
    if (parsed.ok()) options.dot_styles = *parsed;
    auto out = Output::to_string(&text);
    auto writer = make_writer(options, *out);
    for (const auto& [name, iri] : sink.prefixes) writer->on_prefix(name, iri);
    for (const Quad& q : sink.quads) writer->on_quad(q.ref());
    EXPECT_TRUE(writer->finish().ok());
    EXPECT_TRUE(out->commit().ok());
  }
  return text;
}

constexpr std::string_view kArticle = R"ttl(
@prefix qv: <https://quiver.example/ontology#> .
@prefix art: <https://quiver.example/article/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix schema: <https://schema.org/> .
art:ElonMusk rdfs:label "Elon Musk"@en, "Elon Musk (fr)"@fr ; qv:leads art:Tesla .
art:Tesla a qv:Company ; schema:name "Tesla, Inc." .
art:claim1 a qv:Claim ; qv:claimant art:ElonMusk ; qv:claimText "We will \"win\"" .
art:xAI qv:founded "2023"^^<http://www.w3.org/2001/XMLSchema#gYear> .
)ttl";

TEST(DotWriter, FormatNames) {
  EXPECT_EQ(format_from_name("dot"), Format::Dot);
  EXPECT_EQ(format_from_path("graph.dot"), Format::Dot);
  EXPECT_EQ(format_name(Format::Dot), "dot");
  EXPECT_FALSE(format_is_readable(Format::Dot));
  EXPECT_TRUE(format_is_readable(Format::Turtle));
}

TEST(DotWriter, IsADigraph) {
  const std::string dot = to_dot(kArticle);
  EXPECT_TRUE(dot.starts_with("digraph quiver {\n")) << dot;
  EXPECT_TRUE(dot.ends_with("}\n")) << dot;
}

TEST(DotWriter, LabelsPreferEnglishRdfsLabelThenSchemaName) {
  const std::string dot = to_dot(kArticle);
  EXPECT_NE(dot.find("label=\"Elon Musk\""), std::string::npos) << dot;
  EXPECT_EQ(dot.find("Elon Musk (fr)"), std::string::npos) << dot;
  EXPECT_NE(dot.find("label=\"Tesla, Inc.\\n(qv:Company)\""), std::string::npos) << dot;
}

TEST(DotWriter, PrefixedNamesForUnlabelledTermsAndPredicates) {
  const std::string dot = to_dot(kArticle);
  EXPECT_NE(dot.find("label=\"art:xAI\""), std::string::npos) << dot;
  EXPECT_NE(dot.find("[label=\"qv:leads\"]"), std::string::npos) << dot;
  EXPECT_EQ(dot.find("rdf:type"), std::string::npos) << "types are folded into labels\n" << dot;
}

TEST(DotWriter, LiteralsAreEscapedBoxes) {
  const std::string dot = to_dot(kArticle);
  EXPECT_NE(dot.find("[shape=box, fillcolor=\"#f6f6f6\", color=\"#888888\", label=\"We will "
                     "\\\"win\\\"\"]"),
            std::string::npos)
      << dot;
  EXPECT_NE(dot.find("label=\"2023\\n^^xsd:gYear\""), std::string::npos) << dot;
}

TEST(DotWriter, ClaimsStandApartWithTheirStyleTable) {
  const std::string dot = to_dot(kArticle, kClaimStyles);
  const auto claim = dot.find("label=\"art:claim1\\n(qv:Claim)\"");
  ASSERT_NE(claim, std::string::npos) << dot;
  const std::string line = dot.substr(claim, dot.find('\n', claim) - claim);
  EXPECT_NE(line.find(", shape=note, fillcolor=\"#ffe08a\", color=\"#b8860b\"]"), std::string::npos)
      << line;
  EXPECT_NE(dot.find("[label=\"qv:claimant\", style=dashed, color=\"#b8860b\"]"), std::string::npos)
      << dot;
  EXPECT_NE(dot.find("[label=\"qv:leads\"]"), std::string::npos) << "only claims' edges\n" << dot;
}

TEST(DotWriter, KnowsNoVocabularyWithoutAStyleTable) {
  const std::string dot = to_dot(kArticle);
  EXPECT_EQ(dot.find("shape=note"), std::string::npos) << dot;
  EXPECT_EQ(dot.find("style=dashed"), std::string::npos) << dot;
  EXPECT_NE(dot.find("label=\"art:claim1\\n(qv:Claim)\""), std::string::npos) << dot;
}

TEST(DotWriter, TheFirstMatchingStyleWins) {
  const std::string dot = to_dot(
      "<http://e/x> a <http://e/A>, <http://e/B> ; <http://e/p> <http://e/y> .\n"
      "_:c <http://e/p> 1 .\n",
      "<http://e/B> node color=blue\n"
      "<http://e/A> node color=red\n"
      "<http://e/A> edge color=red\n");
  EXPECT_NE(dot.find("tooltip=\"http://e/x\", color=blue]"), std::string::npos) << dot;
  // B's style has no edge attributes, and B is the style x takes.
  EXPECT_NE(dot.find("[label=\"p\"];"), std::string::npos) << dot;
  EXPECT_EQ(dot.find("color=red"), std::string::npos) << dot;
  // An unstyled blank node keeps the dashed outline.
  EXPECT_NE(dot.find("style=\"filled,dashed\"]"), std::string::npos) << dot;
}

TEST(DotStyles, ParsesATableAndMergesLinesOfOneClass) {
  const auto styles = parse_dot_styles(kClaimStyles, "s");
  ASSERT_TRUE(styles.ok()) << styles.error().to_string();
  ASSERT_EQ(styles->size(), 1u);
  EXPECT_EQ((*styles)[0].type, "https://quiver.example/ontology#Claim");
  EXPECT_EQ((*styles)[0].node_attributes, "shape=note, fillcolor=\"#ffe08a\", color=\"#b8860b\"");
  EXPECT_EQ((*styles)[0].edge_attributes, "style=dashed, color=\"#b8860b\"");
  EXPECT_TRUE(parse_dot_styles("", "s")->empty());
}

TEST(DotStyles, ErrorsSayWhere) {
  const struct {
    const char* text;
    std::uint64_t line, column;
  } cases[] = {
      {"# fine\nClaim node color=red\n", 2, 1},
      {"<http://e/A> nodes color=red\n", 1, 14},
      {"<http://e/A> node   \n", 1, 21},
      {"  <http://e/A b> node color=red\n", 1, 3},
  };
  for (const auto& c : cases) {
    const auto styles = parse_dot_styles(c.text, "s.dot-style");
    ASSERT_FALSE(styles.ok()) << c.text;
    EXPECT_EQ(styles.error().where.file, "s.dot-style");
    EXPECT_EQ(styles.error().where.line, c.line) << c.text;
    EXPECT_EQ(styles.error().where.column, c.column) << c.text;
  }
  EXPECT_FALSE(read_dot_styles("/nonexistent/x.dot-style").ok());
}

TEST(DotWriter, DeterministicAndTriplesDrawnOnce) {
  const std::string a = to_dot(kArticle);
  EXPECT_EQ(a, to_dot(kArticle));
  std::string text;
  {
    WriteOptions options;
    options.format = Format::Dot;
    auto out = Output::to_string(&text);
    auto writer = make_writer(options, *out);
    const Quad q{Term::iri("http://ex.org/s"), Term::iri("http://ex.org/p"),
                 Term::iri("http://ex.org/o"), Term::iri("http://ex.org/g")};
    writer->on_quad(q.ref());
    writer->on_quad(Quad(q.subject, q.predicate, q.object).ref());
    ASSERT_TRUE(writer->finish().ok());
    ASSERT_TRUE(out->commit().ok());
  }
  std::size_t edges = 0;
  for (std::size_t at = text.find(" -> "); at != std::string::npos; at = text.find(" -> ", at + 1))
    ++edges;
  EXPECT_EQ(edges, 1u) << text;
}

TEST(DotWriter, IsNotReadable) {
  testing::CollectingSink sink;
  ReadOptions options;
  options.format = Format::Dot;
  const ReadResult read = read_string("digraph {}", "x.dot", options, sink);
  EXPECT_FALSE(read.ok());
}

}  // namespace
}  // namespace quiver::io
