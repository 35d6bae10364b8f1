// w3c_sparql_eval: runs the W3C SPARQL 1.0 and 1.1 query evaluation tests
// (and the result-format tests) through Quiver's engine: load qt:data into
// the default graph and qt:graphData as named graphs, run qt:query, compare
// with mf:result as a multiset under one blank-node mapping (in order when
// the query has ORDER BY), literals term-exact.
//
// Usage: w3c_sparql_eval [-v] [FILTER]. Exit 0 when nothing failed, 1
// otherwise, 77 when the suites are not there (CTest: skipped).

#include <sys/stat.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "engine/engine.hpp"
#include "io/reader.hpp"
#include "manifest.hpp"
#include "report.hpp"
#include "results/result_reader.hpp"
#include "sparql/parser.hpp"
#include "sparql_eval_known_failures.hpp"
#include "support/results_compare.hpp"
#include "test_store.hpp"

namespace quiver::w3c {
namespace {

constexpr std::string_view kQt = "http://www.w3.org/2001/sw/DataAccess/tests/test-query#";

// The manifests of the query evaluation suites, relative to the suites root.
constexpr std::string_view kTopManifests[] = {
    "sparql/sparql10/manifest-evaluation.ttl",
    "sparql/sparql11/manifest-sparql11-query.ttl",
    "sparql/sparql11/csv-tsv-res/manifest.ttl",
    "sparql/sparql11/json-res/manifest.ttl",
    "sparql/sparql11/manifest-sparql11-fed.ttl",
    // SPARQL 1.2's evaluation manifests (the syntax ones are
    // w3c_sparql_syntax's).
    "sparql/sparql12/lang-basedir/manifest.ttl",
    "sparql/sparql12/grouping/manifest.ttl",
    "sparql/sparql12/codepoint-escapes/manifest.ttl",
    "sparql/sparql12/expression/manifest.ttl",
    "sparql/sparql12/version/manifest.ttl",
    "sparql/sparql12/eval-triple-terms/manifest.ttl",
    "sparql/sparql12/rdf11/manifest.ttl",
};

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

bool exists(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0;
}

std::string qt(std::string_view local) { return std::string(kQt) + std::string(local); }

std::string extension(const std::string& path) {
  const auto dot = path.rfind('.');
  return dot == std::string::npos ? "" : path.substr(dot + 1);
}

// Reads an expected result file in whichever form the suite uses.
Expected<QueryResult> read_expected(const std::string& path, const std::string& iri,
                                    QueryForm form) {
  const std::string ext = extension(path);
  if (ext == "srx") return results::read_results(slurp(path), results::ResultFormat::Xml);
  if (ext == "srj") return results::read_results(slurp(path), results::ResultFormat::Json);
  if (ext == "tsv") return results::read_results(slurp(path), results::ResultFormat::Tsv);
  if (ext == "csv") return results::read_results(slurp(path), results::ResultFormat::Csv);
  QuadCollector graph;
  io::ReadOptions options;
  options.format = ext == "rdf" ? io::Format::RdfXml : io::Format::Turtle;
  options.base_iri = iri;
  const auto read = io::read_file(path, options, graph);
  if (!read.ok()) return read.errors.front();
  if (form == QueryForm::Construct || form == QueryForm::Describe) {
    QueryResult r;
    r.form = form;
    for (const auto& q : graph.quads) r.triples.push_back({q.subject, q.predicate, q.object});
    return r;
  }
  return results::read_result_set_graph(graph.quads);
}

// The endpoints of a test's qt:serviceData, each a local engine over its
// qt:data; an IRI without one is an endpoint that cannot be reached.
class LocalEndpoints final : public ServiceClient {
 public:
  Status add(const std::string& endpoint, const std::string& path, const std::string& base) {
    auto& engine = engines_[endpoint];
    if (!engine) engine = std::make_unique<engine::Engine>();
    auto loaded = engine->load(path, std::nullopt, base);
    return loaded ? Status() : Status(loaded.error());
  }

  Expected<QueryResult> select(const std::string& endpoint, const std::string& text,
                               std::chrono::steady_clock::time_point) const override {
    const auto it = engines_.find(endpoint);
    if (it == engines_.end()) return Error(ErrorKind::Io, "cannot reach " + endpoint);
    auto query = sparql::parse_query(text);
    if (!query) return query.error();
    engine::QueryOptions options;
    options.timeout = std::chrono::seconds(20);
    options.service = this;
    auto answer = it->second->query(*query, options);
    if (!answer) return answer.error();
    return collect(**answer);
  }

 private:
  std::map<std::string, std::unique_ptr<engine::Engine>> engines_;
};

// With --plan-check each query's plan is compared with what ran, instead of
// its result with the expected one.
bool plan_check = false;
// With --reference the queries run as written, unoptimized (the reference
// the optimizer is held to), against the same expected results.
bool reference = false;
// With --db every test's data is loaded into a database on disk.
bool on_disk = false;

Failure run_test(const Manifest& manifest, const ManifestEntry& entry) {
  const Term query_iri = manifest.object(entry.action, qt("query"));
  if (!query_iri.is_iri()) return "no qt:query";
  const std::string query_path = manifest.local_path(query_iri.value());
  const std::string query_text = slurp(query_path);
  sparql::ParseOptions parse_options;
  parse_options.base_iri = query_iri.value();
  auto query = sparql::parse_query(query_text, parse_options);
  if (!query)
    return "parse error: " + sparql::format_parse_error(query_text, query.error(), query_path);

  TestStore store(on_disk);
  if (!store.status()) return "database: " + store.status().error().to_string();
  engine::Engine& engine = store.engine();
  for (const Term& data : manifest.objects(entry.action, qt("data"))) {
    auto loaded = engine.load(manifest.local_path(data.value()), std::nullopt, data.value());
    if (!loaded) return "data: " + loaded.error().to_string();
  }
  for (const Term& g : manifest.objects(entry.action, qt("graphData"))) {
    auto loaded =
        engine.load_named(g.value(), manifest.local_path(g.value()), std::nullopt, g.value());
    if (!loaded) return "graphData: " + loaded.error().to_string();
  }
  // FROM / FROM NAMED name files of the suite, read first as the CLI does.
  const Status graphs =
      engine.load_query_graphs(*query, [&](const std::string& iri) -> std::optional<std::string> {
        const std::string path = manifest.local_path(iri);
        if (exists(path)) return path;
        return std::nullopt;
      });
  if (!graphs) return "FROM: " + graphs.error().to_string();
  if (Status st = store.settle(); !st) return "merge: " + st.error().to_string();
  LocalEndpoints endpoints;
  for (const Term& service : manifest.objects(entry.action, qt("serviceData"))) {
    const Term endpoint = manifest.object(service, qt("endpoint"));
    for (const Term& data : manifest.objects(service, qt("data"))) {
      if (Status st =
              endpoints.add(endpoint.value(), manifest.local_path(data.value()), data.value());
          !st) {
        return "serviceData: " + st.error().to_string();
      }
    }
  }
  engine::QueryOptions options;
  options.timeout = std::chrono::seconds(20);
  options.service = &endpoints;
  options.optimize = !reference;
  auto answer = engine.query(*query, options);
  if (!answer) return "evaluation error: " + answer.error().message;
  auto outcome = collect(**answer);
  if (!outcome) return "evaluation error: " + outcome.error().message;
  if (plan_check) {
    // The plan that was printed is the operator tree that ran.
    const std::string planned = (*answer)->plan_text();
    const std::string ran = (*answer)->executed_text();
    if (planned.empty() || planned != ran) {
      return "plan and execution differ:\nplan:\n" + planned + "executed:\n" + ran;
    }
    return std::nullopt;
  }

  if (!entry.result.is_iri()) return "no mf:result";
  const std::string result_path = manifest.local_path(entry.result.value());
  std::string diff;
  if (entry.type.ends_with("CSVResultFormatTest") || extension(result_path) == "csv") {
    if (!testing::result_text_matches(*outcome, results::ResultFormat::Csv, slurp(result_path),
                                      &diff)) {
      return "CSV differs:\n" + diff;
    }
    return std::nullopt;
  }
  if (extension(result_path) == "tsv") {
    if (!testing::result_text_matches(*outcome, results::ResultFormat::Tsv, slurp(result_path),
                                      &diff)) {
      return "TSV differs:\n" + diff;
    }
    return std::nullopt;
  }
  auto expected = read_expected(result_path, entry.result.value(), query->form);
  if (!expected) return "cannot read expected result: " + expected.error().to_string();
  if (!testing::results_equal(*outcome, *expected, outcome->ordered, &diff)) {
    return "result differs:\n" + diff;
  }
  return std::nullopt;
}

bool is_eval_type(const std::string& type) {
  return type.ends_with("#QueryEvaluationTest") || type.ends_with("#CSVResultFormatTest");
}

void run_manifest(const std::string& path, const std::string& suite, const std::string& filter,
                  Report& report, std::vector<std::string>& seen) {
  for (const auto& s : seen) {
    if (s == path) return;
  }
  seen.push_back(path);
  auto manifest = Manifest::load(path);
  if (!manifest) {
    report.record(suite, path, "cannot load manifest: " + manifest.error().to_string());
    return;
  }
  for (const auto& include : manifest->includes()) {
    run_manifest(include, suite, filter, report, seen);
  }
  for (const auto& entry : manifest->entries()) {
    if (!is_eval_type(entry.type)) continue;
    const std::string dir = path.substr(0, path.rfind('/'));
    const std::string name = dir.substr(dir.rfind('/') + 1) + "/" + entry.name;
    if (!filter.empty() && (suite + "/" + name).find(filter) == std::string::npos) continue;
    report.record(suite, name, run_test(*manifest, entry));
  }
}

}  // namespace
}  // namespace quiver::w3c

int main(int argc, char** argv) {
  using namespace quiver::w3c;
  bool verbose = false;
  std::string filter;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "-v") {
      verbose = true;
    } else if (arg == "--plan-check") {
      plan_check = true;
    } else if (arg == "--reference") {
      reference = true;
    } else if (arg == "--db") {
      on_disk = true;
    } else {
      filter = arg;
    }
  }
  const std::string root = suites_root();
  if (!exists(root + "/sparql")) {
    std::printf("W3C test suites not found at %s (set QUIVER_W3C_DIR); skipping\n", root.c_str());
    return 77;
  }
  // The known failures are about results; the plan check has none.
  Report report(plan_check ? std::vector<KnownFailure>{} : sparql_eval_known_failures());
  report.set_verbose(verbose);
  std::vector<std::string> seen;
  for (const auto top : kTopManifests) {
    const std::string suite = std::string(top).find("sparql10") != std::string::npos   ? "sparql10"
                              : std::string(top).find("sparql12") != std::string::npos ? "sparql12"
                                                                                       : "sparql11";
    run_manifest(root + "/" + std::string(top), suite, filter, report, seen);
  }
  report.print_suite("sparql10");
  report.print_suite("sparql11");
  report.print_suite("sparql12");
  if (filter.empty() && !plan_check) report.check_known_failures_used();
  return report.finish();
}
