#include "shacl/report.hpp"

#include <string>
#include <unordered_map>
#include <unordered_set>

#include "shacl/vocabulary.hpp"

namespace quiver::shacl {
namespace {

class ReportWriter {
 public:
  ReportWriter(const Shapes& shapes, const DataGraph& data, bool shapes_are_data)
      : shapes_(shapes), data_(data), shape_prefix_(shapes_are_data ? "d" : "s") {}

  std::vector<Quad> write(const std::vector<ValidationResult>& results) {
    const Term report = Term::blank("vreport");
    add(report, Term::iri(vocab::kRdfType), Term::iri(sh("ValidationReport")));
    add(report, Term::iri(sh("conforms")),
        Term::literal(results.empty() ? "true" : "false", kXsdBoolean));
    for (std::size_t i = 0; i < results.size(); ++i) {
      const ValidationResult& r = results[i];
      const Shape& shape = shapes_.shapes[r.shape];
      const Term node = Term::blank("vr" + std::to_string(i + 1));
      add(report, Term::iri(sh("result")), node);
      add(node, Term::iri(vocab::kRdfType), Term::iri(sh("ValidationResult")));
      add(node, Term::iri(sh("focusNode")), data_term(r.focus));
      if (r.path.is_blank()) {
        // A copy per result: each result's path is a structure of its own.
        const std::string prefix = "vr" + std::to_string(i + 1) + "p";
        add(node, Term::iri(sh("resultPath")), relabel(r.path, prefix));
        copy_path(r.path, prefix);
      } else if (!r.path.is_none()) {
        add(node, Term::iri(sh("resultPath")), r.path);
      }
      if (r.value) add(node, Term::iri(sh("value")), data_term(*r.value));
      add(node, Term::iri(sh("sourceShape")), shapes_term(shape.node));
      const SparqlConstraint* sparql = r.sparql ? &shapes_.sparql[*r.sparql] : nullptr;
      add(node, Term::iri(sh("sourceConstraintComponent")),
          sparql != nullptr && !sparql->component.is_none()
              ? sparql->component
              : Term::iri(component_iri(r.component)));
      add(node, Term::iri(sh("resultSeverity")), shape.severity);
      if (sparql != nullptr && sparql->component.is_none()) {
        add(node, Term::iri(sh("sourceConstraint")), shapes_term(sparql->node));
      }
      for (const Term& m : r.messages) add(node, Term::iri(sh("resultMessage")), m);
    }
    return std::move(quads_);
  }

 private:
  // The path triples from blank node `node`, copied as a tree with fresh
  // labels behind `prefix`: a blank node the shapes graph shares between
  // two places (`( _:p _:p )`) is two nodes of the copy, as a reader of
  // the path expects.
  void copy_path(const Term& node, const std::string& prefix) {
    if (path_index_.empty()) {
      for (std::size_t i = 0; i < shapes_.path_triples.size(); ++i) {
        path_index_[shapes_.path_triples[i].subject].push_back(i);
      }
    }
    std::size_t fresh = 0;
    std::vector<std::pair<Term, Term>> todo{{node, relabel(node, prefix)}};
    while (!todo.empty()) {
      const auto [original, copy] = std::move(todo.back());
      todo.pop_back();
      const auto it = path_index_.find(original);
      if (it == path_index_.end()) continue;
      for (std::size_t i : it->second) {
        const Quad& q = shapes_.path_triples[i];
        Term object = q.object;
        if (object.is_blank()) {
          object = Term::blank(prefix + "_" + std::to_string(++fresh));
          todo.emplace_back(q.object, object);
        }
        add(copy, q.predicate, object);
      }
    }
  }

  void add(const Term& s, const Term& p, const Term& o) { quads_.emplace_back(s, p, o); }

  Term relabel(const Term& t, const std::string& prefix) const {
    return t.is_blank() ? Term::blank(prefix + t.value()) : t;
  }
  Term data_term(TermId id) const { return relabel(Term(data_.term(id)), "d"); }
  Term shapes_term(const Term& t) const { return relabel(t, shape_prefix_); }

  const Shapes& shapes_;
  const DataGraph& data_;
  std::string shape_prefix_;
  std::vector<Quad> quads_;
  std::unordered_map<Term, std::vector<std::size_t>> path_index_;
};

}  // namespace

std::vector<Quad> report_quads(const Shapes& shapes, const DataGraph& data,
                               const std::vector<ValidationResult>& results, bool shapes_are_data) {
  return ReportWriter(shapes, data, shapes_are_data).write(results);
}

}  // namespace quiver::shacl
