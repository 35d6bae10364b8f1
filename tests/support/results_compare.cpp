#include "support/results_compare.hpp"

#include <algorithm>
#include <iterator>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "results/result_reader.hpp"
#include "results/result_writer.hpp"
#include "support/blank_matcher.hpp"
#include "support/isomorphism.hpp"
#include "terms/triple_term.hpp"
#include "util/ascii.hpp"

namespace quiver::testing {
namespace {

using results::ResultFormat;

constexpr std::size_t kMaxListed = 5;

std::string form_name(QueryForm form) {
  switch (form) {
    case QueryForm::Select:
      return "SELECT";
    case QueryForm::Ask:
      return "ASK";
    case QueryForm::Construct:
    case QueryForm::Describe:
      return "a graph";
  }
  return "?";
}

bool is_graph(QueryForm form) {
  return form == QueryForm::Construct || form == QueryForm::Describe;
}

std::string join(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "?" : " ?") + n;
  return "{" + out + "}";
}

// `result`'s rows with columns in the order of `columns`, language tags
// lower-cased so that plain equality compares them case-insensitively.
std::vector<Row> canonical_rows(const QueryResult& result,
                                const std::vector<std::string>& columns) {
  std::vector<std::size_t> source(columns.size());
  for (std::size_t c = 0; c < columns.size(); ++c) {
    source[c] = static_cast<std::size_t>(
        std::find(result.variables.begin(), result.variables.end(), columns[c]) -
        result.variables.begin());
  }
  std::vector<Row> rows;
  rows.reserve(result.solutions.size());
  for (const Solution& solution : result.solutions) {
    Row& row = rows.emplace_back(columns.size());
    for (std::size_t c = 0; c < columns.size(); ++c) {
      if (source[c] >= solution.size() || !solution[source[c]]) continue;
      const Term& t = *solution[source[c]];
      if (t.is_literal() && !t.language().empty()) {
        row[c] = Term::literal(t.value(), t.datatype(), ascii_lower(t.language()));
      } else if (!t.is_none()) {
        row[c] = t;
      }
    }
  }
  return rows;
}

std::string format_row(const Row& row, const std::vector<std::string>& columns, bool hide_blanks) {
  std::string out;
  for (std::size_t c = 0; c < row.size(); ++c) {
    if (!row[c]) continue;
    if (!out.empty()) out += ' ';
    // Cells past the columns are the parts of an opened triple term.
    out += c < columns.size() ? '?' + columns[c] + '=' : std::string("part=");
    out += hide_blanks && row[c]->is_blank() ? "_:*" : row[c]->to_ntriples();
  }
  return out.empty() ? "{}" : out;
}

void list_rows(std::string& diff, const char* title, const std::vector<std::string>& rows) {
  if (rows.empty()) return;
  diff += title;
  diff += " (" + std::to_string(rows.size()) + "):\n";
  for (std::size_t i = 0; i < rows.size() && i < kMaxListed; ++i) diff += "  " + rows[i] + '\n';
  if (rows.size() > kMaxListed) diff += "  ...\n";
}

// Multiset differences of the rows shown with blank nodes hidden.
void describe_unordered(std::string& diff, const std::vector<Row>& actual,
                        const std::vector<Row>& expected, const std::vector<std::string>& columns) {
  auto shapes = [&](const std::vector<Row>& rows) {
    std::vector<std::string> out;
    for (const Row& r : rows) out.push_back(format_row(r, columns, true));
    std::sort(out.begin(), out.end());
    return out;
  };
  const auto a = shapes(actual);
  const auto e = shapes(expected);
  std::vector<std::string> missing, extra;
  std::set_difference(e.begin(), e.end(), a.begin(), a.end(), std::back_inserter(missing));
  std::set_difference(a.begin(), a.end(), e.begin(), e.end(), std::back_inserter(extra));
  list_rows(diff, "missing (expected, not in actual)", missing);
  list_rows(diff, "unexpected (in actual, not expected)", extra);
}

bool equal_ordered(const std::vector<Row>& actual, const std::vector<Row>& expected,
                   const std::vector<std::string>& columns, std::string* diff) {
  BlankMatcher matcher;
  for (std::size_t i = 0; i < actual.size() && i < expected.size(); ++i) {
    if (matcher.try_match(actual[i], expected[i])) continue;
    if (diff != nullptr) {
      *diff += "row " + std::to_string(i + 1) + " differs (ordered comparison)\n";
      *diff += "  actual:   " + format_row(actual[i], columns, false) + '\n';
      *diff += "  expected: " + format_row(expected[i], columns, false) + '\n';
    }
    return false;
  }
  if (actual.size() == expected.size()) return true;
  if (diff != nullptr) {
    *diff += "actual has " + std::to_string(actual.size()) + " rows, expected " +
             std::to_string(expected.size()) + '\n';
  }
  return false;
}

bool equal_unordered(const std::vector<Row>& actual, const std::vector<Row>& expected,
                     const std::vector<std::string>& columns, std::string* diff) {
  auto fail = [&](const std::string& why) {
    if (diff != nullptr) {
      *diff += why;
      describe_unordered(*diff, actual, expected, columns);
    }
    return false;
  };
  if (actual.size() != expected.size()) {
    return fail("actual has " + std::to_string(actual.size()) + " rows, expected " +
                std::to_string(expected.size()) + '\n');
  }
  // Rows without blank nodes must match exactly, as multisets.
  std::vector<Row> ground_a, ground_e, blank_a, blank_e;
  for (const Row& r : actual) (has_blank(r) ? blank_a : ground_a).push_back(r);
  for (const Row& r : expected) (has_blank(r) ? blank_e : ground_e).push_back(r);
  std::sort(ground_a.begin(), ground_a.end());
  std::sort(ground_e.begin(), ground_e.end());
  if (ground_a != ground_e) return fail("");
  const MatchOutcome outcome = match_blank_rows(blank_a, blank_e, kResultsSearchLimit);
  if (outcome == MatchOutcome::Matched) return true;
  if (outcome == MatchOutcome::GaveUp) {
    return fail("blank-node search gave up after " + std::to_string(kResultsSearchLimit) +
                " tries\n");
  }
  return fail("no one blank-node mapping makes the solutions equal\n");
}

// A triple term with blank nodes inside is compared part by part: it
// becomes a marker cell followed by its parts (nested ones likewise), added
// at the row's end, so that the blank-node mapping covers the nodes inside
// triple terms too. Rows of another nesting get another shape.
void append_parts(Row& row, const Term& term) {
  const std::optional<Triple> parts = triple_term_parts(term.value());
  for (const Term* part : {&parts->subject, &parts->predicate, &parts->object}) {
    if (part->is_triple()) {
      row.emplace_back(Term::literal("(triple term)"));
      append_parts(row, *part);
    } else {
      row.emplace_back(*part);
    }
  }
}

std::vector<Row> with_triple_terms_opened(std::vector<Row> rows) {
  for (Row& row : rows) {
    const std::size_t width = row.size();
    for (std::size_t c = 0; c < width; ++c) {
      if (!row[c] || !row[c]->is_triple()) continue;
      std::vector<Term> inner;
      collect_blank_nodes(row[c]->value(), inner);
      if (inner.empty()) continue;
      const Term term = *row[c];
      row[c] = Term::literal("(triple term)");
      append_parts(row, term);
    }
  }
  return rows;
}

bool equal_select(const QueryResult& actual, const QueryResult& expected, bool ordered,
                  std::string* diff) {
  std::vector<std::string> columns = actual.variables;
  std::vector<std::string> expected_columns = expected.variables;
  std::sort(columns.begin(), columns.end());
  std::sort(expected_columns.begin(), expected_columns.end());
  columns.erase(std::unique(columns.begin(), columns.end()), columns.end());
  expected_columns.erase(std::unique(expected_columns.begin(), expected_columns.end()),
                         expected_columns.end());
  if (columns != expected_columns) {
    if (diff != nullptr) {
      *diff += "variables differ: actual " + join(actual.variables) + ", expected " +
               join(expected.variables) + '\n';
    }
    return false;
  }
  const auto a = with_triple_terms_opened(canonical_rows(actual, columns));
  const auto e = with_triple_terms_opened(canonical_rows(expected, columns));
  return ordered ? equal_ordered(a, e, columns, diff) : equal_unordered(a, e, columns, diff);
}

std::vector<Quad> as_quads(const std::vector<Triple>& triples) {
  std::vector<Quad> quads;
  quads.reserve(triples.size());
  for (const Triple& t : triples) quads.emplace_back(t.subject, t.predicate, t.object);
  return quads;
}

}  // namespace

bool results_equal(const QueryResult& actual, const QueryResult& expected, bool ordered,
                   std::string* diff) {
  if (is_graph(actual.form) && is_graph(expected.form)) {
    auto a = as_quads(actual.triples);
    auto e = as_quads(expected.triples);
    if (are_isomorphic(a, e)) return true;
    if (diff != nullptr) *diff += isomorphism_diff(a, e, "actual", "expected");
    return false;
  }
  if (actual.form != expected.form) {
    if (diff != nullptr) {
      *diff +=
          "actual is " + form_name(actual.form) + ", expected " + form_name(expected.form) + '\n';
    }
    return false;
  }
  if (actual.form == QueryForm::Ask) {
    if (actual.boolean == expected.boolean) return true;
    if (diff != nullptr) {
      *diff += std::string("ASK answered ") + (actual.boolean ? "true" : "false") + ", expected " +
               (expected.boolean ? "true" : "false") + '\n';
    }
    return false;
  }
  return equal_select(actual, expected, ordered, diff);
}

bool result_text_matches(const QueryResult& actual, ResultFormat format,
                         std::string_view expected_text, std::string* diff) {
  auto fail = [&](const std::string& why) {
    if (diff != nullptr) *diff += why + '\n';
    return false;
  };
  if (format == ResultFormat::Table) return fail("the text table cannot be compared");
  auto expected = results::read_results(expected_text, format);
  if (!expected) return fail("cannot read the expected results: " + expected.error().to_string());
  auto written = results::results_to_string(actual, format);
  if (!written) return fail("cannot write the actual results: " + written.error().to_string());
  auto reread = results::read_results(*written, format);
  if (!reread) return fail("our own output does not read back: " + reread.error().to_string());
  return results_equal(*reread, *expected, actual.ordered, diff);
}

}  // namespace quiver::testing
