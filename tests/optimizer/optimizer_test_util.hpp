#pragma once
// Helpers for the optimizer tests: a query goes through one pass and the
// result is compared, as SSE, with the algebra we expect.

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "optimizer/optimizer.hpp"
#include "sparql/parser.hpp"
#include "sparql/printer.hpp"

namespace quiver::optimizer::testing {

using PassFn = sparql::OpPtr (*)(const sparql::OpPtr&, const PassContext&);

/// One input/expected pair: `query` is a group graph pattern (the body of
/// an ASK with `:` bound to <http://ex/> and `xsd:` predeclared) or, when it
/// starts with SELECT / CONSTRUCT, a whole query.
struct PassCase {
  std::string name;
  std::string query;
  std::string expected;  ///< SSE of the pattern after the pass
};

/// Test names for INSTANTIATE_TEST_SUITE_P.
inline std::string case_name(const ::testing::TestParamInfo<PassCase>& info) {
  return info.param.name;
}

/// Parses `query` as PassCase describes; fails the test on a parse error.
inline sparql::OpPtr parse_pattern(std::string_view query) {
  std::string text =
      "PREFIX : <http://ex/>\n"
      "PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>\n";
  if (query.starts_with("SELECT") || query.starts_with("CONSTRUCT")) {
    text += query;
  } else {
    text += "ASK ";
    text += query;
  }
  auto parsed = sparql::parse_query(text);
  if (!parsed) {
    ADD_FAILURE() << "parse error: " << parsed.error().to_string() << "\n" << query;
    return nullptr;
  }
  return parsed->pattern;
}

/// The SSE of `query`'s pattern after `pass`.
inline std::string after_pass(PassFn pass, std::string_view query,
                              const PassContext& context = {}) {
  const sparql::OpPtr pattern = parse_pattern(query);
  if (!pattern) return "parse error";
  return sparql::to_sse(*pass(pattern, context));
}

}  // namespace quiver::optimizer::testing
