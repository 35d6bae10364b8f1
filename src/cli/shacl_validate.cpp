// `quiver validate --shapes SHAPES... [--data] DATA... [-o REPORT]`: loads
// the shapes graph and the data graph (files in memory, or a database),
// validates with src/shacl, writes the validation report in any RDF syntax
// and prints a summary grouped by shape, each focus node placed in its
// file where a search of the text finds it (validate::SourceLocator).

#include "cli/shacl_validate.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <iostream>
#include <map>
#include <memory>

#include "cli/commands.hpp"
#include "cli/data_options.hpp"
#include "engine/engine.hpp"
#include "io/output.hpp"
#include "io/reader.hpp"
#include "io/writer.hpp"
#include "shacl/shacl.hpp"
#include "shacl/vocabulary.hpp"
#include "terms/term_writer.hpp"
#include "validate/source_locator.hpp"

namespace quiver::cli {
namespace {

// Results printed per shape in the summary; the report has them all.
constexpr std::size_t kShownPerShape = 5;
// Files larger than this are not searched for the focus nodes' places.
constexpr std::uintmax_t kLocateLimit = 64u << 20;

std::vector<std::string> strings(const po::variables_map& vm, const char* key) {
  return vm.count(key) ? vm[key].as<std::vector<std::string>>() : std::vector<std::string>{};
}

int severity_rank(const Term& severity) {
  if (severity.value() == shacl::sh("Info")) return 0;
  if (severity.value() == shacl::sh("Warning")) return 1;
  return 2;  // sh:Violation, and any severity of a user's own
}

class PrefixCollector final : public io::QuadSink {
 public:
  void on_prefix(std::string_view name, std::string_view iri) override {
    prefixes.emplace_back(name, iri);
  }
  Status on_quad(const QuadRef&) override { return {}; }
  std::vector<std::pair<std::string, std::string>> prefixes;
};

// Places focus nodes in the data files, reading each file's text on first use.
class Placer {
 public:
  Placer(std::vector<std::string> files, std::optional<io::Format> format)
      : files_(std::move(files)), format_(format) {}

  std::string place(const shacl::ResultTerms& r) {
    // Without a value, no statement is at fault (a missing one, sh:closed):
    // a predicate no file has makes the locator give the focus node's first place.
    const bool statement_known = r.path.is_iri() && !r.value.is_none();
    const Term none = Term::iri("urn:x-quiver:none");
    Quad statement(r.focus, statement_known ? r.path : none, r.value.is_none() ? none : r.value);
    for (std::size_t i = 0; i < files_.size(); ++i) {
      validate::SourceLocator* locator = locator_for(i);
      if (locator == nullptr) continue;
      const SourceLocation at = locator->locate(
          statement, statement_known ? validate::Part::Object : validate::Part::Subject);
      if (at.line != 0) {
        return at.file + ":" + std::to_string(at.line) + ":" + std::to_string(at.column);
      }
    }
    return {};
  }

 private:
  validate::SourceLocator* locator_for(std::size_t i) {
    if (locators_.size() <= i) locators_.resize(files_.size());
    if (!locators_[i]) {
      struct stat st {};
      const std::string& path = files_[i];
      if (path == "-" || ::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode) ||
          static_cast<std::uintmax_t>(st.st_size) > kLocateLimit) {
        return nullptr;
      }
      auto file = std::make_unique<validate::SourceFile>();
      file->name = path;
      file->path = path;
      io::ReadOptions options;
      const auto format = format_ ? format_ : io::format_from_path(path);
      if (!format) return nullptr;
      options.format = *format;
      options.lax = true;
      PrefixCollector prefixes;
      (void)io::read_file(path, options, prefixes);
      file->prefixes = std::move(prefixes.prefixes);
      locators_[i] = std::make_unique<validate::SourceLocator>(*file);
      sources_.push_back(std::move(file));
    }
    return locators_[i].get();
  }

  std::vector<std::string> files_;
  std::optional<io::Format> format_;
  std::vector<std::unique_ptr<validate::SourceFile>> sources_;
  std::vector<std::unique_ptr<validate::SourceLocator>> locators_;
};

// Terms in the summary, with the shapes files' prefixes.
class Namer {
 public:
  explicit Namer(const PrefixList& prefixes) : map_(prefixes) {}
  std::string operator()(const Term& t) const {
    std::string out;
    append_turtle_term(out, t.ref(), &map_);
    return out;
  }

 private:
  PrefixMap map_;
};

// The shapes files' prefix declarations, and sh:, rdf: and xsd:.
PrefixList shapes_prefixes(const std::vector<std::string>& files) {
  PrefixList prefixes = {{"sh", std::string(shacl::kSh)},
                         {"rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"},
                         {"xsd", "http://www.w3.org/2001/XMLSchema#"}};
  for (const auto& path : files) {
    // Read a second time, so regular files only (a FIFO is gone by now).
    struct stat st {};
    const auto format = io::format_from_path(path);
    if (!format || ::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) continue;
    io::ReadOptions options;
    options.format = *format;
    options.lax = true;
    PrefixCollector collector;
    (void)io::read_file(path, options, collector);
    for (auto& p : collector.prefixes) {
      if (!is_pn_prefix(p.first)) continue;
      const bool known = std::any_of(prefixes.begin(), prefixes.end(),
                                     [&](const auto& q) { return q.first == p.first; });
      if (!known) prefixes.push_back(std::move(p));
    }
  }
  return prefixes;
}

// The summary on stderr: a verdict, then each shape's results.
void print_summary(const shacl::Outcome& outcome, Placer& placer, const Namer& name) {
  if (outcome.conforms) {
    std::cerr << "quiver validate: the data conforms to the shapes\n";
    return;
  }
  std::map<std::string, std::vector<const shacl::ResultTerms*>> by_shape;
  std::size_t counts[3] = {0, 0, 0};
  for (const auto& r : outcome.results) {
    // A blank property shape is known by its path.
    const std::string shape =
        r.shape.is_blank() && r.path.is_iri() ? "[ sh:path " + name(r.path) + " ]" : name(r.shape);
    by_shape[shape].push_back(&r);
    ++counts[severity_rank(r.severity)];
  }
  std::cerr << "quiver validate: does not conform: " << outcome.results.size() << " result"
            << (outcome.results.size() == 1 ? "" : "s") << " (" << counts[2] << " violation"
            << (counts[2] == 1 ? "" : "s") << ", " << counts[1] << " warning"
            << (counts[1] == 1 ? "" : "s") << ", " << counts[0] << " info) from " << by_shape.size()
            << " shape" << (by_shape.size() == 1 ? "" : "s") << "\n";
  for (const auto& [shape, results] : by_shape) {
    std::map<std::string, std::size_t> components;
    for (const auto* r : results) ++components[name(r->component)];
    std::cerr << shape << ": " << results.size() << " result" << (results.size() == 1 ? "" : "s");
    const char* separator = " (";
    for (const auto& [name, n] : components) {
      std::cerr << separator << name << " " << n;
      separator = ", ";
    }
    std::cerr << ")\n";
    for (std::size_t i = 0; i < results.size() && i < kShownPerShape; ++i) {
      const auto& r = *results[i];
      const std::string at = placer.place(r);
      std::cerr << "  " << (at.empty() ? "" : at + ": ") << name(r.severity) << " "
                << name(r.component) << " on " << name(r.focus);
      if (r.path.is_iri()) std::cerr << " " << name(r.path);
      if (!r.value.is_none()) std::cerr << " value " << name(r.value);
      if (!r.messages.empty()) std::cerr << ": " << r.messages.front().value();
      std::cerr << "\n";
    }
    if (results.size() > kShownPerShape) {
      std::cerr << "  ... and " << results.size() - kShownPerShape << " more in the report\n";
    }
  }
}

// The shapes, as loaded (files are read once: a FIFO cannot be read
// twice), into the named graph kShapesGraphIri of `data`, their blank
// nodes kept apart from the data's by a label prefix.
Status copy_shapes_graph(engine::Engine& shapes, engine::Engine& data) {
  const auto from = shapes.store().snapshot();
  auto begun = data.store().begin();
  if (!begun) return begun.error();
  Transaction& into = **begun;
  const Term graph = Term::iri(shacl::kShapesGraphIri);
  auto own = [&](TermId id) {
    const TermRef t = from->term(id);
    return t.kind == TermKind::Blank ? Term::blank("shapes-" + std::string(t.value)) : Term(t);
  };
  auto cursor = from->match({kAnyTerm, kAnyTerm, kAnyTerm, kAnyTerm});
  QuadIds batch[256];
  while (const std::size_t n = cursor->next(batch, std::size(batch))) {
    for (std::size_t i = 0; i < n; ++i) {
      const Term s = own(batch[i].subject), p = own(batch[i].predicate), o = own(batch[i].object);
      if (Status st = into.insert(QuadRef{s.ref(), p.ref(), o.ref(), graph.ref()}); !st) return st;
    }
  }
  return into.commit();
}

Status write_report(const std::vector<Quad>& report, io::Format format, const std::string& path,
                    const PrefixList& prefixes) {
  auto out = io::Output::open(path);
  if (!out) return out.error();
  io::WriteOptions options;
  options.format = format;
  options.prefixes = prefixes;
  auto writer = io::make_writer(options, **out);
  for (const Quad& q : report) {
    if (Status st = writer->on_quad(q.ref()); !st) return st;
  }
  if (Status st = writer->finish(); !st) return st;
  return (*out)->commit();
}

}  // namespace

int run_shacl_validate(const po::variables_map& vm) {
  const std::string report_name =
      vm.count("report-format") ? vm["report-format"].as<std::string>() : "turtle";
  const auto report_format = io::format_from_name(report_name);
  if (!report_format || *report_format == io::Format::Dot) {
    std::cerr << "quiver validate: '" << report_name
              << "' is not a report format (turtle, ntriples, nquads, trig, rdfxml)\n";
    return kUsage;
  }
  int fail_rank = 2;
  if (vm.count("fail-on")) {
    const std::string level = vm["fail-on"].as<std::string>();
    if (level == "info") {
      fail_rank = 0;
    } else if (level == "warning") {
      fail_rank = 1;
    } else if (level != "violation") {
      std::cerr << "quiver validate: --fail-on takes violation, warning or info\n";
      return kUsage;
    }
  }
  std::optional<io::Format> from;
  if (vm.count("from")) {
    from = parse_format_option("validate", vm["from"].as<std::string>());
    if (!from) return kUsage;
  }

  engine::Engine shapes;
  const auto shape_files = strings(vm, "shapes");
  for (const auto& path : shape_files) {
    if (auto loaded = shapes.load(path); !loaded) {
      std::cerr << loaded.error().to_string() << "\n";
      return kUsage;
    }
  }
  std::vector<std::string> data_files = strings(vm, "input");
  for (const auto& path : strings(vm, "data")) data_files.push_back(path);
  const bool union_graph = vm.count("union-default-graph") > 0;

  std::unique_ptr<engine::Engine> data;
  if (vm.count("db")) {
    if (!data_files.empty()) {
      std::cerr << "quiver validate: --db validates the database; give no data files with it\n";
      return kUsage;
    }
    bool usage = false;
    data = open_engine("validate", vm, false, usage);
    if (!data) return kUsage;
  } else {
    if (data_files.empty()) {
      std::cerr << "quiver validate: no data to validate (FILE..., --data or --db)\n";
      return kUsage;
    }
    data = std::make_unique<engine::Engine>();
    for (const auto& path : data_files) {
      if (auto loaded = data->load(path, from); !loaded) {
        std::cerr << loaded.error().to_string() << "\n";
        return kUsage;
      }
    }
  }

  shacl::Options options;
  options.union_default_graph = union_graph;
  if (vm.count("timeout")) {
    const double seconds = vm["timeout"].as<double>();
    if (!(seconds > 0) || seconds > 1e9) {
      std::cerr << "quiver validate: --timeout takes a positive number of seconds\n";
      return kUsage;
    }
    options.timeout = std::chrono::milliseconds(static_cast<std::int64_t>(seconds * 1000));
  }
  options.engine = data.get();
  // $shapesGraph: the shapes as a named graph beside the data. Not in a
  // database (validation never writes to it) nor beside a union default
  // graph, which the shapes would then join.
  if (!vm.count("db") && !union_graph && shacl::uses_shapes_graph(*shapes.store().snapshot())) {
    if (Status st = copy_shapes_graph(shapes, *data); !st) {
      std::cerr << "quiver validate: " << st.error().to_string() << "\n";
      return kUsage;
    }
    options.sparql.shapes_graph = shacl::kShapesGraphIri;
  }
  const auto data_snapshot = data->store().snapshot();
  auto outcome = shacl::validate_datasets(*shapes.store().snapshot(), *data_snapshot, options);
  if (!outcome) {
    std::cerr << "quiver validate: " << outcome.error().to_string() << "\n";
    return kUsage;
  }
  const std::string output = vm.count("output") ? vm["output"].as<std::string>() : "-";
  const PrefixList prefixes = shapes_prefixes(shape_files);
  if (Status st = write_report(outcome->report, *report_format, output, prefixes); !st) {
    std::cerr << "quiver validate: " << st.error().to_string() << "\n";
    return kUsage;
  }
  Placer placer(data_files, from);
  print_summary(*outcome, placer, Namer(prefixes));
  for (const auto& r : outcome->results) {
    if (severity_rank(r.severity) >= fail_rank) return kFailed;
  }
  return kOk;
}

}  // namespace quiver::cli
