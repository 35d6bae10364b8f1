#include "io/format.hpp"

#include <gtest/gtest.h>

namespace quiver::io {
namespace {

TEST(FormatTest, Names) {
  EXPECT_EQ(format_from_name("Turtle"), Format::Turtle);
  EXPECT_EQ(format_from_name("nt"), Format::NTriples);
  EXPECT_EQ(format_from_name("nquads"), Format::NQuads);
  EXPECT_EQ(format_from_name("trig"), Format::TriG);
  EXPECT_EQ(format_from_name("rdfxml"), Format::RdfXml);
  EXPECT_FALSE(format_from_name("json").has_value());
  for (auto f : {Format::NTriples, Format::NQuads, Format::Turtle, Format::TriG, Format::RdfXml}) {
    EXPECT_EQ(format_from_name(format_name(f)), f);
  }
}

TEST(FormatTest, Extensions) {
  EXPECT_EQ(format_from_path("a/b.ttl"), Format::Turtle);
  EXPECT_EQ(format_from_path("x.NT.gz"), Format::NTriples);
  EXPECT_EQ(format_from_path("x.trig"), Format::TriG);
  EXPECT_EQ(format_from_path("x.owl"), Format::RdfXml);
  EXPECT_FALSE(format_from_path("dir.ttl/file").has_value());
  EXPECT_FALSE(format_from_path("README").has_value());
}

TEST(FormatTest, Graphs) {
  EXPECT_TRUE(format_has_graphs(Format::TriG));
  EXPECT_FALSE(format_has_graphs(Format::Turtle));
}

}  // namespace
}  // namespace quiver::io
