#pragma once
// --user / --password / --auth, shared by the commands that talk to servers.

#include <optional>
#include <string>

#include "cli/options.hpp"
#include "http/client.hpp"

namespace quiver::cli {

/// What the options say about authentication.
struct CredentialsOption {
  bool valid = true;                             ///< false after a usage message was printed
  std::optional<http::Credentials> credentials;  ///< none without --user
};

/// Reads --user, --password (else $QUIVER_PASSWORD) and --auth.
CredentialsOption credentials_option(const std::string& command, const po::variables_map& vm);

}  // namespace quiver::cli
