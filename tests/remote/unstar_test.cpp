// RDF 1.2 data for an RDF 1.1 store: what push must refuse, and the RDF 1.1
// reification UnstarSink writes for each triple term.

#include "remote/unstar.hpp"

#include <gtest/gtest.h>

#include "io/reader.hpp"
#include "io/test_sink.hpp"

namespace quiver::remote {
namespace {

// The N-Quads UnstarSink passes on for the Turtle `text`.
std::string unstarred(const std::string& text, std::uint64_t* reifications = nullptr) {
  io::testing::CollectingSink collected;
  UnstarSink unstar(collected, "u");
  io::ReadOptions options;
  options.format = io::Format::Turtle;
  const io::ReadResult read = io::read_string(text, "t.ttl", options, unstar);
  EXPECT_TRUE(read.ok()) << (read.ok() ? "" : read.errors.front().message);
  if (reifications) *reifications = unstar.reifications();
  return collected.nquads();
}

constexpr const char* kRdf = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#";

std::string reification(const std::string& node, const std::string& s, const std::string& p,
                        const std::string& o) {
  return node + " " + kRdf + "type> " + kRdf + "Statement> .\n" + node + " " + kRdf + "subject> " +
         s + " .\n" + node + " " + kRdf + "predicate> " + p + " .\n" + node + " " + kRdf +
         "object> " + o + " .\n";
}

TEST(Unstar, AReifierBecomesTheStatement) {
  std::uint64_t n = 0;
  EXPECT_EQ(unstarred("<http://e/c> <http://www.w3.org/1999/02/22-rdf-syntax-ns#reifies> "
                      "<<( <http://e/s> <http://e/p> \"o\" )>> .\n",
                      &n),
            reification("<http://e/c>", "<http://e/s>", "<http://e/p>", "\"o\""));
  EXPECT_EQ(n, 1u);
}

TEST(Unstar, ATripleTermElsewhereBecomesOneBlankNodePerTermAndGraph) {
  std::uint64_t n = 0;
  const std::string out = unstarred(
      "<http://e/d> <http://e/quotes> <<( <http://e/s> <http://e/p> <http://e/o> )>> .\n"
      "<http://e/f> <http://e/quotes> <<( <http://e/s> <http://e/p> <http://e/o> )>> .\n",
      &n);
  EXPECT_EQ(out, reification("_:u1", "<http://e/s>", "<http://e/p>", "<http://e/o>") +
                     "<http://e/d> <http://e/quotes> _:u1 .\n"
                     "<http://e/f> <http://e/quotes> _:u1 .\n");
  EXPECT_EQ(n, 1u);
}

TEST(Unstar, NestedTermsAndTheirBlankNodes) {
  const std::string out = unstarred(
      "<http://e/c> <http://www.w3.org/1999/02/22-rdf-syntax-ns#reifies> "
      "<<( _:a <http://e/says> <<( _:a <http://e/p> 1 )>> )>> .\n");
  const std::string one = "\"1\"^^<http://www.w3.org/2001/XMLSchema#integer>";
  EXPECT_EQ(out, reification("_:u1", "_:a", "<http://e/p>", one) +
                     reification("<http://e/c>", "_:a", "<http://e/says>", "_:u1"));
}

TEST(Unstar, OtherQuadsPassUnchanged) {
  EXPECT_EQ(unstarred("<http://e/s> <http://e/p> \"x\"@en, _:b .\n"),
            "<http://e/s> <http://e/p> \"x\"@en .\n<http://e/s> <http://e/p> _:b .\n");
}

TEST(Rdf12Feature, NamesWhatRdf11Lacks) {
  const TermRef s{TermKind::Iri, "http://e/s", {}, {}};
  const Term tt = Term::triple(s, s, s);
  const Term directed = Term::literal("x", {}, "ar--rtl");
  const Term tagged = Term::literal("x", {}, "ar");
  EXPECT_EQ(rdf12_feature({s, s, tt.ref(), {}}), Rdf12Feature::TripleTerm);
  EXPECT_EQ(rdf12_feature({s, s, directed.ref(), {}}), Rdf12Feature::BaseDirection);
  EXPECT_EQ(rdf12_feature({s, s, tagged.ref(), {}}), Rdf12Feature::None);
  EXPECT_EQ(describe(Rdf12Feature::TripleTerm), "a triple term");
  EXPECT_EQ(describe(Rdf12Feature::BaseDirection), "a literal with a base direction");
  EXPECT_EQ(describe(Rdf12Feature::None), "");
}

}  // namespace
}  // namespace quiver::remote
