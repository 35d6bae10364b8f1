#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "io/reader.hpp"
#include "io/writer.hpp"
#include "support/isomorphism.hpp"
#include "test_sink.hpp"

namespace quiver::io {
namespace {

constexpr std::string_view kEx = "http://ex.org/";
constexpr std::string_view kXsdInteger = "http://www.w3.org/2001/XMLSchema#integer";
constexpr std::string_view kXsdDecimal = "http://www.w3.org/2001/XMLSchema#decimal";
constexpr std::string_view kXsdDouble = "http://www.w3.org/2001/XMLSchema#double";
constexpr std::string_view kXsdBoolean = "http://www.w3.org/2001/XMLSchema#boolean";

Term ex(std::string_view local) { return Term::iri(std::string(kEx) + std::string(local)); }
Term rdf(std::string_view local) {
  return Term::iri(std::string(vocab::kRdf) + std::string(local));
}
Term blank(std::string_view label) { return Term::blank(label); }
Term lit(std::string_view lexical, std::string_view datatype = {}) {
  return Term::literal(lexical, datatype);
}

struct Written {
  std::string text;
  Status status;
};

Written write(const std::vector<Quad>& quads, Format format = Format::Turtle,
              WriteOptions options = {}) {
  options.format = format;
  if (options.prefixes.empty()) options.prefixes = {{"ex", std::string(kEx)}};
  Written result;
  {
    auto out = Output::to_string(&result.text);
    auto writer = make_writer(options, *out);
    for (const Quad& q : quads) writer->on_quad(q.ref());
    result.status = writer->finish();
  }
  return result;
}

std::string turtle(const std::vector<Quad>& quads, WriteOptions options = {}) {
  Written w = write(quads, Format::Turtle, std::move(options));
  EXPECT_TRUE(w.status.ok()) << w.status.error().to_string();
  return w.text;
}

// Reads `text` back and checks it holds exactly `quads`, up to blank nodes.
void expect_round_trip(const std::string& text, const std::vector<Quad>& quads, Format format) {
  testing::CollectingSink sink;
  ReadOptions options;
  options.format = format;
  const ReadResult read = read_string(text, "written", options, sink);
  ASSERT_TRUE(read.ok()) << read.errors.front().to_string() << "\n" << text;
  EXPECT_TRUE(quiver::testing::are_isomorphic(sink.quads, quads)) << text;
}

TEST(TurtleWriter, DeclaresOnlyUsedPrefixesAndPutsTypeFirst) {
  WriteOptions options;
  options.prefixes = {{"ex", std::string(kEx)},
                      {"foaf", "http://xmlns.com/foaf/0.1/"},
                      {"rdf", std::string(vocab::kRdf)}};
  const std::vector<Quad> quads = {
      {ex("s"), ex("p"), ex("o2")}, {ex("s"), ex("p"), ex("o1")}, {ex("s"), rdf("type"), ex("C")},
      {ex("s"), ex("b"), lit("x")}, {ex("s"), ex("b"), lit("x")},  // duplicates are dropped
  };
  EXPECT_EQ(turtle(quads, options),
            "@prefix ex: <http://ex.org/> .\n"
            "\n"
            "ex:s a ex:C ;\n"
            "    ex:b \"x\" ;\n"
            "    ex:p ex:o1, ex:o2 .\n");
}

TEST(TurtleWriter, SortsSubjectsIrisBeforeBlankNodes) {
  const std::vector<Quad> quads = {
      {blank("z"), ex("p"), lit("1")},
      {ex("b"), ex("p"), ex("o")},
      {ex("a"), ex("p"), ex("o")},
  };
  EXPECT_EQ(turtle(quads),
            "@prefix ex: <http://ex.org/> .\n"
            "\n"
            "ex:a ex:p ex:o .\n"
            "\n"
            "ex:b ex:p ex:o .\n"
            "\n"
            "_:b0 ex:p \"1\" .\n");
}

TEST(TurtleWriter, WritesNumbersBareOnlyWhenLossless) {
  WriteOptions options;
  options.prefixes = {{"ex", std::string(kEx)}, {"xsd", std::string(vocab::kXsd)}};
  const std::vector<Quad> quads = {
      {ex("s"), ex("p"), lit("01", kXsdInteger)},   {ex("s"), ex("p"), lit("abc", kXsdInteger)},
      {ex("s"), ex("p"), lit("1.5", kXsdDecimal)},  {ex("s"), ex("p"), lit("5.", kXsdDecimal)},
      {ex("s"), ex("p"), lit("1e3", kXsdDouble)},   {ex("s"), ex("p"), lit("1.0e", kXsdDouble)},
      {ex("s"), ex("p"), lit("true", kXsdBoolean)}, {ex("s"), ex("p"), lit("TRUE", kXsdBoolean)},
  };
  EXPECT_EQ(turtle(quads, options),
            "@prefix ex: <http://ex.org/> .\n"
            "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
            "\n"
            "ex:s ex:p 01, \"1.0e\"^^xsd:double, 1.5, 1e3, \"5.\"^^xsd:decimal, "
            "\"TRUE\"^^xsd:boolean, \"abc\"^^xsd:integer, true .\n");
}

TEST(TurtleWriter, SpellsDatatypesInFullWithoutPrefix) {
  const std::vector<Quad> quads = {{ex("s"), ex("p"), lit("x", kXsdInteger)},
                                   {ex("s"), ex("q"), Term::literal("chat", {}, "fr")}};
  EXPECT_EQ(turtle(quads),
            "@prefix ex: <http://ex.org/> .\n"
            "\n"
            "ex:s ex:p \"x\"^^<http://www.w3.org/2001/XMLSchema#integer> ;\n"
            "    ex:q \"chat\"@fr .\n");
}

TEST(TurtleWriter, UsesPrefixedNamesOnlyForSafeLocalNames) {
  WriteOptions options;
  options.prefixes = {{"ex", std::string(kEx)}, {"exv", std::string(kEx) + "vocab/"}};
  const std::vector<Quad> quads = {
      {ex("a/b"), ex("vocab/p"), ex("x.")},
      {ex("1a"), ex("vocab/p"), ex("a.b-c_d")},
  };
  EXPECT_EQ(turtle(quads, options),
            "@prefix ex: <http://ex.org/> .\n"
            "@prefix exv: <http://ex.org/vocab/> .\n"
            "\n"
            "ex:1a exv:p ex:a.b-c_d .\n"
            "\n"
            "<http://ex.org/a/b> exv:p <http://ex.org/x.> .\n");
}

TEST(TurtleWriter, InputPrefixesAreCandidatesAndOptionsWin) {
  auto run = [](bool keep) {
    std::string text;
    {
      WriteOptions options;
      options.format = Format::Turtle;
      options.keep_input_prefixes = keep;
      options.prefixes = {{"o", "http://other.org/"}};
      auto out = Output::to_string(&text);
      auto writer = make_writer(options, *out);
      writer->on_prefix("ex", kEx);
      writer->on_prefix("o", "http://ignored.org/");
      const Quad q(ex("s"), ex("p"), Term::iri("http://other.org/x"));
      writer->on_quad(q.ref());
      EXPECT_TRUE(writer->finish().ok());
    }
    return text;
  };
  EXPECT_EQ(run(true),
            "@prefix ex: <http://ex.org/> .\n"
            "@prefix o: <http://other.org/> .\n"
            "\n"
            "ex:s ex:p o:x .\n");
  EXPECT_EQ(run(false),
            "@prefix o: <http://other.org/> .\n"
            "\n"
            "<http://ex.org/s> <http://ex.org/p> o:x .\n");
}

TEST(TurtleWriter, WritesCollections) {
  const std::vector<Quad> quads = {
      {ex("s"), ex("p"), blank("l1")},         {blank("l1"), rdf("first"), lit("a")},
      {blank("l1"), rdf("rest"), blank("l2")}, {blank("l2"), rdf("first"), ex("b")},
      {blank("l2"), rdf("rest"), rdf("nil")},  {ex("s"), ex("q"), rdf("nil")},
  };
  WriteOptions options;
  options.prefixes = {{"ex", std::string(kEx)}, {"rdf", std::string(vocab::kRdf)}};
  const std::string text = turtle(quads, options);
  EXPECT_EQ(text,
            "@prefix ex: <http://ex.org/> .\n"
            "\n"
            "ex:s ex:p ( \"a\" ex:b ) ;\n"
            "    ex:q () .\n");
  expect_round_trip(text, quads, Format::Turtle);
}

TEST(TurtleWriter, KeepsMalformedListsAsTriples) {
  // The second cell has an extra property: not a collection.
  const std::vector<Quad> quads = {
      {ex("s"), ex("p"), blank("l1")},         {blank("l1"), rdf("first"), lit("a")},
      {blank("l1"), rdf("rest"), blank("l2")}, {blank("l2"), rdf("first"), lit("b")},
      {blank("l2"), rdf("rest"), rdf("nil")},  {blank("l2"), ex("extra"), lit("c")},
  };
  const std::string text = turtle(quads);
  EXPECT_EQ(text,
            "@prefix ex: <http://ex.org/> .\n"
            "\n"
            "ex:s ex:p [\n"
            "        <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> \"a\" ;\n"
            "        <http://www.w3.org/1999/02/22-rdf-syntax-ns#rest> [\n"
            "            ex:extra \"c\" ;\n"
            "            <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> \"b\" ;\n"
            "            <http://www.w3.org/1999/02/22-rdf-syntax-ns#rest> ()\n"
            "        ]\n"
            "    ] .\n");
  expect_round_trip(text, quads, Format::Turtle);
}

TEST(TurtleWriter, InlinesBlankNodesUsedOnce) {
  const std::vector<Quad> quads = {
      {ex("s"), ex("p"), blank("x")},    {blank("x"), ex("q"), lit("v")},
      {blank("x"), ex("r"), blank("y")}, {ex("s"), ex("z"), blank("empty")},
      {blank("y"), ex("q"), lit("w")},
  };
  const std::string text = turtle(quads);
  EXPECT_EQ(text,
            "@prefix ex: <http://ex.org/> .\n"
            "\n"
            "ex:s ex:p [\n"
            "        ex:q \"v\" ;\n"
            "        ex:r [\n"
            "            ex:q \"w\"\n"
            "        ]\n"
            "    ] ;\n"
            "    ex:z [] .\n");
  expect_round_trip(text, quads, Format::Turtle);
}

TEST(TurtleWriter, LabelsSharedBlankNodes) {
  const std::vector<Quad> quads = {
      {ex("a"), ex("p"), blank("s")},
      {ex("b"), ex("p"), blank("s")},
      {blank("s"), ex("q"), lit("v")},
  };
  EXPECT_EQ(turtle(quads),
            "@prefix ex: <http://ex.org/> .\n"
            "\n"
            "ex:a ex:p _:b0 .\n"
            "\n"
            "ex:b ex:p _:b0 .\n"
            "\n"
            "_:b0 ex:q \"v\" .\n");
}

TEST(TurtleWriter, BreaksBlankNodeCycles) {
  const std::vector<Quad> quads = {
      {blank("a"), ex("p"), blank("b")},
      {blank("b"), ex("p"), blank("a")},
  };
  const std::string text = turtle(quads);
  EXPECT_EQ(text,
            "@prefix ex: <http://ex.org/> .\n"
            "\n"
            "_:b0 ex:p [\n"
            "        ex:p _:b0\n"
            "    ] .\n");
  expect_round_trip(text, quads, Format::Turtle);
}

TEST(TurtleWriter, LimitsNestingDepth) {
  std::vector<Quad> quads = {{ex("s"), ex("p"), blank("n0")}};
  for (int i = 0; i < 200; ++i) {
    quads.push_back({blank("n" + std::to_string(i)), ex("p"), blank("n" + std::to_string(i + 1))});
  }
  const std::string text = turtle(quads);
  EXPECT_NE(text.find("_:b0"), std::string::npos);  // some nodes had to be labelled
  expect_round_trip(text, quads, Format::Turtle);
}

TEST(TurtleWriter, OutputDoesNotDependOnInputOrderOrLabels) {
  std::vector<Quad> quads = {
      {ex("s"), ex("p"), blank("x")},        {blank("x"), ex("q"), lit("1")},
      {blank("u"), ex("q"), lit("2")},       {blank("v"), ex("q"), lit("3")},
      {ex("s"), rdf("type"), ex("C")},       {ex("t"), ex("p"), blank("u")},
      {ex("s"), ex("p"), blank("u")},        {blank("l"), rdf("first"), lit("a")},
      {blank("l"), rdf("rest"), rdf("nil")}, {ex("t"), ex("list"), blank("l")},
  };
  const std::string first = turtle(quads);
  std::reverse(quads.begin(), quads.end());
  EXPECT_EQ(turtle(quads), first);
  std::rotate(quads.begin(), quads.begin() + 3, quads.end());
  EXPECT_EQ(turtle(quads), first);
  // Renaming blank nodes with distinct neighbourhoods changes nothing.
  for (Quad& q : quads) {
    for (Term* t : {&q.subject, &q.object}) {
      if (t->is_blank()) *t = blank("r" + std::to_string(1000 - t->value()[0]));
    }
  }
  EXPECT_EQ(turtle(quads), first);
  expect_round_trip(first, quads, Format::Turtle);
}

// Small random datasets full of blank nodes, chains, lists and cycles:
// every one must read back isomorphic, and not depend on statement order.
TEST(TurtleWriter, RandomDatasetsRoundTrip) {
  std::mt19937 random(12345);
  auto pick = [&](int n) { return static_cast<int>(random() % static_cast<unsigned>(n)); };
  for (int round = 0; round < 300; ++round) {
    const bool trig = round % 2 == 1;
    std::vector<Quad> quads;
    auto node = [&]() -> Term {
      switch (pick(4)) {
        case 0:
          return ex("i" + std::to_string(pick(3)));
        case 1:
          return lit(std::to_string(pick(3)), pick(2) ? "" : std::string(kXsdInteger));
        default:
          return blank("n" + std::to_string(pick(8)));
      }
    };
    auto graph = [&]() {
      return trig && pick(3) == 0 ? ex("g" + std::to_string(pick(2))) : Term();
    };
    for (int i = 0, n = 1 + pick(20); i < n; ++i) {
      Term subject =
          pick(2) ? blank("n" + std::to_string(pick(8))) : ex("i" + std::to_string(pick(3)));
      if (pick(4) == 0) {  // the start of a list
        const std::string cell = "l" + std::to_string(round) + "_" + std::to_string(i);
        const int length = 1 + pick(3);
        quads.push_back({subject, ex("p"), blank(cell + "_0"), graph()});
        for (int k = 0; k < length; ++k) {
          const Term here = blank(cell + "_" + std::to_string(k));
          quads.push_back({here, rdf("first"), node()});
          quads.push_back(
              {here, rdf("rest"),
               k + 1 < length ? blank(cell + "_" + std::to_string(k + 1)) : rdf("nil")});
        }
        continue;
      }
      quads.push_back({subject, pick(3) ? ex("p") : rdf("type"), node(), graph()});
    }
    // RDF 1.2 reifiers of asserted triples or not, blank (some named
    // elsewhere too) or IRIs, nested, with or without statements of their own.
    for (int i = 0, n = pick(4); i < n; ++i) {
      const Quad& of = quads[static_cast<std::size_t>(pick(static_cast<int>(quads.size())))];
      Term reified = pick(4) ? Term::triple(of.subject.ref(), of.predicate.ref(), of.object.ref())
                             : Term::triple(ex("x").ref(), ex("p").ref(), node().ref());
      if (pick(5) == 0) reified = Term::triple(ex("i0").ref(), ex("q").ref(), reified.ref());
      const Term reifier = pick(3) == 0 ? ex("r" + std::to_string(pick(2)))
                           : pick(2) == 0
                               ? blank("n" + std::to_string(pick(8)))
                               : blank("r" + std::to_string(round) + "_" + std::to_string(i));
      const Term g = pick(4) ? of.graph : graph();
      quads.push_back({reifier, rdf("reifies"), reified, g});
      for (int k = 0, m = pick(3); k < m; ++k) quads.push_back({reifier, ex("q"), node(), g});
    }
    const Written w = write(quads, trig ? Format::TriG : Format::Turtle);
    ASSERT_TRUE(w.status.ok()) << w.status.error().to_string();
    expect_round_trip(w.text, quads, trig ? Format::TriG : Format::Turtle);
    std::shuffle(quads.begin(), quads.end(), random);
    EXPECT_EQ(write(quads, trig ? Format::TriG : Format::Turtle).text, w.text);
    if (HasFailure()) break;
  }
}

TEST(TurtleWriter, WritesLongStringsForNewlines) {
  const std::vector<Quad> quads = {
      {ex("s"), ex("p"), lit("line1\nline2 \"q\" back\\slash\r\"")},
      {ex("s"), ex("q"), lit("tab\there \"q\"")},
  };
  const std::string text = turtle(quads);
  EXPECT_EQ(text,
            "@prefix ex: <http://ex.org/> .\n"
            "\n"
            "ex:s ex:p \"\"\"line1\nline2 \\\"q\\\" back\\\\slash\\r\\\"\"\"\" ;\n"
            "    ex:q \"tab\\there \\\"q\\\"\" .\n");
  expect_round_trip(text, quads, Format::Turtle);
}

TEST(TurtleWriter, RefusesNamedGraphsAndWritesNothing) {
  const std::vector<Quad> quads = {{ex("s"), ex("p"), ex("o")},
                                   {ex("s"), ex("p"), ex("o"), ex("g")}};
  const Written w = write(quads, Format::Turtle);
  ASSERT_FALSE(w.status.ok());
  EXPECT_NE(w.status.error().message.find("use --to trig or nquads"), std::string::npos);
  EXPECT_EQ(w.text, "");
}

TEST(TurtleWriter, WritesNothingForAnEmptyGraph) { EXPECT_EQ(turtle({}), ""); }

TEST(TrigWriter, WritesDefaultGraphThenNamedGraphsSorted) {
  const std::vector<Quad> quads = {
      {ex("a"), ex("b"), lit("x"), ex("g2")},   {ex("d"), ex("b"), ex("c"), ex("g1")},
      {ex("a"), ex("b"), ex("c"), ex("g1")},    {ex("s"), ex("p"), ex("o")},
      {ex("s"), ex("p"), blank("n"), ex("g2")}, {blank("n"), ex("q"), lit("y"), ex("g2")},
  };
  const Written w = write(quads, Format::TriG);
  ASSERT_TRUE(w.status.ok());
  EXPECT_EQ(w.text,
            "@prefix ex: <http://ex.org/> .\n"
            "\n"
            "ex:s ex:p ex:o .\n"
            "\n"
            "ex:g1 {\n"
            "    ex:a ex:b ex:c .\n"
            "\n"
            "    ex:d ex:b ex:c .\n"
            "}\n"
            "\n"
            "ex:g2 {\n"
            "    ex:a ex:b \"x\" .\n"
            "\n"
            "    ex:s ex:p [\n"
            "            ex:q \"y\"\n"
            "        ] .\n"
            "}\n");
  expect_round_trip(w.text, quads, Format::TriG);
}

TEST(TrigWriter, LabelsBlankNodesSharedAcrossGraphs) {
  const std::vector<Quad> quads = {
      {ex("s"), ex("p"), blank("n"), ex("g1")},
      {blank("n"), ex("q"), lit("y"), ex("g2")},
      {blank("g"), ex("q"), lit("z"), blank("g")},
  };
  const Written w = write(quads, Format::TriG);
  ASSERT_TRUE(w.status.ok());
  EXPECT_EQ(w.text.find('['), std::string::npos) << w.text;
  expect_round_trip(w.text, quads, Format::TriG);
}

// RDF 1.2: VERSION only when 1.2 terms are there; a blank node named
// inside a triple term keeps its label (never inlined as [ ]), the same
// label inside and outside.
TEST(TurtleWriter, TripleTermsAnnounceTheVersionAndKeepTheirBlankNodes) {
  const Term quoted = Term::triple(blank("x").ref(), ex("p").ref(), lit("o").ref());
  const std::string text =
      turtle({Quad(ex("r"), rdf("reifies"), quoted), Quad(ex("s"), ex("q"), blank("x"))});
  EXPECT_EQ(text,
            "VERSION \"1.2\"\n@prefix ex: <http://ex.org/> .\n\n"
            "ex:r <http://www.w3.org/1999/02/22-rdf-syntax-ns#reifies> "
            "<<( _:b0 ex:p \"o\" )>> .\n\n"
            "ex:s ex:q _:b0 .\n")
      << text;
  EXPECT_EQ(turtle({Quad(ex("s"), ex("q"), Term::literal("x", {}, "ar--rtl"))}).substr(0, 14),
            "VERSION \"1.2\"\n");
  EXPECT_EQ(turtle({Quad(ex("s"), ex("q"), Term::literal("x", {}, "ar"))}).find("VERSION"),
            std::string::npos);
}

// A reifier used once, of a triple asserted by a top-level subject, is
// written as annotation syntax: a blank one as `{| |}` (blocks before
// `~ iri`, since a block after `~ r` would annotate r), an IRI as `~ r`.
TEST(TurtleWriter, WritesAnnotationsWhereLossless) {
  const Term abc = Term::triple(ex("a").ref(), ex("b").ref(), ex("c").ref());
  const std::vector<Quad> quads = {
      Quad(ex("a"), ex("b"), ex("c")),
      Quad(blank("r1"), rdf("reifies"), abc),
      Quad(blank("r1"), ex("source"), ex("article")),
      Quad(blank("r2"), rdf("reifies"), abc),
      Quad(blank("r2"), ex("source"), ex("post")),
      Quad(blank("r2"), ex("stance"), lit("doubted")),
      Quad(ex("i"), rdf("reifies"), abc),
  };
  const std::string text = turtle(quads);
  EXPECT_EQ(text,
            "VERSION \"1.2\"\n@prefix ex: <http://ex.org/> .\n\n"
            "ex:a ex:b ex:c {| ex:source ex:article |} {|\n"
            "        ex:source ex:post ;\n"
            "        ex:stance \"doubted\"\n"
            "    |} ~ ex:i .\n")
      << text;
  expect_round_trip(text, quads, Format::Turtle);
}

// Where annotation syntax would change the graph, rdf:reifies stays: the
// triple not asserted, the reifier named elsewhere or reifying two triples,
// or nothing to say in a block.
TEST(TurtleWriter, KeepsReifiersThatAnnotationsCannotHold) {
  const Term abc = Term::triple(ex("a").ref(), ex("b").ref(), ex("c").ref());
  const Term abd = Term::triple(ex("a").ref(), ex("b").ref(), ex("d").ref());
  const std::vector<Quad> quads = {
      Quad(ex("a"), ex("b"), ex("c")),
      Quad(ex("a"), ex("b"), ex("d")),
      Quad(blank("named"), rdf("reifies"), abc),
      Quad(blank("named"), ex("p"), lit("1")),
      Quad(ex("m"), ex("says"), blank("named")),
      Quad(blank("two"), rdf("reifies"), abc),
      Quad(blank("two"), rdf("reifies"), abd),
      Quad(blank("two"), ex("p"), lit("2")),
      Quad(blank("bare"), rdf("reifies"), abd),
      Quad(blank("unasserted"), rdf("reifies"),
           Term::triple(ex("x").ref(), ex("y").ref(), ex("z").ref())),
      Quad(blank("unasserted"), ex("p"), lit("3")),
  };
  const std::string text = turtle(quads);
  EXPECT_EQ(text.find("{|"), std::string::npos) << text;
  EXPECT_EQ(text.find(" ~ "), std::string::npos) << text;
  expect_round_trip(text, quads, Format::Turtle);
}

// A reifier of a statement that is itself folded (`~ r`) keeps its
// rdf:reifies: the folded statement has no place for a block.
TEST(TurtleWriter, AnnotatesNoFoldedStatement) {
  const Term abc = Term::triple(ex("a").ref(), ex("b").ref(), ex("c").ref());
  const Term folded = Term::triple(ex("i").ref(), rdf("reifies").ref(), abc.ref());
  const std::vector<Quad> quads = {
      Quad(ex("a"), ex("b"), ex("c")),
      Quad(ex("i"), rdf("reifies"), abc),
      Quad(blank("r"), rdf("reifies"), folded),
      Quad(blank("r"), ex("p"), lit("1")),
  };
  const std::string text = turtle(quads);
  EXPECT_NE(text.find("ex:a ex:b ex:c ~ ex:i ."), std::string::npos) << text;
  expect_round_trip(text, quads, Format::Turtle);
}

}  // namespace
}  // namespace quiver::io
