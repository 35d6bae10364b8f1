// Each check fires on a bad fixture (tests/validate/fixtures/), at the
// right line; the good fixture and the bundled article data are clean.

#include "validate/validator.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "io/format.hpp"

namespace quiver::validate {
namespace {

const std::string kFixtures = QUIVER_SOURCE_DIR "/tests/validate/fixtures/";

/// Read options for `path` in the syntax its extension names (TriG files
/// are not Turtle).
io::ReadOptions syntax_of(const std::string& path) {
  io::ReadOptions options;
  options.format = io::format_from_path(path).value_or(io::Format::Turtle);
  return options;
}

/// The problems of the data fixtures `data` against fixtures/ontology.ttl,
/// as `name:line:col: message` with the directory left out.
std::vector<std::string> problems(const std::vector<std::string>& data,
                                  const std::string& ontology = kFixtures + "ontology.ttl") {
  Corpus corpus;
  EXPECT_TRUE(corpus.add_file(ontology, Role::Ontology, {}).ok()) << ontology;
  for (const std::string& file : data) {
    EXPECT_TRUE(corpus.add_file(kFixtures + file, Role::Data, syntax_of(file)).ok()) << file;
  }
  std::vector<std::string> out;
  for (const Error& e : check_against_ontology(corpus)) {
    std::string text = e.to_string();
    if (text.rfind(kFixtures, 0) == 0) text.erase(0, kFixtures.size());
    out.push_back(text);
  }
  return out;
}

using Lines = std::vector<std::string>;

TEST(ValidatorTest, GoodFixtureIsClean) { EXPECT_EQ(problems({"good.trig"}), Lines{}); }

TEST(ValidatorTest, UndeclaredClass) {
  EXPECT_EQ(problems({"undeclared-class.ttl"}),
            Lines{"undeclared-class.ttl:5:10: error: d:acme has type ex:Compnay, which the "
                  "ontology does not declare"});
}

TEST(ValidatorTest, UndeclaredProperty) {
  EXPECT_EQ(problems({"undeclared-property.ttl"}),
            Lines{"undeclared-property.ttl:6:5: error: d:alice uses property ex:nickname, which "
                  "the ontology does not declare"});
}

TEST(ValidatorTest, DomainViolations) {
  EXPECT_EQ(problems({"domain.ttl"}),
            (Lines{"domain.ttl:5:5: error: d:acme is the subject of ex:worksFor, whose domain is "
                   "ex:Person, but it is a ex:Company",
                   "domain.ttl:7:1: error: d:bob has no type, expected ex:Person (the domain of "
                   "ex:age)",
                   // ex:leads inherits the domain of ex:worksFor.
                   "domain.ttl:9:5: error: d:carol is the subject of ex:leads, whose domain is "
                   "ex:Person, but it is a ex:Company"}));
}

TEST(ValidatorTest, ClassRangeViolations) {
  EXPECT_EQ(problems({"range-class.ttl"}),
            (Lines{"range-class.ttl:5:17: error: d:bob is the object of ex:worksFor, whose range "
                   "is ex:Company, but it is a ex:Person",
                   "range-class.ttl:7:17: error: d:bob ex:worksFor \"ACME\": the range of "
                   "ex:worksFor is the class ex:Company, not a literal",
                   "range-class.ttl:9:17: error: d:nowhere has no type, expected ex:Company (the "
                   "range of ex:worksFor)"}));
}

TEST(ValidatorTest, DatatypeRangeViolations) {
  EXPECT_EQ(problems({"range-datatype.ttl"}),
            (Lines{"range-datatype.ttl:5:12: error: d:alice ex:age \"forty\": the range of ex:age "
                   "is xsd:integer, not xsd:string",
                   "range-datatype.ttl:7:12: error: d:bob ex:age \"4.5\"^^xsd:decimal: the range "
                   "of ex:age is xsd:integer, not xsd:decimal",
                   "range-datatype.ttl:9:12: error: d:carol ex:age d:forty: the range of ex:age "
                   "is the datatype xsd:integer, not a resource",
                   "range-datatype.ttl:10:14: error: d:carol ex:motto \"no language\": the range "
                   "of ex:motto is rdf:langString, not xsd:string"}));
}

TEST(ValidatorTest, InvalidLiteralsOfEachFamily) {
  const Lines found = problems({"invalid-literals.ttl"});
  const Lines expected{
      "7:14: error: \"abc\" is not a valid xsd:integer",
      "8:9: error: \"300\" is not a valid xsd:byte",
      "9:9: error: \"-1\" is not a valid xsd:nonNegativeInteger",
      "10:9: error: \"1.5.2\" is not a valid xsd:decimal",
      "11:9: error: \"1.0e\" is not a valid xsd:double",
      "12:9: error: \"one\" is not a valid xsd:float",
      "13:9: error: \"yes\" is not a valid xsd:boolean",
      "14:9: error: \"2023-02-29\" is not a valid xsd:date",
      "15:9: error: \"2024-01-01T25:00:00\" is not a valid xsd:dateTime",
      "16:9: error: \"24\" is not a valid xsd:gYear",
      "17:9: error: \"2024-13\" is not a valid xsd:gYearMonth",
      "18:9: error: \"bell\\u0007\" is not a valid xsd:string",
      "19:9: error: \"not a uri\" is not a valid xsd:anyURI",
  };
  ASSERT_EQ(found.size(), expected.size()) << ::testing::PrintToString(found);
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(found[i].rfind("invalid-literals.ttl:" + expected[i], 0), 0u) << found[i];
    EXPECT_NE(found[i].find("(the object of d:x ex:value)"), std::string::npos) << found[i];
  }
}

TEST(ValidatorTest, ClaimsMissingRequiredProperties) {
  // d:c4 has its properties in two graphs: the whole dataset counts.
  EXPECT_EQ(problems({"claims.trig"}),
            (Lines{"claims.trig:10:5: error: claim d:c1 has no ex:claimant",
                   "claims.trig:14:5: error: claim d:c2 has no ex:channel",
                   "claims.trig:18:5: error: claim d:c3 has no ex:sourceSentence"}));
}

TEST(ValidatorTest, FilesAreCheckedTogether) {
  // d:bob is untyped in domain.ttl but a ex:Person in range-class.ttl.
  for (const std::string& p : problems({"domain.ttl", "range-class.ttl"})) {
    EXPECT_EQ(p.find("d:bob has no type"), std::string::npos) << p;
  }
}

TEST(ValidatorTest, BundledArticleDataIsClean) {
  Corpus corpus;
  const auto ontology =
      corpus.add_file(QUIVER_SOURCE_DIR "/ontology/quiver-article.ttl", Role::Ontology, {});
  ASSERT_TRUE(ontology.ok());
  const auto data = corpus.add_file(QUIVER_SOURCE_DIR "/data/article.trig", Role::Data,
                                    syntax_of("article.trig"));
  ASSERT_TRUE(data.ok());
  std::vector<std::string> found;
  for (const Error& e : check_against_ontology(corpus)) found.push_back(e.to_string());
  EXPECT_EQ(found, Lines{});
}

TEST(ValidatorTest, BundledOntologyRequiresClaimProperties) {
  // The requirements are read from the ontology, not built in: a claim
  // without them, checked against the bundled ontology, is reported.
  Corpus corpus;
  ASSERT_TRUE(
      corpus.add_file(QUIVER_SOURCE_DIR "/ontology/quiver-article.ttl", Role::Ontology, {}).ok());
  ASSERT_TRUE(corpus
                  .add_string("@prefix qv: <https://quiver.example/ontology#> .\n"
                              "<https://quiver.example/article/claim/x> a qv:Claim .\n",
                              "claim.ttl", Role::Data, {})
                  .ok());
  std::vector<std::string> found;
  for (const Error& e : check_against_ontology(corpus)) found.push_back(e.to_string());
  EXPECT_EQ(found, (Lines{"claim.ttl:2:1: error: claim <https://quiver.example/article/claim/x> "
                          "has no qv:claimant",
                          "claim.ttl:2:1: error: claim <https://quiver.example/article/claim/x> "
                          "has no qv:channel",
                          "claim.ttl:2:1: error: claim <https://quiver.example/article/claim/x> "
                          "has no qv:sourceSentence"}));
}

}  // namespace
}  // namespace quiver::validate
