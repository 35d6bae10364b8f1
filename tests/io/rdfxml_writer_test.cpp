#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "io/reader.hpp"
#include "io/writer.hpp"
#include "support/isomorphism.hpp"
#include "test_sink.hpp"

namespace quiver::io {
namespace {

constexpr std::string_view kEx = "http://ex.org/";

Term ex(std::string_view local) { return Term::iri(std::string(kEx) + std::string(local)); }
Term rdf_type() { return Term::iri(vocab::kRdfType); }

struct Written {
  std::string text;
  Status status;
};

Written write(const std::vector<Quad>& quads, WriteOptions options = {}) {
  options.format = Format::RdfXml;
  Written result;
  {
    auto out = Output::to_string(&result.text);
    auto writer = make_writer(options, *out);
    writer->on_prefix("ex", kEx);
    for (const Quad& q : quads) writer->on_quad(q.ref());
    result.status = writer->finish();
  }
  return result;
}

std::vector<Quad> read_back(const std::string& text) {
  testing::CollectingSink sink;
  ReadOptions options;
  options.format = Format::RdfXml;
  options.base_iri = "http://base.example/";
  const ReadResult read = read_string(text, "written.rdf", options, sink);
  EXPECT_TRUE(read.ok()) << (read.ok() ? "" : read.errors.front().to_string()) << "\n" << text;
  return sink.quads;
}

const std::vector<Quad> kSample = {
    {ex("s"), ex("p"), Term::literal("plain")},
    {ex("s"), ex("p"), Term::literal("chat", {}, "fr")},
    {ex("s"), ex("n"), Term::literal("42", "http://www.w3.org/2001/XMLSchema#integer")},
    {ex("s"), rdf_type(), ex("C")},
    {ex("s"), ex("knows"), Term::blank("x")},
    {Term::blank("x"), ex("name"), Term::literal("Bob & <Alice>")},
};

TEST(RdfXmlWriter, WritesTheExactDocument) {
  const Written w = write(kSample);
  ASSERT_TRUE(w.status.ok()) << w.status.error().to_string();
  EXPECT_EQ(w.text,
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
            "<rdf:RDF xmlns:ex=\"http://ex.org/\"\n"
            "   xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
            "  <ex:C rdf:about=\"http://ex.org/s\">\n"
            "    <ex:knows>\n"
            "      <rdf:Description>\n"
            "        <ex:name>Bob &amp; &lt;Alice&gt;</ex:name>\n"
            "      </rdf:Description>\n"
            "    </ex:knows>\n"
            "    <ex:n rdf:datatype=\"http://www.w3.org/2001/XMLSchema#integer\">42</ex:n>\n"
            "    <ex:p xml:lang=\"fr\">chat</ex:p>\n"
            "    <ex:p>plain</ex:p>\n"
            "  </ex:C>\n"
            "</rdf:RDF>\n");
}

TEST(RdfXmlWriter, DeclaresOnlyPrefixesOfElementNames) {
  WriteOptions options;
  options.prefixes = {{"unused", "http://unused.org/"}, {"o", "http://other.org/"}};
  const Written w = write({{ex("s"), Term::iri("http://other.org/p"), ex("o")}}, options);
  ASSERT_TRUE(w.status.ok());
  EXPECT_NE(w.text.find("xmlns:o=\"http://other.org/\""), std::string::npos) << w.text;
  EXPECT_EQ(w.text.find("unused"), std::string::npos) << w.text;
  EXPECT_EQ(w.text.find("xmlns:ex="), std::string::npos) << w.text;
}

TEST(RdfXmlWriter, RoundTrips) {
  const Written w = write(kSample);
  ASSERT_TRUE(w.status.ok());
  EXPECT_TRUE(quiver::testing::are_isomorphic(read_back(w.text), kSample)) << w.text;
}

TEST(RdfXmlWriter, OmitsXsdStringDatatype) {
  const Written w = write({{ex("s"), ex("p"), Term::literal("x", vocab::kXsdString)}});
  ASSERT_TRUE(w.status.ok());
  EXPECT_EQ(w.text.find("rdf:datatype"), std::string::npos) << w.text;
  EXPECT_NE(w.text.find(">x</"), std::string::npos) << w.text;
}

TEST(RdfXmlWriter, IsDeterministic) {
  std::vector<Quad> quads = kSample;
  const Written first = write(quads);
  std::reverse(quads.begin(), quads.end());
  quads.push_back(quads.front());  // a duplicate
  EXPECT_EQ(write(quads).text, first.text);
}

TEST(RdfXmlWriter, KeepsBlankNodeCycles) {
  // rdfxml-abbrev alone would drop these: the writer falls back to rdfxml.
  const std::vector<Quad> quads = {
      {Term::blank("a"), ex("p"), Term::blank("b")},
      {Term::blank("b"), ex("p"), Term::blank("a")},
      {Term::blank("c"), ex("p"), Term::blank("c")},
  };
  const Written w = write(quads);
  ASSERT_TRUE(w.status.ok());
  EXPECT_TRUE(quiver::testing::are_isomorphic(read_back(w.text), quads)) << w.text;
}

TEST(RdfXmlWriter, RenamesBlankNodesToXmlNames) {
  const std::vector<Quad> quads = {
      {Term::blank("0"), ex("p"), Term::blank("1")},
      {ex("s"), ex("p"), Term::blank("0")},
      {ex("t"), ex("p"), Term::blank("0")},
  };
  const Written w = write(quads);
  ASSERT_TRUE(w.status.ok());
  EXPECT_NE(w.text.find("rdf:nodeID=\"b0\""), std::string::npos) << w.text;
  EXPECT_TRUE(quiver::testing::are_isomorphic(read_back(w.text), quads)) << w.text;
}

TEST(RdfXmlWriter, RefusesControlCharacters) {
  const Written w = write({{ex("s"), ex("p"), Term::literal(std::string("a\0b", 3))}});
  ASSERT_FALSE(w.status.ok());
  EXPECT_NE(w.status.error().message.find("control characters"), std::string::npos);
}

TEST(RdfXmlWriter, RefusesNamedGraphs) {
  const Written w = write({{ex("s"), ex("p"), ex("o"), ex("g")}});
  ASSERT_FALSE(w.status.ok());
  EXPECT_NE(w.status.error().message.find("named graphs"), std::string::npos);
  EXPECT_EQ(w.text, "");
}

TEST(RdfXmlWriter, ReportsPredicatesWithoutXmlName) {
  const Written w = write({{ex("s"), Term::iri("http://ex.org/p/"), ex("o")}});
  ASSERT_FALSE(w.status.ok());
  EXPECT_NE(w.status.error().message.find("RDF/XML"), std::string::npos)
      << w.status.error().message;
}

// The class of injection: a term whose text is not a valid IRI or tag
// would be written into an attribute as it is and change the document.
TEST(RdfXmlWriter, RefusesTermsThatAreNotValidIris) {
  for (const Quad& q : std::vector<Quad>{
           {Term::iri("http://e/a\" rdf:resource=\"http://evil/"), ex("p"), ex("o")},
           {ex("s"), ex("p"), Term::iri("http://e/a> <http://e/b")},
           {ex("s"), ex("p"), Term::literal("x", "http://e/dt\"><x")},
           {ex("s"), ex("p"), Term::literal("x", {}, "en\" xml:base=\"http://evil/")},
       }) {
    const Written w = write({q});
    EXPECT_FALSE(w.status.ok()) << w.text;
  }
}

// A chain of blank nodes 20,000 deep: the abbreviated form would indent
// each level (output growing with the square of the depth); the flat form
// keeps it linear and Raptor's recursion shallow.
TEST(RdfXmlWriter, DeepBlankNodeChainsStayLinear) {
  std::vector<Quad> chain;
  constexpr int kDepth = 20000;
  chain.push_back({ex("s"), ex("p"), Term::blank("n0")});
  for (int i = 0; i < kDepth; ++i) {
    chain.push_back(
        {Term::blank("n" + std::to_string(i)), ex("p"), Term::blank("n" + std::to_string(i + 1))});
  }
  const Written w = write(chain);
  ASSERT_TRUE(w.status.ok()) << w.status.error().to_string();
  EXPECT_LT(w.text.size(), chain.size() * 200) << "output not linear in the chain's length";
  EXPECT_EQ(read_back(w.text).size(), chain.size());
}

}  // namespace
}  // namespace quiver::io
