// Literals must be in the lexical space of their datatype:
// "abc"^^xsd:integer, "2024-13"^^xsd:gYearMonth. Datatypes we do not know
// are not errors (see xsd/lexical.hpp for the ones we do).

#include "terms/term_writer.hpp"
#include "validate/checks.hpp"
#include "xsd/lexical.hpp"

namespace quiver::validate {

void check_literals(const CheckContext& context, std::vector<Finding>& out) {
  const auto& statements = context.corpus.statements();
  for (std::size_t i = 0; i < statements.size(); ++i) {
    const Statement& st = statements[i];
    if (context.corpus.files()[st.file].role != Role::Data) continue;
    const Quad& q = st.quad;
    if (!q.object.is_literal()) continue;
    if (xsd::check_lexical(q.object.datatype(), q.object.value()) != xsd::LexicalCheck::Invalid) {
      continue;
    }
    std::string lexical;
    append_quoted_string(lexical, q.object.value());
    out.push_back({i, Part::Object,
                   lexical + " is not a valid " + context.names.iri(q.object.datatype()) +
                       " (the object of " + context.names.term(q.subject) + " " +
                       context.names.iri(q.predicate.value()) + ")"});
  }
}

}  // namespace quiver::validate
