#pragma once
// The recursive-descent parser shared by parser.cpp (prologue, query forms,
// solution modifiers), parse_pattern.cpp (group graph patterns),
// parse_triples.cpp (triples, paths, terms), parse_expression.cpp and
// translate.cpp (18.2.4-18.2.5: grouping, projection, modifiers).
//
// Group graph patterns are translated to algebra while they are parsed
// (18.2.2): the algebra of a group depends only on its own elements, and
// the in-scope checks of BIND need the algebra of what came before anyway.
//
// Errors are thrown as SyntaxError and turned into an Error value by
// parse_query: a syntax error ends the whole parse, and unwinding dozens of
// recursive calls by hand would hide the grammar.

#include <cstdint>
#include <deque>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "sparql/algebra.hpp"
#include "sparql/lexer.hpp"
#include "sparql/parser.hpp"
#include "sparql/update.hpp"

namespace quiver::sparql::detail {

/// One projection of a SELECT clause: `?v`, or `(expr AS ?v)`.
struct SelectItem {
  std::string variable;
  ExprPtr expr;  // null for a plain variable
  Token token;   // where it starts, for messages
};

struct SelectClause {
  bool star = false;
  bool distinct = false;
  bool reduced = false;
  std::vector<SelectItem> items;
  Token token;  // the SELECT keyword
};

/// GROUP BY, HAVING, ORDER BY, LIMIT and OFFSET, plus a trailing VALUES.
struct Modifiers {
  bool group_by = false;
  std::vector<Binding> group_keys;
  std::vector<ExprPtr> having;
  std::vector<OrderCondition> order;
  std::int64_t limit = -1;
  std::int64_t offset = 0;
  OpPtr values;
};

/// The aggregates of one query level: each distinct aggregate expression
/// is bound once to a fresh `.aggN` variable (18.2.4.1).
struct AggregateScope {
  std::vector<Binding> aggregates;
  std::unordered_map<std::string, std::string> by_sse;
  bool allowed = false;
};

/// A triples block being collected: Bgp and PathPattern ops in order,
/// adjacent triples sharing one Bgp.
/// A triple term pattern with variables in it (SPARQL 1.2), matched
/// through the fresh variable `var` that stands in its place: `var` must be
/// a triple term whose parts match `s`, `p` and `o` (a nested one being
/// another Unpack on its own fresh variable).
struct Unpack {
  std::string var;
  PatternTerm s, p, o;
};

struct TriplesBlock {
  std::vector<Op> items;
  std::vector<Unpack> unpacks;
  void add_triple(TriplePattern triple);
  void add_path(PatternTerm subject, PathPtr path, PatternTerm object);
  bool empty() const { return items.empty(); }
};

/// The predicate of a triple: a path (patterns) or a plain term.
struct Verb {
  PatternTerm term;
  PathPtr path;  // when set, `term` is unused
};

/// The state of a group graph pattern under translation (18.2.2.6).
struct GroupBuilder {
  OpPtr pattern;  // null: still the empty pattern Z
  std::vector<ExprPtr> filters;
  TriplesBlock block;
  int bgp_id = 0;  // id of the open basic graph pattern, 0 when none
};

class Parser {
 public:
  Parser(std::string_view text, const ParseOptions& options);
  Query parse();
  Update parse_update();

 private:
  // --- tokens (parser.cpp)
  const Token& peek(std::size_t ahead = 0) const;
  const Token& next();
  bool at_punct(std::string_view p, std::size_t ahead = 0) const;
  bool at_word(std::string_view keyword, std::size_t ahead = 0) const;
  bool at_kind(TokenKind kind, std::size_t ahead = 0) const { return peek(ahead).kind == kind; }
  bool accept_punct(std::string_view p);
  bool accept_word(std::string_view keyword);
  void expect_punct(std::string_view p);
  void expect_word(std::string_view keyword);
  [[noreturn]] void fail_at(const Token& token, std::string message) const;
  [[noreturn]] void fail_expected(std::string_view what) const;
  std::string resolve(std::string_view iri) const;
  std::string expand(const Token& pname) const;
  void enter();  // guards recursion depth
  void leave() { --depth_; }
  /// `node`, or a syntax error at the current token when the algebra under
  /// it is taller than kMaxHeight: long chains (`a + b + ...`, `{} {} ...`,
  /// BIND after BIND) grow it without nesting anything.
  template <class Ptr>
  Ptr bounded(Ptr node) const {
    if (node && node->height > kMaxHeight) fail_too_tall();
    return node;
  }
  [[noreturn]] void fail_too_tall() const;

  // --- query forms (parser.cpp)
  void parse_prologue();                          // [4]
  void parse_select_query(Query& query);          // [7]
  OpPtr parse_sub_select();                       // [8]
  SelectClause parse_select_clause();             // [9]
  void parse_construct_query(Query& query);       // [10]
  void parse_describe_query(Query& query);        // [11]
  void parse_ask_query(Query& query);             // [12]
  void parse_dataset_clauses(Query& query);       // [13]
  OpPtr parse_where_clause();                     // [17]
  Modifiers parse_solution_modifier();            // [18]
  void parse_group_clause(Modifiers& modifiers);  // [19]
  void parse_order_clause(Modifiers& modifiers);  // [23]
  OpPtr parse_values_clause();                    // [28]
  OpPtr parse_data_block();                       // [62]
  std::optional<Term> parse_data_block_value();   // [65]
  std::int64_t parse_integer();

  // --- update requests (parse_update.cpp)
  void parse_update_operation(UpdateOperation& op);  // [30]
  void parse_modify(UpdateOperation& op);            // [41]
  using QuadSink = std::function<void(QuadPattern&&)>;
  void parse_quads(const QuadSink& out);  // [48]-[51]
  std::vector<QuadPattern> parse_quad_pattern();
  QuadData parse_quad_data();
  void parse_triples_template(const QuadSink& out,
                              const std::optional<PatternTerm>& graph);  // [52]
  GraphTarget parse_graph_ref_all();                                     // [47]
  GraphTarget parse_graph_or_default();                                  // [45]
  std::string parse_graph_ref();                                         // [46]
  OpPtr quads_as_pattern(const std::vector<QuadPattern>& quads);
  PatternTerm as_match(const PatternTerm& t, TriplesBlock& block);
  void check_variable_allowed() const;

  // --- translation of a query level (translate.cpp)
  OpPtr translate_select(const SelectClause& select, OpPtr where, Modifiers& modifiers,
                         std::vector<std::string>& variables);
  OpPtr translate_modifiers(OpPtr where, Modifiers& modifiers);
  OpPtr apply_grouping(OpPtr pattern, Modifiers& modifiers, bool& grouped);

  // --- group graph patterns (parse_pattern.cpp)
  OpPtr parse_group_graph_pattern(std::vector<ExprPtr>* own_filters = nullptr);      // [53]
  OpPtr parse_group_graph_pattern_sub(std::vector<ExprPtr>* own_filters = nullptr);  // [54]
  bool at_graph_pattern_not_triples() const;                                         // [56]
  void parse_graph_pattern_not_triples(GroupBuilder& g);                             // [56]
  OpPtr parse_group_or_union_graph_pattern();                                        // [67]
  void parse_bind(GroupBuilder& g);                                                  // [60]
  void flush_block(GroupBuilder& g);
  void join_into(GroupBuilder& g, OpPtr op);

  // --- triples and terms (parse_triples.cpp)
  void parse_triples_same_subject(TriplesBlock& out);                                 // [75] [81]
  void parse_property_list_not_empty(const PatternTerm& subject, TriplesBlock& out);  // [77] [83]
  bool at_verb() const;
  Verb parse_verb();  // [78] [84]
  void parse_object_list(const PatternTerm& subject, const Verb& verb, TriplesBlock& out);  // [79]
  PatternTerm parse_graph_node(TriplesBlock& out);    // [104] [105]
  PatternTerm parse_triples_node(TriplesBlock& out);  // [98] [100]
  PatternTerm parse_var_or_term();                    // [106]
  PatternTerm parse_var_or_iri();                     // [107]
  Term parse_iri();                                   // [136]
  Term parse_rdf_literal();                           // [129]
  Term parse_numeric_literal();                       // [130]
  PatternTerm blank_node(std::string_view label);
  PatternTerm fresh_blank_node();
  std::string fresh_name(std::string_view stem);
  void emit(TriplesBlock& out, const PatternTerm& s, const Verb& verb, const PatternTerm& o);
  void emit_path(TriplesBlock& out, const PatternTerm& s, const PathPtr& path,
                 const PatternTerm& o);
  // --- SPARQL 1.2 triple terms, reified triples, annotations
  // (parse_triple_terms.cpp)
  bool at_reified_triple() const;
  bool at_triple_term() const;
  PatternTerm parse_triple_term(TriplesBlock& out);     // TripleTerm
  PatternTerm parse_reified_triple(TriplesBlock& out);  // ReifiedTriple
  void parse_annotation(const PatternTerm& s, const Verb& verb, const PatternTerm& o,
                        TriplesBlock& out);  // Annotation
  OpPtr apply_unpacks(OpPtr bgp, const std::vector<Unpack>& unpacks) const;
  PatternTerm triple_pattern(const PatternTerm& s, const PatternTerm& p, const PatternTerm& o,
                             TriplesBlock& out);
  Verb parse_simple_verb();
  Term parse_triple_term_data();              // TripleTermData (VALUES)
  ExprPtr parse_expr_triple_term();           // ExprTripleTerm
  void expect_triple_term_end();              // ')>>'
  PathPtr parse_path();                       // [88] [89]
  PathPtr parse_path_sequence();              // [90]
  PathPtr parse_path_elt_or_inverse();        // [91] [92]
  PathPtr parse_path_primary();               // [94]
  PathPtr parse_path_negated_property_set();  // [95]

  // --- expressions (parse_expression.cpp)
  ExprPtr parse_expression();                        // [110]
  ExprPtr parse_conditional_and();                   // [112]
  ExprPtr parse_relational();                        // [114]
  ExprPtr parse_additive();                          // [116]
  ExprPtr parse_multiplicative();                    // [117]
  ExprPtr parse_unary();                             // [118]
  ExprPtr parse_primary();                           // [119]
  ExprPtr parse_bracketted_expression();             // [120]
  ExprPtr parse_constraint();                        // [69]
  ExprPtr parse_builtin_call();                      // [121]
  ExprPtr parse_aggregate();                         // [127]
  ExprPtr parse_iri_or_function(bool require_args);  // [128] [70]
  std::vector<ExprPtr> parse_expression_list();      // [72]
  std::vector<ExprPtr> parse_args(std::size_t min, std::size_t max);
  bool at_builtin_call() const;

  std::string_view text_;
  // The tokens read ahead and those consumed since the last
  // release_consumed(): the lexer runs as the parser asks, and a caller may
  // hold a reference to any token read (a function's opening parenthesis,
  // for its message) until then. Only quad templates release tokens, between
  // triples, where no caller holds one: a huge INSERT DATA never holds all
  // its tokens.
  Lexer lexer_;
  std::deque<Token> window_;
  std::size_t window_start_ = 0;  // the index of window_.front()
  std::size_t pos_ = 0;           // the index of the next token
  Token& token_at(std::size_t index) { return window_[index - window_start_]; }
  const Token& token_at(std::size_t index) const { return window_[index - window_start_]; }
  const Token& previous() const { return token_at(pos_ > 0 ? pos_ - 1 : 0); }
  void release_consumed();
  std::string base_;
  std::unordered_map<std::string, std::string> prefixes_;
  std::vector<std::pair<std::string, std::string>> declared_prefixes_;
  std::unordered_set<std::string> used_labels_;     // every `_:x` in the text
  std::unordered_map<std::string, int> label_bgp_;  // label -> its basic graph pattern
  int bgp_counter_ = 0;
  int current_bgp_ = 0;         // where blank node labels are being used now
  bool template_mode_ = false;  // blank nodes are terms, not variables
  bool allow_paths_ = true;
  // Update: where variables or blank nodes are refused, the construct
  // named in the error ("DELETE DATA"); empty where they are allowed.
  std::string_view no_variables_;
  std::string_view no_blank_nodes_;
  // Update: the INSERT DATA operation being parsed (from 1; 0 outside),
  // and which operation used each blank node label first: one label in
  // two INSERT DATA operations of a request is an error (19.6).
  // Update: every IRI must resolve to an absolute one, since what a
  // request inserts is stored (a query may match relative ones as written).
  bool absolute_iris_ = false;
  int data_operation_ = 0;
  int insert_data_operations_ = 0;
  std::unordered_map<std::string, int> data_labels_;
  std::uint64_t fresh_counter_ = 0;
  AggregateScope* aggregates_ = nullptr;
  int depth_ = 0;
};

/// Tokenizes `text` and runs `parse` (a Parser member's call) on it, a
/// thrown SyntaxError becoming an Error with its line and column.
template <class Parse>
auto run_parser(std::string_view text, const ParseOptions& options, Parse parse)
    -> Expected<decltype(parse(std::declval<Parser&>()))> {
  if (Status st = check_request_text(text); !st) return st.error();
  try {
    Parser parser(text, options);
    return parse(parser);
  } catch (const SyntaxError& e) {
    return syntax_error(text, e.offset, e.message);
  }
}

/// A builder for Expr nodes.
ExprPtr make_call(functions::Function function, std::vector<ExprPtr> args);
ExprPtr make_constant(Term term);
ExprPtr make_variable(std::string name);

}  // namespace quiver::sparql::detail
