// The builtins by name: the family tables merged into one index.

#include "functions/registry.hpp"

#include <string>
#include <unordered_map>

#include "functions/builtins_internal.hpp"

namespace quiver::functions {
namespace {

using detail::BuiltinEntry;

/// Every builtin by name, built once.
const std::unordered_map<std::string, const BuiltinEntry*>& builtin_index() {
  static const auto* index = [] {
    auto* map = new std::unordered_map<std::string, const BuiltinEntry*>;
    for (auto family :
         {detail::term_builtins(), detail::string_builtins(), detail::regex_builtins(),
          detail::hash_builtins(), detail::numeric_datetime_builtins()}) {
      for (const BuiltinEntry& entry : family) map->emplace(entry.name, &entry);
    }
    return map;
  }();
  return *index;
}

}  // namespace

Value call_builtin(std::string_view name, const std::vector<Value>& args, FunctionContext& ctx) {
  const std::string upper = ascii_upper(name);
  const auto& index = builtin_index();
  const auto it = index.find(upper);
  if (it == index.end()) return std::nullopt;
  const BuiltinEntry& entry = *it->second;
  if (args.size() < entry.min_args || args.size() > entry.max_args) return std::nullopt;
  std::vector<Term> terms;
  terms.reserve(args.size());
  for (const Value& arg : args) {
    if (!arg) return std::nullopt;
    terms.push_back(*arg);
  }
  return entry.fn(terms, ctx);
}

}  // namespace quiver::functions
