#include "shacl/sparql_runner.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <memory>
#include <utility>

#include "engine/engine.hpp"
#include "sparql/parser.hpp"
#include "sparql/substitute.hpp"
#include "terms/term_writer.hpp"

namespace quiver::shacl {
namespace {

// The SPARQL property path syntax of `path` (for $PATH).
std::string path_syntax(const Path& path, const DataGraph& data) {
  auto joined = [&](const char* separator) {
    std::string out = "(";
    for (std::size_t i = 0; i < path.parts.size(); ++i) {
      if (i != 0) out += separator;
      out += path_syntax(path.parts[i], data);
    }
    return out + ")";
  };
  switch (path.kind) {
    case Path::Kind::Predicate:
      return Term(data.term(path.predicate)).to_ntriples();
    case Path::Kind::Inverse:
      return "^" + path_syntax(path.parts[0], data);
    case Path::Kind::Sequence:
      return joined("/");
    case Path::Kind::Alternative:
      return joined("|");
    case Path::Kind::ZeroOrMore:
      return "(" + path_syntax(path.parts[0], data) + ")*";
    case Path::Kind::OneOrMore:
      return "(" + path_syntax(path.parts[0], data) + ")+";
    case Path::Kind::ZeroOrOne:
      return "(" + path_syntax(path.parts[0], data) + ")?";
  }
  return {};
}

// The length of the IRI `<...>` at `at`, or 0 when the '<' there is the
// less-than operator (an IRI holds none of these characters).
std::size_t iri_length(const std::string& text, std::size_t at) {
  for (std::size_t i = at + 1; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '>') return i - at + 1;
    if (c == '<' || c == '"' || c == '{' || c == '}' || c == '|' || c == '^' || c == '`' ||
        c == '\\' || static_cast<unsigned char>(c) <= 0x20) {
      return 0;
    }
  }
  return 0;
}

// `text` with every `$PATH` outside strings, IRIs and comments replaced.
std::string replace_path(const std::string& text, const std::string& path) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '#') {  // a comment, to the end of the line
      const std::size_t end = std::min(text.find('\n', i), text.size());
      out.append(text, i, end - i);
      i = end - 1;
      continue;
    }
    if (c == '<') {
      if (const std::size_t n = iri_length(text, i)) {
        out.append(text, i, n);
        i += n - 1;
        continue;
      }
    }
    if (c == '"' || c == '\'') {
      // Long strings ("""...""") end at the first closing triple.
      const bool long_string = text.compare(i, 3, std::string(3, c)) == 0;
      const std::string close = long_string ? std::string(3, c) : std::string(1, c);
      std::size_t j = i + close.size();
      while (j < text.size() && text.compare(j, close.size(), close) != 0) {
        j += text[j] == '\\' ? 2 : 1;
      }
      const std::size_t end = std::min(j + close.size(), text.size());
      out.append(text, i, end - i);
      i = end - 1;
      continue;
    }
    if (c == '$' && text.compare(i, 5, "$PATH") == 0 &&
        (i + 5 == text.size() ||
         !(std::isalnum(static_cast<unsigned char>(text[i + 5])) || text[i + 5] == '_'))) {
      out += path;
      i += 4;
      continue;
    }
    out += c;
  }
  return out;
}

// The variables a query may bind itself only if they are not pre-bound.
struct Restrictions {
  std::vector<std::string> prebound;  // all of them
  std::vector<std::string> required;  // those a subquery must return
};

std::optional<std::string> check_restrictions(const sparql::OpPtr& op, const Restrictions& r,
                                              bool& top_seen);

std::optional<std::string> check_expr(const sparql::ExprPtr& e, const Restrictions& r,
                                      bool& top_seen) {
  if (!e) return std::nullopt;
  for (const auto& arg : e->args) {
    if (auto why = check_expr(arg, r, top_seen)) return why;
  }
  return e->pattern ? check_restrictions(e->pattern, r, top_seen) : std::nullopt;
}

std::optional<std::string> check_restrictions(const sparql::OpPtr& op, const Restrictions& r,
                                              bool& top_seen) {
  using sparql::OpKind;
  if (!op) return std::nullopt;
  switch (op->kind) {
    case OpKind::Minus:
      return "MINUS";
    case OpKind::Service:
      return "SERVICE";
    case OpKind::Values:
      return "VALUES";
    case OpKind::Extend:
      if (std::count(r.prebound.begin(), r.prebound.end(), op->variable) != 0) {
        return "a BIND of the pre-bound variable ?" + op->variable;
      }
      break;
    case OpKind::Project:
      if (!top_seen) {
        top_seen = true;
        break;
      }
      for (const std::string& v : r.required) {
        if (std::count(op->variables.begin(), op->variables.end(), v) == 0) {
          return "a subquery that does not return the pre-bound variable ?" + v;
        }
      }
      break;
    default:
      break;
  }
  for (const auto& b : op->aggregates) {
    if (std::count(r.prebound.begin(), r.prebound.end(), b.variable) != 0) {
      return "an aggregate bound to the pre-bound variable ?" + b.variable;
    }
  }
  for (const auto& child : op->children) {
    if (auto why = check_restrictions(child, r, top_seen)) return why;
  }
  for (const auto& e : op->exprs) {
    if (auto why = check_expr(e, r, top_seen)) return why;
  }
  return std::nullopt;
}

std::string show_value(const TermRef& t) {
  if (t.kind == TermKind::Blank) return "_:" + std::string(t.value);
  if (t.kind == TermKind::Triple) return Term(t).to_ntriples();
  return std::string(t.value);
}

// A message template with {?var} and {$var} filled in from `row`.
Term fill_message(const Term& message, const std::map<std::string, std::string>& row) {
  const std::string& text = message.value();
  if (text.find('{') == std::string::npos) return message;
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '{' && i + 2 < text.size() && (text[i + 1] == '?' || text[i + 1] == '$')) {
      const std::size_t end = text.find('}', i);
      if (end != std::string::npos) {
        const auto it = row.find(text.substr(i + 2, end - i - 2));
        if (it != row.end()) {
          out += it->second;
          i = end;
          continue;
        }
      }
    }
    out += text[i];
  }
  return Term::literal(out, message.language().empty() ? message.datatype() : std::string(),
                       message.language());
}

class Runner {
 public:
  Runner(engine::Engine& engine, const Shapes& shapes, DataGraph& data, SparqlSettings settings)
      : engine_(engine), shapes_(shapes), data_(data), settings_(std::move(settings)) {}

  Expected<std::vector<SparqlViolation>> run(std::size_t index, ShapeIndex shape_index,
                                             TermId focus, const std::vector<TermId>& values) {
    const SparqlConstraint& constraint = shapes_.sparql[index];
    auto query = parsed(index, shape_index);
    if (!query) return query.error();
    sparql::Substitution bound;
    for (const auto& [name, value] : constraint.parameters) bound[name] = value;
    bound["this"] = Term(data_.term(focus));
    bound["currentShape"] = shapes_.shapes[shape_index].node;
    if (!settings_.shapes_graph.empty()) bound["shapesGraph"] = Term::iri(settings_.shapes_graph);
    std::vector<SparqlViolation> out;
    if (constraint.kind == SparqlConstraint::Kind::Ask) {
      for (TermId v : values) {
        bound["value"] = Term(data_.term(v));
        auto answer = ask(**query, bound);
        if (!answer) return answer.error();
        if (!*answer) out.push_back(violation(constraint, bound, {}, v, Term()));
      }
      return out;
    }
    return select(constraint, **query, bound);
  }

 private:
  // The query of constraint `index` for shape `shape`, parsed and checked once.
  Expected<const sparql::Query*> parsed(std::size_t index, ShapeIndex shape_index) {
    const auto key = std::pair{index, shape_index};
    if (const auto it = parsed_.find(key); it != parsed_.end()) return &it->second;
    const SparqlConstraint& constraint = shapes_.sparql[index];
    const Shape& shape = shapes_.shapes[shape_index];
    const std::string text = shape.path
                                 ? replace_path(constraint.text, path_syntax(*shape.path, data_))
                                 : constraint.text;
    auto query = sparql::parse_query(constraint.prologue + text);
    const std::string where = "the SPARQL constraint " + constraint.node.to_ntriples() +
                              " of shape " + shape.node.to_ntriples();
    if (!query) {
      // Placed in the query as the shapes graph has it, below the PREFIX lines.
      Error error = query.error();
      const auto prologue_lines = static_cast<std::uint64_t>(
          std::count(constraint.prologue.begin(), constraint.prologue.end(), '\n'));
      if (error.where.line > prologue_lines) error.where.line -= prologue_lines;
      return Error(ErrorKind::Syntax, error.where,
                   where + ":\n" + sparql::format_parse_error(text, error, "query"));
    }
    const bool ask = constraint.kind == SparqlConstraint::Kind::Ask;
    if (ask != (query->form == QueryForm::Ask)) {
      return Error(ErrorKind::Invalid,
                   where + " must be " + (ask ? "an ASK" : "a SELECT") + " query");
    }
    Restrictions r;
    r.prebound = {"this", "currentShape", "shapesGraph"};
    r.required = {"this"};
    if (ask) {
      r.prebound.push_back("value");
      r.required.push_back("value");
    }
    for (const auto& [name, value] : constraint.parameters) {
      r.prebound.push_back(name);
      r.required.push_back(name);
    }
    const bool mentions_shapes_graph = constraint.text.find("$shapesGraph") != std::string::npos ||
                                       constraint.text.find("?shapesGraph") != std::string::npos;
    if (mentions_shapes_graph && settings_.shapes_graph.empty()) {
      // SHACL 5.3.1: a processor that cannot provide it reports a failure.
      return Error(ErrorKind::Unsupported,
                   where +
                       " uses $shapesGraph, which is provided only when validating files "
                       "without --union-default-graph");
    }
    bool top_seen = ask;  // an ASK has no projection of its own
    if (auto why = check_restrictions(query->pattern, r, top_seen)) {
      return Error(ErrorKind::Unsupported,
                   where + " uses " + *why + ", which SHACL-SPARQL does not allow (SHACL 5.3.1)");
    }
    return &parsed_.emplace(key, std::move(*query)).first->second;
  }

  engine::QueryOptions query_options() const {
    engine::QueryOptions options;
    options.timeout = settings_.timeout;
    if (settings_.deadline != std::chrono::steady_clock::time_point::max()) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          settings_.deadline - std::chrono::steady_clock::now());
      const auto bounded = std::max(left, std::chrono::milliseconds(1));
      options.timeout = options.timeout ? std::min(*options.timeout, bounded) : bounded;
    }
    options.union_default_graph = settings_.union_default_graph;
    return options;
  }

  Expected<bool> ask(const sparql::Query& query, const sparql::Substitution& bound) {
    sparql::Query q = query;
    q.pattern = sparql::substitute(query.pattern, bound);
    auto answer = engine_.query(q, query_options());
    if (!answer) return answer.error();
    const bool result = (*answer)->boolean();
    if ((*answer)->error()) return *(*answer)->error();
    return result;
  }

  Expected<std::vector<SparqlViolation>> select(const SparqlConstraint& constraint,
                                                const sparql::Query& query,
                                                const sparql::Substitution& bound) {
    sparql::Query q = query;
    q.pattern = sparql::substitute(query.pattern, bound);
    auto answer = engine_.query(q, query_options());
    if (!answer) return answer.error();
    const auto& variables = (*answer)->variables();
    std::vector<SparqlViolation> out;
    SolutionView row;
    while ((*answer)->next(row)) {
      TermId value = kAnyTerm;
      Term path;
      Term message;
      std::map<std::string, std::string> texts;
      for (std::size_t i = 0; i < variables.size() && i < row.size(); ++i) {
        if (row[i].is_none()) continue;
        texts[variables[i]] = show_value(row[i]);
        if (variables[i] == "value") value = data_.id(row[i]);
        if (variables[i] == "path" && row[i].kind == TermKind::Iri) path = Term(row[i]);
        if (variables[i] == "message" && row[i].kind == TermKind::Literal) message = Term(row[i]);
      }
      out.push_back(violation(constraint, bound, std::move(texts), value, std::move(path)));
      // ?message, when bound, is the result's message (SHACL 5.3.2).
      if (!message.is_none()) out.back().messages = {std::move(message)};
    }
    if ((*answer)->error()) return *(*answer)->error();
    return out;
  }

  SparqlViolation violation(const SparqlConstraint& constraint, const sparql::Substitution& bound,
                            std::map<std::string, std::string> texts, TermId value, Term path) {
    for (const auto& [name, term] : bound) texts.emplace(name, show_value(term.ref()));
    SparqlViolation v;
    v.value = value;
    v.path = std::move(path);
    for (const Term& m : constraint.messages) v.messages.push_back(fill_message(m, texts));
    return v;
  }

  engine::Engine& engine_;
  const Shapes& shapes_;
  DataGraph& data_;
  SparqlSettings settings_;
  std::map<std::pair<std::size_t, ShapeIndex>, sparql::Query> parsed_;
};

}  // namespace

SparqlRunner engine_sparql_runner(engine::Engine& engine, const Shapes& shapes, DataGraph& data,
                                  SparqlSettings settings) {
  auto runner = std::make_shared<Runner>(engine, shapes, data, std::move(settings));
  return [runner](std::size_t constraint, ShapeIndex shape, TermId focus,
                  const std::vector<TermId>& values) {
    return runner->run(constraint, shape, focus, values);
  };
}

}  // namespace quiver::shacl
