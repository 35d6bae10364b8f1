#include "eval/solution.hpp"

namespace quiver::eval {

Slot VariableTable::add(std::string_view name) {
  auto [it, inserted] = slots_.try_emplace(std::string(name), names_.size());
  if (inserted) names_.emplace_back(name);
  return it->second;
}

Slot VariableTable::find(std::string_view name) const {
  auto it = slots_.find(std::string(name));
  return it == slots_.end() ? kNoSlot : it->second;
}

}  // namespace quiver::eval
