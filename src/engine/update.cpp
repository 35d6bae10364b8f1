// SPARQL 1.1 Update: each request one transaction, each operation run on
// it in order (section 3 of the Update spec; its dataset rules in 3.1.3).

#include <algorithm>
#include <array>
#include <functional>
#include <memory>
#include <optional>
#include <set>

#include "engine/engine.hpp"
#include "eval/evaluator.hpp"
#include "io/reader.hpp"
#include "optimizer/optimizer.hpp"
#include "optimizer/planner.hpp"
#include "store/store_loader.hpp"
#include "terms/triple_term.hpp"

namespace quiver::engine {
namespace {

using sparql::GraphTarget;
using sparql::QuadPattern;
using sparql::UpdateKind;
using sparql::UpdateOperation;

// One position of a template quad: a constant, a column of the WHERE's
// solutions, a variable the WHERE never binds, or a blank node made fresh
// for each solution. The graph of a quad without GRAPH is the template's
// default graph.
// A triple term with variables (SPARQL 1.2) is made per solution from its
// three parts.
struct Slot {
  enum class Kind { Constant, Column, Unbound, Blank, DefaultGraph, Triple };
  Kind kind = Kind::Constant;
  Term term;  // Constant; Blank: its label in the template
  std::size_t column = 0;
  TermId id = kAnyTerm;  // Constant, DefaultGraph: the store's id (kAnyTerm: not there)
  std::shared_ptr<const std::array<Slot, 3>> parts;  // Triple
};
using QuadSlots = std::array<Slot, 4>;

Slot compile(const sparql::PatternTerm& t, const std::vector<std::string>& columns) {
  if (t.triple) {
    Slot slot{Slot::Kind::Triple, {}, 0, kAnyTerm, nullptr};
    slot.parts = std::make_shared<const std::array<Slot, 3>>(std::array<Slot, 3>{
        compile(t.triple->subject, columns), compile(t.triple->predicate, columns),
        compile(t.triple->object, columns)});
    return slot;
  }
  if (t.is_variable) {
    const auto it = std::find(columns.begin(), columns.end(), t.variable);
    if (it == columns.end()) return {Slot::Kind::Unbound, {}, 0, kAnyTerm, nullptr};
    return {
        Slot::Kind::Column, {}, static_cast<std::size_t>(it - columns.begin()), kAnyTerm, nullptr};
  }
  return {t.term.is_blank() ? Slot::Kind::Blank : Slot::Kind::Constant, t.term, 0, kAnyTerm,
          nullptr};
}

std::vector<QuadSlots> compile(const std::vector<QuadPattern>& quads,
                               const std::vector<std::string>& columns) {
  std::vector<QuadSlots> out;
  for (const QuadPattern& q : quads) {
    out.push_back({compile(q.triple.subject, columns), compile(q.triple.predicate, columns),
                   compile(q.triple.object, columns),
                   q.graph ? compile(*q.graph, columns)
                           : Slot{Slot::Kind::DefaultGraph, {}, 0, kAnyTerm, nullptr}});
  }
  return out;
}

// Why `quad` cannot be in a dataset (18.2.3 and Update 3.1.3: such quads
// are left out), or null.
const char* ill_formed(const QuadRef& quad) {
  if (quad.subject.kind == TermKind::Literal) return "a literal in subject position";
  if (quad.predicate.kind != TermKind::Iri) return "a predicate that is not an IRI";
  if (!quad.graph.is_none() && quad.graph.kind != TermKind::Iri) {
    return "a graph name that is not an IRI";
  }
  return nullptr;
}

// The operations of one request, run on its transaction.
class UpdateRun {
 public:
  UpdateRun(Transaction& tx, const UpdateOptions& options, std::atomic<std::uint64_t>& scopes,
            std::string blank_namespace)
      : tx_(tx), options_(options), scopes_(scopes), namespace_(std::move(blank_namespace)) {
    if (options.timeout) deadline_ = std::chrono::steady_clock::now() + *options.timeout;
  }

  Status run(const UpdateOperation& op) {
    if (std::chrono::steady_clock::now() >= deadline_) {
      return Error(ErrorKind::Timeout, "the update timed out");
    }
    if (options_.cancel && options_.cancel->load()) {
      return Error(ErrorKind::Cancelled, "update cancelled");
    }
    switch (op.kind) {
      case UpdateKind::InsertData:
        return insert_data(op);
      case UpdateKind::DeleteData:
        return delete_data(op);
      case UpdateKind::DeleteInsert:
        return modify(op);
      case UpdateKind::Load:
        return load(op);
      case UpdateKind::Clear:
      case UpdateKind::Drop:
        return clear_or_drop(op);
      case UpdateKind::Create:
        return create(op);
      case UpdateKind::Add:
      case UpdateKind::Move:
      case UpdateKind::Copy:
        return transfer(op);
    }
    return Error(ErrorKind::Internal, "unknown update operation");
  }

  UpdateSummary summary;

 private:
  // A prefix for this operation's fresh blank node labels.
  std::string fresh_prefix() { return namespace_ + "b" + std::to_string(++scopes_) + "_"; }

  void note(const char* what) {
    if (noted_.insert(what).second) {
      summary.notes.push_back(std::string("a quad with ") + what + " was left out");
    }
  }

  // The id of an existing graph named `iri`, or kAnyTerm.
  TermId existing_graph(const std::string& iri) const {
    const TermId id = tx_.find_id(Term::iri(iri).ref());
    return id != kAnyTerm && tx_.has_graph(id) ? id : kAnyTerm;
  }

  Error no_graph(const std::string& iri) const {
    return Error(ErrorKind::NotFound, "there is no graph <" + iri + ">");
  }

  // Counts what a change did from the store's size: reading stages the
  // transaction's buffered rows, so it is done once per phase, never per quad.
  template <class Change>
  Status counted(std::uint64_t& counter, bool grows, Change change) {
    const std::uint64_t before = tx_.size();
    if (Status st = change(); !st) return st;
    const std::uint64_t after = tx_.size();
    counter += grows ? after - before : before - after;
    return {};
  }

  Status insert_data(const UpdateOperation& op) {
    const std::string prefix = fresh_prefix();
    // INSERT DATA's blank nodes are new nodes: relabelled once per term.
    std::vector<Term> fresh(op.data.terms.size());
    const auto label = [&prefix](std::string_view written) {
      return prefix + std::string(written);
    };
    for (std::size_t i = 0; i < op.data.terms.size(); ++i) {
      const Term& term = op.data.terms[i];
      if (term.is_blank() || term.is_triple()) fresh[i] = relabel_blank_nodes(term, label);
    }
    return counted(summary.inserted, true, [&]() -> Status {
      for (std::size_t i = 0; i < op.data.quads.size(); ++i) {
        QuadRef quad = op.data.quad(i);
        const auto& q = op.data.quads[i];
        if (!fresh[q[0]].is_none()) quad.subject = fresh[q[0]].ref();
        if (!fresh[q[2]].is_none()) quad.object = fresh[q[2]].ref();
        if (const char* why = ill_formed(quad)) {
          note(why);
          continue;
        }
        if (Status st = tx_.insert(quad); !st) return st;
      }
      return {};
    });
  }

  Status delete_data(const UpdateOperation& op) {
    std::vector<QuadIds> removals;
    for (std::size_t i = 0; i < op.data.quads.size(); ++i) {
      const QuadRef quad = op.data.quad(i);
      if (const char* why = ill_formed(quad)) {
        note(why);
        continue;
      }
      if (auto ids = find_ids(quad)) removals.push_back(*ids);
    }
    return remove_all(removals);
  }

  // The ids of a quad whose terms are all in the store, else nothing.
  std::optional<QuadIds> find_ids(const QuadRef& quad) const {
    QuadIds ids;
    ids.subject = tx_.find_id(quad.subject);
    ids.predicate = tx_.find_id(quad.predicate);
    ids.object = tx_.find_id(quad.object);
    ids.graph = quad.graph.is_none() ? kDefaultGraph : tx_.find_id(quad.graph);
    if (ids.subject == kAnyTerm || ids.predicate == kAnyTerm || ids.object == kAnyTerm ||
        ids.graph == kAnyTerm) {
      return std::nullopt;
    }
    return ids;
  }

  Status remove_all(std::vector<QuadIds>& removals) {
    return counted(summary.removed, false, [&]() -> Status {
      for (const QuadIds& q : removals) {
        if (Status st = tx_.remove(q); !st) return st;
      }
      return {};
    });
  }

  // 3.1.3: USING / USING NAMED make the WHERE's dataset; else WITH names
  // its default graph; else it is the store's. Graphs that do not exist
  // are empty, not errors.
  eval::QueryDataset where_dataset(const UpdateOperation& op) const {
    eval::QueryDataset dataset;
    dataset.data = &tx_;
    const auto id_or_none = [&](const std::string& iri) {
      const TermId id = existing_graph(iri);
      return id == kAnyTerm ? kNoGraph : id;
    };
    if (!op.using_graphs.empty() || !op.using_named.empty()) {
      for (const std::string& iri : op.using_graphs)
        dataset.default_graphs.push_back(id_or_none(iri));
      if (dataset.default_graphs.empty()) dataset.default_graphs.push_back(kNoGraph);
      std::vector<TermId> named;
      for (const std::string& iri : op.using_named) {
        if (const TermId id = existing_graph(iri); id != kAnyTerm) named.push_back(id);
      }
      dataset.named_graphs = std::move(named);
    } else if (op.with) {
      dataset.default_graphs = {id_or_none(*op.with)};
    } else if (options_.union_default_graph) {
      dataset.default_graphs = {kAnyNamedGraph};
    }
    return dataset;
  }

  Status modify(const UpdateOperation& op) {
    const eval::QueryDataset dataset = where_dataset(op);
    sparql::Query query;
    query.form = QueryForm::Select;
    query.variables = op.variables;
    sparql::Op project;
    project.kind = sparql::OpKind::Project;
    project.variables = op.variables;
    project.children = {op.where};
    query.pattern = sparql::make_op(std::move(project));
    const optimizer::PassContext context{&tx_, dataset.default_graphs};
    plan::Plan plan = optimizer::make_plan(optimizer::optimize(std::move(query), context), context);
    eval::EvalOptions eval_options;
    eval_options.deadline = deadline_;
    eval_options.cancel = options_.cancel;
    eval_options.service = options_.service;
    auto where = eval::QueryRun::start(plan, dataset, eval_options);
    if (!where) return where.error();

    std::vector<QuadSlots> deletes = compile(op.delete_quads, op.variables);
    std::vector<QuadSlots> inserts = compile(op.insert_quads, op.variables);
    const Term with = op.with ? Term::iri(*op.with) : Term();
    // The store's ids of the templates' constants, looked up once.
    for (auto* list : {&deletes, &inserts}) {
      for (QuadSlots& slots : *list) {
        for (Slot& slot : slots) {
          if (slot.kind == Slot::Kind::Constant) slot.id = tx_.find_id(slot.term.ref());
          if (slot.kind == Slot::Kind::DefaultGraph) {
            slot.id = op.with ? tx_.find_id(with.ref()) : kDefaultGraph;
          }
        }
      }
    }
    const std::string prefix = fresh_prefix();
    std::vector<QuadIds> removals;
    std::vector<QuadIds> known_inserts;  // every term already in the store
    std::vector<Quad> new_inserts;
    std::array<std::string, 4> labels;  // this solution's fresh blank node labels
    std::array<Term, 4> triples;        // this solution's triple terms made from templates
    std::vector<TermId> row;            // the solution as ids: no term is decoded
    std::uint64_t solution = 0;
    // The term a slot stands for in this solution; nullopt when unbound or
    // (a triple term) ill-formed.
    const std::function<std::optional<Term>(const Slot&)> made =
        [&](const Slot& slot) -> std::optional<Term> {
      switch (slot.kind) {
        case Slot::Kind::Constant:
          return slot.term;
        case Slot::Kind::Column: {
          const TermId id = row[slot.column];
          if (id == kAnyTerm) return std::nullopt;
          return Term(id >= kFirstLocalId ? (*where)->term(id) : tx_.term(id));
        }
        case Slot::Kind::Blank:
          return Term::blank(prefix + std::to_string(solution) + "_" + slot.term.value());
        case Slot::Kind::Triple: {
          const auto s = made((*slot.parts)[0]);
          const auto p = made((*slot.parts)[1]);
          const auto o = made((*slot.parts)[2]);
          if (!s || !p || !o || !(s->is_iri() || s->is_blank()) || !p->is_iri()) {
            return std::nullopt;
          }
          return Term::triple(s->ref(), p->ref(), o->ref());
        }
        case Slot::Kind::Unbound:
        case Slot::Kind::DefaultGraph:
          break;
      }
      return std::nullopt;
    };
    // A quad to delete: every term must be in the store, or it is not there.
    const auto deleted = [&](const QuadSlots& slots) {
      std::array<TermId, 4> ids{};
      for (std::size_t i = 0; i < 4; ++i) {
        const Slot& slot = slots[i];
        ids[i] = slot.kind == Slot::Kind::Column ? row[slot.column] : slot.id;
        if (slot.kind == Slot::Kind::Triple) {
          const std::optional<Term> triple = made(slot);
          ids[i] = triple ? tx_.find_id(triple->ref()) : kAnyTerm;
        }
        if (slot.kind == Slot::Kind::Unbound || ids[i] == kAnyTerm || ids[i] >= kFirstLocalId) {
          return;
        }
      }
      removals.push_back({ids[0], ids[1], ids[2], ids[3]});
    };
    const auto inserted = [&](const QuadSlots& slots) {
      std::array<TermRef, 4> terms;
      std::array<TermId, 4> ids{};
      bool known = true;
      for (std::size_t i = 0; i < 4; ++i) {
        const Slot& slot = slots[i];
        ids[i] = slot.id;
        switch (slot.kind) {
          case Slot::Kind::Constant:
            terms[i] = slot.term.ref();
            break;
          case Slot::Kind::Column:
            ids[i] = row[slot.column];
            if (ids[i] == kAnyTerm) return;
            terms[i] = ids[i] >= kFirstLocalId ? (*where)->term(ids[i]) : tx_.term(ids[i]);
            if (ids[i] >= kFirstLocalId) ids[i] = kAnyTerm;
            break;
          case Slot::Kind::Unbound:
            return;
          case Slot::Kind::Blank:
            labels[i] = prefix + std::to_string(solution) + "_" + slot.term.value();
            terms[i] = TermRef{TermKind::Blank, labels[i], {}, {}};
            ids[i] = kAnyTerm;
            break;
          case Slot::Kind::DefaultGraph:
            terms[i] = with.ref();
            break;
          case Slot::Kind::Triple: {
            std::optional<Term> triple = made(slot);
            if (!triple) return;
            triples[i] = std::move(*triple);
            terms[i] = triples[i].ref();
            ids[i] = kAnyTerm;  // added as a new statement; the store keeps one
            break;
          }
        }
        known = known && ids[i] != kAnyTerm;
      }
      const QuadRef quad{terms[0], terms[1], terms[2], terms[3]};
      if (const char* why = ill_formed(quad)) {
        note(why);
      } else if (known) {
        known_inserts.push_back({ids[0], ids[1], ids[2], ids[3]});
      } else {
        new_inserts.emplace_back(Term(quad.subject), Term(quad.predicate), Term(quad.object),
                                 Term(quad.graph));
      }
    };
    while ((*where)->next_ids(row)) {
      ++solution;
      for (const QuadSlots& slots : deletes) deleted(slots);
      for (const QuadSlots& slots : inserts) inserted(slots);
    }
    if ((*where)->error()) return *(*where)->error();
    if (options_.explain && plan.root) {
      const plan::Counts counts = (*where)->counts();
      *options_.explain +=
          "  WHERE plan (estimated and actual rows):\n" + plan::to_text(*plan.root, &counts);
    }
    where->reset();  // its cursors end before the store changes

    if (Status st = remove_all(removals); !st) return st;
    return counted(summary.inserted, true, [&]() -> Status {
      TermId created = kDefaultGraph;
      for (const QuadIds& q : known_inserts) {
        // Inserting into a named graph makes it exist.
        if (q.graph != kDefaultGraph && q.graph != created) {
          if (Status st = tx_.create_graph(q.graph); !st) return st;
          created = q.graph;
        }
        if (Status st = tx_.insert(q); !st) return st;
      }
      for (const Quad& q : new_inserts) {
        if (Status st = tx_.insert(q.ref()); !st) return st;
      }
      return {};
    });
  }

  Status load(const UpdateOperation& op) {
    TermId graph = kDefaultGraph;
    if (op.target.kind == GraphTarget::Kind::Named) {
      auto id = tx_.intern(Term::iri(op.target.iri).ref());
      if (!id) return id.error();
      graph = *id;
      if (Status st = tx_.create_graph(graph); !st) return st;
    }
    return counted(summary.inserted, true, [&]() -> Status {
      if (const auto path = file_iri_path(op.source)) {
        if (!options_.load_files) {
          return Error(ErrorKind::Unsupported, "LOAD of file: IRIs is not allowed here");
        }
        const auto format = io::format_from_path(*path);
        if (!format) {
          return Error(ErrorKind::Unsupported,
                       "cannot tell the syntax of <" + op.source +
                           "> from its name (use .ttl, .trig, .nt, .nq or .rdf)");
        }
        io::ReadOptions read;
        read.format = *format;
        read.base_iri = op.source;
        read.blank_prefix = fresh_prefix();
        auto loaded = store::load_file(tx_, *path, read, graph);
        return loaded ? Status() : Status(loaded.error());
      }
      if (!options_.load) {
        return Error(ErrorKind::Unsupported,
                     "LOAD <" + op.source + ">: only file: IRIs can be loaded here");
      }
      auto loaded = options_.load(tx_, op.source, graph);
      return loaded ? Status() : Status(loaded.error());
    });
  }

  Status clear_or_drop(const UpdateOperation& op) {
    const bool drop = op.kind == UpdateKind::Drop;
    return counted(summary.removed, false, [&]() -> Status {
      const auto apply = [&](TermId graph) {
        return drop ? tx_.drop_graph(graph) : tx_.clear_graph(graph);
      };
      switch (op.target.kind) {
        case GraphTarget::Kind::Default:
          return tx_.clear_graph(kDefaultGraph);
        case GraphTarget::Kind::Named: {
          const TermId graph = existing_graph(op.target.iri);
          if (graph == kAnyTerm) return no_graph(op.target.iri);
          return apply(graph);
        }
        case GraphTarget::Kind::All:
          if (Status st = tx_.clear_graph(kDefaultGraph); !st) return st;
          [[fallthrough]];
        case GraphTarget::Kind::AllNamed:
          for (const TermId graph : tx_.graph_names()) {
            if (Status st = apply(graph); !st) return st;
          }
          return {};
      }
      return {};
    });
  }

  Status create(const UpdateOperation& op) {
    if (existing_graph(op.target.iri) != kAnyTerm) {
      return Error(ErrorKind::Conflict, "graph <" + op.target.iri + "> already exists");
    }
    auto id = tx_.intern(Term::iri(op.target.iri).ref());
    if (!id) return id.error();
    return tx_.create_graph(*id);
  }

  // ADD, COPY and MOVE (3.2.5-3.2.7).
  Status transfer(const UpdateOperation& op) {
    if (op.from == op.target) return {};
    TermId from = kDefaultGraph;
    if (op.from.kind == GraphTarget::Kind::Named) {
      from = existing_graph(op.from.iri);
      if (from == kAnyTerm) return no_graph(op.from.iri);
    }
    TermId to = kDefaultGraph;
    if (op.target.kind == GraphTarget::Kind::Named) {
      auto id = tx_.intern(Term::iri(op.target.iri).ref());
      if (!id) return id.error();
      to = *id;
    }
    std::vector<QuadIds> quads;
    {
      QuadIds pattern;
      pattern.graph = from;
      const auto cursor = tx_.match(pattern);
      std::array<QuadIds, 256> batch;
      while (const std::size_t n = cursor->next(batch.data(), batch.size())) {
        quads.insert(quads.end(), batch.begin(), batch.begin() + static_cast<std::ptrdiff_t>(n));
      }
    }
    if (op.kind != UpdateKind::Add && (to == kDefaultGraph || tx_.has_graph(to))) {
      if (Status st = tx_.clear_graph(to); !st) return st;
    }
    if (to != kDefaultGraph) {
      if (Status st = tx_.create_graph(to); !st) return st;
    }
    for (QuadIds& q : quads) {
      q.graph = to;
      if (Status st = tx_.insert(q); !st) return st;
    }
    if (op.kind == UpdateKind::Move) {
      return from == kDefaultGraph ? tx_.clear_graph(from) : tx_.drop_graph(from);
    }
    return {};
  }

  Transaction& tx_;
  const UpdateOptions& options_;
  std::atomic<std::uint64_t>& scopes_;
  std::string namespace_;
  std::chrono::steady_clock::time_point deadline_ = std::chrono::steady_clock::time_point::max();
  std::set<std::string, std::less<>> noted_;
};

}  // namespace

Expected<UpdateSummary> Engine::update(const sparql::Update& update, const UpdateOptions& options) {
  auto tx = store_->begin();
  if (!tx) return tx.error();
  UpdateRun run(**tx, options, blank_scopes_, store_->blank_namespace());
  const std::size_t count = update.operations.size();
  for (std::size_t i = 0; i < count; ++i) {
    const UpdateOperation& op = update.operations[i];
    if (options.explain) {
      *options.explain += "operation " + std::to_string(i + 1) + ": " +
                          std::string(sparql::update_keyword(op.kind)) + " at " +
                          std::to_string(op.line) + ":" + std::to_string(op.column) + "\n";
    }
    const Transaction::Savepoint point = (*tx)->savepoint();
    Status st = run.run(op);
    if (st) continue;
    const ErrorKind kind = st.error().kind;
    // SILENT hides a failure of the operation, never the request's own end.
    if (op.silent && kind != ErrorKind::Timeout && kind != ErrorKind::Cancelled) {
      (*tx)->rollback_to(point);
      continue;
    }
    Error error = st.error();
    const std::string where = std::string(sparql::update_keyword(op.kind)) + " at " +
                              std::to_string(op.line) + ":" + std::to_string(op.column) +
                              " (operation " + std::to_string(i + 1) + " of " +
                              std::to_string(count) + ")";
    if (error.where.line == 0) {
      error.where.line = op.line;
      error.where.column = op.column;
    }
    error.message = where + ": " + error.message + "; nothing was applied";
    return error;
  }
  if (Status st = (*tx)->commit(); !st) return st.error();
  return run.summary;
}

}  // namespace quiver::engine
