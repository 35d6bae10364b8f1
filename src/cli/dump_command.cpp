// `quiver dump --db DIR`: a database (or one graph of it) as RDF; also what
// `quiver convert --db` runs.

#include <array>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/database_writer.hpp"
#include "cli/options.hpp"
#include "database/disk_store.hpp"
#include "io/output.hpp"
#include "io/writer.hpp"

namespace quiver::cli {

int run_dump(const std::vector<std::string>& args) {
  const CommandSpec spec = dump_spec();
  po::variables_map vm;
  if (const auto done = parse_command_line(spec, args, vm)) return *done;
  if (!vm.count("db")) return usage_error(spec, "--db DIR is required");
  io::Format format = io::Format::NQuads;
  if (vm.count("to")) {
    auto f = parse_format_option("dump", vm["to"].as<std::string>());
    if (!f) return kUsage;
    format = *f;
  } else if (vm.count("output")) {
    if (auto f = io::format_from_path(vm["output"].as<std::string>())) format = *f;
  }
  io::WriteOptions options;
  options.format = format;
  std::optional<std::string> graph;
  if (vm.count("graph")) graph = vm["graph"].as<std::string>();
  return write_database("dump", vm["db"].as<std::string>(), graph, options,
                        vm.count("output") ? vm["output"].as<std::string>() : "-");
}

int write_database(const std::string& command, const std::string& folder,
                   const std::optional<std::string>& graph, const io::WriteOptions& options,
                   const std::string& out_path) {
  const std::string who = "quiver " + command + ": ";
  auto store = database::DiskStore::open(folder, {});
  if (!store) {
    std::cerr << who << store.error().message << "\n";
    return kFailed;
  }
  const auto snapshot = (*store)->snapshot();
  QuadIds pattern{kAnyTerm, kAnyTerm, kAnyTerm, kAnyTerm};
  const bool one_graph = graph.has_value();
  if (one_graph) {
    pattern.graph =
        *graph == "default" ? kDefaultGraph : snapshot->find_id(Term::iri(*graph).ref());
    if (pattern.graph == kAnyTerm || !snapshot->has_graph(pattern.graph)) {
      std::cerr << who << "the database has no graph <" << *graph << ">\n";
      return kFailed;
    }
  } else if (!io::format_has_graphs(options.format) && !snapshot->graph_names().empty()) {
    std::cerr << who << "the database has named graphs, which " << io::format_name(options.format)
              << " cannot hold: use --to nquads or trig, or --graph\n";
    return kFailed;
  }
  auto out = io::Output::open(out_path);
  if (!out) {
    std::cerr << who << out.error().to_string() << "\n";
    return kFailed;
  }
  auto writer = io::make_writer(options, **out);
  Status st;
  const auto cursor = snapshot->match(pattern);
  std::array<QuadIds, 256> batch;
  while (st) {
    const std::size_t n = cursor->next(batch.data(), batch.size());
    if (n == 0) break;
    for (std::size_t i = 0; i < n && st; ++i) {
      const QuadIds& q = batch[i];
      const bool in_default = q.graph == kDefaultGraph || one_graph;
      st = writer->on_quad({snapshot->term(q.subject), snapshot->term(q.predicate),
                            snapshot->term(q.object),
                            in_default ? TermRef{} : snapshot->term(q.graph)});
    }
  }
  if (st) st = writer->finish();
  if (st) st = (*out)->commit();
  if (!st) {
    std::cerr << who << st.error().to_string() << "\n";
    return kFailed;
  }
  return kOk;
}

}  // namespace quiver::cli
