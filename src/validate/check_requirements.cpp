// Required properties, declared in the ontology as restrictions
// (`qv:Claim rdfs:subClassOf [ a owl:Restriction ; owl:onProperty
// qv:claimant ; owl:minCardinality 1 ]`), so that what a claim must have
// is a modelling decision, not code. Only presence is checked: the type of
// the value is the range check's business.

#include "validate/checks.hpp"
#include "validate/vocabulary.hpp"

namespace quiver::validate {
namespace {

/// Whether `subject` has `property` or one of its sub-properties.
bool has_property(const CheckContext& context, const Term& subject, const std::string& property) {
  for (const std::string& predicate : context.facts.predicates(subject)) {
    if (context.ontology.super_properties(predicate).contains(property)) return true;
  }
  return false;
}

/// How a class is called in messages: its English label ("claim"), else
/// its short name.
std::string class_name(const CheckContext& context, const std::string& cls) {
  std::string label = context.ontology.english_label(cls);
  return label.empty() ? context.names.iri(cls) : label;
}

}  // namespace

void check_requirements(const CheckContext& context, std::vector<Finding>& out) {
  const auto& requirements = context.ontology.requirements();
  if (requirements.empty()) return;
  const auto& statements = context.corpus.statements();
  for (std::size_t i = 0; i < statements.size(); ++i) {
    const Statement& st = statements[i];
    if (context.corpus.files()[st.file].role != Role::Data) continue;
    const Quad& q = st.quad;
    if (q.predicate.value() != vocab::kRdfType || !q.object.is_iri()) continue;
    for (const Requirement& r : requirements) {
      if (!context.ontology.is_subclass_of(q.object.value(), r.class_iri)) continue;
      if (has_property(context, q.subject, r.property)) continue;
      out.push_back({i, Part::Subject,
                     class_name(context, r.class_iri) + " " + context.names.term(q.subject) +
                         " has no " + context.names.iri(r.property)});
    }
  }
}

}  // namespace quiver::validate
