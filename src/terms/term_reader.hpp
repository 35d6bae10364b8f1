#pragma once
/// @file
/// The one reader of term syntax: the token rules Turtle and SPARQL share
/// (IRIREF, the four string forms with their escapes, UCHAR, LANGTAG and
/// the numbers), used by the SPARQL lexer, by the Turtle term writer's
/// short forms and by the TSV reader, and the whole-term parse that is the
/// reverse of terms/term_writer.hpp's Turtle form. Serd and Raptor read
/// documents; the language tags they hand over are checked here too.

#include <cstddef>
#include <string>
#include <string_view>

#include "terms/term.hpp"
#include "util/expected.hpp"

namespace quiver {

/// What reading one token at a position found.
struct TokenScan {
  /// Whether a token was read.
  enum class Status {
    /// Read: the value is set and `end` is just past the token.
    Matched,
    /// No such token starts here; nothing was read.
    NoMatch,
    /// One starts here but is malformed: `end` is where, `message` what.
    Malformed,
  };
  /// The outcome.
  Status status = Status::NoMatch;
  /// Matched: the offset just past the token. Malformed: the offset of the fault.
  std::size_t end = 0;
  /// Malformed: what is wrong, for an error message.
  std::string message;
};

/// True for a character an IRIREF holds as it is: not a control character,
/// space or one of `<>"{}|^`\`.
bool is_iriref_char(char32_t c);

/// True when every byte of `iri` passes is_iriref_char(), so that it can be
/// written between `<` and `>` without escapes.
bool is_plain_iriref(std::string_view iri);

/// Reads a UCHAR (`\uXXXX` or `\UXXXXXXXX`) at `pos` into `code_point`.
/// NoMatch when no `\u` or `\U` is there; Malformed for missing hex digits
/// or a value that is not a Unicode scalar value (a surrogate, or past
/// U+10FFFF).
TokenScan read_uchar(std::string_view text, std::size_t pos, char32_t& code_point);

/// Reads a string in any of the four quoted forms (`"..."`, `'...'`,
/// `"""..."""`, `'''...'''`; Turtle [22]-[25], SPARQL [156]-[159]) whose
/// opening quote is at `pos`, unescaping ECHAR and UCHAR into `value`.
/// Malformed when unterminated, for a line break in a short string and for
/// a bad escape.
TokenScan read_quoted_string(std::string_view text, std::size_t pos, std::string& value);

/// Reads one escape in a string (ECHAR `\t`, `\"`, ... or UCHAR) whose `\`
/// is at `pos`, appending what it stands for to `value`. Malformed for an
/// unknown escape or a bad UCHAR.
TokenScan read_string_escape(std::string_view text, std::size_t pos, std::string& value);

/// Which characters a `\u` escape in an IRIREF may stand for.
enum class IriEscapes {
  /// Only those IRIREF allows unescaped (as the SPARQL lexer and Serd
  /// readers check).
  Checked,
  /// Any scalar value, so that append_iriref()'s output reads back.
  Any,
};

/// Reads an IRIREF (`<...>`, Turtle [18], SPARQL [139]) whose `<` is at
/// `pos`, with UCHAR escapes decoded, into `value`. NoMatch when the text
/// from `pos` is not one (a character IRIREF excludes, or no `>`: in SPARQL
/// the `<` is then an operator); Malformed for a bad escape.
TokenScan read_iriref(std::string_view text, std::size_t pos, std::string& value,
                      IriEscapes escapes = IriEscapes::Checked);

/// The length of the longest language tag at the start of `text`, without
/// the `@`, in the shape Turtle's and SPARQL's LANGTAG give it:
/// `[a-zA-Z]+(-[a-zA-Z0-9]+)*`. 0 when `text` does not start with a
/// letter; a hyphen not followed by a letter or digit ends the tag.
std::size_t scan_language_tag(std::string_view text);

/// True when all of `tag` is one language tag in that shape whose subtags
/// are at most 8 characters long, as BCP 47 needs them (RDF 1.2 asks for
/// well-formed tags): `en`, `en-GB`, `de-CH-1901`, but not `en-`, `en--x`,
/// `-en` or `cantbethislong`.
bool is_language_tag(std::string_view tag);
/// True when `field` is a language tag (is_language_tag()) followed, or
/// not, by a base direction `--ltr` or `--rtl`: what a literal's language
/// field may hold (N-Triples 1.2 LANG_DIR, with the direction checked).
bool is_language_field(std::string_view field);
/// What is wrong with a `field` is_language_field() refuses, for an error
/// message: an unknown base direction, or a malformed tag.
std::string language_field_problem(std::string_view field);
/// The message for a base direction written without a language tag
/// (`"x"--rtl`), which RDF 1.2 does not allow: readers say it rather than
/// "expected '.'".
inline constexpr std::string_view kDirectionWithoutLanguage =
    "a base direction needs a language tag: write \"...\"@tag--rtl or @tag--ltr";

/// True for the RDF versions a `VERSION` directive may announce here
/// (RDF 1.2 Concepts 2.1): `1.1`, `1.2` and `1.2-basic`.
bool is_known_rdf_version(std::string_view version);

/// SPARQL's and Turtle's [164] PN_CHARS_BASE.
bool is_pn_chars_base(char32_t c);
/// [165] PN_CHARS_U: PN_CHARS_BASE or `_`.
inline bool is_pn_chars_u(char32_t c) { return is_pn_chars_base(c) || c == '_'; }
/// [166] VARNAME's continuation characters, also the tail of [167] PN_CHARS.
bool is_name_tail(char32_t c);
/// [167] PN_CHARS: a name tail or `-`.
inline bool is_pn_chars(char32_t c) { return is_name_tail(c) || c == '-'; }
/// True when all of `label` is a BLANK_NODE_LABEL after its `_:` (the same
/// in N-Triples, Turtle and SPARQL): `(PN_CHARS_U | [0-9]) ((PN_CHARS |
/// '.')* PN_CHARS)?`, in well-formed UTF-8.
bool is_blank_node_label(std::string_view label);
/// True when all of `name` is a SPARQL [166] VARNAME (the `?` left out), in
/// well-formed UTF-8.
bool is_varname(std::string_view name);

/// Which number production a token matches.
enum class NumberKind { None, Integer, Decimal, Double };

/// A number token at the start of some text.
struct NumberToken {
  /// INTEGER, DECIMAL or DOUBLE; None when the text does not start with one.
  NumberKind kind = NumberKind::None;
  /// Bytes the token takes.
  std::size_t length = 0;
};

/// The longest signed INTEGER, DECIMAL or DOUBLE at the start of `text`
/// (Turtle [19]-[21], SPARQL [146]-[155]). A dot after digits belongs to
/// the number only when digits or an exponent follow: `1.e5` is a double,
/// while in `1 .` and `1.` the dot ends a triple.
NumberToken scan_number(std::string_view text);

/// The datatype a bare number reads as (xsd:integer, xsd:decimal or
/// xsd:double) when all of `lexical` is one number token; empty otherwise.
std::string_view turtle_number_datatype(std::string_view lexical);

/// Parses one whole term in Turtle syntax without prefixes (what a TSV cell
/// holds): `<iri>`, `_:label`, a quoted string in any form with `@lang` or
/// `^^<datatype>`, a bare number or boolean. The reverse of
/// append_turtle_term() without a prefix map.
Expected<Term> parse_turtle_term(std::string_view text);

}  // namespace quiver
