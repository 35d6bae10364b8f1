// `quiver`: git-style dispatch to the subcommands.

#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <new>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "cli/memory_limit.hpp"
#include "cli/options.hpp"

#ifndef QUIVER_VERSION
#define QUIVER_VERSION "unknown"
#endif

namespace quiver::cli {
namespace {

void print_usage(std::ostream& os) {
  os << "Usage: quiver <command> [options]\n\n"
        "Quiver, an RDF toolkit.\n\n"
        "Commands:\n"
        "  convert    convert RDF between Turtle, TriG, N-Triples, N-Quads and RDF/XML\n"
        "  validate   check the syntax of RDF files and report every error\n"
        "  query      run a SPARQL 1.1 query over RDF files or at a remote endpoint\n"
        "  update     apply a SPARQL 1.1 Update to RDF files or at a remote endpoint\n"
        "  push       upload RDF files to a triplestore (Graph Store Protocol or Update)\n"
        "  serve      serve RDF files or a database as a SPARQL 1.1 Protocol endpoint\n"
        "  load       load RDF files into a database (a folder), creating it\n"
        "  dump       write a database's content as RDF\n"
        "  db         show what a database holds (info) or verify it (check)\n"
        "  help       show the help of a command\n\n"
        "Options:\n"
        "  -h, --help     show this help\n"
        "  -V, --version  show the version\n\n"
        "Run 'quiver help <command>' for a command's options.\n";
}

}  // namespace

bool print_command_help(const std::string& command) {
  if (command == "convert") {
    print_help(convert_spec());
  } else if (command == "validate") {
    print_help(validate_spec());
  } else if (command == "query") {
    print_help(query_spec());
  } else if (command == "update") {
    print_help(update_spec());
  } else if (command == "push") {
    print_help(push_spec());
  } else if (command == "serve") {
    print_help(serve_spec());
  } else if (command == "load") {
    print_help(load_spec());
  } else if (command == "dump") {
    print_help(dump_spec());
  } else if (command == "db") {
    print_help(db_spec());
  } else {
    return false;
  }
  return true;
}

}  // namespace quiver::cli

namespace {

int dispatch(const std::string& command, const std::vector<std::string>& args) {
  using namespace quiver::cli;
  if (command == "-h" || command == "--help") {
    print_usage(std::cout);
    return kOk;
  }
  if (command == "-V" || command == "--version") {
    std::cout << "quiver " << QUIVER_VERSION << "\n";
    return kOk;
  }
  if (command == "help") {
    if (args.empty()) {
      print_usage(std::cout);
      return kOk;
    }
    if (print_command_help(args[0])) return kOk;
    std::cerr << "quiver: no command '" << args[0] << "'\n";
    return kUsage;
  }
  if (command == "convert") return run_convert(args);
  if (command == "validate") return run_validate(args);
  if (command == "query") return run_query(args);
  if (command == "update") return run_update(args);
  if (command == "push") return run_push(args);
  if (command == "serve") return run_serve(args);
  if (command == "load") return run_load(args);
  if (command == "dump") return run_dump(args);
  if (command == "db") return run_db(args);
  std::cerr << "quiver: no command '" << command << "'\n\n";
  print_usage(std::cerr);
  return kUsage;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace quiver::cli;
  std::ios::sync_with_stdio(false);
  // Past a file size limit (RLIMIT_FSIZE), a write must fail with EFBIG and
  // be reported like a full disk, not kill the process mid-write.
  std::signal(SIGXFSZ, SIG_IGN);
  if (argc < 2) {
    print_usage(std::cerr);
    return kUsage;
  }
  int code = kFailed;
  try {
    code = dispatch(argv[1], std::vector<std::string>(argv + 2, argv + argc));
  } catch (const std::bad_alloc&) {
    // Whatever the command, running out of memory is an error message and
    // exit status 1, not an abort.
    std::cerr << "quiver: out of memory";
    if (const std::uint64_t limit = memory_limit()) {
      std::cerr << " (--max-memory " << limit << " bytes)";
    }
    std::cerr << "\n";
    // For validate, 1 says the data has problems: not knowing is 2.
    return std::string_view(argv[1]) == "validate" ? kUsage : kFailed;
  }
  // What went to standard output must have arrived (a full disk, a closed
  // pipe): a report that could not be written is not a success.
  std::cout.flush();
  if (!std::cout.good() || std::fflush(stdout) != 0 || std::ferror(stdout)) {
    std::cerr << "quiver: cannot write to standard output\n";
    return code == kOk ? kFailed : code;
  }
  return code;
}
