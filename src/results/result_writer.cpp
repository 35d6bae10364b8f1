#include "results/result_writer.hpp"

#include "io/writer.hpp"
#include "results/writers_internal.hpp"

namespace quiver::results {
namespace {

Error error(std::string message) {
  Error e;
  e.message = std::move(message);
  return e;
}

}  // namespace

Status write_results(ResultStream& result, ResultFormat format, io::Output& out,
                     const ResultWriteOptions& options) {
  if (is_graph_form(result.form())) {
    return error("a CONSTRUCT or DESCRIBE result is a graph: write it with an RDF format");
  }
  Status st;
  switch (format) {
    case ResultFormat::Json:
      st = detail::write_json(result, out);
      break;
    case ResultFormat::Xml:
      st = detail::write_xml(result, out);
      break;
    case ResultFormat::Csv:
      st = detail::write_csv(result, out);
      break;
    case ResultFormat::Tsv:
      st = detail::write_tsv(result, out);
      break;
    case ResultFormat::Table:
      st = detail::write_table(result, out, options);
      break;
  }
  if (st.ok() && result.error()) return *result.error();
  return st;
}

Status write_results(const QueryResult& result, ResultFormat format, io::Output& out,
                     const ResultWriteOptions& options) {
  return write_results(*stream_of(result), format, out, options);
}

Status write_graph(ResultStream& result, io::Format format, io::Output& out,
                   const PrefixList& prefixes) {
  if (!is_graph_form(result.form())) return error("only a CONSTRUCT or DESCRIBE result is a graph");
  io::WriteOptions options;
  options.format = format;
  options.prefixes = prefixes;
  auto writer = io::make_writer(options, out);
  TripleView t;
  while (result.next(t)) {
    if (Status st = writer->on_quad(QuadRef{t[0], t[1], t[2], TermRef{}}); !st) return st;
  }
  if (result.error()) return *result.error();
  return writer->finish();
}

Status write_graph(const QueryResult& result, io::Format format, io::Output& out,
                   const PrefixList& prefixes) {
  return write_graph(*stream_of(result), format, out, prefixes);
}

Expected<std::string> results_to_string(const QueryResult& result, ResultFormat format,
                                        const ResultWriteOptions& options) {
  std::string text;
  {
    auto out = io::Output::to_string(&text);
    Status status = write_results(result, format, *out, options);
    if (!status) return status.error();
    status = out->commit();
    if (!status) return status.error();
  }
  return text;
}

}  // namespace quiver::results
