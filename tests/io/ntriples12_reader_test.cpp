// N-Triples and N-Quads 1.2: triple terms, base directions, VERSION.
#include <gtest/gtest.h>

#include <string>

#include "io/ntriples_reader.hpp"
#include "terms/triple_term.hpp"
#include "test_sink.hpp"

namespace quiver::io {
namespace {

using testing::CollectingSink;

ReadResult read(std::string_view text, CollectingSink& sink, Format format = Format::NTriples,
                std::string blank_prefix = "") {
  ReadOptions options;
  options.format = format;
  options.blank_prefix = std::move(blank_prefix);
  return read_ntriples(text, "t.nt", options, sink);
}

TEST(NTriples12ReaderTest, TripleTermsNestedAndWrittenCanonically) {
  CollectingSink sink;
  const auto result = read(
      "VERSION \"1.2\"\n"
      "<http://e/r> <http://e/p> <<(<http://e/s><http://e/p>\"o\"@EN)>> .\n"
      "_:r <http://e/p> <<( _:b <http://e/q> <<( <http://e/s> <http://e/p> \"1\"  ^^ "
      "<http://www.w3.org/2001/XMLSchema#integer> )>> )>> .\n",
      sink, Format::NTriples, "x");
  ASSERT_TRUE(result.ok()) << result.errors[0].to_string();
  ASSERT_EQ(sink.quads.size(), 2u);
  EXPECT_TRUE(sink.quads[0].object.is_triple());
  EXPECT_EQ(sink.nquads(),
            "<http://e/r> <http://e/p> <<( <http://e/s> <http://e/p> \"o\"@en )>> .\n"
            "_:xr <http://e/p> <<( _:xb <http://e/q> <<( <http://e/s> <http://e/p> "
            "\"1\"^^<http://www.w3.org/2001/XMLSchema#integer> )>> )>> .\n");
}

TEST(NTriples12ReaderTest, BaseDirectionMakesADirLangString) {
  CollectingSink sink;
  ASSERT_TRUE(read("<http://e/s> <http://e/p> \"abc\"@ar--rtl .\n", sink).ok());
  ASSERT_EQ(sink.quads.size(), 1u);
  EXPECT_EQ(sink.quads[0].object.language(), "ar--rtl");
  EXPECT_EQ(sink.quads[0].object.datatype(), vocab::kRdfDirLangString);
}

TEST(NTriples12ReaderTest, BadInputSaysWhatAndWhereAndStopsBeforeTheSink) {
  struct Case {
    const char* text;
    std::uint64_t column;
    const char* message;
  };
  const Case cases[] = {
      {"<<( <http://e/s> <http://e/p> <http://e/o> )>> <http://e/q> <http://e/z> .", 1,
       "a triple term cannot be a subject"},
      {"<http://e/s> <<( <http://e/s> <http://e/p> <http://e/o> )>> <http://e/z> .", 14,
       "a triple term cannot be a predicate"},
      {"<http://e/x> <http://e/p> << <http://e/s> <http://e/p> <http://e/o> >> .", 27,
       "reified triple"},
      {"<http://e/x> <http://e/p> <<( <http://e/s> <http://e/p> <http://e/o> .", 70,
       "expected ')>>'"},
      {"<http://e/x> <http://e/p> <<( \"s\" <http://e/p> <http://e/o> )>> .", 31,
       "subject of the triple term"},
      {"<http://e/x> <http://e/p> \"x\"@en--up .", 30, "unknown base direction"},
      {"<http://e/x> <http://e/p> \"x\"@--ltr .", 30, "malformed language tag"},
      {"<http://e/x> <http://e/p> \"x\"--ltr .", 30, "base direction needs a language tag"},
      {"<http://e/x> <http://e/p> \"x\"^^<http://www.w3.org/1999/02/22-rdf-syntax-ns#langString> .",
       32, "datatype of tagged strings"},
      {"VERSION \"9.9\"", 9, "unknown RDF version \"9.9\""},
      {"VERSION 1.2", 9, "expected the version as a string"},
  };
  for (const Case& c : cases) {
    CollectingSink sink;
    const std::string text = "<http://e/a> <http://e/b> <http://e/c> .\n" + std::string(c.text) +
                             "\n<http://e/a> <http://e/b> <http://e/d> .\n";
    const auto result = read(text, sink);
    ASSERT_FALSE(result.ok()) << c.text;
    EXPECT_EQ(result.errors[0].where.line, 2u) << c.text;
    EXPECT_EQ(result.errors[0].where.column, c.column)
        << c.text << ": " << result.errors[0].to_string();
    EXPECT_NE(result.errors[0].message.find(c.message), std::string::npos)
        << c.text << ": " << result.errors[0].message;
    EXPECT_EQ(sink.quads.size(), 1u) << c.text;
  }
}

TEST(NTriples12ReaderTest, NestingPastTheLimitIsAnErrorNotACrash) {
  std::string object;
  for (int i = 0; i < 100000; ++i) object += "<<( <http://e/s> <http://e/p> ";
  object += "<http://e/o>";
  for (int i = 0; i < 100000; ++i) object += " )>>";
  CollectingSink sink;
  const auto result = read("<http://e/s> <http://e/p> " + object + "\n", sink);
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.errors[0].message.find("nested more than"), std::string::npos);
}

TEST(NTriples12ReaderTest, NQuadsTakeTripleTermsWithAGraph) {
  CollectingSink sink;
  ASSERT_TRUE(read("<http://e/s> <http://e/p> <<( <http://e/a> <http://e/b> <http://e/c> )>> "
                   "<http://e/g> .\n",
                   sink, Format::NQuads)
                  .ok());
  ASSERT_EQ(sink.quads.size(), 1u);
  EXPECT_EQ(sink.quads[0].graph, Term::iri("http://e/g"));
  EXPECT_EQ(triple_term_parts(sink.quads[0].object.value())->object, Term::iri("http://e/c"));
}

}  // namespace
}  // namespace quiver::io
