#include "eval/query_forms.hpp"

#include <array>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>

namespace quiver::eval {
namespace {

struct TripleHash {
  std::size_t operator()(const Triple& t) const {
    return hash_value(t.subject.ref()) * 31 * 31 + hash_value(t.predicate.ref()) * 31 +
           hash_value(t.object.ref());
  }
};

// Collects triples in order, dropping repeats.
class TripleSet {
 public:
  void add(Triple t) {
    if (seen_.insert(t).second) triples_.push_back(std::move(t));
  }
  std::vector<Triple> take() { return std::move(triples_); }

 private:
  std::unordered_set<Triple, TripleHash> seen_;
  std::vector<Triple> triples_;
};

// A template blank node, as a constant blank term or a `_:` variable;
// returns its label key.
std::optional<std::string> template_blank(const sparql::PatternTerm& t) {
  if (t.is_variable) {
    if (t.variable.starts_with("_:")) return t.variable;
    return std::nullopt;
  }
  if (t.term.is_blank()) return "_:" + t.term.value();
  return std::nullopt;
}

// Fresh blank node labels that no data blank node uses.
class FreshBlanks {
 public:
  explicit FreshBlanks(const EvalContext& ctx) : ctx_(ctx) {}
  Term next() {
    for (;;) {
      Term t = Term::blank("cb" + std::to_string(counter_++));
      if (ctx_.data().find_id(t.ref()) == kAnyTerm) return t;
    }
  }

 private:
  const EvalContext& ctx_;
  std::uint64_t counter_ = 0;
};

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

std::vector<Triple> construct_triples(EvalContext& ctx, const sparql::Query& query,
                                      const Table& solutions) {
  TripleSet out;
  FreshBlanks fresh(ctx);
  std::unordered_map<std::string, Term> blanks;
  for (std::size_t r = 0; r < solutions.size(); ++r) {
    const TermId* row = solutions.row(r);
    blanks.clear();
    auto resolve = [&](const sparql::PatternTerm& t) -> std::optional<Term> {
      if (auto label = template_blank(t)) {
        auto it = blanks.find(*label);
        if (it == blanks.end()) it = blanks.emplace(*label, fresh.next()).first;
        return it->second;
      }
      if (!t.is_variable) return t.term;
      Slot s = ctx.vars().find(t.variable);
      if (s == kNoSlot || row[s] == kAnyTerm) return std::nullopt;
      return ctx.decode(row[s]);
    };
    for (const auto& tp : query.construct_template) {
      std::optional<Term> s = resolve(tp.subject);
      std::optional<Term> p = resolve(tp.predicate);
      std::optional<Term> o = resolve(tp.object);
      if (!s || !p || !o || s->is_literal() || s->is_none() || !p->is_iri() || o->is_none()) {
        continue;
      }
      out.add(Triple{std::move(*s), std::move(*p), std::move(*o)});
    }
    if (!ctx.tick()) break;
  }
  return out.take();
}

std::vector<Triple> describe_triples(EvalContext& ctx, const sparql::Query& query,
                                     const Table& solutions) {
  std::vector<TermId> targets;
  auto add_variable = [&](const std::string& name) {
    Slot s = ctx.vars().find(name);
    if (s == kNoSlot) return;
    for (std::size_t r = 0; r < solutions.size(); ++r) {
      if (solutions.row(r)[s] != kAnyTerm) targets.push_back(solutions.row(r)[s]);
    }
  };
  if (query.describe.empty()) {
    for (const auto& v : describe_all_variables(ctx, query.pattern.get())) add_variable(v);
  }
  for (const auto& t : query.describe) {
    if (t.is_variable) {
      add_variable(t.variable);
    } else {
      targets.push_back(ctx.data().find_id(t.term.ref()));
    }
  }
  // Concise bounded description: outgoing triples, recursing through
  // blank-node objects.
  TripleSet out;
  std::unordered_set<TermId> visited;
  std::vector<TermId> work;
  for (TermId t : targets) {
    if (t != kAnyTerm && !EvalContext::is_local(t) && visited.insert(t).second) work.push_back(t);
  }
  std::array<QuadIds, 1024> batch;
  while (!work.empty()) {
    TermId node = work.back();
    work.pop_back();
    for (TermId g : ctx.default_graphs()) {
      auto cursor = ctx.data().match({node, kAnyTerm, kAnyTerm, g});
      while (std::size_t n = cursor->next(batch.data(), batch.size())) {
        for (std::size_t i = 0; i < n; ++i) {
          const QuadIds& q = batch[i];
          out.add(Triple{ctx.decode(q.subject), ctx.decode(q.predicate), ctx.decode(q.object)});
          if (ctx.decode_ref(q.object).kind == TermKind::Blank && visited.insert(q.object).second) {
            work.push_back(q.object);
          }
        }
        if (!ctx.tick(n)) return out.take();
      }
    }
  }
  return out.take();
}

}  // namespace quiver::eval
