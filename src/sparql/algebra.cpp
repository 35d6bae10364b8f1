#include "sparql/algebra.hpp"

#include <utility>

namespace quiver::sparql {

OpPtr make_op(Op op) { return std::make_shared<const Op>(std::move(op)); }
ExprPtr make_expr(Expr expr) { return std::make_shared<const Expr>(std::move(expr)); }
PathPtr make_path(Path path) { return std::make_shared<const Path>(std::move(path)); }

}  // namespace quiver::sparql
