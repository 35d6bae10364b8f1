// `quiver db info DIR` and `quiver db check DIR`.

#include <cstdio>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "database/disk_store.hpp"

namespace quiver::cli {

int run_db(const std::vector<std::string>& args) {
  const CommandSpec spec = db_spec();
  po::variables_map vm;
  if (const auto done = parse_command_line(spec, args, vm)) return *done;
  const std::string action = vm.count("action") ? vm["action"].as<std::string>() : "";
  if (action != "info" && action != "check") return usage_error(spec, "say info or check");
  if (!vm.count("folder")) return usage_error(spec, "name the database folder");
  const std::string folder = vm["folder"].as<std::string>();
  auto store = database::DiskStore::open(folder, {});
  if (!store) {
    std::cerr << "quiver db: " << store.error().message << "\n";
    return kFailed;
  }
  if (action == "check") {
    if (Status st = (*store)->check(); !st) {
      std::cerr << "quiver db check: " << folder << ": " << st.error().message << "\n";
      return kFailed;
    }
    std::cout << folder << ": OK\n";
    return kOk;
  }
  const database::DatabaseInfo info = (*store)->info();
  std::printf(
      "database     %s\ngeneration   %llu\nquads        %llu\nnamed graphs %llu\nterms        "
      "%llu\nlog records  %llu\nbytes        %llu\nbytes/quad   %.1f\n",
      folder.c_str(), static_cast<unsigned long long>(info.generation),
      static_cast<unsigned long long>(info.quads), static_cast<unsigned long long>(info.graphs),
      static_cast<unsigned long long>(info.terms),
      static_cast<unsigned long long>(info.log_records),
      static_cast<unsigned long long>(info.bytes),
      info.quads ? static_cast<double>(info.bytes) / info.quads : 0.0);
  return kOk;
}

}  // namespace quiver::cli
