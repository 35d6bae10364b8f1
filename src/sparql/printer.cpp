#include "sparql/printer.hpp"

#include "functions/registry.hpp"
#include "terms/term_writer.hpp"
#include "util/ascii.hpp"

namespace quiver::sparql {
namespace {

// SSE writes the absent term as `_`; every other term in Turtle syntax,
// which is SPARQL's.
void append_term(std::string& out, const Term& t) {
  if (t.is_none()) {
    out += "_";
  } else {
    append_turtle_term(out, t.ref());
  }
}

class Printer {
 public:
  explicit Printer(const SseOptions& options) : options_(options) {}

  std::string out;

  void term(const PatternTerm& t) {
    if (t.triple) {
      out += "<<( ";
      term(t.triple->subject);
      out += ' ';
      term(t.triple->predicate);
      out += ' ';
      term(t.triple->object);
      out += " )>>";
    } else if (t.is_variable) {
      out += '?';
      out += t.variable;
    } else {
      append_term(out, t.term);
    }
  }

  void var(const std::string& name) {
    out += '?';
    out += name;
  }

  void triple(const TriplePattern& t) {
    out += "(triple ";
    term(t.subject);
    out += ' ';
    term(t.predicate);
    out += ' ';
    term(t.object);
    out += ')';
  }

  void path(const Path& p) {
    switch (p.kind) {
      case PathKind::Link:
        append_term(out, p.iri);
        return;
      case PathKind::NegatedSet:
        out += "(notoneof";
        for (const Term& t : p.forward) {
          out += ' ';
          append_term(out, t);
        }
        for (const Term& t : p.inverse) {
          out += " (reverse ";
          append_term(out, t);
          out += ')';
        }
        out += ')';
        return;
      default:
        break;
    }
    static constexpr std::string_view kNames[] = {"",      "reverse", "seq",  "alt",
                                                  "path*", "path+",   "path?"};
    out += '(';
    out += kNames[static_cast<int>(p.kind)];
    for (const PathPtr& a : p.args) {
      out += ' ';
      path(*a);
    }
    out += ')';
  }

  void expr(const Expr& e) {
    switch (e.kind) {
      case ExprKind::Constant:
        append_term(out, e.constant);
        return;
      case ExprKind::Variable:
        var(e.name);
        return;
      case ExprKind::Exists:
      case ExprKind::NotExists:
        out += e.kind == ExprKind::Exists ? "(exists " : "(notexists ";
        if (e.pattern) op(*e.pattern, 0);
        out += ')';
        return;
      case ExprKind::Call: {
        const functions::FunctionInfo& info = functions::function_info(e.function);
        if (info.syntax == functions::Syntax::Iri) {
          iri_call(info.name, e.distinct);
        } else {
          // SSE spells a function as SPARQL does, in lower case and in one
          // word: `(strlen ...)`, `(+ ...)`, `(notin ...)`.
          out += '(';
          for (char c : info.name) {
            if (c != ' ') out += to_lower(c);
          }
        }
        break;
      }
      case ExprKind::IriFunction:
        iri_call(e.name, e.distinct);
        break;
      case ExprKind::Aggregate:
        out += '(';
        out += ascii_lower(functions::aggregate_info(e.aggregate).name);
        if (e.distinct) out += " distinct";
        if (e.aggregate == functions::Aggregate::GroupConcat && e.separator != " ") {
          out += " (separator ";
          append_quoted_string(out, e.separator);
          out += ')';
        }
        break;
    }
    for (const ExprPtr& a : e.args) {
      out += ' ';
      if (a) expr(*a);
    }
    out += ')';
  }

  void iri_call(std::string_view iri, bool distinct) {
    out += "(<";
    out += iri;
    out += '>';
    if (distinct) out += " distinct";
  }

  void exprs(const std::vector<ExprPtr>& list) {
    if (list.size() == 1) {
      expr(*list[0]);
      return;
    }
    out += "(exprlist";
    for (const ExprPtr& e : list) {
      out += ' ';
      expr(*e);
    }
    out += ')';
  }

  void op(const Op& o, int depth) {
    out += '(';
    switch (o.kind) {
      case OpKind::Unit:
        out += "table unit";
        break;
      case OpKind::Bgp:
        out += "bgp";
        break;
      case OpKind::PathPattern:
        out += "path";
        break;
      case OpKind::Join:
        out += "join";
        break;
      case OpKind::LeftJoin:
        out += "leftjoin";
        break;
      case OpKind::Filter:
        out += "filter";
        break;
      case OpKind::Union:
        out += "union";
        break;
      case OpKind::Minus:
        out += "minus";
        break;
      case OpKind::Graph:
        out += "graph";
        break;
      case OpKind::Extend:
        out += "extend";
        break;
      case OpKind::Values:
        out += "table";
        break;
      case OpKind::Group:
        out += "group";
        break;
      case OpKind::OrderBy:
        out += "order";
        break;
      case OpKind::Project:
        out += "project";
        break;
      case OpKind::Distinct:
        out += "distinct";
        break;
      case OpKind::Reduced:
        out += "reduced";
        break;
      case OpKind::Slice:
        out += "slice";
        break;
      case OpKind::Service:
        out += o.silent ? "service silent" : "service";
        break;
    }
    if (options_.annotate) {
      const std::string note = options_.annotate(o);
      if (!note.empty()) out += ' ' + note;
    }
    arguments(o, depth);
    const bool left_join_expr = o.kind == OpKind::LeftJoin && !o.exprs.empty();
    if (o.kind != OpKind::Filter) {  // a filter's child follows its expression
      for (const OpPtr& c : o.children) child(*c, depth);
    }
    if (left_join_expr) {
      out += ' ';
      exprs(o.exprs);
    }
    out += ')';
  }

 private:
  void child(const Op& c, int depth) {
    if (options_.indent) {
      out += '\n';
      out.append(static_cast<std::size_t>(depth + 1) * 2, ' ');
    } else {
      out += ' ';
    }
    op(c, depth + 1);
  }

  // What an operator prints between its name and its children.
  void arguments(const Op& o, int depth) {
    switch (o.kind) {
      case OpKind::Bgp:
        for (const TriplePattern& t : o.triples) {
          out += ' ';
          triple(t);
        }
        return;
      case OpKind::PathPattern:
        out += ' ';
        term(o.subject);
        out += ' ';
        if (o.path) path(*o.path);
        out += ' ';
        term(o.object);
        return;
      case OpKind::Filter:
        out += ' ';
        exprs(o.exprs);
        for (const OpPtr& c : o.children) child(*c, depth);
        return;
      case OpKind::Graph:
      case OpKind::Service:
        out += ' ';
        term(o.graph);
        return;
      case OpKind::Extend:
        out += " ((";
        var(o.variable);
        out += ' ';
        if (!o.exprs.empty()) expr(*o.exprs[0]);
        out += "))";
        return;
      case OpKind::Values:
        values(o);
        return;
      case OpKind::Group:
        group(o);
        return;
      case OpKind::OrderBy:
        out += " (";
        for (std::size_t i = 0; i < o.order.size(); ++i) {
          if (i > 0) out += ' ';
          if (o.order[i].descending) out += "(desc ";
          expr(*o.order[i].expr);
          if (o.order[i].descending) out += ')';
        }
        out += ')';
        return;
      case OpKind::Project:
        variable_list(o.variables);
        return;
      case OpKind::Slice:
        out += ' ';
        out += o.offset > 0 ? std::to_string(o.offset) : "_";
        out += ' ';
        out += o.limit >= 0 ? std::to_string(o.limit) : "_";
        return;
      default:
        return;
    }
  }

  void variable_list(const std::vector<std::string>& vars) {
    out += " (";
    for (std::size_t i = 0; i < vars.size(); ++i) {
      if (i > 0) out += ' ';
      var(vars[i]);
    }
    out += ')';
  }

  void values(const Op& o) {
    out += " (vars";
    for (const std::string& v : o.variables) {
      out += ' ';
      var(v);
    }
    out += ')';
    for (const auto& row : o.rows) {
      out += " (row";
      for (std::size_t i = 0; i < row.size() && i < o.variables.size(); ++i) {
        if (!row[i]) continue;
        out += " [";
        var(o.variables[i]);
        out += ' ';
        append_term(out, *row[i]);
        out += ']';
      }
      out += ')';
    }
  }

  void group(const Op& o) {
    out += " (";
    for (std::size_t i = 0; i < o.group_keys.size(); ++i) {
      if (i > 0) out += ' ';
      const Binding& k = o.group_keys[i];
      const bool plain = k.expr && k.expr->kind == ExprKind::Variable && k.expr->name == k.variable;
      if (plain) {
        var(k.variable);
      } else if (k.variable.empty()) {
        expr(*k.expr);
      } else {
        out += '(';
        var(k.variable);
        out += ' ';
        expr(*k.expr);
        out += ')';
      }
    }
    out += ") (";
    for (std::size_t i = 0; i < o.aggregates.size(); ++i) {
      if (i > 0) out += ' ';
      out += '(';
      var(o.aggregates[i].variable);
      out += ' ';
      expr(*o.aggregates[i].expr);
      out += ')';
    }
    out += ')';
  }

  const SseOptions& options_;
};

}  // namespace

std::string to_sse(const Op& op) { return to_sse(op, SseOptions{}); }

std::string to_sse(const Op& op, const SseOptions& options) {
  Printer p(options);
  p.op(op, 0);
  return std::move(p.out);
}

std::string to_sse(const Expr& expr) {
  SseOptions options;
  Printer p(options);
  p.expr(expr);
  return std::move(p.out);
}

std::string to_sse(const Path& path) {
  SseOptions options;
  Printer p(options);
  p.path(path);
  return std::move(p.out);
}

std::string to_sse(const PatternTerm& term) {
  SseOptions options;
  Printer p(options);
  p.term(term);
  return std::move(p.out);
}

std::string to_sse(const Query& query) {
  SseOptions options;
  Printer p(options);
  std::string& out = p.out;
  switch (query.form) {
    case QueryForm::Select:
      out += "(select (";
      for (std::size_t i = 0; i < query.variables.size(); ++i) {
        if (i > 0) out += ' ';
        p.var(query.variables[i]);
      }
      out += ')';
      break;
    case QueryForm::Construct:
      out += "(construct (template";
      for (const TriplePattern& t : query.construct_template) {
        out += ' ';
        p.triple(t);
      }
      out += ')';
      break;
    case QueryForm::Ask:
      out += "(ask";
      break;
    case QueryForm::Describe:
      out += "(describe (";
      for (std::size_t i = 0; i < query.describe.size(); ++i) {
        if (i > 0) out += ' ';
        p.term(query.describe[i]);
      }
      out += ')';
      break;
  }
  for (const std::string& g : query.from) out += " (from <" + g + ">)";
  for (const std::string& g : query.from_named) out += " (from_named <" + g + ">)";
  if (query.pattern) {
    out += ' ';
    p.op(*query.pattern, 0);
  }
  out += ')';
  return out;
}

}  // namespace quiver::sparql
