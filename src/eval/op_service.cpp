// SERVICE (SPARQL 1.1 Federated Query): the pattern goes, as written, to
// the endpoint through the ServiceClient the caller gave; the answer is
// joined with the seed. The bindings the seed already has for the
// pattern's variables travel as a VALUES row, so a bind join asks only for
// what it can use; each distinct request is made once per query.

#include <map>

#include "eval/operators.hpp"
#include "sparql/variables.hpp"
#include "terms/term_writer.hpp"

namespace quiver::eval {
namespace {

class ServiceOperator final : public Operator {
 public:
  ServiceOperator(EvalContext& ctx, const plan::Node& node) : Operator(ctx, node) {
    const sparql::Op& op = *node.op;
    for (std::string& name : sparql::in_scope_variables(*op.children.at(0))) {
      // Blank node labels are variables here and unknown to the endpoint.
      if (!name.starts_with("_:")) variables_.push_back(std::move(name));
    }
    slots_ = slots_of(ctx, variables_);
    if (op.graph.is_variable) {
      endpoint_slot_ = ctx.vars().find(op.graph.variable);
    } else {
      endpoint_ = op.graph.term.value();
    }
    merged_.resize(ctx.width());
  }

  void open(const TermId* seed, const std::vector<TermId>*) override {
    seed_ = seed;
    rows_ = nullptr;
    started_ = false;
    at_ = 0;
  }

 protected:
  bool next(RowBatch& out) override {
    out.clear();
    if (ctx_.stopped()) return false;
    if (!started_) {
      started_ = true;
      rows_ = fetch();
    }
    if (rows_ == nullptr) return false;
    for (; at_ < rows_->size() && !out.full(); ++at_) {
      const TermId* row = rows_->row(at_);
      if (!compatible(row, seed_, ctx_.width())) continue;
      merge_rows(row, seed_, merged_.data(), ctx_.width());
      out.push(merged_.data());
    }
    return !out.empty() && !ctx_.stopped();
  }

 private:
  // The endpoint's answer for this seed, or null after failing the query.
  const Table* fetch() {
    const sparql::Op& op = *node_.op;
    std::string endpoint = endpoint_;
    if (endpoint_slot_ != kNoSlot) {
      const TermId id = seed_[endpoint_slot_];
      const TermRef term = id == kAnyTerm ? TermRef{} : ctx_.decode_ref(id);
      if (term.kind != TermKind::Iri) {
        return failed(Error(ErrorKind::Invalid, "SERVICE ?" + op.graph.variable +
                                                    ": the variable is not bound to an IRI"));
      }
      endpoint = std::string(term.value);
    }
    std::string key = endpoint, names, values;
    for (std::size_t i = 0; i < slots_.size(); ++i) {
      if (slots_[i] == kNoSlot || seed_[slots_[i]] == kAnyTerm) continue;
      const TermRef term = ctx_.decode_ref(seed_[slots_[i]]);
      if (term.kind == TermKind::Blank) continue;  // means nothing to the endpoint
      std::string written;
      append_ntriples(written, term);
      names += " ?" + variables_[i];
      values += " " + written;
      key += '\x1f' + variables_[i] + '\x1f' + written;
    }
    if (const auto it = cache_.find(key); it != cache_.end()) return &it->second;
    std::string query = op.service_prologue + "SELECT * WHERE {";
    if (!names.empty()) query += " VALUES (" + names + " ) { (" + values + " ) }";
    query += " " + op.service_pattern + " }";

    const ServiceClient* client = ctx_.options().service;
    Expected<QueryResult> answer =
        client ? client->select(endpoint, query, ctx_.options().deadline)
               : Expected<QueryResult>(Error(ErrorKind::Unsupported,
                                             "SERVICE is not allowed here (a server needs "
                                             "--allow-service)"));
    Table table(ctx_.width());
    if (!answer) {
      // Timeouts and cancellation end the query, SILENT or not.
      const ErrorKind kind = answer.error().kind;
      if (!op.silent || kind == ErrorKind::Timeout || kind == ErrorKind::Cancelled ||
          ctx_.stopped()) {
        Error error = answer.error();
        error.message = "SERVICE <" + endpoint + ">: " + error.message;
        return failed(std::move(error));
      }
      table.push_unbound();  // SILENT: one solution that binds nothing
    } else {
      const std::vector<Slot> columns = slots_of(ctx_, answer->variables);
      std::vector<TermId> row(ctx_.width());
      for (const Solution& solution : answer->solutions) {
        std::fill(row.begin(), row.end(), kAnyTerm);
        for (std::size_t c = 0; c < columns.size() && c < solution.size(); ++c) {
          if (columns[c] != kNoSlot && solution[c]) row[columns[c]] = ctx_.encode(*solution[c]);
        }
        table.push(row.data());
        if (!ctx_.tick()) return nullptr;
      }
    }
    return &cache_.emplace(std::move(key), std::move(table)).first->second;
  }

  const Table* failed(Error error) {
    ctx_.fail(std::move(error));
    return nullptr;
  }

  std::vector<std::string> variables_;
  std::vector<Slot> slots_;
  std::string endpoint_;
  Slot endpoint_slot_ = kNoSlot;
  std::map<std::string, Table> cache_;
  std::vector<TermId> merged_;
  const TermId* seed_ = nullptr;
  const Table* rows_ = nullptr;
  bool started_ = false;
  std::size_t at_ = 0;
};

}  // namespace

std::unique_ptr<Operator> make_service(EvalContext& ctx, const plan::Node& node) {
  return std::make_unique<ServiceOperator>(ctx, node);
}

}  // namespace quiver::eval
