// `quiver validate --shapes`: exit codes (0 conforms, 1 results at or above
// --fail-on, 2 refused), the report in RDF, the summary with places, and
// each kind of bad input refused with its reason.

#include <gtest/gtest.h>

#include "cli_runner.hpp"

namespace quiver::cli::testing {
namespace {

const std::string kPrefixes =
    "@prefix sh: <http://www.w3.org/ns/shacl#> .\n"
    "@prefix ex: <http://example.org/> .\n"
    "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n";

const std::string kShapes = kPrefixes +
                            "ex:PersonShape a sh:NodeShape ;\n"
                            "  sh:targetClass ex:Person ;\n"
                            "  sh:property [ sh:path ex:name ; sh:minCount 1 ] ;\n"
                            "  sh:property [ sh:path ex:age ; sh:datatype xsd:integer ;\n"
                            "                sh:severity sh:Warning ] .\n";

class ValidateShapesTest : public ::testing::Test {
 protected:
  ValidateShapesTest() : scratch_(::testing::UnitTest::GetInstance()->current_test_info()->name()) {
    scratch_.write("shapes.ttl", kShapes);
  }
  Scratch scratch_;
};

TEST_F(ValidateShapesTest, ConformingDataExitsZeroWithAConformingReport) {
  scratch_.write("data.ttl", kPrefixes + "ex:a a ex:Person ; ex:name \"A\" ; ex:age 3 .\n");
  const RunResult r = scratch_.quiver("validate --shapes shapes.ttl data.ttl --report-format nt");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("<http://www.w3.org/ns/shacl#conforms> "
                       "\"true\"^^<http://www.w3.org/2001/XMLSchema#boolean>"),
            std::string::npos)
      << r.out;
  EXPECT_EQ(r.out.find("ValidationResult"), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("conforms"), std::string::npos) << r.err;
}

TEST_F(ValidateShapesTest, ViolationsExitOneAndArePlacedInTheData) {
  scratch_.write("data.ttl", kPrefixes +
                                 "ex:a a ex:Person ; ex:name \"A\" .\n"
                                 "ex:b a ex:Person .\n");
  const RunResult r = scratch_.quiver("validate --shapes shapes.ttl --data data.ttl -o report.ttl");
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_EQ(r.out, "");
  const std::string report = slurp(scratch_.path("report.ttl"));
  EXPECT_NE(report.find("sh:conforms false"), std::string::npos) << report;
  EXPECT_NE(report.find("sh:MinCountConstraintComponent"), std::string::npos) << report;
  EXPECT_NE(report.find("sh:focusNode ex:b"), std::string::npos) << report;
  // The summary names the shape by its path, with the shapes' prefixes,
  // and places ex:b at line 5.
  EXPECT_NE(r.err.find("1 result (1 violation, 0 warnings, 0 info) from 1 shape"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("[ sh:path ex:name ]: 1 result"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("data.ttl:5:1: sh:Violation sh:MinCountConstraintComponent on ex:b "
                       "ex:name: needs at least 1 value"),
            std::string::npos)
      << r.err;
}

TEST_F(ValidateShapesTest, FailOnDecidesWhichSeveritiesFail) {
  scratch_.write("data.ttl", kPrefixes + "ex:a a ex:Person ; ex:name \"A\" ; ex:age \"old\" .\n");
  const RunResult warned = scratch_.quiver("validate --shapes shapes.ttl data.ttl -o r1.ttl");
  EXPECT_EQ(warned.exit_code, 0) << warned.err;
  EXPECT_NE(warned.err.find("sh:Warning sh:DatatypeConstraintComponent"), std::string::npos)
      << warned.err;
  const RunResult failed =
      scratch_.quiver("validate --shapes shapes.ttl data.ttl -o r2.ttl --fail-on warning");
  EXPECT_EQ(failed.exit_code, 1) << failed.err;
  EXPECT_EQ(scratch_.quiver("validate --shapes shapes.ttl data.ttl --fail-on error").exit_code, 2);
}

TEST_F(ValidateShapesTest, EachBadInputIsRefusedWithItsReason) {
  scratch_.write("data.ttl", kPrefixes + "ex:a a ex:Person ; ex:name \"A\" .\n");
  const std::pair<std::string, std::string> cases[] = {
      {kPrefixes + "ex:S a sh:NodeShape ;\n  sh:targetNode ex:a ;\n  sh:property [ ex:p ] ",
       "shapes.bad.ttl:6:22: error: expected an object"},
      {kPrefixes + "ex:S a sh:NodeShape ; sh:targetNode ex:a ;\n"
                   "  sh:property [ sh:path ex:p ; sh:minCount \"x\" ] .\n",
       "ill-formed shape [ sh:path <http://example.org/p> ] of <http://example.org/S>: "
       "sh:minCount must be a non-negative xsd:integer, not \"x\""},
      {kPrefixes + "ex:S a sh:NodeShape ; sh:targetNode ex:a ;\n"
                   "  sh:property [ sh:path [ ex:q ex:p ] ] .\n",
       "is not a path: <http://example.org/q> is no path property"},
      {kPrefixes + "ex:S a sh:NodeShape ; sh:targetNode ex:a ; sh:node ex:T .\n"
                   "ex:T a sh:NodeShape ; sh:node ex:S .\n",
       "recursive shapes: <http://example.org/S> refers back to itself for the focus node "
       "<http://example.org/a>"},
      {kPrefixes +
           "ex:S a sh:NodeShape ; sh:targetNode ex:a ;\n"
           "  sh:sparql [ sh:select \"\"\"SELECT $this\nWHERE { $this ?p ?o FILTER( }\"\"\" ] .\n",
       "query:2:29: error: expected an expression but found '}'"},
      {kPrefixes + "ex:S a sh:NodeShape ; sh:targetNode ex:a ;\n"
                   "  sh:sparql [ sh:select \"SELECT $this WHERE { MINUS { $this ?p ?o } }\" ] .\n",
       "uses MINUS, which SHACL-SPARQL does not allow"},
  };
  for (const auto& [shapes, reason] : cases) {
    scratch_.write("shapes.bad.ttl", shapes);
    const RunResult r = scratch_.quiver("validate --shapes shapes.bad.ttl data.ttl -o report.ttl");
    EXPECT_EQ(r.exit_code, 2) << shapes;
    EXPECT_NE(r.err.find(reason), std::string::npos) << reason << "\n" << r.err;
    // A refusal writes no report.
    EXPECT_EQ(scratch_.listing().find("report.ttl"), std::string::npos) << scratch_.listing();
  }
  scratch_.write("data.bad.ttl", kPrefixes + "ex:a ex:name \"A ;\n");
  const RunResult r = scratch_.quiver("validate --shapes shapes.ttl data.bad.ttl -o report.ttl");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("data.bad.ttl:4:"), std::string::npos) << r.err;
  EXPECT_EQ(scratch_.listing().find("report.ttl"), std::string::npos) << scratch_.listing();
}

TEST_F(ValidateShapesTest, TimeoutBoundsExponentialShapes) {
  // Each level checks the next twice: 2^40 checks without a limit.
  std::string shapes = kPrefixes + "ex:S0 sh:targetSubjectsOf ex:p ; sh:node ex:S1 .\n";
  for (int i = 1; i < 40; ++i) {
    shapes += "ex:S" + std::to_string(i) + " sh:and ( ex:S" + std::to_string(i + 1) + " ex:S" +
              std::to_string(i + 1) + " ) .\n";
  }
  shapes += "ex:S40 sh:nodeKind sh:IRI .\nex:a ex:p ex:b .\n";
  scratch_.write("expo.ttl", shapes);
  const RunResult r = scratch_.quiver("validate --shapes expo.ttl expo.ttl --timeout 0.5");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("validation timed out"), std::string::npos) << r.err;
}

TEST_F(ValidateShapesTest, UnionDefaultGraphValidatesTheNamedGraphs) {
  scratch_.write("data.trig", kPrefixes + "ex:g1 { ex:b a ex:Person . }\n");
  // The default graph is empty: nothing to validate.
  EXPECT_EQ(scratch_.quiver("validate --shapes shapes.ttl data.trig -o r.ttl").exit_code, 0);
  const RunResult r =
      scratch_.quiver("validate --shapes shapes.ttl data.trig -o r.ttl --union-default-graph");
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("on ex:b ex:name"), std::string::npos) << r.err;
}

TEST_F(ValidateShapesTest, ShapesGraphIsANamedGraphBesideTheData) {
  scratch_.write("graph-shapes.ttl",
                 kPrefixes +
                     "ex:S a sh:NodeShape ; sh:targetNode ex:a ; ex:expects \"x\" ;\n"
                     "  sh:sparql [ sh:select \"\"\"SELECT $this WHERE {\n"
                     "    GRAPH $shapesGraph { $currentShape <http://example.org/expects> ?e }\n"
                     "    FILTER NOT EXISTS { $this <http://example.org/v> ?e } }\"\"\" ] .\n");
  scratch_.write("good.ttl", kPrefixes + "ex:a ex:v \"x\" .\n");
  scratch_.write("bad.ttl", kPrefixes + "ex:a ex:v \"y\" .\n");
  EXPECT_EQ(scratch_.quiver("validate --shapes graph-shapes.ttl good.ttl -o r.ttl").exit_code, 0);
  const RunResult r = scratch_.quiver("validate --shapes graph-shapes.ttl bad.ttl -o r.ttl");
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("sh:SPARQLConstraintComponent on ex:a"), std::string::npos) << r.err;
}

TEST_F(ValidateShapesTest, ValidatesADatabase) {
  scratch_.write("data.ttl", kPrefixes + "ex:b a ex:Person .\n");
  ASSERT_EQ(scratch_.quiver("load --db db data.ttl").exit_code, 0);
  const RunResult r = scratch_.quiver("validate --shapes shapes.ttl --db db --report-format nt");
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.out.find("<http://www.w3.org/ns/shacl#focusNode> <http://example.org/b>"),
            std::string::npos)
      << r.out;
  EXPECT_EQ(scratch_.quiver("validate --shapes shapes.ttl --db db data.ttl").exit_code, 2);
}

TEST_F(ValidateShapesTest, OptionsOfShapesNeedShapes) {
  scratch_.write("data.ttl", kPrefixes + "ex:b a ex:Person .\n");
  const RunResult r = scratch_.quiver("validate data.ttl --fail-on warning");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--fail-on goes with --shapes"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace quiver::cli::testing
