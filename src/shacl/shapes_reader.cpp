// Reads shapes from the shapes graph (SHACL 1.1 2.1, 4, 5): which nodes
// are shapes, their targets, paths and constraints, each parameter checked
// as SHACL's syntax rules ask, so that validation meets only well-formed
// shapes.

#include <algorithm>
#include <array>
#include <deque>
#include <limits>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "functions/registry.hpp"
#include "shacl/shapes.hpp"
#include "shacl/vocabulary.hpp"
#include "xsd/datatypes.hpp"
#include "xsd/lexical.hpp"

namespace quiver::shacl {
namespace {

struct ComponentName {
  Component component;
  std::string_view name;
};

constexpr std::array<ComponentName, 30> kComponentNames{{
    {Component::Class, "Class"},
    {Component::Datatype, "Datatype"},
    {Component::NodeKind, "NodeKind"},
    {Component::MinCount, "MinCount"},
    {Component::MaxCount, "MaxCount"},
    {Component::MinExclusive, "MinExclusive"},
    {Component::MinInclusive, "MinInclusive"},
    {Component::MaxExclusive, "MaxExclusive"},
    {Component::MaxInclusive, "MaxInclusive"},
    {Component::MinLength, "MinLength"},
    {Component::MaxLength, "MaxLength"},
    {Component::Pattern, "Pattern"},
    {Component::LanguageIn, "LanguageIn"},
    {Component::UniqueLang, "UniqueLang"},
    {Component::Equals, "Equals"},
    {Component::Disjoint, "Disjoint"},
    {Component::LessThan, "LessThan"},
    {Component::LessThanOrEquals, "LessThanOrEquals"},
    {Component::Not, "Not"},
    {Component::And, "And"},
    {Component::Or, "Or"},
    {Component::Xone, "Xone"},
    {Component::Node, "Node"},
    {Component::Property, "Property"},
    {Component::QualifiedMinCount, "QualifiedMinCount"},
    {Component::QualifiedMaxCount, "QualifiedMaxCount"},
    {Component::Closed, "Closed"},
    {Component::HasValue, "HasValue"},
    {Component::In, "In"},
    {Component::Sparql, "SPARQL"},
}};

Constraint make(Component component, TermId node = kAnyTerm, Term term = {}) {
  Constraint c;
  c.component = component;
  c.node = node;
  c.term = std::move(term);
  return c;
}

Constraint make_with_shapes(Component component, std::vector<ShapeIndex> shapes) {
  Constraint c;
  c.component = component;
  c.shapes = std::move(shapes);
  return c;
}

std::string show(const TermRef& term) { return Term(term).to_ntriples(); }

class ShapesReader {
 public:
  ShapesReader(DataGraph& shapes, DataGraph& data) : g_(shapes), data_(data) {}

  Expected<Shapes> read() {
    if (Status st = read_components(); !st) return st.error();
    for (std::string_view type : {"NodeShape", "PropertyShape"}) {
      std::vector<TermId> found;
      g_.subjects(g_.rdf_type(), g_.iri(sh(type)), found);
      for (TermId node : found) enqueue(node);
    }
    for (std::string_view target :
         {"targetNode", "targetClass", "targetSubjectsOf", "targetObjectsOf", "path"}) {
      std::vector<TermId> found;
      g_.ends_of(g_.iri(sh(target)), false, found);
      for (TermId node : found) enqueue(node);
    }
    while (!todo_.empty()) {
      const TermId node = todo_.front();
      todo_.pop_front();
      if (Status st = read_shape(node); !st) return st.error();
    }
    // A blank node shared by two paths was copied once for each.
    auto& triples = out_.path_triples;
    sort_unique(triples);
    return std::move(out_);
  }

 private:
  // The shape at `node`, read later; a literal names no shape (reported by
  // read_shape, which refuses it).
  ShapeIndex enqueue(TermId node) {
    if (const auto it = index_.find(node); it != index_.end()) return it->second;
    const ShapeIndex i = out_.shapes.size();
    out_.shapes.emplace_back();
    out_.shapes.back().node = Term(g_.term(node));
    index_.emplace(node, i);
    todo_.push_back(node);
    return i;
  }

  std::vector<TermId> values(TermId node, std::string_view local) {
    std::vector<TermId> out;
    g_.objects(node, g_.iri(sh(local)), out);
    sort_unique(out);
    return out;
  }

  Error ill_formed(TermId shape, std::string_view local, const std::string& why) {
    return Error(ErrorKind::Invalid,
                 "ill-formed shape " + describe(shape) + ": sh:" + std::string(local) + " " + why);
  }

  // A blank shape has no name a user wrote: say what it is about.
  std::string describe(TermId shape) {
    if (g_.term(shape).kind != TermKind::Blank) return show(g_.term(shape));
    const TermId path = g_.object(shape, g_.iri(sh("path")));
    std::string text = path != kAnyTerm && g_.term(path).kind == TermKind::Iri
                           ? "[ sh:path " + show(g_.term(path)) + " ]"
                           : "[ ]";
    std::vector<TermId> parents;
    g_.subjects(g_.iri(sh("property")), shape, parents);
    if (!parents.empty() && g_.term(parents[0]).kind != TermKind::Blank) {
      text += " of " + show(g_.term(parents[0]));
    }
    return text;
  }

  // The single value of a parameter that takes at most one; kAnyTerm if none.
  Expected<TermId> single(TermId shape, std::string_view local) {
    const auto all = values(shape, local);
    if (all.size() > 1) return ill_formed(shape, local, "has more than one value");
    return all.empty() ? kAnyTerm : all[0];
  }

  Expected<std::uint64_t> count(TermId shape, std::string_view local, TermId value) {
    const TermRef t = g_.term(value);
    const bool integer = t.kind == TermKind::Literal &&
                         xsd::integer_type_of(t.datatype) != nullptr &&
                         xsd::check_lexical(t.datatype, t.value) == xsd::LexicalCheck::Valid;
    std::string_view digits = t.value;
    if (!digits.empty() && digits[0] == '+') digits.remove_prefix(1);
    if (!integer || digits.empty() || digits[0] == '-') {
      return ill_formed(shape, local, "must be a non-negative xsd:integer, not " + show(t));
    }
    // Beyond any count a graph can reach: the largest one will do.
    while (digits.size() > 1 && digits[0] == '0') digits.remove_prefix(1);
    if (digits.size() > 18) return std::numeric_limits<std::uint64_t>::max();
    return std::stoull(std::string(digits));
  }

  Expected<bool> boolean(TermId shape, std::string_view local, TermId value) {
    const TermRef t = g_.term(value);
    if (t.kind != TermKind::Literal || t.datatype != kXsdBoolean) {
      return ill_formed(shape, local, "must be an xsd:boolean, not " + show(t));
    }
    // SHACL acts on the term "true"^^xsd:boolean only: "1" is another term
    // (W3C test core/property/uniqueLang-002).
    if (xsd::parse_boolean(t.value)) return t.value == "true";
    return ill_formed(shape, local, "must be an xsd:boolean, not " + show(t));
  }

  Expected<TermId> iri_value(TermId shape, std::string_view local, TermId value) {
    if (g_.term(value).kind != TermKind::Iri) {
      return ill_formed(shape, local, "must be an IRI, not " + show(g_.term(value)));
    }
    return data_.id_from(g_, value);
  }

  Expected<std::vector<TermId>> list_of(TermId shape, std::string_view local, TermId head) {
    auto members = g_.list(head);
    if (!members) return ill_formed(shape, local, "must be a well-formed RDF list");
    return std::move(*members);
  }

  Status read_shape(TermId node) {
    const ShapeIndex index = index_.at(node);
    if (g_.term(node).kind != TermKind::Iri && g_.term(node).kind != TermKind::Blank) {
      return Error(
          ErrorKind::Invalid,
          "ill-formed shapes: " + show(g_.term(node)) +
              " is used as a shape (sh:node, "
              "sh:property, sh:not, sh:and, sh:or, sh:xone or sh:qualifiedValueShape), but "
              "a shape is an IRI or a blank node");
    }
    Shape shape;
    shape.node = Term(g_.term(node));
    if (auto st = read_targets(node, shape); !st) return st;
    if (auto st = read_common(node, shape); !st) return st;
    const auto path = single(node, "path");
    if (!path) return path.error();
    if (*path != kAnyTerm) {
      auto read = read_path(g_, *path, data_, out_.path_triples);
      if (!read) return ill_formed(node, "path", read.error().message);
      shape.path = std::move(*read);
      shape.path_node = Term(g_.term(*path));
    } else if (g_.is_instance(node, g_.iri(sh("PropertyShape")))) {
      return ill_formed(node, "path", "is missing: a sh:PropertyShape needs one");
    }
    if (auto st = read_constraints(node, shape); !st) return st;
    out_.shapes[index] = std::move(shape);
    return {};
  }

  Status read_targets(TermId node, Shape& shape) {
    for (TermId v : values(node, "targetNode")) shape.target_nodes.push_back(data_.id_from(g_, v));
    for (auto [local, into] : {std::pair{"targetClass", &shape.target_classes},
                               std::pair{"targetSubjectsOf", &shape.target_subjects_of},
                               std::pair{"targetObjectsOf", &shape.target_objects_of}}) {
      for (TermId v : values(node, local)) {
        auto id = iri_value(node, local, v);
        if (!id) return id.error();
        into->push_back(*id);
      }
    }
    if (g_.term(node).kind == TermKind::Iri && g_.is_instance(node, g_.iri(kRdfsClass))) {
      shape.target_classes.push_back(data_.id_from(g_, node));
    }
    return {};
  }

  Status read_common(TermId node, Shape& shape) {
    const auto severity = single(node, "severity");
    if (!severity) return severity.error();
    if (*severity == kAnyTerm) {
      shape.severity = Term::iri(sh("Violation"));
    } else if (g_.term(*severity).kind != TermKind::Iri) {
      return ill_formed(node, "severity", "must be an IRI");
    } else {
      shape.severity = Term(g_.term(*severity));
    }
    for (TermId m : values(node, "message")) shape.messages.emplace_back(g_.term(m));
    const auto deactivated = single(node, "deactivated");
    if (!deactivated) return deactivated.error();
    if (*deactivated != kAnyTerm) {
      auto b = boolean(node, "deactivated", *deactivated);
      if (!b) return b.error();
      shape.deactivated = *b;
    }
    return {};
  }

  Status read_constraints(TermId node, Shape& shape) {
    using Reader = Status (ShapesReader::*)(TermId, Shape&);
    static constexpr Reader kReaders[] = {
        &ShapesReader::read_value_types,    &ShapesReader::read_cardinality,
        &ShapesReader::read_ranges,         &ShapesReader::read_strings,
        &ShapesReader::read_pairs,          &ShapesReader::read_logical,
        &ShapesReader::read_shape_refs,     &ShapesReader::read_qualified,
        &ShapesReader::read_others,         &ShapesReader::read_sparql,
        &ShapesReader::read_components_used};
    for (Reader r : kReaders) {
      if (Status st = (this->*r)(node, shape); !st) return st;
    }
    return {};
  }

  // sh:class, sh:datatype, sh:nodeKind (4.1)
  Status read_value_types(TermId node, Shape& shape) {
    for (TermId v : values(node, "class")) {
      auto id = iri_value(node, "class", v);
      if (!id) return id.error();
      shape.constraints.push_back(make(Component::Class, *id));
    }
    auto datatype = single(node, "datatype");
    if (!datatype) return datatype.error();
    if (*datatype != kAnyTerm) {
      auto id = iri_value(node, "datatype", *datatype);
      if (!id) return id.error();
      shape.constraints.push_back(make(Component::Datatype, *id, Term(g_.term(*datatype))));
    }
    auto kind = single(node, "nodeKind");
    if (!kind) return kind.error();
    if (*kind != kAnyTerm) {
      static constexpr std::string_view kKinds[] = {
          "BlankNode", "IRI", "Literal", "BlankNodeOrIRI", "BlankNodeOrLiteral", "IRIOrLiteral"};
      const TermRef t = g_.term(*kind);
      const bool known = std::any_of(std::begin(kKinds), std::end(kKinds), [&](auto k) {
        return t.kind == TermKind::Iri && t.value == sh(k);
      });
      if (!known) return ill_formed(node, "nodeKind", "must be a node kind, not " + show(t));
      shape.constraints.push_back(make(Component::NodeKind, kAnyTerm, Term(t)));
    }
    return {};
  }

  // sh:minCount, sh:maxCount (4.2), sh:minLength, sh:maxLength (4.4)
  Status read_cardinality(TermId node, Shape& shape) {
    static constexpr std::pair<std::string_view, Component> kCounts[] = {
        {"minCount", Component::MinCount},
        {"maxCount", Component::MaxCount},
        {"minLength", Component::MinLength},
        {"maxLength", Component::MaxLength}};
    for (const auto& [local, component] : kCounts) {
      auto v = single(node, local);
      if (!v) return v.error();
      if (*v == kAnyTerm) continue;
      const bool is_count = component == Component::MinCount || component == Component::MaxCount;
      if (is_count && !shape.is_property()) {
        return ill_formed(node, local, "is for property shapes only");
      }
      auto n = count(node, local, *v);
      if (!n) return n.error();
      Constraint c = make(component);
      (component == Component::MinCount || component == Component::MinLength ? c.min : c.max) = *n;
      shape.constraints.push_back(std::move(c));
    }
    return {};
  }

  // sh:minExclusive ... sh:maxInclusive (4.3)
  Status read_ranges(TermId node, Shape& shape) {
    static constexpr std::pair<std::string_view, Component> kRanges[] = {
        {"minExclusive", Component::MinExclusive},
        {"minInclusive", Component::MinInclusive},
        {"maxExclusive", Component::MaxExclusive},
        {"maxInclusive", Component::MaxInclusive}};
    for (const auto& [local, component] : kRanges) {
      auto v = single(node, local);
      if (!v) return v.error();
      if (*v == kAnyTerm) continue;
      if (g_.term(*v).kind != TermKind::Literal)
        return ill_formed(node, local, "must be a literal");
      shape.constraints.push_back(make(component, kAnyTerm, Term(g_.term(*v))));
    }
    return {};
  }

  // sh:pattern with sh:flags, sh:languageIn, sh:uniqueLang (4.4)
  Status read_strings(TermId node, Shape& shape) {
    auto flags = single(node, "flags");
    if (!flags) return flags.error();
    for (TermId v : values(node, "pattern")) {
      const TermRef t = g_.term(v);
      if (t.kind != TermKind::Literal) return ill_formed(node, "pattern", "must be a string");
      Constraint c = make(Component::Pattern, kAnyTerm, Term::literal(t.value));
      if (*flags != kAnyTerm) c.flags = std::string(g_.term(*flags).value);
      // A pattern that does not compile is the shape's fault, not the data's.
      functions::FunctionContext ctx;
      const Term probe[] = {Term::literal(""), c.term, Term::literal(c.flags)};
      if (!functions::function_info(functions::Function::Regex)
               .implementation(functions::Args(probe), ctx)) {
        return ill_formed(node, "pattern", "is not a valid regular expression: " + show(t));
      }
      shape.constraints.push_back(std::move(c));
    }
    auto languages = single(node, "languageIn");
    if (!languages) return languages.error();
    if (*languages != kAnyTerm) {
      auto members = list_of(node, "languageIn", *languages);
      if (!members) return members.error();
      Constraint c = make(Component::LanguageIn);
      for (TermId m : *members) {
        if (g_.term(m).kind != TermKind::Literal) {
          return ill_formed(node, "languageIn", "must list strings");
        }
        c.languages.emplace_back(g_.term(m).value);
      }
      shape.constraints.push_back(std::move(c));
    }
    auto unique = single(node, "uniqueLang");
    if (!unique) return unique.error();
    if (*unique != kAnyTerm) {
      auto b = boolean(node, "uniqueLang", *unique);
      if (!b) return b.error();
      if (!shape.is_property())
        return ill_formed(node, "uniqueLang", "is for property shapes only");
      if (*b) shape.constraints.push_back(make(Component::UniqueLang));
    }
    return {};
  }

  // sh:equals, sh:disjoint, sh:lessThan, sh:lessThanOrEquals (4.5)
  Status read_pairs(TermId node, Shape& shape) {
    static constexpr std::pair<std::string_view, Component> kPairs[] = {
        {"equals", Component::Equals},
        {"disjoint", Component::Disjoint},
        {"lessThan", Component::LessThan},
        {"lessThanOrEquals", Component::LessThanOrEquals}};
    for (const auto& [local, component] : kPairs) {
      for (TermId v : values(node, local)) {
        auto id = iri_value(node, local, v);
        if (!id) return id.error();
        const bool ordered =
            component == Component::LessThan || component == Component::LessThanOrEquals;
        if (ordered && !shape.is_property()) {
          return ill_formed(node, local, "is for property shapes only");
        }
        shape.constraints.push_back(make(component, *id));
      }
    }
    return {};
  }

  // sh:not, sh:and, sh:or, sh:xone (4.6)
  Status read_logical(TermId node, Shape& shape) {
    for (TermId v : values(node, "not")) {
      shape.constraints.push_back(make_with_shapes(Component::Not, {enqueue(v)}));
    }
    static constexpr std::pair<std::string_view, Component> kLists[] = {
        {"and", Component::And}, {"or", Component::Or}, {"xone", Component::Xone}};
    for (const auto& [local, component] : kLists) {
      for (TermId v : values(node, local)) {
        auto members = list_of(node, local, v);
        if (!members) return members.error();
        Constraint c = make(component);
        for (TermId m : *members) c.shapes.push_back(enqueue(m));
        shape.constraints.push_back(std::move(c));
      }
    }
    return {};
  }

  // sh:node, sh:property (4.7)
  Status read_shape_refs(TermId node, Shape& shape) {
    for (TermId v : values(node, "node")) {
      shape.constraints.push_back(make_with_shapes(Component::Node, {enqueue(v)}));
    }
    for (TermId v : values(node, "property")) {
      if (g_.object(v, g_.iri(sh("path"))) == kAnyTerm) {
        return ill_formed(node, "property", show(g_.term(v)) + " has no sh:path");
      }
      shape.constraints.push_back(make_with_shapes(Component::Property, {enqueue(v)}));
    }
    return {};
  }

  // sh:qualifiedValueShape with its counts and sh:qualifiedValueShapesDisjoint (4.7.3)
  Status read_qualified(TermId node, Shape& shape) {
    auto q = single(node, "qualifiedValueShape");
    if (!q) return q.error();
    if (*q == kAnyTerm) return {};
    if (!shape.is_property()) return ill_formed(node, "qualifiedValueShape", "needs a path");
    auto disjoint_value = single(node, "qualifiedValueShapesDisjoint");
    if (!disjoint_value) return disjoint_value.error();
    bool disjoint = false;
    if (*disjoint_value != kAnyTerm) {
      auto b = boolean(node, "qualifiedValueShapesDisjoint", *disjoint_value);
      if (!b) return b.error();
      disjoint = *b;
    }
    std::vector<ShapeIndex> siblings;
    if (disjoint) {
      std::vector<TermId> parents;
      g_.subjects(g_.iri(sh("property")), node, parents);
      for (TermId parent : parents) {
        for (TermId sibling : values(parent, "property")) {
          for (TermId other : values(sibling, "qualifiedValueShape")) {
            if (other != *q) siblings.push_back(enqueue(other));
          }
        }
      }
      sort_unique(siblings);
    }
    const ShapeIndex qualified = enqueue(*q);
    static constexpr std::pair<std::string_view, Component> kCounts[] = {
        {"qualifiedMinCount", Component::QualifiedMinCount},
        {"qualifiedMaxCount", Component::QualifiedMaxCount}};
    for (const auto& [local, component] : kCounts) {
      auto v = single(node, local);
      if (!v) return v.error();
      if (*v == kAnyTerm) continue;
      auto n = count(node, local, *v);
      if (!n) return n.error();
      Constraint c = make_with_shapes(component, {qualified});
      c.siblings = siblings;
      (component == Component::QualifiedMinCount ? c.min : c.max) = *n;
      shape.constraints.push_back(std::move(c));
    }
    return {};
  }

  // sh:closed with sh:ignoredProperties (4.8.1), sh:hasValue, sh:in (4.8)
  Status read_others(TermId node, Shape& shape) {
    auto closed = single(node, "closed");
    if (!closed) return closed.error();
    if (*closed != kAnyTerm) {
      auto b = boolean(node, "closed", *closed);
      if (!b) return b.error();
      if (*b) {
        Constraint c = make(Component::Closed);
        for (TermId p : values(node, "property")) {
          const TermId path = g_.object(p, g_.iri(sh("path")));
          if (path != kAnyTerm && g_.term(path).kind == TermKind::Iri) {
            c.nodes.push_back(data_.id_from(g_, path));
          }
        }
        for (TermId ignored : values(node, "ignoredProperties")) {
          auto members = list_of(node, "ignoredProperties", ignored);
          if (!members) return members.error();
          for (TermId m : *members) c.nodes.push_back(data_.id_from(g_, m));
        }
        std::sort(c.nodes.begin(), c.nodes.end());
        shape.constraints.push_back(std::move(c));
      }
    }
    for (TermId v : values(node, "hasValue")) {
      shape.constraints.push_back(
          make(Component::HasValue, data_.id_from(g_, v), Term(g_.term(v))));
    }
    auto in = single(node, "in");
    if (!in) return in.error();
    if (*in != kAnyTerm) {
      auto members = list_of(node, "in", *in);
      if (!members) return members.error();
      Constraint c = make(Component::In);
      for (TermId m : *members) c.nodes.push_back(data_.id_from(g_, m));
      std::sort(c.nodes.begin(), c.nodes.end());
      shape.constraints.push_back(std::move(c));
    }
    return {};
  }

  // sh:sparql (5): a SELECT with the prefixes its sh:prefixes declare.
  Status read_sparql(TermId node, Shape& shape) {
    for (TermId v : values(node, "sparql")) {
      const auto deactivated = single(v, "deactivated");
      if (!deactivated) return deactivated.error();
      if (*deactivated != kAnyTerm) {
        auto b = boolean(v, "deactivated", *deactivated);
        if (!b) return b.error();
        if (*b) continue;
      }
      SparqlConstraint sparql;
      sparql.node = Term(g_.term(v));
      if (Status st = read_query(node, v, "select", sparql); !st) return st;
      for (TermId m : values(v, "message")) sparql.messages.emplace_back(g_.term(m));
      add_sparql(shape, std::move(sparql));
    }
    return {};
  }

  void add_sparql(Shape& shape, SparqlConstraint sparql) {
    Constraint c = make(Component::Sparql);
    c.sparql = out_.sparql.size();
    shape.constraints.push_back(std::move(c));
    out_.sparql.push_back(std::move(sparql));
  }

  // The query of `holder` (its sh:select or sh:ask, as `form` says), with
  // the PREFIX lines of its sh:prefixes first.
  Status read_query(TermId shape, TermId holder, std::string_view form, SparqlConstraint& into) {
    auto text = single(holder, form);
    if (!text) return text.error();
    if (*text == kAnyTerm || g_.term(*text).kind != TermKind::Literal) {
      return ill_formed(shape, "sparql",
                        show(g_.term(holder)) + " needs one sh:" + std::string(form) + " string");
    }
    auto prefixes = declared_prefixes(holder);
    if (!prefixes) return prefixes.error();
    into.kind = form == "ask" ? SparqlConstraint::Kind::Ask : SparqlConstraint::Kind::Select;
    into.prologue = std::move(*prefixes);
    into.text = std::string(g_.term(*text).value);
    return {};
  }

  // A SPARQL-based constraint component (6.2) and its parameters.
  struct CustomComponent {
    TermId node = kAnyTerm;
    std::vector<std::pair<TermId, bool>> parameters;  // path, optional
    TermId validator = kAnyTerm;                      // sh:validator (ASK)
    TermId node_validator = kAnyTerm;                 // sh:nodeValidator (SELECT)
    TermId property_validator = kAnyTerm;             // sh:propertyValidator (SELECT)
  };

  Status read_components() {
    // SHACL instances: the suite declares its components through subclasses.
    const std::vector<TermId> found = g_.instances(g_.iri(sh("ConstraintComponent")));
    for (TermId node : found) {
      CustomComponent component;
      component.node = node;
      for (TermId parameter : values(node, "parameter")) {
        auto path = single(parameter, "path");
        if (!path) return path.error();
        if (*path == kAnyTerm || g_.term(*path).kind != TermKind::Iri) {
          return ill_formed(node, "parameter", "needs an IRI as sh:path");
        }
        bool optional = false;
        if (auto o = single(parameter, "optional"); o && *o != kAnyTerm) {
          auto b = boolean(parameter, "optional", *o);
          if (!b) return b.error();
          optional = *b;
        }
        // Pre-bound names cannot be parameters (SHACL 6.2.1).
        const std::string_view iri = g_.term(*path).value;
        const std::string_view name = iri.substr(iri.find_last_of("#/") + 1);
        for (std::string_view reserved : {"this", "shapesGraph", "currentShape", "value", "PATH"}) {
          if (name == reserved) {
            return ill_formed(node, "parameter", "may not be named $" + std::string(name));
          }
        }
        component.parameters.emplace_back(*path, optional);
      }
      const bool required = std::any_of(component.parameters.begin(), component.parameters.end(),
                                        [](const auto& p) { return !p.second; });
      if (!required) {
        return ill_formed(node, "parameter",
                          "is optional for every parameter: a component needs a required one");
      }
      for (auto [local, into] : {std::pair{"validator", &component.validator},
                                 std::pair{"nodeValidator", &component.node_validator},
                                 std::pair{"propertyValidator", &component.property_validator}}) {
        auto v = single(node, local);
        if (!v) return v.error();
        *into = *v;
      }
      components_.push_back(std::move(component));
    }
    return {};
  }

  // The uses of SPARQL-based constraint components by `node` (6.2.3): one
  // per combination of its values for the component's parameters.
  Status read_components_used(TermId node, Shape& shape) {
    for (const CustomComponent& component : components_) {
      std::vector<std::pair<std::string, std::vector<TermId>>> given;
      bool usable = !component.parameters.empty();
      for (const auto& [path, optional] : component.parameters) {
        std::vector<TermId> v;
        g_.objects(node, path, v);
        sort_unique(v);
        if (v.empty()) {
          usable = usable && optional;
          continue;
        }
        const std::string_view iri = g_.term(path).value;
        given.emplace_back(std::string(iri.substr(iri.find_last_of("#/") + 1)), std::move(v));
      }
      if (!usable) continue;
      TermId validator =
          shape.is_property() ? component.property_validator : component.node_validator;
      if (validator == kAnyTerm) validator = component.validator;
      if (validator == kAnyTerm) continue;
      SparqlConstraint base;
      base.node = Term(g_.term(validator));
      base.component = Term(g_.term(component.node));
      const bool ask = g_.object(validator, g_.iri(sh("ask"))) != kAnyTerm;
      if (Status st = read_query(node, validator, ask ? "ask" : "select", base); !st) return st;
      for (TermId m : values(validator, "message")) base.messages.emplace_back(g_.term(m));
      if (base.messages.empty()) {
        for (TermId m : values(component.node, "message")) base.messages.emplace_back(g_.term(m));
      }
      // Every combination of the parameters' values.
      std::vector<std::size_t> at(given.size(), 0);
      while (true) {
        SparqlConstraint use = base;
        for (std::size_t i = 0; i < given.size(); ++i) {
          use.parameters.emplace_back(given[i].first, Term(g_.term(given[i].second[at[i]])));
        }
        add_sparql(shape, std::move(use));
        std::size_t i = 0;
        while (i < given.size() && ++at[i] == given[i].second.size()) at[i++] = 0;
        if (i == given.size()) break;
      }
    }
    return {};
  }

  // The PREFIX lines for the sh:declare of every sh:prefixes value and
  // of what it owl:imports, transitively (5.2.1).
  Expected<std::string> declared_prefixes(TermId node) {
    std::string text;
    std::vector<TermId> todo = values(node, "prefixes");
    std::unordered_set<TermId> seen(todo.begin(), todo.end());
    const TermId imports = g_.iri("http://www.w3.org/2002/07/owl#imports");
    while (!todo.empty()) {
      const TermId from = todo.back();
      todo.pop_back();
      std::vector<TermId> imported;
      g_.objects(from, imports, imported);
      for (TermId i : imported) {
        if (seen.insert(i).second) todo.push_back(i);
      }
      for (TermId declaration : values(from, "declare")) {
        const auto prefix = single(declaration, "prefix");
        const auto ns = single(declaration, "namespace");
        if (!prefix || !ns || *prefix == kAnyTerm || *ns == kAnyTerm) {
          return ill_formed(node, "prefixes",
                            "declares a prefix without sh:prefix and sh:namespace");
        }
        const std::string_view name = g_.term(*prefix).value;
        const bool plain_name = std::all_of(name.begin(), name.end(), [](char c) {
          return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                 c == '_' || c == '-' || c == '.' || static_cast<unsigned char>(c) >= 0x80;
        });
        if (!plain_name) return ill_formed(node, "prefixes", "declares a prefix that is no name");
        const std::string_view iri = g_.term(*ns).value;
        // The namespace goes into query text: nothing may end the IRI early.
        if (iri.find_first_of("<>\"{}|^`\\ \n\r\t") != std::string_view::npos) {
          return ill_formed(node, "prefixes", "declares a namespace that is no IRI");
        }
        text += "PREFIX " + std::string(name) + ": <" + std::string(iri) + ">\n";
      }
    }
    return text;
  }

  DataGraph& g_;
  DataGraph& data_;
  Shapes out_;
  std::unordered_map<TermId, ShapeIndex> index_;
  std::deque<TermId> todo_;
  std::vector<CustomComponent> components_;
};

}  // namespace

std::string component_iri(Component component) {
  for (const auto& [c, name] : kComponentNames) {
    if (c == component) return sh(std::string(name) + "ConstraintComponent");
  }
  return {};
}

Expected<Shapes> read_shapes(DataGraph& shapes, DataGraph& data) {
  return ShapesReader(shapes, data).read();
}

}  // namespace quiver::shacl
