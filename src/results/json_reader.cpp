// Reads the SPARQL 1.1 Query Results JSON Format with nlohmann::json, and
// SPARQL 1.2's triple terms and base directions ("its:dir").

#include <nlohmann/json.hpp>
#include <string>
#include <unordered_map>

#include "results/readers_internal.hpp"
#include "terms/term_reader.hpp"
#include "terms/triple_term.hpp"

namespace quiver::results::detail {
namespace {

using nlohmann::json;

Error at_byte(std::string_view text, std::size_t byte, std::string message) {
  std::uint64_t line = 1, column = 1;
  for (std::size_t i = 0; i < byte && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return read_error(std::move(message), line, column);
}

const std::string* string_member(const json& object, const char* key) {
  const auto it = object.find(key);
  if (it == object.end() || !it->is_string()) return nullptr;
  return it->get_ptr<const std::string*>();
}

Expected<Term> read_term(const json& cell, const std::string& variable, int depth = 0) {
  const std::string where = "binding of `" + variable + "`: ";
  if (!cell.is_object()) return read_error(where + "a term must be a JSON object");
  const std::string* type = string_member(cell, "type");
  if (type == nullptr) return read_error(where + "missing \"type\"");
  if (*type == "triple") {
    const auto parts = cell.find("value");
    if (parts == cell.end() || !parts->is_object()) {
      return read_error(where + "a triple's \"value\" must be an object");
    }
    if (depth >= kMaxTripleTermDepth) return read_error(where + "triple terms nested too deep");
    Term terms[3];
    const char* names[3] = {"subject", "predicate", "object"};
    for (int i = 0; i < 3; ++i) {
      const auto part = parts->find(names[i]);
      if (part == parts->end()) return read_error(where + "a triple without \"" + names[i] + "\"");
      auto term = read_term(*part, variable, depth + 1);
      if (!term) return term.error();
      terms[i] = std::move(*term);
    }
    if (!(terms[0].is_iri() || terms[0].is_blank()) || !terms[1].is_iri()) {
      return read_error(where +
                        "a triple's subject must be an IRI or a blank node, its "
                        "predicate an IRI");
    }
    return Term::triple(terms[0].ref(), terms[1].ref(), terms[2].ref());
  }
  const std::string* value = string_member(cell, "value");
  if (value == nullptr) return read_error(where + "missing string \"value\"");
  if (*type == "uri") return Term::iri(*value);
  if (*type == "bnode") return Term::blank(*value);
  if (*type != "literal" && *type != "typed-literal")
    return read_error(where + "unknown term type \"" + *type + "\"");
  const std::string* lang = string_member(cell, "xml:lang");
  // A remote answer is input like any other: a tag must be a tag.
  if (lang != nullptr && !is_language_tag(*lang)) {
    return read_error(where + "\"" + *lang + "\" is not a language tag");
  }
  std::string language = lang != nullptr ? *lang : std::string();
  if (const std::string* dir = string_member(cell, "its:dir")) {
    if (lang == nullptr || (*dir != "ltr" && *dir != "rtl")) {
      return read_error(where + "\"its:dir\" must be ltr or rtl, beside an \"xml:lang\"");
    }
    language += "--" + *dir;
  }
  const std::string* datatype = string_member(cell, "datatype");
  return Term::literal(*value, datatype != nullptr ? *datatype : std::string(), language);
}

Expected<QueryResult> read_select(const json& root) {
  QueryResult result;
  std::unordered_map<std::string, std::size_t> column;
  const auto head = root.find("head");
  if (head != root.end() && head->is_object()) {
    const auto vars = head->find("vars");
    if (vars != head->end()) {
      if (!vars->is_array()) return read_error("\"head.vars\" must be an array");
      for (const json& v : *vars) {
        if (!v.is_string()) return read_error("\"head.vars\" must hold strings");
        column.emplace(v.get<std::string>(), result.variables.size());
        result.variables.push_back(v.get<std::string>());
      }
    }
  }
  const auto results = root.find("results");
  if (results == root.end() || !results->is_object())
    return read_error("neither \"results\" nor \"boolean\" found");
  const auto bindings = results->find("bindings");
  if (bindings == results->end() || !bindings->is_array())
    return read_error("\"results.bindings\" must be an array");
  for (const json& row : *bindings) {
    if (!row.is_object()) return read_error("each binding set must be a JSON object");
    Solution solution(result.variables.size());
    for (const auto& [name, cell] : row.items()) {
      auto [it, added] = column.emplace(name, result.variables.size());
      if (added) {
        // Tolerate a variable missing from head.vars: give it a column.
        result.variables.push_back(name);
        for (auto& earlier : result.solutions) earlier.emplace_back();
      }
      if (solution.size() < result.variables.size()) solution.resize(result.variables.size());
      auto term = read_term(cell, name);
      if (!term) return term.error();
      solution[it->second] = std::move(*term);
    }
    result.solutions.push_back(std::move(solution));
  }
  return result;
}

// Throws nlohmann's exceptions; read_json() turns them into errors.
Expected<QueryResult> read_document(std::string_view text) {
  const json root = json::parse(text.begin(), text.end());
  if (!root.is_object()) return read_error("a JSON result must be an object");
  const auto boolean = root.find("boolean");
  if (boolean != root.end()) {
    if (!boolean->is_boolean()) return read_error("\"boolean\" must be true or false");
    QueryResult result;
    result.form = QueryForm::Ask;
    result.boolean = boolean->get<bool>();
    return result;
  }
  return read_select(root);
}

}  // namespace

Expected<QueryResult> read_json(std::string_view text) {
  // nlohmann reports through exceptions only, and not just parse errors (a
  // number out of range such as 1e999, a value of the wrong type): every
  // one of them becomes an error value here.
  try {
    return read_document(text);
  } catch (const json::parse_error& e) {
    return at_byte(text, e.byte > 0 ? e.byte - 1 : 0, "bad JSON: " + std::string(e.what()));
  } catch (const json::exception& e) {
    return read_error(std::string("bad JSON result: ") + e.what());
  }
}

}  // namespace quiver::results::detail
