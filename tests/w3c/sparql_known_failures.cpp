#include "sparql_known_failures.hpp"

namespace quiver::w3c {

const std::vector<KnownFailure>& sparql_syntax_known_failures() {
  // Only tests that cannot pass by design belong here, never parser bugs
  // waiting to be fixed.
  static const std::vector<KnownFailure> list = {};
  return list;
}

}  // namespace quiver::w3c
