#include "results/result_format.hpp"

#include <gtest/gtest.h>

namespace quiver::results {
namespace {

TEST(ResultFormatTest, ParsesNamesCaseInsensitively) {
  EXPECT_EQ(result_format_from_name("JSON"), ResultFormat::Json);
  EXPECT_EQ(result_format_from_name("srj"), ResultFormat::Json);
  EXPECT_EQ(result_format_from_name("srx"), ResultFormat::Xml);
  EXPECT_EQ(result_format_from_name("csv"), ResultFormat::Csv);
  EXPECT_EQ(result_format_from_name("Tsv"), ResultFormat::Tsv);
  EXPECT_EQ(result_format_from_name("table"), ResultFormat::Table);
  EXPECT_EQ(result_format_from_name("turtle"), std::nullopt);
}

TEST(ResultFormatTest, GuessesFromPathsAndNamesMediaTypes) {
  EXPECT_EQ(result_format_from_path("dir.x/result.srx"), ResultFormat::Xml);
  EXPECT_EQ(result_format_from_path("a/b.srj"), ResultFormat::Json);
  EXPECT_EQ(result_format_from_path("a.tsv"), ResultFormat::Tsv);
  EXPECT_EQ(result_format_from_path("dir.srx/file"), std::nullopt);
  EXPECT_EQ(result_format_from_path("notes.txt"), std::nullopt);
  EXPECT_EQ(result_media_type(ResultFormat::Json), "application/sparql-results+json");
  EXPECT_EQ(result_media_type(ResultFormat::Xml), "application/sparql-results+xml");
  EXPECT_EQ(result_format_name(ResultFormat::Tsv), "tsv");
}

}  // namespace
}  // namespace quiver::results
