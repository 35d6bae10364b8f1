// `quiver serve`: load the data, bind, serve until SIGINT or SIGTERM.
// The signals are taken by a thread of their own (sigwait), so stopping the
// server never runs inside a signal handler.

#include <malloc.h>
#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <iostream>
#include <thread>

#include "cli/commands.hpp"
#include "cli/data_options.hpp"
#include "cli/memory_limit.hpp"
#include "cli/options.hpp"
#include "cli/web_loader.hpp"
#include "engine/engine.hpp"
#include "remote/service_client.hpp"
#include "server/http_server.hpp"
#include "server/service.hpp"

namespace quiver::cli {
int run_serve(const std::vector<std::string>& args) {
  const CommandSpec spec = serve_spec();
  po::variables_map vm;
  if (const auto done = parse_command_line(spec, args, vm)) return *done;
  const auto usage = [&spec](const std::string& message) { return usage_error(spec, message); };
  // A query's hash tables and row buffers take megabytes and are freed
  // when it ends: with glibc's defaults they went back to the system and
  // the next query faulted fresh zeroed pages in again. Freed memory now
  // stays for reuse, up to 64 MiB at the top of each heap.
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  mallopt(M_TRIM_THRESHOLD, 64 << 20);
  server::ServiceOptions service_options;
  const double timeout = vm["timeout"].as<double>();
  if (!(timeout > 0)) return usage("--timeout wants a positive number of seconds");
  service_options.timeout =
      std::chrono::milliseconds(static_cast<std::int64_t>(std::min(timeout, 1e8) * 1000));
  if (vm.count("max-memory")) {
    if (const auto why = limit_memory(vm["max-memory"].as<ByteSize>().value)) {
      return usage(*why);
    }
  }
  service_options.max_rows = vm["max-rows"].as<Count>().value;
  service_options.max_concurrent = vm["max-concurrent"].as<int>();
  if (service_options.max_concurrent < 1) return usage("--max-concurrent wants 1 or more");
  service_options.writable = vm.count("writable") > 0;
  service_options.union_default_graph = vm.count("union-default-graph") > 0;
  service_options.optimize = vm.count("no-optimize") == 0;
  const remote::HttpServiceClient federation;
  if (vm.count("allow-service")) service_options.service = &federation;
  if (vm.count("allow-load")) {
    if (!service_options.writable) return usage("--allow-load goes with --writable");
    service_options.load = web_loader(service_options.timeout);
  }
  server::HttpOptions http_options;
  http_options.bind = vm["bind"].as<std::string>();
  http_options.port = vm["port"].as<int>();
  if (http_options.port < 0 || http_options.port > 65535) return usage("--port is 0 to 65535");
  http_options.threads = vm["threads"].as<int>();
  if (http_options.threads < 1) return usage("--threads wants 1 or more");
  http_options.max_request_bytes = vm["max-request-bytes"].as<ByteSize>().value;
  http_options.max_connections = vm["max-connections"].as<int>();
  if (http_options.max_connections < 1) return usage("--max-connections wants 1 or more");
  const double client_timeout = vm["client-timeout"].as<double>();
  if (!(client_timeout > 0)) return usage("--client-timeout wants a positive number of seconds");
  http_options.client_timeout =
      std::chrono::milliseconds(static_cast<std::int64_t>(std::min(client_timeout, 1e8) * 1000));
  // A server on loopback answers only to its own names, unless told more;
  // one on other interfaces to any name, unless told which.
  if (vm.count("allow-host")) {
    for (const auto& h : vm["allow-host"].as<std::vector<std::string>>()) {
      service_options.allowed_hosts.push_back(server::host_name(h));
    }
  }
  const std::string& bind = http_options.bind;
  if (bind == "localhost" || bind == "::1" || bind.rfind("127.", 0) == 0) {
    for (const char* own : {"localhost", "127.0.0.1", "[::1]"}) {
      service_options.allowed_hosts.emplace_back(own);
    }
    if (bind != "localhost" && bind != "::1") service_options.allowed_hosts.push_back(bind);
  }

  // Block the signals before any thread starts, so every thread inherits the mask.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  bool misuse = false;
  const auto opened = open_engine("serve", vm, service_options.writable, misuse);
  if (!opened) return misuse ? kUsage : kFailed;
  engine::Engine& engine = *opened;
  engine.store().prepare();
  server::Service service(engine, service_options);
  server::HttpServer http(service, http_options);
  auto port = http.bind();
  if (!port) {
    std::cerr << "quiver serve: " << port.error().message << "\n";
    return kFailed;
  }
  std::thread waiter([&http, &service, signals] {
    int signal = 0;
    sigwait(&signals, &signal);
    service.shut_down();
    http.stop();
  });
  std::cerr << "quiver serve: listening on http://" << http_options.bind << ":" << *port << "/ ("
            << engine.store().snapshot()->size() << " quads"
            << (service_options.writable ? ", writable" : "") << ")" << std::endl;
  const bool listened = http.run();
  // run() also returns when listening fails; wake the waiter either way.
  pthread_kill(waiter.native_handle(), SIGTERM);
  waiter.join();
  if (!listened) {
    std::cerr << "quiver serve: the server stopped listening on its own (socket error)"
              << std::endl;
    return kFailed;
  }
  std::cerr << "quiver serve: stopped" << std::endl;
  return kOk;
}

}  // namespace quiver::cli
