// w3c_sparql_update: runs the W3C SPARQL 1.1 Update evaluation tests
// (mf:UpdateEvaluationTest) through Quiver's engine: load ut:data into the
// default graph and ut:graphData into the named graphs their rdfs:label
// names, run ut:request as one update, and compare the whole dataset with
// the expected one (ut:data and ut:graphData of mf:result) under one
// blank-node mapping, literals term-exact.
//
// Usage: w3c_sparql_update [-v] [FILTER]. Exit 0 when nothing failed, 1
// otherwise, 77 when the suites are not there (CTest: skipped).

#include <sys/stat.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "engine/engine.hpp"
#include "io/reader.hpp"
#include "manifest.hpp"
#include "report.hpp"
#include "sparql/update.hpp"
#include "support/isomorphism.hpp"
#include "test_store.hpp"

namespace quiver::w3c {
namespace {

constexpr std::string_view kUt = "http://www.w3.org/2009/sparql/tests/test-update#";
// SPARQL 1.1 Update, and SPARQL 1.2's update evaluation tests (triple terms).
constexpr std::string_view kManifests[] = {"sparql/sparql11/manifest-sparql11-update.ttl",
                                           "sparql/sparql12/eval-triple-terms/manifest.ttl"};

std::string ut(std::string_view local) { return std::string(kUt) + std::string(local); }

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Loads the ut:data and ut:graphData of `node` (an action or a result)
// into `engine`.
Status load_state(const Manifest& manifest, const Term& node, engine::Engine& engine) {
  for (const Term& data : manifest.objects(node, ut("data"))) {
    auto loaded = engine.load(manifest.local_path(data.value()), std::nullopt, data.value());
    if (!loaded) return loaded.error();
  }
  for (const Term& g : manifest.objects(node, ut("graphData"))) {
    const Term file = manifest.object(g, ut("graph"));
    const Term label = manifest.object(g, vocab::kRdfsLabel);
    if (!file.is_iri() || label.is_none()) return Error("ut:graphData without ut:graph or label");
    auto loaded = engine.load_named(label.value(), manifest.local_path(file.value()), std::nullopt,
                                    file.value());
    if (!loaded) return loaded.error();
  }
  return {};
}

std::vector<Quad> quads_of(const engine::Engine& engine) {
  QuadCollector all;
  (void)engine.dump(all);
  return std::move(all.quads);
}

// With --db every test runs over a database on disk.
bool on_disk = false;

Failure run_test(const Manifest& manifest, const ManifestEntry& entry) {
  const Term request = manifest.object(entry.action, ut("request"));
  if (!request.is_iri()) return "no ut:request";
  const std::string path = manifest.local_path(request.value());
  const std::string text = slurp(path);
  sparql::ParseOptions parse_options;
  parse_options.base_iri = request.value();
  auto update = sparql::parse_update(text, parse_options);
  if (!update) return "parse error: " + sparql::format_parse_error(text, update.error(), path);

  TestStore store(on_disk);
  if (!store.status()) return "database: " + store.status().error().to_string();
  if (Status st = load_state(manifest, entry.action, store.engine()); !st) {
    return "data: " + st.error().to_string();
  }
  if (Status st = store.settle(); !st) return "merge: " + st.error().to_string();
  engine::Engine& engine = store.engine();
  engine::UpdateOptions options;
  options.timeout = std::chrono::seconds(20);
  const auto done = engine.update(*update, options);
  const bool must_fail = manifest.object(entry.result, ut("result")).value() == ut("failure");
  if (must_fail) return done ? Failure("succeeded but must fail") : Failure();
  if (!done) return "update failed: " + done.error().to_string();

  engine::Engine expected;
  if (Status st = load_state(manifest, entry.result, expected); !st) {
    return "expected data: " + st.error().to_string();
  }
  // On disk, what is compared is what a new process reads back.
  if (Status st = store.reopen(); !st) return "reopen: " + st.error().to_string();
  std::vector<Quad> got = quads_of(store.engine());
  std::vector<Quad> want = quads_of(expected);
  if (!testing::are_isomorphic(got, want)) {
    return "dataset differs:\n" + testing::isomorphism_diff(std::move(got), std::move(want));
  }
  return std::nullopt;
}

void run_manifest(const std::string& path, const std::string& filter, Report& report) {
  auto manifest = Manifest::load(path);
  if (!manifest) {
    report.record("sparql11", path, "cannot load manifest: " + manifest.error().to_string());
    return;
  }
  for (const auto& include : manifest->includes()) run_manifest(include, filter, report);
  const std::string dir = path.substr(0, path.rfind('/'));
  // `sparql11/add`, `sparql12/eval-triple-terms`: the last two folders.
  const std::string parent = dir.substr(0, dir.rfind('/'));
  const std::string suite =
      parent.substr(parent.rfind('/') + 1) + "/" + dir.substr(dir.rfind('/') + 1);
  bool any = false;
  for (const auto& entry : manifest->entries()) {
    if (!entry.type.ends_with("#UpdateEvaluationTest")) continue;
    if (!filter.empty() && (suite + "/" + entry.name).find(filter) == std::string::npos) continue;
    report.record(suite, entry.name, run_test(*manifest, entry));
    any = true;
  }
  if (any) report.print_suite(suite);
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
  Report report({});
  report.set_verbose(verbose);
  for (const std::string_view manifest : kManifests) {
    run_manifest(root + "/" + std::string(manifest), filter, report);
  }
  return report.finish();
}
