#pragma once
/// @file
/// The four query forms, shared by the parser, the evaluator and the result
/// formats without any of them seeing the others.

namespace quiver {

/// The query forms: `Select` (a table of solutions for the projected
/// variables), `Construct` (the template's triples instantiated per
/// solution), `Ask` (whether there is any solution) and `Describe` (the
/// concise bounded descriptions of the targets).
enum class QueryForm { Select, Construct, Ask, Describe };

/// True for the forms whose answer is a graph (CONSTRUCT, DESCRIBE).
inline bool is_graph_form(QueryForm form) {
  return form == QueryForm::Construct || form == QueryForm::Describe;
}

}  // namespace quiver
