#include <gtest/gtest.h>

#include "cli_runner.hpp"

namespace quiver::cli::testing {
namespace {

class ConvertTest : public ::testing::Test {
 protected:
  ConvertTest() : scratch_(::testing::UnitTest::GetInstance()->current_test_info()->name()) {}
  Scratch scratch_;
};

TEST_F(ConvertTest, HelpAndVersion) {
  const RunResult help = scratch_.quiver("--help");
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("convert"), std::string::npos);
  EXPECT_NE(help.out.find("validate"), std::string::npos);
  const RunResult version = scratch_.quiver("--version");
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_EQ(version.out.rfind("quiver ", 0), 0u);
  const RunResult convert_help = scratch_.quiver("help convert");
  EXPECT_EQ(convert_help.exit_code, 0);
  for (const char* option : {"--from", "--to", "--base", "--prefix", "--output", "--lax"}) {
    EXPECT_NE(convert_help.out.find(option), std::string::npos) << option;
  }
  EXPECT_EQ(scratch_.quiver("convert --help").out, convert_help.out);
  EXPECT_EQ(scratch_.quiver("help nosuch").exit_code, 2);
  EXPECT_EQ(scratch_.quiver("nosuch").exit_code, 2);
  EXPECT_EQ(scratch_.quiver("convert --bogus").exit_code, 2);
}

TEST_F(ConvertTest, TurtleToNTriplesFromFileAndStdin) {
  scratch_.write("a.ttl", "@prefix ex: <http://ex/> .\nex:s ex:p \"v\"@en .\n");
  const RunResult r = scratch_.quiver("convert a.ttl");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "<http://ex/s> <http://ex/p> \"v\"@en .\n");
  const RunResult piped =
      scratch_.quiver("convert - --from turtle --to nt", scratch_.path("a.ttl"));
  ASSERT_EQ(piped.exit_code, 0) << piped.err;
  EXPECT_EQ(piped.out, r.out);
}

TEST_F(ConvertTest, BaseOptionAndDefaultFileBase) {
  scratch_.write("rel.ttl", "<s> <http://p> <o> .\n");
  const RunResult with_base = scratch_.quiver("convert rel.ttl --base http://b/x/");
  EXPECT_EQ(with_base.out, "<http://b/x/s> <http://p> <http://b/x/o> .\n");
  const RunResult file_base = scratch_.quiver("convert rel.ttl");
  EXPECT_NE(file_base.out.find("<file://" + scratch_.dir().string() + "/s>"), std::string::npos)
      << file_base.out;
}

TEST_F(ConvertTest, SeveralInputsKeepBlankNodesApart) {
  scratch_.write("a.nt", "_:x <http://p> \"a\" .\n");
  scratch_.write("b.nt", "_:x <http://p> \"b\" .\n");
  const RunResult r = scratch_.quiver("convert a.nt b.nt");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "_:f1_x <http://p> \"a\" .\n_:f2_x <http://p> \"b\" .\n");
}

TEST_F(ConvertTest, OutputFormatFromExtensionAndDeterminism) {
  scratch_.write("a.ttl",
                 "@prefix ex: <http://ex/> .\nex:b ex:p 2 . ex:a a ex:C ; ex:p 1 , \"x\" .\n");
  ASSERT_EQ(scratch_.quiver("convert a.ttl -o one.ttl").exit_code, 0);
  ASSERT_EQ(scratch_.quiver("convert a.ttl -o two.ttl").exit_code, 0);
  const std::string one = slurp(scratch_.path("one.ttl"));
  EXPECT_EQ(one, slurp(scratch_.path("two.ttl")));
  EXPECT_NE(one.find("@prefix ex: <http://ex/> ."), std::string::npos) << one;
  EXPECT_NE(one.find("ex:a a ex:C"), std::string::npos) << one;
  // Round trip back to N-Triples gives the same triples.
  const RunResult back = scratch_.quiver("convert one.ttl --to nt");
  const RunResult direct = scratch_.quiver("convert a.ttl --to nt");
  EXPECT_EQ(back.out.size(), direct.out.size());
}

TEST_F(ConvertTest, PrefixOption) {
  scratch_.write("a.nt", "<http://ex/s> <http://ex/p> <http://other/o> .\n");
  const RunResult r = scratch_.quiver("convert a.nt --to turtle --prefix e=http://ex/");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("@prefix e: <http://ex/> ."), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("e:s e:p <http://other/o>"), std::string::npos) << r.out;
  EXPECT_EQ(scratch_.quiver("convert a.nt --to turtle --prefix nonsense").exit_code, 2);
}

TEST_F(ConvertTest, NamedGraphsNeedAQuadFormat) {
  scratch_.write("g.trig", "<http://g> { <http://s> <http://p> <http://o> }\n");
  const RunResult nq = scratch_.quiver("convert g.trig --to nquads");
  EXPECT_EQ(nq.out, "<http://s> <http://p> <http://o> <http://g> .\n");
  const RunResult nt = scratch_.quiver("convert g.trig --to ntriples -o out.nt");
  EXPECT_EQ(nt.exit_code, 1);
  EXPECT_NE(nt.err.find("named graphs"), std::string::npos) << nt.err;
  EXPECT_FALSE(fs::exists(scratch_.path("out.nt")));
}

TEST_F(ConvertTest, GraphOptionKeepsOneGraph) {
  scratch_.write("d.trig",
                 "<http://s> <http://p> \"d\" .\n<http://g> { <http://s> <http://p> \"g\" }\n");
  const RunResult def = scratch_.quiver("convert d.trig --graph default --to nt");
  ASSERT_EQ(def.exit_code, 0) << def.err;
  EXPECT_EQ(def.out, "<http://s> <http://p> \"d\" .\n");
  const RunResult named = scratch_.quiver("convert d.trig --graph http://g --to nt");
  EXPECT_EQ(named.out, "<http://s> <http://p> \"g\" .\n");
}

TEST_F(ConvertTest, DotStyleFile) {
  scratch_.write("c.ttl",
                 "<http://e/c> a <http://e/Claim> ; <http://e/by> <http://e/x> .\n"
                 "<http://e/x> <http://e/by> <http://e/y> .\n");
  scratch_.write("claims.dot-style", "<http://e/Claim> node shape=note\n");
  const RunResult plain = scratch_.quiver("convert c.ttl --to dot");
  ASSERT_EQ(plain.exit_code, 0) << plain.err;
  EXPECT_EQ(plain.out.find("shape=note"), std::string::npos) << plain.out;
  const RunResult styled = scratch_.quiver("convert c.ttl --to dot --dot-style claims.dot-style");
  ASSERT_EQ(styled.exit_code, 0) << styled.err;
  EXPECT_EQ(styled.out.find("shape=note"), styled.out.rfind("shape=note")) << styled.out;
  EXPECT_NE(styled.out.find("tooltip=\"http://e/c\", shape=note]"), std::string::npos)
      << styled.out;
  scratch_.write("bad.dot-style", "\n<http://e/Claim> nod shape=note\n");
  const RunResult bad = scratch_.quiver("convert c.ttl --to dot --dot-style bad.dot-style");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("bad.dot-style:2:18: error: expected node or edge"), std::string::npos)
      << bad.err;
  EXPECT_EQ(bad.out, "");
}

TEST_F(ConvertTest, RdfXmlInAndOut) {
  scratch_.write("a.nt", "<http://ex/s> <http://ex/p> \"v\"@en .\n");
  ASSERT_EQ(scratch_.quiver("convert a.nt -o a.rdf").exit_code, 0);
  const RunResult back = scratch_.quiver("convert a.rdf");
  ASSERT_EQ(back.exit_code, 0) << back.err;
  EXPECT_EQ(back.out, "<http://ex/s> <http://ex/p> \"v\"@en .\n");
}

TEST_F(ConvertTest, ValidateReportsEveryErrorAndCounts) {
  scratch_.write("ok.ttl", "<http://s> <http://p> 1, 2, 3 .\n");
  const RunResult ok = scratch_.quiver("validate ok.ttl");
  EXPECT_EQ(ok.exit_code, 0) << ok.err;
  EXPECT_EQ(ok.out, "ok.ttl: OK, 3 triples\n");
  scratch_.write(
      "bad.nt",
      "<http://s> <http://p> .\n<http://s> <http://p> <http://o> .\n<http://s> bad <http://o> .\n");
  const RunResult bad = scratch_.quiver("validate bad.nt ok.ttl");
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.err.find("bad.nt:1:"), std::string::npos) << bad.err;
  EXPECT_NE(bad.err.find("bad.nt:3:"), std::string::npos) << bad.err;
  EXPECT_NE(bad.out.find("bad.nt: 2 errors"), std::string::npos) << bad.out;
  EXPECT_NE(bad.out.find("ok.ttl: OK"), std::string::npos) << bad.out;
}

}  // namespace
}  // namespace quiver::cli::testing
