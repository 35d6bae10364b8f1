#pragma once
// One function per result format, dispatched to by result_writer.cpp. Each
// expects a SELECT or ASK result.

#include "io/output.hpp"
#include "results/result_writer.hpp"
#include "solutions/query_result.hpp"
#include "util/expected.hpp"

namespace quiver::results::detail {

Status write_json(const QueryResult& result, io::Output& out);
Status write_xml(const QueryResult& result, io::Output& out);
Status write_csv(const QueryResult& result, io::Output& out);
Status write_tsv(const QueryResult& result, io::Output& out);
Status write_table(const QueryResult& result, io::Output& out,
                   const ResultWriteOptions& options);

}  // namespace quiver::results::detail
