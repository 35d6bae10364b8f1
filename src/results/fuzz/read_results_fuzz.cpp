// Fuzz target: the result readers (JSON, XML, CSV, TSV), what `query
// --endpoint` reads from remote stores. The first byte picks the format;
// a result read is written back in each format and must read again.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "results/result_reader.hpp"
#include "results/result_writer.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using quiver::results::ResultFormat;
  if (size == 0) return 0;
  constexpr ResultFormat kFormats[] = {ResultFormat::Json, ResultFormat::Xml, ResultFormat::Csv,
                                       ResultFormat::Tsv};
  const ResultFormat format = kFormats[data[0] % 4];
  const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  auto result = quiver::results::read_results(text, format);
  if (!result) return 0;
  for (const ResultFormat out : {ResultFormat::Json, ResultFormat::Xml, ResultFormat::Tsv}) {
    const auto written = quiver::results::results_to_string(*result, out);
    if (!written) continue;  // e.g. a control character XML 1.0 cannot hold
    if (auto back = quiver::results::read_results(*written, out); !back) {  // unreadable output
      std::fprintf(stderr, "written as format %d, read back: %s\n--- written:\n%s\n",
                   static_cast<int>(out), back.error().to_string().c_str(), written->c_str());
      std::abort();
    }
  }
  return 0;
}
