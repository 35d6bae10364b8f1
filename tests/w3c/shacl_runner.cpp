// w3c_shacl: runs the W3C SHACL test suite (data-shapes, core and sparql)
// through Quiver's validator. Each sht:Validate test loads its data graph
// and shapes graph, validates, and compares the report with mf:result the
// way the suite defines: sh:conforms, and the results as a multiset, by
// isomorphism of focus node, path, value, severity, source shape and
// source constraint component (sh:resultMessage only when the expected
// report has one, sh:detail never). A sht:Failure test must be refused.
//
// Usage: w3c_shacl [-v] [FILTER]. Exit 0 when nothing failed, 1 otherwise,
// 77 when the suite is not there (CTest: skipped).

#include <sys/stat.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <string>
#include <vector>

#include "engine/engine.hpp"
#include "manifest.hpp"
#include "report.hpp"
#include "shacl/shacl.hpp"
#include "shacl/vocabulary.hpp"
#include "support/isomorphism.hpp"

namespace quiver::w3c {
namespace {

constexpr std::string_view kSht = "http://www.w3.org/ns/shacl-test#";

std::string sht(std::string_view local) { return std::string(kSht) + std::string(local); }

std::string shacl_root() {
  if (const char* dir = std::getenv("QUIVER_SHACL_DIR"); dir != nullptr && *dir != '\0') {
    return dir;
  }
  return std::string(QUIVER_SOURCE_DIR) + "/../shared/shacl-tests";
}

// The expected report: the triples reachable from `node` through the
// report's own structure (results and the blank nodes spelling paths),
// not into the shapes or data that results name.
void expected_report(const Manifest& manifest, const Term& node, std::set<Term>& seen,
                     std::vector<Quad>& out) {
  if (!seen.insert(node).second) return;
  for (const auto& [predicate, object] : manifest.properties(node)) {
    if (predicate == shacl::sh("detail")) continue;
    out.emplace_back(node, Term::iri(predicate), object);
    const bool structure = predicate != shacl::sh("sourceShape") &&
                           predicate != shacl::sh("focusNode") && predicate != shacl::sh("value") &&
                           predicate != shacl::sh("sourceConstraint");
    if (object.is_blank() && structure) expected_report(manifest, object, seen, out);
  }
}

bool mentions(const std::vector<Quad>& quads, const std::string& predicate) {
  for (const Quad& q : quads) {
    if (q.predicate.value() == predicate) return true;
  }
  return false;
}

Failure run_test(const Manifest& manifest, const ManifestEntry& entry) {
  const Term data_file = manifest.object(entry.action, sht("dataGraph"));
  const Term shapes_file = manifest.object(entry.action, sht("shapesGraph"));
  if (!data_file.is_iri() || !shapes_file.is_iri()) return "no sht:dataGraph or sht:shapesGraph";
  engine::Engine data;
  if (auto loaded =
          data.load(manifest.local_path(data_file.value()), std::nullopt, data_file.value());
      !loaded) {
    return "data graph: " + loaded.error().to_string();
  }
  engine::Engine shapes_engine;
  const bool same = data_file == shapes_file;
  if (!same) {
    if (auto loaded = shapes_engine.load(manifest.local_path(shapes_file.value()), std::nullopt,
                                         shapes_file.value());
        !loaded) {
      return "shapes graph: " + loaded.error().to_string();
    }
  }
  // $shapesGraph names the shapes graph as a named graph beside the data.
  constexpr std::string_view kShapesGraph = "urn:x-quiver:shapes-graph";
  if (auto loaded =
          data.load_named(std::string(kShapesGraph), manifest.local_path(shapes_file.value()),
                          std::nullopt, shapes_file.value());
      !loaded) {
    return "shapes graph: " + loaded.error().to_string();
  }
  const auto data_snapshot = data.store().snapshot();
  const auto shapes_snapshot = same ? data_snapshot : shapes_engine.store().snapshot();
  shacl::Options options;
  options.engine = &data;
  options.sparql.shapes_graph = kShapesGraph;
  options.sparql.timeout = std::chrono::seconds(20);
  auto outcome = shacl::validate_datasets(*shapes_snapshot, *data_snapshot, options);
  if (entry.result.is_iri() && entry.result.value() == sht("Failure")) {
    if (std::getenv("QUIVER_SHACL_DUMP") != nullptr && !outcome) {
      std::printf("refused as expected: %s\n", outcome.error().to_string().c_str());
    }
    return outcome ? Failure("validated, but the test expects a refusal") : Failure();
  }
  if (!outcome) return "refused: " + outcome.error().to_string();
  std::set<Term> seen;
  std::vector<Quad> want;
  expected_report(manifest, entry.result, seen, want);
  std::vector<Quad> got;
  const bool messages = mentions(want, shacl::sh("resultMessage"));
  for (const Quad& q : outcome->report) {
    if (!messages && q.predicate.value() == shacl::sh("resultMessage")) continue;
    got.push_back(q);
  }
  if (std::getenv("QUIVER_SHACL_DUMP") != nullptr) {
    for (const Quad& q : got) {
      std::printf("%s %s %s .\n", q.subject.to_ntriples().c_str(),
                  q.predicate.to_ntriples().c_str(), q.object.to_ntriples().c_str());
    }
  }
  if (!testing::are_isomorphic(got, want)) {
    return "report differs:\n" +
           testing::isomorphism_diff(std::move(got), std::move(want), "got", "expected", 8);
  }
  return std::nullopt;
}

void run_manifest(const std::string& path, const std::string& root, const std::string& filter,
                  Report& report) {
  auto manifest = Manifest::load(path);
  if (!manifest) {
    report.record("shacl", path, "cannot load manifest: " + manifest.error().to_string());
    return;
  }
  for (const auto& include : manifest->includes()) run_manifest(include, root, filter, report);
  // `core/node`, `sparql/pre-binding`: the folder below tests/.
  const std::string dir = path.substr(0, path.rfind('/'));
  const std::string suite = dir.substr(dir.find("/tests/") + 7);
  for (const auto& entry : manifest->entries()) {
    if (entry.type != sht("Validate")) continue;
    const std::string name = entry.id.value().substr(entry.id.value().rfind('/') + 1);
    if (!filter.empty() && (suite + "/" + name).find(filter) == std::string::npos) continue;
    report.record(suite, name, run_test(*manifest, entry));
  }
}

bool exists(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0;
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
    } else {
      filter = arg;
    }
  }
  const std::string root = shacl_root();
  if (!exists(root + "/tests/manifest.ttl")) {
    std::printf("W3C SHACL tests not found at %s (set QUIVER_SHACL_DIR); skipping\n", root.c_str());
    return 77;
  }
  Report report({});
  report.set_verbose(verbose);
  run_manifest(root + "/tests/manifest.ttl", root, filter, report);
  return report.finish();
}
