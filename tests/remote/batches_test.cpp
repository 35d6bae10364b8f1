#include <gtest/gtest.h>

#include "io/reader.hpp"
#include "remote/push_batches.hpp"

namespace quiver::remote {
namespace {

std::vector<Batch> batches_of(const std::string& trig, GraphTarget target, std::size_t chunk) {
  std::vector<Batch> out;
  BatchSink sink(target, target == GraphTarget::OneGraph ? "urn:g" : "", chunk, [&](Batch&& b) {
    out.push_back(std::move(b));
    return Status{};
  });
  io::ReadOptions options;
  options.format = io::Format::TriG;
  const auto read = io::read_string(trig, "test", options, sink);
  EXPECT_TRUE(read.ok());
  EXPECT_TRUE(sink.finish().ok());
  return out;
}

TEST(BatchSink, CutsAtTheChunkSize) {
  const auto batches = batches_of("<a:s> <a:p> 1, 2, 3, 4, 5 .", GraphTarget::OneGraph, 2);
  ASSERT_EQ(batches.size(), 3u);
  EXPECT_EQ(batches[0].triples, 2u);
  EXPECT_TRUE(batches[0].first);
  EXPECT_FALSE(batches[1].first);
  EXPECT_EQ(batches[2].triples, 1u);
  EXPECT_EQ(batches[0].graph, "urn:g");
  EXPECT_EQ(batches[0].ntriples,
            "<a:s> <a:p> \"1\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n"
            "<a:s> <a:p> \"2\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n");
}

TEST(BatchSink, BlankNodeTriplesComeLastAndTogether) {
  const auto batches =
      batches_of("<a:s> <a:p> [ <a:q> [ <a:r> 1 ] ], 2, 3 .", GraphTarget::OneGraph, 1);
  ASSERT_EQ(batches.size(), 3u);
  EXPECT_FALSE(batches[0].blank_nodes);
  EXPECT_FALSE(batches[1].blank_nodes);
  EXPECT_TRUE(batches[2].blank_nodes);
  EXPECT_EQ(batches[2].triples, 3u);
}

TEST(BatchSink, BlankNodeGroupsArePackedUpToTheChunk) {
  // Three separate [ ] groups of 2 triples each (the link and the inner
  // triple), with a chunk of 4: two groups fit in one batch, not three.
  const auto batches =
      batches_of("<a:s> <a:p> [ <a:q> 1 ] . <a:s> <a:p> [ <a:q> 2 ] . <a:s> <a:p> [ <a:q> 3 ] .",
                 GraphTarget::OneGraph, 4);
  ASSERT_EQ(batches.size(), 2u);
  EXPECT_EQ(batches[0].triples, 4u);
  EXPECT_EQ(batches[1].triples, 2u);
  EXPECT_TRUE(batches[0].blank_nodes);
  // A group is never split: each batch names every blank node it links to.
  for (const Batch& b : batches) {
    std::size_t links = 0;
    std::size_t inner = 0;
    for (std::size_t i = 0; (i = b.ntriples.find("<a:p> _:", i)) != std::string::npos; ++i) ++links;
    for (std::size_t i = 0; (i = b.ntriples.find("<a:q>", i)) != std::string::npos; ++i) ++inner;
    EXPECT_EQ(links, inner);
  }
}

TEST(BatchSink, KeepsGraphsApartAndCountsDistinct) {
  std::vector<Batch> out;
  BatchSink sink(GraphTarget::KeepGraphs, "", 100, [&](Batch&& b) {
    out.push_back(std::move(b));
    return Status{};
  });
  io::ReadOptions options;
  options.format = io::Format::TriG;
  ASSERT_TRUE(
      io::read_string("<a:s> <a:p> 1 . <a:g> { <a:s> <a:p> 1, 1, 2 }", "t", options, sink).ok());
  ASSERT_TRUE(sink.finish().ok());
  const auto tallies = sink.take_tallies();
  ASSERT_EQ(tallies.size(), 2u);
  EXPECT_EQ(tallies[0].graph, "");
  EXPECT_EQ(tallies[0].sent, 1u);
  EXPECT_EQ(tallies[1].graph, "a:g");
  EXPECT_EQ(tallies[1].sent, 3u);
  EXPECT_EQ(tallies[1].distinct, 2u);
}

TEST(BatchSink, StopsAfterAFailure) {
  int calls = 0;
  BatchSink sink(GraphTarget::DefaultGraph, "", 1, [&](Batch&&) {
    ++calls;
    return Status(Error("server said no"));
  });
  io::ReadOptions options;
  // The refusal stops the reader at once, with the sink's error.
  const io::ReadResult read = io::read_string("<a:s> <a:p> 1, 2, 3 .", "t", options, sink);
  ASSERT_FALSE(read.ok());
  ASSERT_EQ(read.errors.size(), 1u);
  EXPECT_EQ(read.errors[0].message, "server said no");
  EXPECT_EQ(read.quads, 0u);
  const Status st = sink.finish();
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().message, "server said no");
  EXPECT_EQ(calls, 1);
}

}  // namespace
}  // namespace quiver::remote
