#include "cli/memory_limit.hpp"

#include <sys/resource.h>

#include <cerrno>
#include <cstring>

namespace quiver::cli {
namespace {

std::uint64_t limit = 0;

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif

}  // namespace

std::optional<std::string> limit_memory(std::uint64_t bytes) {
  if (kSanitized) return "--max-memory is not available in a sanitizer build";
  rlimit r{};
  if (::getrlimit(RLIMIT_DATA, &r) != 0) return std::string("getrlimit: ") + std::strerror(errno);
  // Never above a hard limit set from outside (it could not be raised back).
  r.rlim_cur = r.rlim_max == RLIM_INFINITY ? bytes : std::min<rlim_t>(bytes, r.rlim_max);
  if (::setrlimit(RLIMIT_DATA, &r) != 0) return std::string("setrlimit: ") + std::strerror(errno);
  limit = r.rlim_cur;
  return std::nullopt;
}

std::uint64_t memory_limit() { return limit; }

}  // namespace quiver::cli
