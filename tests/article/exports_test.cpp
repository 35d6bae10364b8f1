// The exports the main job writes parse back isomorphic to the source:
// N-Quads and TriG to the whole dataset, Turtle and N-Triples (triples
// only) to its default graph, which holds every fact (data/README.md).

#include <gtest/gtest.h>

#include "io/output.hpp"
#include "io/reader.hpp"
#include "io/writer.hpp"
#include "support/isomorphism.hpp"

namespace quiver {
namespace {

struct Collect : io::QuadSink {
  void on_prefix(std::string_view name, std::string_view iri) override {
    prefixes.emplace_back(std::string(name), std::string(iri));
  }
  Status on_quad(const QuadRef& q) override {
    quads.emplace_back(q);
    return {};
  }
  std::vector<std::pair<std::string, std::string>> prefixes;
  std::vector<Quad> quads;
};

Collect read_text(const std::string& text, io::Format format) {
  Collect sink;
  io::ReadOptions options;
  options.format = format;
  const auto result = io::read_string(text, "export", options, sink);
  EXPECT_TRUE(result.ok()) << result.errors.front().to_string();
  return sink;
}

std::string write(const std::vector<Quad>& quads, const Collect& source, io::Format format) {
  std::string text;
  auto out = io::Output::to_string(&text);
  io::WriteOptions options;
  options.format = format;
  auto writer = io::make_writer(options, *out);
  for (const auto& [name, iri] : source.prefixes) writer->on_prefix(name, iri);
  for (const auto& q : quads) writer->on_quad(q.ref());
  EXPECT_TRUE(writer->finish().ok());
  EXPECT_TRUE(out->commit().ok());
  return text;
}

class ArticleExportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    io::ReadOptions options;
    options.format = io::Format::TriG;
    const auto result = io::read_file(QUIVER_SOURCE_DIR "/data/article.trig", options, source_);
    ASSERT_TRUE(result.ok()) << result.errors.front().to_string();
    for (const auto& q : source_.quads) {
      if (q.graph.is_none()) default_graph_.push_back(q);
    }
    ASSERT_GT(default_graph_.size(), 0u);
    ASSERT_GT(source_.quads.size(), default_graph_.size());
  }
  Collect source_;
  std::vector<Quad> default_graph_;
};

TEST_F(ArticleExportTest, NQuadsAndTrigKeepTheWholeDataset) {
  for (auto format : {io::Format::NQuads, io::Format::TriG}) {
    const Collect back = read_text(write(source_.quads, source_, format), format);
    EXPECT_TRUE(testing::are_isomorphic(back.quads, source_.quads)) << io::format_name(format);
  }
}

TEST_F(ArticleExportTest, TurtleAndNTriplesKeepTheDefaultGraph) {
  for (auto format : {io::Format::Turtle, io::Format::NTriples}) {
    const Collect back = read_text(write(default_graph_, source_, format), format);
    EXPECT_TRUE(testing::are_isomorphic(back.quads, default_graph_)) << io::format_name(format);
  }
}

}  // namespace
}  // namespace quiver
