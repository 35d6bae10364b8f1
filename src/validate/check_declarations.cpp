// Used but not declared: every predicate of the data must be a property of
// the ontology, every rdf:type value one of its classes.

#include "validate/checks.hpp"
#include "validate/vocabulary.hpp"

namespace quiver::validate {

void check_declarations(const CheckContext& context, std::vector<Finding>& out) {
  const auto& statements = context.corpus.statements();
  for (std::size_t i = 0; i < statements.size(); ++i) {
    const Statement& st = statements[i];
    if (context.corpus.files()[st.file].role != Role::Data) continue;
    const Quad& q = st.quad;
    const std::string& predicate = q.predicate.value();
    if (!context.ontology.declares_property(predicate)) {
      out.push_back({i, Part::Predicate,
                     context.names.term(q.subject) + " uses property " +
                         context.names.iri(predicate) + ", which the ontology does not declare"});
    }
    if (predicate == vocab::kRdfType && q.object.is_iri() &&
        !context.ontology.declares_class(q.object.value())) {
      out.push_back({i, Part::Object,
                     context.names.term(q.subject) + " has type " +
                         context.names.iri(q.object.value()) +
                         ", which the ontology does not declare"});
    }
  }
}

}  // namespace quiver::validate
