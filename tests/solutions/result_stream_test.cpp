#include "solutions/result_stream.hpp"

#include <gtest/gtest.h>

namespace quiver {
namespace {

TEST(ResultStreamTest, AWholeResultStreamsAndCollectsBackUnchanged) {
  QueryResult select;
  select.variables = {"a", "b"};
  select.solutions.push_back({Term::iri("http://e/x"), std::nullopt});
  select.solutions.push_back({std::nullopt, Term::literal("1", "", "en")});
  select.ordered = true;
  auto stream = stream_of(select);
  SolutionView row;
  ASSERT_TRUE(stream->next(row));
  ASSERT_EQ(row.size(), 2u);
  EXPECT_EQ(row[0].value, "http://e/x");
  EXPECT_TRUE(row[1].is_none());
  auto back = collect(*stream_of(select));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->solutions, select.solutions);
  EXPECT_EQ(back->variables, select.variables);
  EXPECT_TRUE(back->ordered);

  QueryResult graph;
  graph.form = QueryForm::Construct;
  graph.triples.push_back({Term::iri("s"), Term::iri("p"), Term::blank("b")});
  auto triples = collect(*stream_of(graph));
  ASSERT_TRUE(triples.ok());
  EXPECT_EQ(triples->triples, graph.triples);

  QueryResult ask;
  ask.form = QueryForm::Ask;
  ask.boolean = true;
  EXPECT_TRUE(stream_of(ask)->boolean());
}

}  // namespace
}  // namespace quiver
