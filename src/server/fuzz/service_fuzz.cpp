// Fuzz target: the HTTP service behind `quiver serve --writable`, one Call
// at a time (method, path, parameters, Accept, Content-Type, body), over a
// small store it may change. The input is split at the first four line
// ends: method and path?query, Accept, Content-Type, then the body.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "engine/engine.hpp"
#include "http/form.hpp"
#include "server/service.hpp"

namespace {

quiver::server::Service& service() {
  static quiver::engine::Engine* engine = new quiver::engine::Engine();
  static quiver::server::Service* s = [] {
    quiver::server::ServiceOptions options;
    options.timeout = std::chrono::milliseconds(500);
    options.max_rows = 10000;
    options.writable = true;
    return new quiver::server::Service(*engine, options);
  }();
  return *s;
}

std::string_view take_line(std::string_view& text) {
  const std::size_t nl = text.find('\n');
  const std::string_view line = text.substr(0, nl);
  text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
  return line;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  quiver::server::Call call;
  const std::string_view request = take_line(text);
  const std::size_t space = request.find(' ');
  call.method = std::string(request.substr(0, space));
  std::string_view target = space == std::string_view::npos ? "/" : request.substr(space + 1);
  const std::size_t q = target.find('?');
  call.path = std::string(target.substr(0, q));
  if (q != std::string_view::npos) call.params = quiver::http::form_fields(target.substr(q + 1));
  call.accept = std::string(take_line(text));
  call.content_type = std::string(take_line(text));
  call.body = std::string(text);
  (void)service().handle(call);
  return 0;
}
