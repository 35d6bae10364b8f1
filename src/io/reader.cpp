#include "io/reader.hpp"

#include <unistd.h>

#include <climits>
#include <cstdlib>

#include "io/byte_source.hpp"
#include "io/ntriples_reader.hpp"
#include "io/raptor_reader.hpp"
#include "io/serd_reader.hpp"
#include "io/turtle_reader.hpp"
#include "util/ascii.hpp"

namespace quiver::io {
namespace {

ReadResult read_source(ByteSource& source, const std::string& name, const ReadOptions& options,
                       QuadSink& sink) {
  if (!format_is_readable(options.format)) {
    ReadResult result;
    result.add_error(Error{SourceLocation{name, 0, 0},
                           std::string(format_name(options.format)) + " is an output-only format"});
    if (options.on_error) options.on_error(result.errors.back());
    return result;
  }
  if (options.format == Format::RdfXml) return read_with_raptor(source, name, options, sink);
  if (is_line_based(options.format)) return read_ntriples(source, name, options, sink);
  return read_turtle(source, name, options, sink);
}

void percent_encode_path(std::string& out, std::string_view path) {
  for (const char ch : path) {
    const auto c = static_cast<unsigned char>(ch);
    const bool plain = is_alnum(ch) || c == '/' || c == '-' || c == '.' || c == '_' || c == '~' ||
                       c == ':' || c == '@' || c == '!' || c == '$' || c == '&' || c == '\'' ||
                       c == '(' || c == ')' || c == '*' || c == '+' || c == ',' || c == ';' ||
                       c == '=';
    if (plain) {
      out += ch;
    } else {
      out += '%';
      out += hex_digit(c >> 4);
      out += hex_digit(c);
    }
  }
}

}  // namespace

std::string file_iri(const std::string& path) {
  std::string absolute = path;
  if (path.empty() || path[0] != '/') {
    char cwd[PATH_MAX];
    if (::getcwd(cwd, sizeof cwd) != nullptr) absolute = std::string(cwd) + "/" + path;
  }
  std::string out = "file://";
  percent_encode_path(out, absolute);
  return out;
}

ReadResult read_file(const std::string& path, const ReadOptions& options, QuadSink& sink) {
  auto source = open_byte_source(path);
  if (!source) {
    ReadResult result;
    result.add_error(source.error());
    if (options.on_error) options.on_error(source.error());
    return result;
  }
  const std::string name = path == "-" ? "<stdin>" : path;
  if (options.base_iri.empty() && path != "-") {
    ReadOptions with_base = options;
    with_base.base_iri = file_iri(path);
    return read_source(**source, name, with_base, sink);
  }
  return read_source(**source, name, options, sink);
}

ReadResult read_string(std::string_view text, std::string_view name, const ReadOptions& options,
                       QuadSink& sink) {
  if (is_line_based(options.format)) return read_ntriples(text, std::string(name), options, sink);
  if (options.format == Format::Turtle || options.format == Format::TriG) {
    return read_turtle(text, std::string(name), options, sink);
  }
  auto source = string_byte_source(text);
  return read_source(*source, std::string(name), options, sink);
}

}  // namespace quiver::io
