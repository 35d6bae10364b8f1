#include "sparql/algebra.hpp"

#include <algorithm>
#include <utility>

namespace quiver::sparql {

namespace {

template <class Ptr>
std::uint32_t height_of(const Ptr& p) {
  return p ? p->height : 0;
}

template <class Ptr>
std::uint32_t tallest(const std::vector<Ptr>& ptrs) {
  std::uint32_t h = 0;
  for (const auto& p : ptrs) h = std::max(h, height_of(p));
  return h;
}

}  // namespace

OpPtr make_op(Op op) {
  std::uint32_t h = std::max({tallest(op.children), tallest(op.exprs), height_of(op.path)});
  for (const auto& b : op.group_keys) h = std::max(h, height_of(b.expr));
  for (const auto& b : op.aggregates) h = std::max(h, height_of(b.expr));
  for (const auto& c : op.order) h = std::max(h, height_of(c.expr));
  op.height = h + 1;
  return std::make_shared<const Op>(std::move(op));
}

ExprPtr make_expr(Expr expr) {
  expr.height = std::max(tallest(expr.args), height_of(expr.pattern)) + 1;
  return std::make_shared<const Expr>(std::move(expr));
}

OpPtr with_children(const Op& op, std::vector<OpPtr> children) {
  Op copy = op;
  copy.children = std::move(children);
  return make_op(std::move(copy));
}

PathPtr make_path(Path path) {
  path.height = tallest(path.args) + 1;
  return std::make_shared<const Path>(std::move(path));
}

}  // namespace quiver::sparql
