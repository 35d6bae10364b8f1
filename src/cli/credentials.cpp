#include "cli/credentials.hpp"

#include <cstdlib>
#include <iostream>

namespace quiver::cli {

CredentialsOption credentials_option(const std::string& command, const po::variables_map& vm) {
  CredentialsOption out;
  http::AuthScheme scheme = http::AuthScheme::Any;
  const std::string auth = vm.count("auth") ? vm["auth"].as<std::string>() : "any";
  if (auth == "basic") {
    scheme = http::AuthScheme::Basic;
  } else if (auth == "digest") {
    scheme = http::AuthScheme::Digest;
  } else if (auth != "any") {
    std::cerr << "quiver " << command << ": --auth is any, basic or digest, not '" << auth << "'\n";
    out.valid = false;
    return out;
  }
  if (!vm.count("user")) {
    if (vm.count("password")) {
      std::cerr << "quiver " << command << ": --password needs --user\n";
      out.valid = false;
    }
    return out;
  }
  http::Credentials c;
  c.user = vm["user"].as<std::string>();
  c.scheme = scheme;
  if (vm.count("password")) {
    c.password = vm["password"].as<std::string>();
  } else if (const char* env = std::getenv("QUIVER_PASSWORD")) {
    c.password = env;
  }
  out.credentials = std::move(c);
  return out;
}

}  // namespace quiver::cli
