// w3c_sparql_syntax: runs the W3C SPARQL 1.0, 1.1 and 1.2 query and update
// syntax tests (mf:PositiveSyntaxTest[11] and mf:PositiveUpdateSyntaxTest[11]
// must parse, the Negative ones must fail; SPARQL 1.2's manifests drop the
// "11") against Quiver's SPARQL parser.
//
// Usage: w3c_sparql_syntax [-v] [FILTER]   FILTER keeps tests whose
// `suite/name` contains it; -v prints passing tests too. Exit code 0 when
// nothing failed, 1 otherwise, 77 when the suites are not there.

#include <sys/stat.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "manifest.hpp"
#include "report.hpp"
#include "sparql/parser.hpp"
#include "sparql/update.hpp"
#include "sparql_known_failures.hpp"

namespace quiver::w3c {
namespace {

// The manifests whose entries (and mf:include'd manifests) are run, as
// paths under <root>/sparql.
constexpr std::string_view kManifests[] = {
    "sparql10/manifest-syntax.ttl",
    "sparql11/manifest-sparql11-query.ttl",
    "sparql11/syntax-fed/manifest.ttl",
    "sparql11/manifest-sparql11-update.ttl",
    // SPARQL 1.2
    "sparql12/syntax/manifest.ttl",
    "sparql12/lang-basedir/manifest.ttl",
    "sparql12/grouping/manifest.ttl",
    "sparql12/codepoint-escapes/manifest.ttl",
    "sparql12/version/manifest.ttl",
    "sparql12/expression/manifest.ttl",
    "sparql12/syntax-triple-terms-positive/manifest.ttl",
    "sparql12/syntax-triple-terms-negative/manifest.ttl",
    "sparql12/eval-triple-terms/manifest.ttl",
};

enum class Expect { Parse, Fail, Skip };

struct Expectation {
  Expect expect = Expect::Skip;
  bool update = false;  // an Update request, not a query
};

Expectation expectation(std::string_view type_iri) {
  if (!type_iri.starts_with(vocab::kMf)) return {};
  const std::string_view type = type_iri.substr(vocab::kMf.size());
  if (type == "PositiveSyntaxTest" || type == "PositiveSyntaxTest11") return {Expect::Parse, false};
  if (type == "NegativeSyntaxTest" || type == "NegativeSyntaxTest11") return {Expect::Fail, false};
  if (type == "PositiveUpdateSyntaxTest" || type == "PositiveUpdateSyntaxTest11") {
    return {Expect::Parse, true};
  }
  if (type == "NegativeUpdateSyntaxTest" || type == "NegativeUpdateSyntaxTest11") {
    return {Expect::Fail, true};
  }
  return {};  // evaluation tests
}

bool read_file(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  out = buffer.str();
  return true;
}

class SyntaxRunner {
 public:
  SyntaxRunner(std::string root, std::string filter, Report& report)
      : root_(std::move(root)), filter_(std::move(filter)), report_(report) {}

  // Runs the manifest at `path` and, first, the ones it includes.
  void run_manifest(const std::string& path) {
    const std::string suite = suite_name(path);
    auto manifest = Manifest::load(path);
    if (!manifest) {
      report_.record(suite, "manifest", "cannot load " + manifest.error().to_string());
      return;
    }
    for (const std::string& include : manifest->includes()) run_manifest(include);
    bool any = false;
    for (const ManifestEntry& entry : manifest->entries()) {
      any |= run_entry(suite, *manifest, entry);
    }
    if (any) report_.print_suite(suite);
  }

 private:
  // `sparql11/aggregates` for <root>/sparql/sparql11/aggregates/manifest.ttl.
  std::string suite_name(const std::string& path) const {
    std::string name = path;
    const auto root = name.rfind("/sparql/");
    if (root != std::string::npos) name.erase(0, root + 8);
    const auto slash = name.rfind('/');
    return slash == std::string::npos ? name : name.substr(0, slash);
  }

  bool run_entry(const std::string& suite, const Manifest& manifest, const ManifestEntry& entry) {
    const auto [expect, update] = expectation(entry.type);
    if (expect == Expect::Skip) return false;
    const std::string action_iri = entry.action.value();
    if (!filter_.empty() && (suite + "/" + entry.name).find(filter_) == std::string::npos) {
      return false;
    }
    const std::string path = manifest.local_path(action_iri);
    std::string text;
    if (path.empty() || !read_file(path, text)) {
      report_.record(suite, entry.name, "cannot read the request " + action_iri);
      return true;
    }
    sparql::ParseOptions options;
    options.base_iri = action_iri;
    Status parsed;
    if (update) {
      if (auto u = sparql::parse_update(text, options); !u) parsed = u.error();
    } else {
      if (auto q = sparql::parse_query(text, options); !q) parsed = q.error();
    }
    if (expect == Expect::Parse) {
      report_.record(suite, entry.name,
                     parsed ? Failure()
                            : Failure("parse failed: " +
                                      sparql::format_parse_error(text, parsed.error(), path)));
    } else {
      report_.record(suite, entry.name, parsed ? Failure("parsed but must fail") : Failure());
    }
    return true;
  }

  std::string root_;
  std::string filter_;
  Report& report_;
};

bool is_directory(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

int run(int argc, char** argv) {
  bool verbose = false;
  std::string filter;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "-v" || arg == "--verbose") {
      verbose = true;
    } else if (arg == "-h" || arg == "--help") {
      std::printf("usage: w3c_sparql_syntax [-v] [FILTER]\n");
      return 0;
    } else {
      filter = arg;
    }
  }
  const std::string root = suites_root();
  if (!is_directory(root + "/sparql/sparql11")) {
    std::printf("W3C test suites not found at %s (set QUIVER_W3C_DIR); skipping\n", root.c_str());
    return 77;
  }
  Report report(sparql_syntax_known_failures());
  report.set_verbose(verbose);
  SyntaxRunner runner(root, filter, report);
  for (std::string_view manifest : kManifests) {
    runner.run_manifest(root + "/sparql/" + std::string(manifest));
  }
  if (filter.empty()) report.check_known_failures_used();
  return report.finish();
}

}  // namespace
}  // namespace quiver::w3c

int main(int argc, char** argv) { return quiver::w3c::run(argc, argv); }
