// `quiver validate --ontology`: each bad fixture of tests/validate/fixtures
// fails with its problem located in the file; the bundled data passes.

#include <gtest/gtest.h>

#include "cli_runner.hpp"

namespace quiver::cli::testing {
namespace {

const std::string kRoot = QUIVER_SOURCE_DIR;
const std::string kFixtures = kRoot + "/tests/validate/fixtures/";

class ValidateOntologyTest : public ::testing::Test {
 protected:
  ValidateOntologyTest()
      : scratch_(::testing::UnitTest::GetInstance()->current_test_info()->name()) {}

  /// Runs `quiver validate --ontology fixtures/ontology.ttl fixtures/FILE`.
  RunResult validate_fixture(const std::string& file) const {
    return scratch_.quiver("validate --ontology '" + kFixtures + "ontology.ttl' '" + kFixtures +
                           file + "'");
  }

  Scratch scratch_;
};

TEST_F(ValidateOntologyTest, EachBadFixtureFailsWithItsLocation) {
  const std::pair<const char*, const char*> cases[] = {
      {"undeclared-class.ttl:5:10: error: d:acme has type ex:Compnay, which the ontology does not "
       "declare",
       "ontology check: 1 problem\n"},
      {"undeclared-property.ttl:6:5: error: d:alice uses property ex:nickname", "1 problem"},
      {"domain.ttl:7:1: error: d:bob has no type, expected ex:Person (the domain of ex:age)",
       "3 problems"},
      {"range-class.ttl:5:17: error: d:bob is the object of ex:worksFor, whose range is "
       "ex:Company",
       "3 problems"},
      {"range-datatype.ttl:5:12: error: d:alice ex:age \"forty\": the range of ex:age is "
       "xsd:integer, not xsd:string",
       "4 problems"},
      {"invalid-literals.ttl:17:9: error: \"2024-13\" is not a valid xsd:gYearMonth",
       "13 problems"},
      {"claims.trig:10:5: error: claim d:c1 has no ex:claimant", "3 problems"},
  };
  for (const auto& [message, summary] : cases) {
    const std::string file = std::string(message).substr(0, std::string(message).find(':'));
    const RunResult r = validate_fixture(file);
    EXPECT_EQ(r.exit_code, 1) << file;
    EXPECT_NE(r.err.find(kFixtures + message), std::string::npos) << file << "\n" << r.err;
    // The syntax verdict of each file comes first, as without --ontology.
    EXPECT_NE(r.out.find(kFixtures + file + ": OK"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find(summary), std::string::npos) << file << "\n" << r.out;
  }
}

TEST_F(ValidateOntologyTest, GoodFixturePasses) {
  const RunResult r = validate_fixture("good.trig");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_NE(r.out.find("ontology check: OK"), std::string::npos) << r.out;
}

TEST_F(ValidateOntologyTest, BundledDataPasses) {
  const RunResult r =
      scratch_.quiver("validate --ontology '" + kRoot + "/ontology/quiver-article.ttl' '" + kRoot +
                      "/data/article.trig'");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_NE(r.out.find("ontology check: OK, 1 data file conforms to the ontology"),
            std::string::npos)
      << r.out;
}

TEST_F(ValidateOntologyTest, SyntaxErrorsStopTheOntologyCheck) {
  scratch_.write("bad.ttl", "@prefix ex: <http://example.org/onto#> .\nex:a ex:b .\n");
  const RunResult r =
      scratch_.quiver("validate bad.ttl --ontology '" + kFixtures + "ontology.ttl'");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("bad.ttl:2:"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("ontology check: not run"), std::string::npos) << r.out;
}

TEST_F(ValidateOntologyTest, OntologyOptionIsInTheHelp) {
  const RunResult r = scratch_.quiver("help validate");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("--ontology"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace quiver::cli::testing
