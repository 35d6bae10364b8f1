// rdfs:domain and rdfs:range, checked closed-world: a resource fits a
// class only through an rdf:type stated in the data or the ontology (and
// rdfs:subClassOf); nothing is inferred from the domains and ranges
// themselves, which would make every statement trivially valid.

#include "validate/checks.hpp"
#include "validate/vocabulary.hpp"
#include "xsd/datatypes.hpp"

namespace quiver::validate {
namespace {

bool accepts_anything(const std::string& iri) {
  return iri == vocab::kOwlThing || iri == vocab::kRdfsResource;
}

bool has_type_in(const CheckContext& context, const Term& resource, const std::string& cls) {
  for (const std::string& type : context.facts.types(resource)) {
    if (context.ontology.is_subclass_of(type, cls)) return true;
  }
  return false;
}

/// Whether a literal of `datatype` is in the datatype range `range`.
bool literal_fits(const std::string& datatype, const std::string& range) {
  if (range == vocab::kRdfsLiteral) return true;
  if (range == "http://www.w3.org/1999/02/22-rdf-syntax-ns#PlainLiteral") {
    return datatype == quiver::vocab::kXsdString || datatype == quiver::vocab::kRdfLangString;
  }
  return xsd::derives_from(datatype, range);
}

void check_domain(const CheckContext& context, std::size_t index, const Quad& q,
                  const std::string& domain, std::vector<Finding>& out) {
  const Namer& names = context.names;
  const std::string& property = q.predicate.value();
  const auto& types = context.facts.types(q.subject);
  if (types.empty()) {
    out.push_back({index, Part::Subject,
                   names.term(q.subject) + " has no type, expected " + names.iri(domain) +
                       " (the domain of " + names.iri(property) + ")"});
  } else if (!has_type_in(context, q.subject, domain)) {
    out.push_back({index, Part::Predicate,
                   names.term(q.subject) + " is the subject of " + names.iri(property) +
                       ", whose domain is " + names.iri(domain) + ", but it is a " +
                       names.list(types)});
  }
}

void check_range(const CheckContext& context, std::size_t index, const Quad& q,
                 const std::string& range, std::vector<Finding>& out) {
  const Namer& names = context.names;
  const std::string& property = q.predicate.value();
  const std::string statement =
      names.term(q.subject) + " " + names.iri(property) + " " + names.term(q.object);
  if (context.ontology.is_datatype(range)) {
    if (!q.object.is_literal()) {
      out.push_back({index, Part::Object,
                     statement + ": the range of " + names.iri(property) + " is the datatype " +
                         names.iri(range) + ", not a resource"});
    } else if (!literal_fits(q.object.datatype(), range)) {
      out.push_back({index, Part::Object,
                     statement + ": the range of " + names.iri(property) + " is " +
                         names.iri(range) + ", not " + names.iri(q.object.datatype())});
    }
    return;
  }
  if (q.object.is_literal()) {
    out.push_back({index, Part::Object,
                   statement + ": the range of " + names.iri(property) + " is the class " +
                       names.iri(range) + ", not a literal"});
    return;
  }
  const auto& types = context.facts.types(q.object);
  if (types.empty()) {
    out.push_back({index, Part::Object,
                   names.term(q.object) + " has no type, expected " + names.iri(range) +
                       " (the range of " + names.iri(property) + ")"});
  } else if (!has_type_in(context, q.object, range)) {
    out.push_back({index, Part::Object,
                   names.term(q.object) + " is the object of " + names.iri(property) +
                       ", whose range is " + names.iri(range) + ", but it is a " +
                       names.list(types)});
  }
}

}  // namespace

void check_domains_and_ranges(const CheckContext& context, std::vector<Finding>& out) {
  const auto& statements = context.corpus.statements();
  for (std::size_t i = 0; i < statements.size(); ++i) {
    const Statement& st = statements[i];
    if (context.corpus.files()[st.file].role != Role::Data) continue;
    const Quad& q = st.quad;
    for (const std::string& domain : context.ontology.domains(q.predicate.value())) {
      if (!accepts_anything(domain)) check_domain(context, i, q, domain, out);
    }
    for (const std::string& range : context.ontology.ranges(q.predicate.value())) {
      if (!accepts_anything(range)) check_range(context, i, q, range, out);
    }
  }
}

}  // namespace quiver::validate
