// Reads the SPARQL 1.1 CSV and TSV result formats. TSV cells are whole
// Turtle terms; CSV cells are strings whose kind is guessed (see
// result_reader.hpp).

#include <string>
#include <vector>

#include "results/readers_internal.hpp"
#include "terms/iri.hpp"
#include "terms/term_reader.hpp"

namespace quiver::results::detail {
namespace {

struct CsvField {
  std::string text;
  bool quoted = false;
};
using CsvRecord = std::vector<CsvField>;

// RFC 4180 records; LF and lone CR end lines as well as CRLF.
Expected<std::vector<CsvRecord>> split_csv(std::string_view text) {
  std::vector<CsvRecord> records;
  CsvRecord record;
  CsvField field;
  std::uint64_t line = 1;
  std::size_t i = 0;
  bool pending = false;  // something of the current record has been seen
  auto end_field = [&] {
    record.push_back(std::move(field));
    field = CsvField();
  };
  while (i < text.size()) {
    const char c = text[i];
    if (c == '"' && field.text.empty() && !field.quoted) {
      field.quoted = true;
      pending = true;
      const std::uint64_t start_line = line;
      for (++i;; ++i) {
        if (i >= text.size()) return read_error("unterminated quoted field", start_line);
        if (text[i] == '"') {
          if (i + 1 < text.size() && text[i + 1] == '"') {
            field.text += '"';
            ++i;
            continue;
          }
          ++i;
          break;
        }
        if (text[i] == '\n') ++line;
        field.text += text[i];
      }
      if (i < text.size() && text[i] != ',' && text[i] != '\r' && text[i] != '\n')
        return read_error("text after a closing quote", line);
      continue;
    }
    if (c == ',') {
      end_field();
      pending = true;
      ++i;
      continue;
    }
    if (c == '\r' || c == '\n') {
      end_field();
      records.push_back(std::move(record));
      record.clear();
      pending = false;
      i += (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ? 2 : 1;
      ++line;
      continue;
    }
    if (field.quoted) return read_error("text after a closing quote", line);
    field.text += c;
    pending = true;
    ++i;
  }
  if (pending) {
    end_field();
    records.push_back(std::move(record));
  }
  return records;
}

bool is_iri_like(std::string_view s) {
  if (!has_scheme(s)) return false;
  for (char c : s) {
    if (static_cast<unsigned char>(c) <= 0x20) return false;
    if (std::string_view("<>\"{}|\\^`").find(c) != std::string_view::npos) return false;
  }
  return true;
}

std::optional<Term> guess_csv_term(const CsvField& field) {
  if (field.text.empty()) {
    if (field.quoted) return Term::literal("");
    return std::nullopt;
  }
  if (field.text.size() > 2 && field.text.starts_with("_:"))
    return Term::blank(std::string_view(field.text).substr(2));
  if (is_iri_like(field.text)) return Term::iri(field.text);
  return Term::literal(field.text);
}

bool ask_answer(std::string_view line, QueryResult& result) {
  if (line != "true" && line != "false") return false;
  result.form = QueryForm::Ask;
  result.boolean = line == "true";
  return true;
}

// Splits on `separator`, keeping empty pieces.
std::vector<std::string_view> split(std::string_view s, char separator) {
  std::vector<std::string_view> pieces;
  std::size_t start = 0;
  for (;;) {
    const std::size_t end = s.find(separator, start);
    pieces.push_back(s.substr(start, end == std::string_view::npos ? s.npos : end - start));
    if (end == std::string_view::npos) return pieces;
    start = end + 1;
  }
}

}  // namespace

Expected<QueryResult> read_csv(std::string_view text) {
  auto records = split_csv(text);
  if (!records) return records.error();
  QueryResult result;
  if (records->empty()) return read_error("empty CSV: no header line");
  const CsvRecord& header = records->front();
  if (records->size() == 1 && header.size() == 1 && !header[0].quoted &&
      ask_answer(header[0].text, result))
    return result;
  for (const CsvField& f : header) result.variables.push_back(f.text);
  if (result.variables.size() == 1 && result.variables[0].empty()) result.variables.clear();
  for (std::size_t r = 1; r < records->size(); ++r) {
    const CsvRecord& record = (*records)[r];
    Solution solution;
    if (!(result.variables.empty() && record.size() == 1 && record[0].text.empty())) {
      if (record.size() != result.variables.size())
        return read_error("row has " + std::to_string(record.size()) + " fields, header has " +
                          std::to_string(result.variables.size()));
      for (const CsvField& f : record) solution.push_back(guess_csv_term(f));
    }
    result.solutions.push_back(std::move(solution));
  }
  return result;
}

Expected<QueryResult> read_tsv(std::string_view text) {
  if (text.ends_with('\n')) text.remove_suffix(1);
  std::vector<std::string_view> lines = split(text, '\n');
  for (auto& line : lines) {
    if (line.ends_with('\r')) line.remove_suffix(1);
  }
  QueryResult result;
  if (lines.size() == 1 && ask_answer(lines[0], result)) return result;
  if (!lines[0].empty()) {
    for (std::string_view name : split(lines[0], '\t')) {
      if (name.size() < 2 || (name[0] != '?' && name[0] != '$'))
        return read_error("header field `" + std::string(name) + "` is not a variable", 1);
      result.variables.emplace_back(name.substr(1));
    }
  }
  for (std::size_t l = 1; l < lines.size(); ++l) {
    Solution solution;
    if (!(result.variables.empty() && lines[l].empty())) {
      const auto cells = split(lines[l], '\t');
      if (cells.size() != result.variables.size())
        return read_error("row has " + std::to_string(cells.size()) + " fields, header has " +
                              std::to_string(result.variables.size()),
                          l + 1);
      for (std::string_view cell : cells) {
        if (cell.empty()) {
          solution.emplace_back();
          continue;
        }
        auto term = parse_turtle_term(cell);
        if (!term) return read_error(term.error().message, l + 1);
        solution.emplace_back(std::move(*term));
      }
    }
    result.solutions.push_back(std::move(solution));
  }
  return result;
}

}  // namespace quiver::results::detail
