#pragma once
/// @file
/// The registry of SPARQL's functions: one entry per Function id saying how
/// a query spells it, how many arguments it takes, whether the evaluator
/// must handle it itself (a special form), whether its value may change
/// from call to call (volatile), and its implementation; and one entry per
/// set function (Aggregate) with the factory of its Aggregator. The parser,
/// the constant folding pass, the evaluator and the SSE printer all read
/// these tables.

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string_view>

#include "functions/function.hpp"
#include "functions/value.hpp"
#include "terms/term.hpp"

namespace quiver::functions {

/// How a query writes a function.
enum class Syntax : std::uint8_t {
  /// A builtin call, `STRLEN(...)` ([121]); the keyword in any case.
  Keyword,
  /// An operator (`+`, `&&`, `IN`, `NOT IN`), placed by the grammar.
  Operator,
  /// A call by IRI (17.5): the XSD constructor functions.
  Iri,
};

/// Whether a function's value depends on its arguments alone.
enum class Determinism : std::uint8_t {
  /// The same arguments give the same value (the query's BASE is fixed).
  Deterministic,
  /// One value for the whole query execution (NOW).
  PerQuery,
  /// A new value per call (RAND, UUID, STRUUID, BNODE).
  PerCall,
};

/// The arguments of a call, every one evaluated without error.
using Args = std::span<const Term>;

/// The implementation of a function that is not a special form.
using Implementation = Value (*)(Args args, FunctionContext& ctx);

/// FunctionInfo::max_args of a function taking any number of arguments.
inline constexpr std::uint8_t kVariadic = 255;

/// One entry of the registry.
struct FunctionInfo {
  /// The function this entry describes.
  Function id;
  /// Keyword: the SPARQL keyword in upper case; Operator: its symbol or
  /// words (`NOT IN`); Iri: the full IRI.
  std::string_view name;
  /// How a query writes it.
  Syntax syntax;
  /// The fewest arguments a call takes.
  std::uint8_t min_args;
  /// The most arguments a call takes; kVariadic for no limit.
  std::uint8_t max_args;
  /// True for the forms the evaluator computes itself because they do not
  /// evaluate every argument first, or treat errors in them specially
  /// (`||`, `&&`, IN, NOT IN, BOUND, IF, COALESCE); they have no
  /// implementation here.
  bool special;
  /// Whether the value depends on the arguments alone.
  Determinism determinism;
  /// The function itself; null for special forms.
  Implementation implementation;
};

/// The registry's table, indexed by Function (use function_info()).
extern const std::array<FunctionInfo, kFunctionCount> kFunctionTable;

/// The entry of `f`.
inline const FunctionInfo& function_info(Function f) {
  return kFunctionTable[static_cast<std::size_t>(f)];
}

/// True when a call may give another value at another time with the same
/// arguments (RAND, NOW, UUID, STRUUID, BNODE): it must not be computed
/// ahead of its evaluation.
inline bool is_volatile(Function f) {
  return function_info(f).determinism != Determinism::Deterministic;
}

/// The builtin call a keyword names, in any case (`STR`, `isIri`); nullopt
/// for other words, operators included.
std::optional<Function> find_builtin(std::string_view keyword);

/// The XSD constructor function of the datatype `iri`; nullopt for any
/// other IRI.
std::optional<Function> find_cast(std::string_view iri);

/// Calls `f` on evaluated arguments; an error when `f` is a special form or
/// the number of arguments is not one it takes. (Every function that is not
/// a special form is strict: a caller with an error argument has its
/// answer, an error, without calling.)
Value call_builtin(Function f, Args args, FunctionContext& ctx);

// --- set functions (18.5.1)

/// An aggregate over the values of one group (18.5.1).
class Aggregator {
 public:
  virtual ~Aggregator() = default;
  /// Adds one evaluated value (nullopt for an error; COUNT(*) adds a
  /// placeholder term per solution).
  virtual void add(const Value& value) = 0;
  /// The aggregate's value; nullopt for an error (e.g. SUM over an IRI).
  virtual Value result() const = 0;
};

/// Makes the aggregator of one set function: `separator` is GROUP_CONCAT's,
/// `count_star` says COUNT(*) (the others ignore both).
using AggregatorFactory = std::unique_ptr<Aggregator> (*)(std::string_view separator,
                                                          bool count_star);

/// One entry of the set functions' registry.
struct AggregateInfo {
  /// The set function this entry describes.
  Aggregate id;
  /// Its SPARQL keyword, in upper case.
  std::string_view name;
  /// Makes its aggregator (without DISTINCT).
  AggregatorFactory make;
};

/// The set functions' table, indexed by Aggregate (use aggregate_info()).
extern const std::array<AggregateInfo, kAggregateCount> kAggregateTable;

/// The entry of `a`.
inline const AggregateInfo& aggregate_info(Aggregate a) {
  return kAggregateTable[static_cast<std::size_t>(a)];
}

/// The set function a keyword names, in any case (`COUNT`, `group_concat`);
/// nullopt for other words.
std::optional<Aggregate> find_aggregate(std::string_view keyword);

/// Makes the aggregator of `a` for one group. `distinct` drops repeated
/// values first; `separator` is for GROUP_CONCAT; `count_star` is COUNT(*).
std::unique_ptr<Aggregator> make_aggregator(Aggregate a, bool distinct, std::string_view separator,
                                            bool count_star);

}  // namespace quiver::functions
