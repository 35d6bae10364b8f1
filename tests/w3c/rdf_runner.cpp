// w3c_rdf: runs the W3C RDF 1.1 syntax test suites (N-Triples, N-Quads,
// Turtle, TriG, RDF/XML) and those of RDF 1.2 that Quiver reads against
// Quiver's readers, every Turtle and TriG evaluation test a second time
// through the writers (the "roundtrip" tally), and the canonical N-Triples
// and N-Quads tests (C14N) byte for byte through the writers.
//
// Usage: w3c_rdf [-v] [FILTER]   FILTER keeps tests whose `suite/name`
// contains it; -v prints passing tests too. Exit code 0 when nothing
// failed, 1 otherwise, 77 when the suites are not there (CTest: skipped).

#include <sys/stat.h>

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "io/format.hpp"
#include "io/output.hpp"
#include "io/reader.hpp"
#include "io/writer.hpp"
#include "known_failures.hpp"
#include "manifest.hpp"
#include "report.hpp"
#include "support/isomorphism.hpp"

namespace quiver::w3c {
namespace {

using io::Format;

enum class Kind { PositiveSyntax, NegativeSyntax, Eval, NegativeEval, C14N };

struct TestType {
  std::string_view name;  // local name in the rdft: namespace
  Kind kind;
  Format format;
};

constexpr TestType kTestTypes[] = {
    {"TestNTriplesPositiveSyntax", Kind::PositiveSyntax, Format::NTriples},
    {"TestNTriplesNegativeSyntax", Kind::NegativeSyntax, Format::NTriples},
    {"TestNQuadsPositiveSyntax", Kind::PositiveSyntax, Format::NQuads},
    {"TestNQuadsNegativeSyntax", Kind::NegativeSyntax, Format::NQuads},
    {"TestNTriplesPositiveC14N", Kind::C14N, Format::NTriples},
    {"TestNQuadsPositiveC14N", Kind::C14N, Format::NQuads},
    {"TestTurtlePositiveSyntax", Kind::PositiveSyntax, Format::Turtle},
    {"TestTurtleNegativeSyntax", Kind::NegativeSyntax, Format::Turtle},
    {"TestTurtleEval", Kind::Eval, Format::Turtle},
    {"TestTurtleNegativeEval", Kind::NegativeEval, Format::Turtle},
    {"TestTrigPositiveSyntax", Kind::PositiveSyntax, Format::TriG},
    {"TestTrigNegativeSyntax", Kind::NegativeSyntax, Format::TriG},
    {"TestTrigEval", Kind::Eval, Format::TriG},
    {"TestTrigNegativeEval", Kind::NegativeEval, Format::TriG},
    {"TestXMLEval", Kind::Eval, Format::RdfXml},
    {"TestXMLNegativeSyntax", Kind::NegativeSyntax, Format::RdfXml},
};

struct Suite {
  std::string_view name;  // in reports and known-failure keys
  std::string_view path;  // of its manifest's folder, under rdf/
};

// The RDF 1.2 manifests include the 1.1 ones, run on their own above.
constexpr Suite kSuites[] = {
    {"rdf-n-triples", "rdf11/rdf-n-triples"},
    {"rdf-n-quads", "rdf11/rdf-n-quads"},
    {"rdf-turtle", "rdf11/rdf-turtle"},
    {"rdf-trig", "rdf11/rdf-trig"},
    {"rdf-xml", "rdf11/rdf-xml"},
    {"rdf12-n-triples-syntax", "rdf12/rdf-n-triples/syntax"},
    {"rdf12-n-triples-c14n", "rdf12/rdf-n-triples/c14n"},
    {"rdf12-n-quads-syntax", "rdf12/rdf-n-quads/syntax"},
    {"rdf12-n-quads-c14n", "rdf12/rdf-n-quads/c14n"},
    {"rdf12-turtle-syntax", "rdf12/rdf-turtle/syntax"},
    {"rdf12-turtle-eval", "rdf12/rdf-turtle/eval"},
    {"rdf12-trig-syntax", "rdf12/rdf-trig/syntax"},
    {"rdf12-trig-eval", "rdf12/rdf-trig/eval"},
};
constexpr std::string_view kRoundtrip = "roundtrip";

const TestType* find_type(std::string_view iri) {
  if (!iri.starts_with(vocab::kRdft)) return nullptr;
  iri.remove_prefix(vocab::kRdft.size());
  for (const TestType& t : kTestTypes) {
    if (t.name == iri) return &t;
  }
  return nullptr;
}

struct Parsed {
  QuadCollector data;
  std::vector<Error> errors;
  bool ok() const { return errors.empty(); }
  std::string first_error() const { return errors.empty() ? "" : errors.front().to_string(); }
};

Parsed read_path(const std::string& path, Format format, const std::string& base) {
  Parsed p;
  io::ReadOptions options;
  options.format = format;
  options.base_iri = base;
  p.errors = io::read_file(path, options, p.data).errors;
  return p;
}

Parsed read_text(std::string_view text, std::string_view name, Format format) {
  Parsed p;
  io::ReadOptions options;
  options.format = format;
  p.errors = io::read_string(text, name, options, p.data).errors;
  return p;
}

// Line `number` (from 1) of `text`, to show where written output is bad.
std::string_view line_of(std::string_view text, std::uint64_t number) {
  for (std::uint64_t n = 1; n < number; ++n) {
    const auto newline = text.find('\n');
    if (newline == std::string_view::npos) return {};
    text.remove_prefix(newline + 1);
  }
  return text.substr(0, text.find('\n'));
}

Failure compare(const std::vector<Quad>& actual, const std::vector<Quad>& expected) {
  if (testing::are_isomorphic(actual, expected)) return std::nullopt;
  return "result not isomorphic to the expected one\n" +
         testing::isomorphism_diff(actual, expected, "actual", "expected");
}

// Writes `parsed` (prefixes included, as `quiver convert` passes them on)
// in format `via`, reads the text back and compares it with `expected`.
Failure round_trip(const Parsed& parsed, Format via, const std::vector<Quad>& expected) {
  if (!parsed.ok()) return "not run: the input did not parse";
  std::string text;
  auto out = io::Output::to_string(&text);
  io::WriteOptions options;
  options.format = via;
  auto writer = io::make_writer(options, *out);
  for (const auto& [name, iri] : parsed.data.prefixes) writer->on_prefix(name, iri);
  for (const Quad& q : parsed.data.quads) writer->on_quad(q.ref());
  if (const Status s = writer->finish(); !s) return "writer failed: " + s.error().to_string();
  if (const Status s = out->commit(); !s) return "output failed: " + s.error().to_string();

  const std::string via_name(io::format_name(via));
  const Parsed back = read_text(text, "<" + via_name + " output>", via);
  if (!back.ok()) {
    const Error& e = back.errors.front();
    return "re-reading the " + via_name + " output failed: " + e.to_string() +
           "\n  line: " + std::string(line_of(text, e.where.line));
  }
  if (testing::are_isomorphic(back.data.quads, expected)) return std::nullopt;
  if (testing::are_isomorphic(back.data.quads, parsed.data.quads)) {
    return "output faithful to the parsed graph, which differs from the expected one (reader bug)";
  }
  return "the " + via_name + " writer changed the graph\n" +
         testing::isomorphism_diff(back.data.quads, parsed.data.quads, "re-read", "parsed");
}

bool is_regular_file(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

class RdfRunner {
 public:
  RdfRunner(std::string root, std::string filter, Report& report)
      : root_(std::move(root)), filter_(std::move(filter)), report_(report) {}

  void run_suite(const Suite& s) {
    const std::string_view suite = s.name;
    const std::string path = root_ + "/rdf/" + std::string(s.path) + "/manifest.ttl";
    auto manifest = Manifest::load(path);
    if (!manifest) {
      report_.record(suite, "manifest", "cannot load " + manifest.error().to_string());
      return;
    }
    for (const ManifestEntry& entry : manifest->entries()) run_entry(suite, *manifest, entry);
  }

 private:
  bool selected(std::string_view suite, std::string_view name) const {
    return filter_.empty() ||
           (std::string(suite) + "/" + std::string(name)).find(filter_) != std::string::npos;
  }

  void run_entry(std::string_view suite, const Manifest& manifest, const ManifestEntry& entry) {
    if (!selected(suite, entry.name)) return;
    const TestType* type = find_type(entry.type);
    if (type == nullptr) {
      report_.record(suite, entry.name, "unknown test type <" + entry.type + ">");
      return;
    }
    const std::string action_iri = entry.action.value();
    const std::string action_path = manifest.local_path(action_iri);
    if (action_path.empty()) {
      report_.record(suite, entry.name, "action <" + action_iri + "> is outside the suite");
      return;
    }
    // Otherwise a negative test would pass on a missing file.
    if (!is_regular_file(action_path)) {
      report_.record(suite, entry.name, "action file " + action_path + " not found");
      return;
    }
    const Parsed actual = read_path(action_path, type->format, action_iri);
    switch (type->kind) {
      case Kind::PositiveSyntax:
        report_.record(suite, entry.name,
                       actual.ok() ? Failure() : Failure("read failed: " + actual.first_error()));
        return;
      case Kind::NegativeSyntax:
      case Kind::NegativeEval:
        report_.record(suite, entry.name,
                       actual.ok()
                           ? Failure("read succeeded (" + std::to_string(actual.data.quads.size()) +
                                     " quads) but must fail")
                           : Failure());
        return;
      case Kind::Eval:
        run_eval(suite, manifest, entry, *type, actual);
        return;
      case Kind::C14N:
        report_.record(suite, entry.name,
                       actual.ok() ? canonical(manifest, entry, type->format, actual)
                                   : Failure("read failed: " + actual.first_error()));
        return;
    }
  }

  // The writer's output must be the expected canonical text byte for byte.
  static Failure canonical(const Manifest& manifest, const ManifestEntry& entry, Format format,
                           const Parsed& actual) {
    std::string expected;
    const std::string result_path = manifest.local_path(entry.result.value());
    if (FILE* f = std::fopen(result_path.c_str(), "rb")) {
      char buf[4096];
      std::size_t n = 0;
      while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) expected.append(buf, n);
      std::fclose(f);
    } else {
      return "cannot read the expected result " + result_path;
    }
    std::string text;
    auto out = io::Output::to_string(&text);
    io::WriteOptions options;
    options.format = format;
    auto writer = io::make_writer(options, *out);
    for (const Quad& q : actual.data.quads) writer->on_quad(q.ref());
    if (const Status st = writer->finish(); !st) return "writer failed: " + st.error().to_string();
    if (const Status st = out->commit(); !st) return "output failed: " + st.error().to_string();
    if (text == expected) return std::nullopt;
    return "not the canonical form\n  written:  " + text + "  expected: " + expected;
  }

  void run_eval(std::string_view suite, const Manifest& manifest, const ManifestEntry& entry,
                const TestType& type, const Parsed& actual) {
    const std::string result_iri = entry.result.value();
    const std::string result_path = manifest.local_path(result_iri);
    const Format result_format = io::format_from_path(result_path).value_or(Format::NQuads);
    const Parsed expected = read_path(result_path, result_format, result_iri);
    if (!expected.ok()) {
      report_.record(suite, entry.name,
                     "cannot read the expected result: " + expected.first_error());
      return;
    }
    report_.record(suite, entry.name,
                   actual.ok() ? compare(actual.data.quads, expected.data.quads)
                               : Failure("read failed: " + actual.first_error()));

    const std::string prefix = std::string(suite) + "/" + entry.name;
    if (type.format == Format::Turtle) {
      report_.record(kRoundtrip, prefix + " [roundtrip]",
                     round_trip(actual, Format::Turtle, expected.data.quads));
      report_.record(kRoundtrip, prefix + " [ntriples]",
                     round_trip(actual, Format::NTriples, expected.data.quads));
    } else if (type.format == Format::TriG) {
      report_.record(kRoundtrip, prefix + " [roundtrip]",
                     round_trip(actual, Format::TriG, expected.data.quads));
    }
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
      std::printf("usage: w3c_rdf [-v] [FILTER]\n");
      return 0;
    } else {
      filter = arg;
    }
  }
  const std::string root = suites_root();
  if (!is_directory(root + "/rdf/rdf11") || !is_directory(root + "/rdf/rdf12")) {
    std::printf("W3C test suites not found at %s (set QUIVER_W3C_DIR); skipping\n", root.c_str());
    return 77;
  }
  Report report(rdf_known_failures());
  report.set_verbose(verbose);
  RdfRunner runner(root, filter, report);
  for (const Suite& suite : kSuites) {
    runner.run_suite(suite);
    report.print_suite(suite.name);
  }
  report.print_suite(kRoundtrip);
  if (filter.empty()) report.check_known_failures_used();
  return report.finish();
}

}  // namespace
}  // namespace quiver::w3c

int main(int argc, char** argv) { return quiver::w3c::run(argc, argv); }
