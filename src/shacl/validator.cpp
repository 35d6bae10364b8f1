// Validation (SHACL 1.1 3.4): focus nodes from targets, value nodes from
// paths, then each constraint component on them. Conformance checks for
// sh:node, sh:not, sh:and, sh:or, sh:xone and qualified shapes validate
// the nested shape into a scratch list and ask whether it stayed empty.

#include "shacl/validator.hpp"

#include <algorithm>
#include <map>
#include <string>
#include <utility>

#include "functions/registry.hpp"
#include "functions/value.hpp"
#include "shacl/vocabulary.hpp"
#include "terms/utf8.hpp"
#include "util/ascii.hpp"
#include "xsd/lexical.hpp"

namespace quiver::shacl {
namespace {

// Deeper than any sensible shapes graph: a guard against stack exhaustion
// by shapes that nest without repeating a (shape, focus) pair.
constexpr std::size_t kMaxNesting = 512;

bool contains_sorted(const std::vector<TermId>& sorted, TermId id) {
  return std::binary_search(sorted.begin(), sorted.end(), id);
}

// langMatches (RFC 4647 basic filtering), as SPARQL and sh:languageIn use it.
bool language_matches(std::string_view tag, std::string_view range) {
  if (tag.empty()) return false;
  if (range == "*") return true;
  if (tag.size() < range.size() || !equal_ignore_case(tag.substr(0, range.size()), range)) {
    return false;
  }
  return tag.size() == range.size() || tag[range.size()] == '-';
}

class Validator {
 public:
  Validator(const Shapes& shapes, DataGraph& data, const ValidationOptions& options)
      : shapes_(shapes), data_(data), options_(options) {
    regex_context_.deadline = options.deadline;
  }

  Expected<std::vector<ValidationResult>> run() {
    std::vector<ValidationResult> results;
    for (ShapeIndex i = 0; i < shapes_.shapes.size(); ++i) {
      const Shape& shape = shapes_.shapes[i];
      if (shape.deactivated || !shape.has_targets()) continue;
      for (TermId focus : focus_nodes(shape)) {
        validate_shape(i, focus, results);
        if (error_) return *error_;
      }
    }
    return results;
  }

 private:
  std::vector<TermId> focus_nodes(const Shape& shape) {
    std::vector<TermId> out = shape.target_nodes;
    for (TermId cls : shape.target_classes) {
      const auto found = data_.instances(cls);
      out.insert(out.end(), found.begin(), found.end());
    }
    for (TermId p : shape.target_subjects_of) data_.ends_of(p, false, out);
    for (TermId p : shape.target_objects_of) data_.ends_of(p, true, out);
    sort_unique(out);
    return out;
  }

  // For loops that may run long inside one constraint.
  bool past_deadline() {
    if (error_) return true;
    if (std::chrono::steady_clock::now() <= options_.deadline) return false;
    error_ = Error(ErrorKind::Timeout, "validation timed out");
    return true;
  }

  bool enter(ShapeIndex shape, TermId focus) {
    if (error_) return false;
    if (options_.cancel != nullptr && options_.cancel->load(std::memory_order_relaxed)) {
      error_ = Error(ErrorKind::Cancelled, "validation cancelled");
      return false;
    }
    // The clock is read every 256 shapes entered: cheap, and often enough.
    if ((++entered_ & 0xFF) == 0 && std::chrono::steady_clock::now() > options_.deadline) {
      error_ = Error(ErrorKind::Timeout, "validation timed out");
      return false;
    }
    const auto frame = std::pair{shape, focus};
    if (std::find(stack_.begin(), stack_.end(), frame) != stack_.end()) {
      error_ = Error(ErrorKind::Invalid,
                     "recursive shapes: " + shapes_.shapes[shape].node.to_ntriples() +
                         " refers back to itself for the focus node " +
                         Term(data_.term(focus)).to_ntriples() +
                         " (SHACL leaves the meaning of recursive shapes undefined)");
      return false;
    }
    if (stack_.size() >= kMaxNesting) {
      error_ = Error(ErrorKind::Limit, "shapes nest more than 512 levels deep");
      return false;
    }
    stack_.push_back(frame);
    return true;
  }

  void validate_shape(ShapeIndex index, TermId focus, std::vector<ValidationResult>& out) {
    const Shape& shape = shapes_.shapes[index];
    if (shape.deactivated || !enter(index, focus)) return;
    std::vector<TermId> values =
        shape.path ? evaluate_path(*shape.path, focus, data_) : std::vector<TermId>{focus};
    for (const Constraint& c : shape.constraints) {
      check(index, c, focus, values, out);
      if (error_) break;
    }
    stack_.pop_back();
  }

  bool conforms(ShapeIndex shape, TermId focus) {
    std::vector<ValidationResult> scratch;
    validate_shape(shape, focus, scratch);
    return scratch.empty();
  }

  void add(std::vector<ValidationResult>& out, ShapeIndex index, const Constraint& c, TermId focus,
           std::optional<TermId> value) {
    const Shape& shape = shapes_.shapes[index];
    ValidationResult& r = out.emplace_back();
    r.focus = focus;
    r.value = value;
    r.shape = index;
    r.component = c.component;
    r.path = shape.path_node;
    r.messages = shape.messages;
    r.constraint = &c;
  }

  void check(ShapeIndex index, const Constraint& c, TermId focus, const std::vector<TermId>& values,
             std::vector<ValidationResult>& out) {
    // Each value node failing `test` is one result with it as sh:value.
    auto each = [&](auto&& test) {
      for (TermId v : values) {
        if (!test(v)) add(out, index, c, focus, v);
        if (error_) return;
      }
    };
    switch (c.component) {
      case Component::Class:
        return each([&](TermId v) { return data_.is_instance(v, c.node); });
      case Component::Datatype:
        return each([&](TermId v) { return has_datatype(v, c.term.value()); });
      case Component::NodeKind: {
        const unsigned mask = node_kind_mask(c.term.value());
        return each([&](TermId v) { return (kind_bit(data_.term(v).kind) & mask) != 0; });
      }
      case Component::MinCount:
        if (values.size() < *c.min) add(out, index, c, focus, std::nullopt);
        return;
      case Component::MaxCount:
        if (values.size() > *c.max) add(out, index, c, focus, std::nullopt);
        return;
      case Component::MinExclusive:
      case Component::MinInclusive:
      case Component::MaxExclusive:
      case Component::MaxInclusive:
        return each([&](TermId v) { return in_range(c.component, v, c.term); });
      case Component::MinLength:
      case Component::MaxLength:
        return each([&](TermId v) {
          const TermRef t = data_.term(v);
          if (t.kind == TermKind::Blank || t.kind == TermKind::Triple) return false;
          const std::size_t n = count_code_points(t.value);
          return c.min ? n >= *c.min : n <= *c.max;
        });
      case Component::Pattern:
        return each([&](TermId v) { return matches_pattern(v, c); });
      case Component::LanguageIn:
        return each([&](TermId v) {
          const TermRef t = data_.term(v);
          const auto tag = language_without_direction(t.language);
          return t.kind == TermKind::Literal &&
                 std::any_of(c.languages.begin(), c.languages.end(),
                             [&](const std::string& r) { return language_matches(tag, r); });
        });
      case Component::UniqueLang:
        return unique_languages(index, c, focus, values, out);
      case Component::Equals:
      case Component::Disjoint:
      case Component::LessThan:
      case Component::LessThanOrEquals:
        return compare_with_property(index, c, focus, values, out);
      case Component::Not:
        return each([&](TermId v) { return !conforms(c.shapes[0], v); });
      case Component::And:
        return each([&](TermId v) {
          return std::all_of(c.shapes.begin(), c.shapes.end(),
                             [&](ShapeIndex s) { return conforms(s, v); });
        });
      case Component::Or:
        return each([&](TermId v) {
          return std::any_of(c.shapes.begin(), c.shapes.end(),
                             [&](ShapeIndex s) { return conforms(s, v); });
        });
      case Component::Xone:
        return each([&](TermId v) {
          return std::count_if(c.shapes.begin(), c.shapes.end(),
                               [&](ShapeIndex s) { return conforms(s, v); }) == 1;
        });
      case Component::Node:
        return each([&](TermId v) { return conforms(c.shapes[0], v); });
      case Component::Property:
        for (TermId v : values) validate_shape(c.shapes[0], v, out);
        return;
      case Component::QualifiedMinCount:
      case Component::QualifiedMaxCount:
        return qualified(index, c, focus, values, out);
      case Component::Closed:
        return closed(index, c, focus, values, out);
      case Component::HasValue:
        if (!std::count(values.begin(), values.end(), c.node)) {
          add(out, index, c, focus, std::nullopt);
        }
        return;
      case Component::In:
        return each([&](TermId v) { return contains_sorted(c.nodes, v); });
      case Component::Sparql:
        return sparql(index, c, focus, values, out);
    }
  }

  static unsigned kind_bit(TermKind kind) {
    switch (kind) {
      case TermKind::Blank:
        return 1;
      case TermKind::Iri:
        return 2;
      case TermKind::Literal:
        return 4;
      default:
        return 0;
    }
  }

  static unsigned node_kind_mask(std::string_view kind) {
    const std::string_view local = kind.substr(kSh.size());
    if (local == "BlankNode") return 1;
    if (local == "IRI") return 2;
    if (local == "Literal") return 4;
    if (local == "BlankNodeOrIRI") return 3;
    if (local == "BlankNodeOrLiteral") return 5;
    return 6;  // IRIOrLiteral, the last the reader accepts
  }

  bool has_datatype(TermId v, std::string_view datatype) {
    const TermRef t = data_.term(v);
    if (t.kind != TermKind::Literal || t.datatype != datatype) return false;
    if (datatype == vocab::kRdfLangString || datatype == vocab::kRdfDirLangString) return true;
    return xsd::check_lexical(datatype, t.value) != xsd::LexicalCheck::Invalid;
  }

  bool in_range(Component component, TermId v, const Term& bound) {
    using functions::Function;
    const Function op = component == Component::MinExclusive   ? Function::Greater
                        : component == Component::MinInclusive ? Function::GreaterEqual
                        : component == Component::MaxExclusive ? Function::Less
                                                               : Function::LessEqual;
    const TermRef t = data_.term(v);
    if (t.kind != TermKind::Literal) return false;
    const auto result = functions::compare(op, Term(t), bound);
    return result && functions::effective_boolean_value(*result).value_or(false);
  }

  bool matches_pattern(TermId v, const Constraint& c) {
    const TermRef t = data_.term(v);
    if (t.kind != TermKind::Iri && t.kind != TermKind::Literal) return false;
    const Term args[] = {Term::literal(t.value), c.term, Term::literal(c.flags)};
    const auto result = functions::function_info(functions::Function::Regex)
                            .implementation(functions::Args(args), regex_context_);
    // A pattern that backtracks past the limit is no answer, neither match
    // nor mismatch: SHACL asks that such a failure be reported (4.6.1).
    if (regex_context_.fatal) {
      error_ = *regex_context_.fatal;
      regex_context_.fatal.reset();
      return true;
    }
    return result && functions::effective_boolean_value(*result).value_or(false);
  }

  void unique_languages(ShapeIndex index, const Constraint& c, TermId focus,
                        const std::vector<TermId>& values, std::vector<ValidationResult>& out) {
    std::map<std::string, int> seen;
    for (TermId v : values) {
      const TermRef t = data_.term(v);
      if (t.kind != TermKind::Literal || t.language.empty()) continue;
      ++seen[ascii_lower(language_without_direction(t.language))];
    }
    for (const auto& [language, n] : seen) {
      if (n > 1) add(out, index, c, focus, std::nullopt);
    }
  }

  void compare_with_property(ShapeIndex index, const Constraint& c, TermId focus,
                             const std::vector<TermId>& values,
                             std::vector<ValidationResult>& out) {
    std::vector<TermId> others;
    data_.objects(focus, c.node, others);
    sort_unique(others);
    switch (c.component) {
      case Component::Equals:
        for (TermId v : values) {
          if (!contains_sorted(others, v)) add(out, index, c, focus, v);
        }
        for (TermId o : others) {
          if (!contains_sorted(values, o)) add(out, index, c, focus, o);
        }
        return;
      case Component::Disjoint:
        for (TermId v : values) {
          if (contains_sorted(others, v)) add(out, index, c, focus, v);
        }
        return;
      default: {
        const auto op = c.component == Component::LessThan ? functions::Function::Less
                                                           : functions::Function::LessEqual;
        for (TermId v : values) {
          if (past_deadline()) return;
          for (TermId o : others) {
            const auto r = functions::compare(op, Term(data_.term(v)), Term(data_.term(o)));
            if (!r || !functions::effective_boolean_value(*r).value_or(false)) {
              add(out, index, c, focus, v);
            }
          }
        }
      }
    }
  }

  void qualified(ShapeIndex index, const Constraint& c, TermId focus,
                 const std::vector<TermId>& values, std::vector<ValidationResult>& out) {
    std::uint64_t n = 0;
    for (TermId v : values) {
      if (!conforms(c.shapes[0], v)) continue;
      const bool in_sibling = std::any_of(c.siblings.begin(), c.siblings.end(),
                                          [&](ShapeIndex s) { return conforms(s, v); });
      if (!in_sibling) ++n;
    }
    if ((c.min && n < *c.min) || (c.max && n > *c.max)) {
      add(out, index, c, focus, std::nullopt);
    }
  }

  void closed(ShapeIndex index, const Constraint& c, TermId focus,
              const std::vector<TermId>& values, std::vector<ValidationResult>& out) {
    std::vector<std::pair<TermId, TermId>> properties;
    for (TermId v : values) {
      properties.clear();
      data_.properties(v, properties);
      for (const auto& [p, o] : properties) {
        if (contains_sorted(c.nodes, p)) continue;
        add(out, index, c, focus, o);
        out.back().path = Term(data_.term(p));
      }
    }
  }

  void sparql(ShapeIndex index, const Constraint& c, TermId focus,
              const std::vector<TermId>& values, std::vector<ValidationResult>& out) {
    if (!options_.sparql) {
      error_ = Error(ErrorKind::Unsupported, "SPARQL-based constraints need a SPARQL engine");
      return;
    }
    auto rows = options_.sparql(c.sparql, index, focus, values);
    if (!rows) {
      error_ = rows.error();
      return;
    }
    const bool node_shape = !shapes_.shapes[index].is_property();
    for (SparqlViolation& row : *rows) {
      std::optional<TermId> value;
      if (row.value != kAnyTerm) {
        value = row.value;
      } else if (node_shape) {
        value = focus;
      }
      add(out, index, c, focus, value);
      ValidationResult& r = out.back();
      r.sparql = c.sparql;
      if (!row.path.is_none()) r.path = std::move(row.path);
      if (!row.messages.empty()) r.messages = std::move(row.messages);
    }
  }

  const Shapes& shapes_;
  DataGraph& data_;
  const ValidationOptions& options_;
  std::vector<std::pair<ShapeIndex, TermId>> stack_;
  std::uint64_t entered_ = 0;
  std::optional<Error> error_;
  functions::FunctionContext regex_context_;
};

}  // namespace

Expected<std::vector<ValidationResult>> validate(const Shapes& shapes, DataGraph& data,
                                                 const ValidationOptions& options) {
  return Validator(shapes, data, options).run();
}

}  // namespace quiver::shacl
