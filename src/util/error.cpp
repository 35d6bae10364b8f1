#include "util/error.hpp"

namespace quiver {

std::string_view error_kind_name(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::Invalid:
      return "invalid";
    case ErrorKind::Syntax:
      return "syntax";
    case ErrorKind::Io:
      return "io";
    case ErrorKind::Timeout:
      return "timeout";
    case ErrorKind::Cancelled:
      return "cancelled";
    case ErrorKind::Auth:
      return "auth";
    case ErrorKind::Http:
      return "http";
    case ErrorKind::Limit:
      return "limit";
    case ErrorKind::NotFound:
      return "not found";
    case ErrorKind::Unsupported:
      return "unsupported";
    case ErrorKind::Conflict:
      return "conflict";
    case ErrorKind::Corrupt:
      return "corrupt";
    case ErrorKind::Internal:
      return "internal";
  }
  return "invalid";
}

std::string Error::to_string() const {
  std::string out;
  if (!where.file.empty()) {
    out += where.file;
    if (where.line > 0) {
      out += ':' + std::to_string(where.line);
      if (where.column > 0) out += ':' + std::to_string(where.column);
    }
    out += ": ";
  }
  out += "error: ";
  out += message;
  return out;
}

}  // namespace quiver
