#include "results/result_reader.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>

#include "results/readers_internal.hpp"
#include "terms/term_reader.hpp"
#include "terms/triple_term.hpp"
#include "terms/utf8.hpp"

namespace quiver::results {
namespace {

using detail::read_error;

// The statements about each subject, in input order.
using Statements = std::unordered_map<Term, std::vector<std::pair<Term, Term>>>;

std::string rs(std::string_view local) { return std::string(kResultSetNs) + std::string(local); }

std::vector<const Term*> objects(const Statements& graph, const Term& subject,
                                 const std::string& predicate) {
  std::vector<const Term*> out;
  const auto it = graph.find(subject);
  if (it == graph.end()) return out;
  for (const auto& [p, o] : it->second) {
    if (p.is_iri() && p.value() == predicate) out.push_back(&o);
  }
  return out;
}

// The node describing the result set: typed rs:ResultSet, or failing that
// the first subject using one of its properties.
std::optional<Term> find_result_set(const std::vector<Quad>& quads) {
  const std::string type = rs("ResultSet");
  for (const Quad& q : quads) {
    if (q.predicate.value() == vocab::kRdfType && q.object.is_iri() && q.object.value() == type)
      return q.subject;
  }
  const std::string properties[] = {rs("resultVariable"), rs("solution"), rs("boolean")};
  for (const Quad& q : quads) {
    for (const std::string& p : properties) {
      if (q.predicate.value() == p) return q.subject;
    }
  }
  return std::nullopt;
}

struct IndexedSolution {
  std::optional<std::int64_t> index;
  Solution solution;
};

Expected<IndexedSolution> read_solution(const Statements& graph, const Term& node,
                                        QueryResult& result) {
  IndexedSolution out;
  out.solution.resize(result.variables.size());
  for (const Term* index : objects(graph, node, rs("index"))) {
    std::int64_t value = 0;
    const std::string& text = index->value();
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size())
      return read_error("rs:index `" + text + "` is not an integer");
    out.index = value;
  }
  for (const Term* binding : objects(graph, node, rs("binding"))) {
    const auto variables = objects(graph, *binding, rs("variable"));
    const auto values = objects(graph, *binding, rs("value"));
    if (variables.size() != 1 || values.size() != 1)
      return read_error("an rs:binding needs one rs:variable and one rs:value");
    const std::string& name = variables[0]->value();
    auto column = std::find(result.variables.begin(), result.variables.end(), name);
    if (column == result.variables.end()) {
      // A variable bound but not declared with rs:resultVariable.
      result.variables.push_back(name);
      column = result.variables.end() - 1;
    }
    const auto i = static_cast<std::size_t>(column - result.variables.begin());
    if (out.solution.size() <= i) out.solution.resize(i + 1);
    out.solution[i] = *values[0];
  }
  return out;
}

}  // namespace

namespace {

// What makes a term unwritable, or empty when it is a term: strict UTF-8
// everywhere, IRIs (datatypes too) without the characters no syntax can
// write, well-formed language tags.
std::string term_problem(const Term& t) {
  for (const std::string& part : {t.value(), t.datatype(), t.language()}) {
    if (!is_valid_utf8(part)) return "ill-formed UTF-8";
  }
  if (t.is_iri() && !is_plain_iriref(t.value())) return "<" + t.value() + "> is no IRI";
  if (t.is_literal() && !is_plain_iriref(t.datatype())) {
    return "datatype <" + t.datatype() + "> is no IRI";
  }
  if (t.is_literal() && !t.language().empty() && !is_language_field(t.language())) {
    return "malformed language tag @" + t.language();
  }
  if (t.is_triple()) {
    const std::optional<Triple> parts = triple_term_parts(t.value());
    if (!parts) return "malformed triple term";
    for (const Term* part : {&parts->subject, &parts->predicate, &parts->object}) {
      if (std::string problem = term_problem(*part); !problem.empty()) return problem;
    }
  }
  return {};
}

// A remote store's answer is input like any other: a variable or a term no
// writer could write back (found by the read_results fuzz target: TSV took
// ill-formed UTF-8 in an IRI and in a variable's name) is an error, in
// every format alike.
Expected<QueryResult> checked(Expected<QueryResult> result) {
  if (!result) return result;
  for (const std::string& v : result->variables) {
    if (!is_varname(v)) {
      return read_error("`" + (is_valid_utf8(v) ? v : std::string("(ill-formed UTF-8)")) +
                        "` is no SPARQL variable name");
    }
  }
  for (std::size_t row = 0; row < result->solutions.size(); ++row) {
    const Solution& s = result->solutions[row];
    for (std::size_t i = 0; i < s.size(); ++i) {
      if (!s[i]) continue;
      if (const std::string problem = term_problem(*s[i]); !problem.empty()) {
        return read_error("solution " + std::to_string(row + 1) + ", ?" + result->variables[i] +
                          ": " + problem);
      }
    }
  }
  return result;
}

Expected<QueryResult> read_any(std::string_view text, ResultFormat format) {
  switch (format) {
    case ResultFormat::Json:
      return detail::read_json(text);
    case ResultFormat::Xml:
      return detail::read_xml(text);
    case ResultFormat::Csv:
      return detail::read_csv(text);
    case ResultFormat::Tsv:
      return detail::read_tsv(text);
    case ResultFormat::Table:
      break;
  }
  return read_error("the text table cannot be read back");
}

}  // namespace

Expected<QueryResult> read_results(std::string_view text, ResultFormat format) {
  return checked(read_any(text, format));
}

Expected<QueryResult> read_result_set_graph(const std::vector<Quad>& quads) {
  const auto root = find_result_set(quads);
  if (!root) return read_error("no rs:ResultSet found in the result graph");
  Statements graph;
  for (const Quad& q : quads) graph[q.subject].emplace_back(q.predicate, q.object);

  QueryResult result;
  const auto booleans = objects(graph, *root, rs("boolean"));
  if (!booleans.empty()) {
    const std::string& value = booleans[0]->value();
    if (value != "true" && value != "false")
      return read_error("rs:boolean `" + value + "` is not true or false");
    result.form = QueryForm::Ask;
    result.boolean = value == "true";
    return result;
  }
  for (const Term* v : objects(graph, *root, rs("resultVariable"))) {
    if (std::find(result.variables.begin(), result.variables.end(), v->value()) ==
        result.variables.end())
      result.variables.push_back(v->value());
  }
  std::vector<IndexedSolution> solutions;
  for (const Term* node : objects(graph, *root, rs("solution"))) {
    auto solution = read_solution(graph, *node, result);
    if (!solution) return solution.error();
    result.ordered = result.ordered || solution->index.has_value();
    solutions.push_back(std::move(*solution));
  }
  // Rows without rs:index (unusual in an ordered set) go last.
  std::stable_sort(solutions.begin(), solutions.end(),
                   [](const IndexedSolution& a, const IndexedSolution& b) {
                     if (!a.index || !b.index) return a.index.has_value() && !b.index.has_value();
                     return *a.index < *b.index;
                   });
  for (IndexedSolution& s : solutions) {
    s.solution.resize(result.variables.size());
    result.solutions.push_back(std::move(s.solution));
  }
  return result;
}

}  // namespace quiver::results
