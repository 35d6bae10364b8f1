// Parsing SPARQL Update requests: operations, templates, graph targets,
// the prologue across operations, and the errors of sections 3 and 19.

#include <gtest/gtest.h>

#include <string>

#include "sparql/printer.hpp"
#include "sparql/update.hpp"

namespace quiver::sparql {
namespace {

Update parsed(std::string_view text) {
  auto update = parse_update(text, {"http://base/"});
  EXPECT_TRUE(update.ok()) << (update ? "" : update.error().to_string());
  return update ? *update : Update{};
}

std::string error_of(std::string_view text, const ParseOptions& options = {"http://base/"}) {
  const auto update = parse_update(text, options);
  if (update) return "(parsed)";
  return std::to_string(update.error().where.line) + ":" +
         std::to_string(update.error().where.column) + ": " + update.error().message;
}

TEST(UpdateParser, OperationsAndPrologues) {
  const Update u = parsed(
      "PREFIX : <http://ex/>\nINSERT DATA { :a :b :c } ;\n"
      "PREFIX e: <http://e/> DELETE DATA { GRAPH :g { :a e:b 1 } } ;\n"
      "CLEAR SILENT GRAPH <g> ; DROP ALL ; CREATE GRAPH :h ; LOAD <f.ttl> INTO GRAPH :h ;\n"
      "ADD DEFAULT TO :g ; MOVE GRAPH :g TO DEFAULT ; COPY SILENT :g TO :h ;");
  ASSERT_EQ(u.operations.size(), 9U);
  const auto& insert = u.operations[0];
  EXPECT_EQ(insert.kind, UpdateKind::InsertData);
  ASSERT_EQ(insert.data.quads.size(), 1U);
  EXPECT_EQ(Term(insert.data.quad(0).subject), Term::iri("http://ex/a"));
  EXPECT_TRUE(insert.data.quad(0).graph.is_none());
  EXPECT_EQ(insert.line, 2U);
  const auto& del = u.operations[1];
  EXPECT_EQ(del.kind, UpdateKind::DeleteData);
  ASSERT_EQ(del.data.quads.size(), 1U);
  EXPECT_EQ(Term(del.data.quad(0).graph), Term::iri("http://ex/g"));
  EXPECT_EQ(Term(del.data.quad(0).predicate), Term::iri("http://e/b"));
  EXPECT_EQ(u.operations[2].kind, UpdateKind::Clear);
  EXPECT_TRUE(u.operations[2].silent);
  EXPECT_EQ(u.operations[2].target, (GraphTarget{GraphTarget::Kind::Named, "http://base/g"}));
  EXPECT_EQ(u.operations[3].target.kind, GraphTarget::Kind::All);
  EXPECT_EQ(u.operations[5].source, "http://base/f.ttl");
  EXPECT_EQ(u.operations[5].target.iri, "http://ex/h");
  EXPECT_EQ(u.operations[6].from.kind, GraphTarget::Kind::Default);
  EXPECT_EQ(u.operations[7].target.kind, GraphTarget::Kind::Default);
  EXPECT_EQ(u.operations[8].kind, UpdateKind::Copy);
  EXPECT_TRUE(u.operations[8].silent);
  EXPECT_EQ(u.prefixes.size(), 2U);
  EXPECT_TRUE(parsed("").operations.empty());
  EXPECT_TRUE(parsed("PREFIX : <http://ex/>").operations.empty());
}

// Quad data holds each distinct term once, however often it occurs.
TEST(UpdateParser, QuadDataIsDictionaryEncoded) {
  const Update u = parsed(
      "INSERT DATA { <a> <p> <b>, <c> . <b> <p> <a> . GRAPH <g> { <a> <p> \"x\"@en, _:n } }");
  const QuadData& data = u.operations.at(0).data;
  ASSERT_EQ(data.quads.size(), 5U);
  EXPECT_EQ(data.terms.size(), 1U + 7U);  // none, a, p, b, c, g, "x"@en, _:n
  EXPECT_EQ(data.quads[0][0], data.quads[2][2]);
  EXPECT_EQ(Term(data.quad(3).object), Term::literal("x", {}, "en"));
  EXPECT_EQ(Term(data.quad(4).object), Term::blank("n"));
  EXPECT_EQ(Term(data.quad(4).graph), Term::iri("http://base/g"));
}

TEST(UpdateParser, ModifyWithUsingAndWhere) {
  const Update u = parsed(
      "WITH <http://g/> DELETE { ?s <p> ?o } INSERT { ?s <q> [ <r> ?o ] } "
      "USING <http://u/> USING NAMED <http://n/> WHERE { ?s <p> ?o OPTIONAL { ?o <x> ?y } }");
  ASSERT_EQ(u.operations.size(), 1U);
  const auto& op = u.operations[0];
  EXPECT_EQ(op.kind, UpdateKind::DeleteInsert);
  EXPECT_EQ(op.with, "http://g/");
  EXPECT_EQ(op.using_graphs, std::vector<std::string>{"http://u/"});
  EXPECT_EQ(op.using_named, std::vector<std::string>{"http://n/"});
  EXPECT_EQ(op.delete_quads.size(), 1U);
  ASSERT_EQ(op.insert_quads.size(), 2U);
  // The template's blank node is a term, made fresh per solution later.
  EXPECT_TRUE(op.insert_quads[0].triple.subject.term.is_blank());
  EXPECT_EQ(op.insert_quads[1].triple.object, op.insert_quads[0].triple.subject);
  EXPECT_EQ(op.variables, (std::vector<std::string>{"s", "o", "y"}));
  EXPECT_EQ(to_sse(*op.where),
            "(leftjoin (bgp (triple ?s <http://base/p> ?o)) (bgp (triple ?o <http://base/x> ?y)))");
}

TEST(UpdateParser, DeleteWhereIsItsOwnPattern) {
  const Update u = parsed("DELETE WHERE { ?a <p> ?b . GRAPH ?g { ?b <q> 1 } }");
  const auto& op = u.operations.at(0);
  EXPECT_EQ(op.delete_quads.size(), 2U);
  EXPECT_TRUE(op.insert_quads.empty());
  EXPECT_EQ(to_sse(*op.where),
            "(join (bgp (triple ?a <http://base/p> ?b)) (graph ?g (bgp (triple ?b <http://base/q> "
            "1))))");
}

TEST(UpdateParser, Errors) {
  EXPECT_EQ(error_of("DELETE DATA { ?s <p> <o> }"),
            "1:15: variables are not allowed in DELETE DATA");
  EXPECT_EQ(error_of("INSERT DATA { GRAPH ?g { <s> <p> <o> } }"),
            "1:21: variables are not allowed in INSERT DATA");
  EXPECT_EQ(error_of("DELETE DATA { _:a <p> <o> }"),
            "1:15: blank nodes are not allowed in DELETE DATA");
  EXPECT_EQ(error_of("DELETE { <s> <p> [] } WHERE { ?x <p> <o> }"),
            "1:18: blank nodes are not allowed in a DELETE template");
  EXPECT_EQ(error_of("DELETE WHERE { _:a <p> <o> }"),
            "1:16: blank nodes are not allowed in DELETE WHERE");
  EXPECT_EQ(error_of("INSERT DATA { _:b <p> 1 } ; INSERT DATA { _:b <p> 2 }"),
            "1:43: blank node label _:b is used in two INSERT DATA operations");
  EXPECT_EQ(error_of("CREATE GRAPH <g> ;; DROP ALL"),
            "1:19: expected an update operation (INSERT, DELETE, LOAD, CLEAR, CREATE, DROP, ADD, "
            "MOVE or COPY) but found ';'");
  EXPECT_EQ(error_of("CREATE GRAPH <g> DROP ALL"),
            "1:18: expected ';' or the end of the update but found 'DROP'");
  EXPECT_EQ(error_of("INSERT WHERE { ?s ?p ?o }"), "1:8: expected '{' but found 'WHERE'");
  EXPECT_EQ(error_of("SELECT * {}"),
            "1:1: expected an update operation (INSERT, DELETE, LOAD, CLEAR, CREATE, DROP, ADD, "
            "MOVE or COPY) but found 'SELECT'");
  // What a request inserts is stored: its IRIs must be absolute.
  EXPECT_EQ(error_of("INSERT DATA { <http://e/s> <p> 1 }", {}),
            "1:28: relative IRI <p> and no base IRI: write a BASE, or give one (quiver update "
            "--base)");
  EXPECT_EQ(error_of("BASE <http://e/> INSERT DATA { <s> <p> 1 }", {}), "(parsed)");
  // The same label in two graphs of one INSERT DATA is one node: fine.
  EXPECT_EQ(error_of("INSERT DATA { GRAPH <a> { _:b <p> 1 } GRAPH <c> { _:b <p> 1 } }"),
            "(parsed)");
}

}  // namespace
}  // namespace quiver::sparql
