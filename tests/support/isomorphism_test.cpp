#include "support/isomorphism.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace quiver::testing {
namespace {

Term iri(std::string_view local) { return Term::iri("http://ex/" + std::string(local)); }
Term bn(std::string_view label) { return Term::blank(label); }
Term lit(std::string_view lexical) { return Term::literal(lexical); }

const Term kP = iri("p");
const Term kQ = iri("q");

TEST(Isomorphism, EmptyDatasets) {
  EXPECT_TRUE(are_isomorphic({}, {}));
  EXPECT_FALSE(are_isomorphic({}, {{iri("s"), kP, iri("o")}}));
  EXPECT_EQ(isomorphism_diff({}, {}), "");
}

TEST(Isomorphism, GroundQuadsMustMatchExactly) {
  const std::vector<Quad> a = {{iri("s"), kP, lit("x")}, {iri("s"), kQ, iri("o")}};
  std::vector<Quad> reordered = {a[1], a[0]};
  EXPECT_TRUE(are_isomorphic(a, reordered));
  EXPECT_FALSE(are_isomorphic(a, {a[0], {iri("s"), kQ, iri("other")}}));
}

TEST(Isomorphism, DuplicatesAreIgnored) {
  const Quad q(iri("s"), kP, bn("x"));
  EXPECT_TRUE(are_isomorphic({q, q, q}, {Quad(iri("s"), kP, bn("y"))}));
}

TEST(Isomorphism, LiteralsCompareExactly) {
  const Term integer = Term::literal("1", "http://www.w3.org/2001/XMLSchema#integer");
  const Term padded = Term::literal("01", "http://www.w3.org/2001/XMLSchema#integer");
  EXPECT_FALSE(are_isomorphic({{iri("s"), kP, integer}}, {{iri("s"), kP, padded}}));
  EXPECT_FALSE(are_isomorphic({{iri("s"), kP, lit("1")}}, {{iri("s"), kP, integer}}));
  EXPECT_FALSE(
      are_isomorphic({{iri("s"), kP, Term::literal("a", {}, "en")}}, {{iri("s"), kP, lit("a")}}));
}

TEST(Isomorphism, LanguageTagsCompareCaseInsensitively) {
  EXPECT_TRUE(are_isomorphic({{iri("s"), kP, Term::literal("a", {}, "en-US")}},
                             {{iri("s"), kP, Term::literal("a", {}, "EN-us")}}));
  EXPECT_FALSE(are_isomorphic({{iri("s"), kP, Term::literal("a", {}, "en")}},
                              {{iri("s"), kP, Term::literal("a", {}, "en-us")}}));
}

TEST(Isomorphism, BlankNodesRenamed) {
  const std::vector<Quad> a = {{bn("a"), kP, bn("b")}, {bn("b"), kP, lit("x")}};
  const std::vector<Quad> b = {{bn("y"), kP, lit("x")}, {bn("z"), kP, bn("y")}};
  EXPECT_TRUE(are_isomorphic(a, b));
}

TEST(Isomorphism, BlankNodeCannotMapToIri) {
  EXPECT_FALSE(are_isomorphic({{bn("a"), kP, iri("o")}}, {{iri("a"), kP, iri("o")}}));
}

TEST(Isomorphism, MappingMustBeABijection) {
  // One blank node in two quads vs two blank nodes in one quad each.
  const std::vector<Quad> a = {{bn("a"), kP, lit("1")}, {bn("a"), kP, lit("2")}};
  const std::vector<Quad> b = {{bn("x"), kP, lit("1")}, {bn("y"), kP, lit("2")}};
  EXPECT_FALSE(are_isomorphic(a, b));
  EXPECT_NE(isomorphism_diff(a, b), "");
}

TEST(Isomorphism, BlankNodesAsGraphNames) {
  const std::vector<Quad> a = {{iri("s"), kP, bn("o"), bn("g1")},
                               {bn("o"), kP, lit("v"), bn("g2")}};
  const std::vector<Quad> b = {{bn("n"), kP, lit("v"), bn("h")}, {iri("s"), kP, bn("n"), bn("k")}};
  EXPECT_TRUE(are_isomorphic(a, b));
  // The same shape, but both quads in one blank-named graph.
  const std::vector<Quad> c = {{bn("n"), kP, lit("v"), bn("h")}, {iri("s"), kP, bn("n"), bn("h")}};
  EXPECT_FALSE(are_isomorphic(a, c));
}

TEST(Isomorphism, DefaultGraphDiffersFromNamedGraph) {
  EXPECT_FALSE(are_isomorphic({{iri("s"), kP, iri("o")}}, {{iri("s"), kP, iri("o"), iri("g")}}));
  EXPECT_FALSE(are_isomorphic({{bn("s"), kP, iri("o")}}, {{bn("s"), kP, iri("o"), bn("g")}}));
}

TEST(Isomorphism, SelfLoops) {
  EXPECT_TRUE(are_isomorphic({{bn("a"), kP, bn("a")}}, {{bn("z"), kP, bn("z")}}));
  EXPECT_FALSE(are_isomorphic({{bn("a"), kP, bn("a")}}, {{bn("y"), kP, bn("z")}}));
}

// Every node has the same colour; only the search tells them apart.
std::vector<Quad> cycle(std::string_view prefix, int length) {
  std::vector<Quad> out;
  for (int i = 0; i < length; ++i) {
    out.emplace_back(bn(std::string(prefix) + std::to_string(i)), kP,
                     bn(std::string(prefix) + std::to_string((i + 1) % length)));
  }
  return out;
}

TEST(Isomorphism, RegularGraphsNeedTheSearch) {
  EXPECT_TRUE(are_isomorphic(cycle("a", 6), cycle("b", 6)));
  // A 6-cycle against two 3-cycles: same colours everywhere, not isomorphic.
  std::vector<Quad> two_triangles = cycle("x", 3);
  for (Quad& q : cycle("y", 3)) two_triangles.push_back(q);
  EXPECT_FALSE(are_isomorphic(cycle("a", 6), two_triangles));
  EXPECT_NE(isomorphism_diff(cycle("a", 6), two_triangles).find("no mapping"), std::string::npos);
}

TEST(Isomorphism, LargeListIsFast) {
  // An RDF list of 5000 cells: long chains used to defeat naive matchers.
  auto list = [](std::string_view prefix, bool reversed) {
    std::vector<Quad> out;
    const int n = 5000;
    for (int i = 0; i < n; ++i) {
      const Term cell = bn(std::string(prefix) + std::to_string(i));
      const Term next =
          i + 1 < n ? bn(std::string(prefix) + std::to_string(i + 1)) : Term::iri(vocab::kRdfNil);
      out.emplace_back(cell, Term::iri(vocab::kRdfFirst), lit("v"));
      out.emplace_back(cell, Term::iri(vocab::kRdfRest), next);
    }
    if (reversed) std::reverse(out.begin(), out.end());
    return out;
  };
  EXPECT_TRUE(are_isomorphic(list("a", false), list("b", true)));
  auto broken = list("b", false);
  broken.back().object = iri("not-nil");
  EXPECT_FALSE(are_isomorphic(list("a", false), broken));
}

TEST(Isomorphism, ManyInterchangeableNodes) {
  // 500 blank nodes with identical descriptions: any bijection works.
  std::vector<Quad> a, b;
  for (int i = 0; i < 500; ++i) {
    a.emplace_back(iri("s"), kP, bn("a" + std::to_string(i)));
    a.emplace_back(bn("a" + std::to_string(i)), kQ, lit("same"));
    b.emplace_back(iri("s"), kP, bn("b" + std::to_string(i)));
    b.emplace_back(bn("b" + std::to_string(i)), kQ, lit("same"));
  }
  EXPECT_TRUE(are_isomorphic(a, b));
}

TEST(Isomorphism, DiffListsGroundQuadsBothWays) {
  const std::vector<Quad> actual = {{iri("s"), kP, lit("a")}, {iri("s"), kP, lit("shared")}};
  const std::vector<Quad> expected = {{iri("s"), kP, lit("b")}, {iri("s"), kP, lit("shared")}};
  const std::string diff = isomorphism_diff(actual, expected, "actual", "expected");
  EXPECT_NE(diff.find("actual only: <http://ex/s> <http://ex/p> \"a\" ."), std::string::npos)
      << diff;
  EXPECT_NE(diff.find("expected only: <http://ex/s> <http://ex/p> \"b\" ."), std::string::npos)
      << diff;
  EXPECT_EQ(diff.find("shared"), std::string::npos) << diff;
}

TEST(Isomorphism, DiffShowsBlankNodeShapes) {
  const std::string diff = isomorphism_diff({{bn("x"), kP, lit("1")}}, {{bn("y"), kP, lit("2")}});
  EXPECT_NE(diff.find("first only: _:* <http://ex/p> \"1\" ."), std::string::npos) << diff;
  EXPECT_NE(diff.find("second only: _:* <http://ex/p> \"2\" ."), std::string::npos) << diff;
}

TEST(Isomorphism, DiffTruncatesLongLists) {
  std::vector<Quad> a;
  for (int i = 0; i < 20; ++i) a.emplace_back(iri("s"), kP, lit(std::to_string(i)));
  const std::string diff = isomorphism_diff(a, {}, "first", "second", 3);
  EXPECT_NE(diff.find("... and 17 more only in first"), std::string::npos) << diff;
}

}  // namespace
}  // namespace quiver::testing
