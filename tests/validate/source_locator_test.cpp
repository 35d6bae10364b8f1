#include "validate/source_locator.hpp"

#include <gtest/gtest.h>

#include <string>

namespace quiver::validate {
namespace {

const std::string kEx = "http://example.org/";
const std::string kType = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";

Term ex(const std::string& local) { return Term::iri(kEx + local); }

/// Reads `text` into a corpus and returns the line:col of `part` of `quad`.
std::string where(const std::string& text, const Quad& quad, Part part) {
  Corpus corpus;
  EXPECT_TRUE(corpus.add_string(text, "t.ttl", Role::Data, {}).ok());
  SourceLocator locator(corpus.files()[0]);
  const SourceLocation at = locator.locate(quad, part);
  EXPECT_EQ(at.file, "t.ttl");
  return std::to_string(at.line) + ":" + std::to_string(at.column);
}

constexpr const char* kText =
    "@prefix ex: <http://example.org/> .\n"  // 1
    "# ex:a ex:p ex:b . in a comment\n"      // 2
    "ex:ab ex:p ex:b .\n"                    // 3
    "ex:a a ex:C ;\n"                        // 4
    "    ex:p \"ex:b\" , ex:b ;\n"           // 5
    "    ex:q 42 , \"x\"@en .\n"             // 6
    "<http://example.org/z> ex:p ex:a.\n";   // 7

TEST(SourceLocatorTest, FindsEachPartOfAStatement) {
  const Quad q(ex("a"), ex("p"), ex("b"));
  EXPECT_EQ(where(kText, q, Part::Subject), "4:1");
  EXPECT_EQ(where(kText, q, Part::Predicate), "5:5");
  // Not inside the string "ex:b", not in the comment, not ex:ab.
  EXPECT_EQ(where(kText, q, Part::Object), "5:19");
}

TEST(SourceLocatorTest, RdfTypeAsA) {
  EXPECT_EQ(where(kText, Quad(ex("a"), Term::iri(kType), ex("C")), Part::Object), "4:8");
  EXPECT_EQ(where(kText, Quad(ex("a"), Term::iri(kType), ex("C")), Part::Predicate), "4:6");
}

TEST(SourceLocatorTest, LiteralsQuotedAndBare) {
  const std::string xsd = "http://www.w3.org/2001/XMLSchema#";
  EXPECT_EQ(
      where(kText, Quad(ex("a"), ex("q"), Term::literal("42", xsd + "integer")), Part::Object),
      "6:10");
  EXPECT_EQ(where(kText, Quad(ex("a"), ex("q"), Term::literal("x", "", "en")), Part::Object),
            "6:15");
}

TEST(SourceLocatorTest, FullIrisAndFinalDot) {
  EXPECT_EQ(where(kText, Quad(ex("z"), ex("p"), ex("a")), Part::Subject), "7:1");
  EXPECT_EQ(where(kText, Quad(ex("z"), ex("p"), ex("a")), Part::Object), "7:29");
}

TEST(SourceLocatorTest, FallsBackToTheSubjectThenTheFile) {
  // ex:r is not written anywhere: the subject's first occurrence.
  EXPECT_EQ(where(kText, Quad(ex("ab"), ex("r"), ex("b")), Part::Predicate), "3:1");
  EXPECT_EQ(where(kText, Quad(ex("nowhere"), ex("r"), ex("b")), Part::Predicate), "0:0");
}

}  // namespace
}  // namespace quiver::validate
