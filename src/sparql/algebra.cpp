#include "sparql/algebra.hpp"

#include <utility>

namespace quiver::sparql {

OpPtr make_op(Op op) { return std::make_shared<const Op>(std::move(op)); }
ExprPtr make_expr(Expr expr) { return std::make_shared<const Expr>(std::move(expr)); }
PathPtr make_path(Path path) { return std::make_shared<const Path>(std::move(path)); }

std::string_view operator_symbol(ExprKind kind) {
  switch (kind) {
    case ExprKind::Or:
      return "||";
    case ExprKind::And:
      return "&&";
    case ExprKind::Not:
      return "!";
    case ExprKind::Equal:
      return "=";
    case ExprKind::NotEqual:
      return "!=";
    case ExprKind::Less:
      return "<";
    case ExprKind::Greater:
      return ">";
    case ExprKind::LessEqual:
      return "<=";
    case ExprKind::GreaterEqual:
      return ">=";
    case ExprKind::Add:
    case ExprKind::UnaryPlus:
      return "+";
    case ExprKind::Subtract:
    case ExprKind::UnaryMinus:
      return "-";
    case ExprKind::Multiply:
      return "*";
    case ExprKind::Divide:
      return "/";
    case ExprKind::In:
      return "in";
    case ExprKind::NotIn:
      return "notin";
    default:
      return "";
  }
}

}  // namespace quiver::sparql
