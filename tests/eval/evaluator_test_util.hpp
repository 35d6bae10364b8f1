#pragma once
// Test-only helpers for the evaluator: a brute-force Dataset over a vector
// of quads, loaded from a TriG string, and query runners.

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "dataset/dataset.hpp"
#include "eval/evaluator.hpp"
#include "io/reader.hpp"
#include "sparql/parser.hpp"

namespace quiver::eval::testing {

/// Every match is a scan: slow and obviously right.
class TestDataset : public Dataset {
 public:
  /// Loads TriG (a superset of Turtle); prefixes ex: and xsd: are predeclared.
  explicit TestDataset(std::string_view trig) {
    std::string text =
        "@prefix ex: <http://example.org/> .\n"
        "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n" +
        std::string(trig);
    struct Sink : io::QuadSink {
      TestDataset* self;
      Status on_quad(const QuadRef& q) override {
        self->add(Quad(q));
        return {};
      }
    } sink;
    sink.self = this;
    io::ReadOptions options;
    options.format = io::Format::TriG;
    options.base_iri = "http://example.org/";
    io::ReadResult r = io::read_string(text, "test.trig", options, sink);
    EXPECT_TRUE(r.ok()) << (r.errors.empty() ? "" : r.errors[0].to_string());
  }

  void add(const Quad& q) {
    QuadIds ids{intern(q.subject), intern(q.predicate), intern(q.object),
                q.graph.is_none() ? kDefaultGraph : intern(q.graph)};
    if (std::find(quads_.begin(), quads_.end(), ids) == quads_.end()) quads_.push_back(ids);
  }

  TermId find_id(const TermRef& term) const override {
    auto it = ids_.find(Term(term));
    return it == ids_.end() ? kAnyTerm : it->second;
  }
  TermRef term(TermId id) const override { return terms_.at(id - kFirstTermId).ref(); }

  std::unique_ptr<QuadCursor> match(const QuadIds& p) const override {
    auto cursor = std::make_unique<VectorCursor>();
    for (const QuadIds& q : quads_) {
      if (matches(p, q)) cursor->quads.push_back(q);
    }
    return cursor;
  }
  PatternStats stats(const QuadIds& p) const override {
    PatternStats out;
    out.matches = static_cast<double>(count(p));
    return out;
  }
  std::uint64_t count(const QuadIds& p) const override {
    return static_cast<std::uint64_t>(std::count_if(
        quads_.begin(), quads_.end(), [&](const QuadIds& q) { return matches(p, q); }));
  }
  std::vector<TermId> graph_names() const override {
    std::set<TermId> names;
    for (const QuadIds& q : quads_) {
      if (q.graph != kDefaultGraph) names.insert(q.graph);
    }
    return {names.begin(), names.end()};
  }
  bool has_graph(TermId g) const override {
    if (g == kDefaultGraph) return true;
    const auto names = graph_names();
    return std::find(names.begin(), names.end(), g) != names.end();
  }
  std::uint64_t size() const override { return quads_.size(); }

 private:
  struct VectorCursor : QuadCursor {
    std::vector<QuadIds> quads;
    std::size_t pos = 0;
    std::size_t next(QuadIds* out, std::size_t max) override {
      std::size_t n = std::min(max, quads.size() - pos);
      std::copy_n(quads.begin() + static_cast<std::ptrdiff_t>(pos), n, out);
      pos += n;
      return n;
    }
  };

  static bool matches(const QuadIds& p, const QuadIds& q) {
    auto ok = [](TermId want, TermId have) { return want == kAnyTerm || want == have; };
    bool graph_ok = p.graph == kAnyTerm || p.graph == q.graph ||
                    (p.graph == kAnyNamedGraph && q.graph != kDefaultGraph);
    return ok(p.subject, q.subject) && ok(p.predicate, q.predicate) && ok(p.object, q.object) &&
           graph_ok;
  }

  TermId intern(const Term& t) {
    auto [it, inserted] = ids_.try_emplace(t, kFirstTermId + terms_.size());
    if (inserted) terms_.push_back(t);
    return it->second;
  }

  std::unordered_map<Term, TermId> ids_;
  std::vector<Term> terms_;
  std::vector<QuadIds> quads_;
};

inline Term iri(std::string_view local) {
  return Term::iri("http://example.org/" + std::string(local));
}
inline Term lit(std::string_view lexical, std::string_view datatype = {}) {
  return Term::literal(lexical, datatype);
}
inline Term integer(long long v) {
  return Term::literal(std::to_string(v), "http://www.w3.org/2001/XMLSchema#integer");
}

/// Parses and evaluates `query` (prefixes ex: and xsd: predeclared);
/// fails the test on a parse error.
inline Expected<QueryResult> run(const Dataset& data, std::string_view query,
                                         const EvalOptions& options = {},
                                         QueryDataset dataset = {}) {
  std::string text =
      "PREFIX ex: <http://example.org/>\n"
      "PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>\n" +
      std::string(query);
  auto parsed = sparql::parse_query(text);
  if (!parsed) {
    ADD_FAILURE() << "parse error: " << parsed.error().to_string() << "\n" << query;
    return parsed.error();
  }
  dataset.data = &data;
  return evaluate(*parsed, dataset, options);
}

/// The solutions of a SELECT as N-Triples-ish strings, one per row
/// ("?a=<x> ?b=\"1\"" with unbound variables left out), sorted unless
/// `keep_order`.
inline std::vector<std::string> rows(const Expected<QueryResult>& r,
                                     bool keep_order = false) {
  std::vector<std::string> out;
  if (!r) {
    ADD_FAILURE() << "query failed: " << r.error().to_string();
    return out;
  }
  for (const auto& s : r->solutions) {
    std::string line;
    for (std::size_t i = 0; i < s.size(); ++i) {
      if (!s[i]) continue;
      if (!line.empty()) line += ' ';
      line += r->variables[i] + '=' + s[i]->to_ntriples();
    }
    out.push_back(line);
  }
  if (!keep_order) std::sort(out.begin(), out.end());
  return out;
}

/// The triples of a CONSTRUCT / DESCRIBE, as sorted N-Triples lines.
inline std::vector<std::string> triples(const Expected<QueryResult>& r) {
  std::vector<std::string> out;
  if (!r) {
    ADD_FAILURE() << "query failed: " << r.error().to_string();
    return out;
  }
  for (const auto& t : r->triples) {
    out.push_back(t.subject.to_ntriples() + ' ' + t.predicate.to_ntriples() + ' ' +
                  t.object.to_ntriples());
  }
  std::sort(out.begin(), out.end());
  return out;
}

using Rows = std::vector<std::string>;

}  // namespace quiver::eval::testing
