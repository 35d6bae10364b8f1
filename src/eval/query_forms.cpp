#include "eval/query_forms.hpp"

#include <optional>

namespace quiver::eval {
namespace {

// A template blank node, as a constant blank term or a `_:` variable;
// returns its label key.
std::optional<std::string> template_blank(const sparql::PatternTerm& t) {
  if (t.is_variable) {
    if (t.variable.starts_with("_:") && !t.variable.starts_with(sparql::kStandInPrefix)) {
      return t.variable;
    }
    return std::nullopt;
  }
  if (t.term.is_blank()) return "_:" + t.term.value();
  return std::nullopt;
}

// The top Project's variables (DESCRIBE *), or every named variable.
std::vector<std::string> describe_all_variables(const EvalContext& ctx, const sparql::Op* op) {
  while (op && !op->children.empty() && op->kind != sparql::OpKind::Project) {
    if (op->kind != sparql::OpKind::Slice && op->kind != sparql::OpKind::Distinct &&
        op->kind != sparql::OpKind::Reduced && op->kind != sparql::OpKind::OrderBy) {
      break;
    }
    op = op->children[0].get();
  }
  if (op && op->kind == sparql::OpKind::Project) return op->variables;
  std::vector<std::string> out;
  for (Slot s = 0; s < ctx.width(); ++s) {
    if (!ctx.vars().name(s).starts_with("_:")) out.push_back(ctx.vars().name(s));
  }
  return out;
}

}  // namespace

ConstructTemplate::ConstructTemplate(EvalContext& ctx, const sparql::Query& query)
    : ctx_(ctx), query_(query) {}

// Fresh blank node labels that no data blank node uses.
TermId ConstructTemplate::fresh_blank() {
  for (;;) {
    const Term t = Term::blank("cb" + std::to_string(counter_++));
    if (ctx_.data().find_id(t.ref()) == kAnyTerm) return ctx_.encode(t);
  }
}

TermId ConstructTemplate::resolve(const sparql::PatternTerm& t, const TermId* row) {
  if (t.triple) {  // a triple term with variables, made from this solution
    const TermId s = resolve(t.triple->subject, row);
    const TermId p = resolve(t.triple->predicate, row);
    const TermId o = resolve(t.triple->object, row);
    if (s == kAnyTerm || p == kAnyTerm || o == kAnyTerm) return kAnyTerm;
    const Term subject(ctx_.decode_ref(s));
    const Term predicate(ctx_.decode_ref(p));
    const Term object(ctx_.decode_ref(o));
    if (!(subject.is_iri() || subject.is_blank()) || !predicate.is_iri()) return kAnyTerm;
    return ctx_.encode(Term::triple(subject.ref(), predicate.ref(), object.ref()));
  }
  if (auto label = template_blank(t)) {
    auto it = blanks_.find(*label);
    if (it == blanks_.end()) it = blanks_.emplace(*label, fresh_blank()).first;
    return it->second;
  }
  if (!t.is_variable) return ctx_.encode(t.term);
  const Slot s = ctx_.vars().find(t.variable);
  return s == kNoSlot ? kAnyTerm : row[s];
}

void ConstructTemplate::instantiate(const TermId* row, std::vector<IdTriple>& out) {
  blanks_.clear();
  for (const auto& tp : query_.construct_template) {
    const IdTriple t{resolve(tp.subject, row), resolve(tp.predicate, row), resolve(tp.object, row)};
    if (t[0] == kAnyTerm || t[1] == kAnyTerm || t[2] == kAnyTerm) continue;
    const TermKind s = ctx_.decode_ref(t[0]).kind;
    if (s == TermKind::Literal || ctx_.decode_ref(t[1]).kind != TermKind::Iri) continue;
    if (seen_.insert(t).second) out.push_back(t);
  }
}

Describer::Describer(EvalContext& ctx, const sparql::Query& query) : ctx_(ctx) {
  if (query.describe.empty()) {
    for (const auto& v : describe_all_variables(ctx, query.pattern.get())) {
      slots_.push_back(ctx.vars().find(v));
    }
  }
  for (const auto& t : query.describe) {
    if (t.is_variable) {
      slots_.push_back(ctx.vars().find(t.variable));
    } else {
      targets_.push_back(ctx.data().find_id(t.term.ref()));
    }
  }
}

void Describer::add_solution(const TermId* row) {
  for (Slot s : slots_) {
    if (s != kNoSlot && row[s] != kAnyTerm) targets_.push_back(row[s]);
  }
}

std::vector<IdTriple> Describer::describe() {
  std::vector<IdTriple> out;
  std::unordered_set<IdTriple, IdTripleHash> seen;
  std::unordered_set<TermId> visited;
  std::vector<TermId> work;
  for (TermId t : targets_) {
    if (t != kAnyTerm && !EvalContext::is_local(t) && visited.insert(t).second) work.push_back(t);
  }
  std::array<QuadIds, 1024> batch;
  while (!work.empty()) {
    const TermId node = work.back();
    work.pop_back();
    for (TermId g : ctx_.default_graphs()) {
      auto cursor = ctx_.data().match({node, kAnyTerm, kAnyTerm, g});
      while (std::size_t n = cursor->next(batch.data(), batch.size())) {
        for (std::size_t i = 0; i < n; ++i) {
          const QuadIds& q = batch[i];
          if (seen.insert({q.subject, q.predicate, q.object}).second) {
            out.push_back({q.subject, q.predicate, q.object});
          }
          if (ctx_.decode_ref(q.object).kind == TermKind::Blank &&
              visited.insert(q.object).second) {
            work.push_back(q.object);
          }
        }
        if (!ctx_.tick(n)) return out;
      }
    }
  }
  return out;
}

}  // namespace quiver::eval
