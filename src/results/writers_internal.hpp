#pragma once
// One function per result format, dispatched to by result_writer.cpp. Each
// reads a SELECT or ASK result from its stream as it writes.

#include "io/output.hpp"
#include "results/result_writer.hpp"
#include "solutions/result_stream.hpp"
#include "util/expected.hpp"

namespace quiver::results::detail {

Status write_json(ResultStream& result, io::Output& out);
Status write_xml(ResultStream& result, io::Output& out);
Status write_csv(ResultStream& result, io::Output& out);
Status write_tsv(ResultStream& result, io::Output& out);
Status write_table(ResultStream& result, io::Output& out, const ResultWriteOptions& options);

}  // namespace quiver::results::detail
