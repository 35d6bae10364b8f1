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

Status write_results(const QueryResult& result, ResultFormat format, io::Output& out,
                     const ResultWriteOptions& options) {
  if (result.form == QueryForm::Construct || result.form == QueryForm::Describe)
    return error("a CONSTRUCT or DESCRIBE result is a graph: write it with an RDF format");
  switch (format) {
    case ResultFormat::Json:
      return detail::write_json(result, out);
    case ResultFormat::Xml:
      return detail::write_xml(result, out);
    case ResultFormat::Csv:
      return detail::write_csv(result, out);
    case ResultFormat::Tsv:
      return detail::write_tsv(result, out);
    case ResultFormat::Table:
      return detail::write_table(result, out, options);
  }
  return error("unknown result format");
}

Status write_graph(const QueryResult& result, io::Format format, io::Output& out,
                   const PrefixList& prefixes) {
  if (result.form != QueryForm::Construct && result.form != QueryForm::Describe)
    return error("only a CONSTRUCT or DESCRIBE result is a graph");
  io::WriteOptions options;
  options.format = format;
  options.prefixes = prefixes;
  auto writer = io::make_writer(options, out);
  for (const Triple& t : result.triples) {
    if (Status st =
            writer->on_quad(QuadRef{t.subject.ref(), t.predicate.ref(), t.object.ref(), TermRef{}});
        !st) {
      return st;
    }
  }
  return writer->finish();
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
