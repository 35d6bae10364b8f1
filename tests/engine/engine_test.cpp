#include "engine/engine.hpp"

#include <gtest/gtest.h>

#include "sparql/parser.hpp"

namespace quiver::engine {
namespace {

TEST(FileIriPath, DecodesPercentEscapesButNeverNul) {
  EXPECT_EQ(file_iri_path("file:///tmp/a%20b.ttl"), "/tmp/a b.ttl");
  EXPECT_EQ(file_iri_path("http://e/x"), std::nullopt);
  EXPECT_EQ(file_iri_path("file://host/x"), std::nullopt);
  // %00 cut the path: /etc/passwd%00.ttl read /etc/passwd.
  EXPECT_EQ(file_iri_path("file:///etc/passwd%00.ttl"), std::nullopt);
}

TEST(EngineTest, QueriesNeverLoadFilesAndMissingGraphsAreNotFound) {
  Engine engine;
  auto parsed = sparql::parse_query("SELECT * FROM <file:///etc/hostname> WHERE { ?s ?p ?o }");
  ASSERT_TRUE(parsed.ok());
  auto answer = engine.query(*parsed);
  ASSERT_FALSE(answer.ok());
  EXPECT_EQ(answer.error().kind, ErrorKind::NotFound);
}

TEST(EngineTest, UpdateIsNotSupportedYet) {
  Engine engine;
  const Status st = engine.update("INSERT DATA { <http://e/a> <http://e/b> <http://e/c> }");
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().kind, ErrorKind::Unsupported);
}

}  // namespace
}  // namespace quiver::engine
