#include "validate/source_locator.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <limits>
#include <sstream>

#include "terms/term_writer.hpp"
#include "util/ascii.hpp"
#include "validate/vocabulary.hpp"

namespace quiver::validate {
namespace {

bool ends_with(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string read_text(const SourceFile& file) {
  if (file.text) return *file.text;
  // A compressed file or stdin cannot be searched: messages give the file
  // name alone.
  if (file.path.empty() || ends_with(file.path, ".gz")) return {};
  std::ifstream in(file.path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

/// A copy of Turtle/TriG/N-Triples text with comments and the contents of
/// strings replaced by spaces (quotes and newlines kept), so a search for a
/// name finds it only where it is a term.
std::string mask_code(const std::string& text) {
  std::string code = text;
  std::size_t i = 0;
  const std::size_t n = text.size();
  auto blank = [&](std::size_t k) {
    if (code[k] != '\n') code[k] = ' ';
  };
  while (i < n) {
    const char c = text[i];
    if (c == '#') {
      while (i < n && text[i] != '\n') blank(i++);
    } else if (c == '<') {
      while (i < n && text[i] != '>' && text[i] != '\n') ++i;
      ++i;
    } else if (c == '"' || c == '\'') {
      const bool long_string = text.compare(i, 3, std::string(3, c)) == 0;
      const std::size_t quotes = long_string ? 3 : 1;
      i += quotes;
      while (i < n) {
        if (text[i] == '\\' && i + 1 < n) {
          blank(i++);
          blank(i++);
        } else if (text.compare(i, quotes, std::string(quotes, c)) == 0) {
          i += quotes;
          break;
        } else if (!long_string && text[i] == '\n') {
          break;  // a syntax error; stop masking at the line's end
        } else {
          blank(i++);
        }
      }
    } else {
      ++i;
    }
  }
  return code;
}

/// A character that continues a prefixed name, blank node label or number.
bool is_name_char(char c) {
  return static_cast<unsigned char>(c) >= 0x80 || is_alnum(c) || c == '_' || c == '-' || c == ':' ||
         c == '%' || c == '\\';
}

/// Whether a local name can be written as is after `prefix:`.
bool plain_local(std::string_view local) {
  return std::all_of(
             local.begin(), local.end(),
             [](char c) { return (is_name_char(c) && c != ':' && c != '\\') || c == '.'; }) &&
         (local.empty() || local.back() != '.');
}

bool is_bare_literal_type(std::string_view datatype) {
  constexpr std::string_view kTypes[] = {"integer", "decimal", "double", "boolean"};
  for (std::string_view t : kTypes) {
    if (datatype.size() == vocab::kXsd.size() + t.size() &&
        datatype.substr(0, vocab::kXsd.size()) == vocab::kXsd &&
        datatype.substr(vocab::kXsd.size()) == t) {
      return true;
    }
  }
  return false;
}

/// The largest value of sorted `v` below `x`, or npos.
std::size_t last_before(const std::vector<std::size_t>& v, std::size_t x) {
  auto it = std::lower_bound(v.begin(), v.end(), x);
  return it == v.begin() ? std::string::npos : *std::prev(it);
}

/// The smallest value of sorted `v` above `x`, or npos.
std::size_t first_after(const std::vector<std::size_t>& v, std::size_t x) {
  auto it = std::upper_bound(v.begin(), v.end(), x);
  return it == v.end() ? std::string::npos : *it;
}

}  // namespace

SourceLocator::SourceLocator(const SourceFile& file)
    : file_(file), text_(read_text(file)), code_(mask_code(text_)) {
  line_starts_.push_back(0);
  for (std::size_t i = 0; i < text_.size(); ++i) {
    if (text_[i] == '\n') line_starts_.push_back(i + 1);
  }
}

void SourceLocator::find_name(const std::string& name, std::vector<std::size_t>& out) const {
  for (std::size_t pos = code_.find(name); pos != std::string::npos;
       pos = code_.find(name, pos + 1)) {
    const std::size_t end = pos + name.size();
    const bool starts = pos == 0 || (!is_name_char(code_[pos - 1]) && code_[pos - 1] != '.');
    // A name may be followed by the statement's final dot, not by a dot
    // that continues it.
    const bool ends = end == code_.size() ||
                      (!is_name_char(code_[end]) && !(code_[end] == '.' && end + 1 < code_.size() &&
                                                      is_name_char(code_[end + 1])));
    if (starts && ends) out.push_back(pos);
  }
}

void SourceLocator::find_quoted(const std::string& lexical, std::vector<std::size_t>& out) const {
  // As read, and as N-Triples escapes it (which finds "a\u0007b").
  std::string escaped;
  append_quoted_string(escaped, lexical);
  std::vector<std::string> needles{'"' + lexical + '"', '\'' + lexical + '\''};
  if (escaped != needles.front()) needles.push_back(escaped);
  for (const std::string& needle : needles) {
    const char quote = needle.front();
    for (std::size_t pos = text_.find(needle); pos != std::string::npos;
         pos = text_.find(needle, pos + 1)) {
      // Only where the mask kept the quotes: a string, not a comment.
      if (code_[pos] == quote && code_[pos + needle.size() - 1] == quote) out.push_back(pos);
    }
  }
}

const std::vector<std::size_t>& SourceLocator::occurrences(const Term& term) {
  const std::string key = term.to_ntriples();
  const auto cached = cache_.find(key);
  if (cached != cache_.end()) return cached->second;
  std::vector<std::size_t> found;
  if (!text_.empty()) {
    if (term.is_iri()) {
      const std::string iri = "<" + term.value() + ">";
      for (std::size_t pos = code_.find(iri); pos != std::string::npos;
           pos = code_.find(iri, pos + 1)) {
        found.push_back(pos);
      }
      for (const auto& [prefix, ns] : file_.prefixes) {
        if (term.value().compare(0, ns.size(), ns) != 0) continue;
        const std::string_view local = std::string_view(term.value()).substr(ns.size());
        if (plain_local(local)) find_name(prefix + ":" + std::string(local), found);
      }
      if (term.value() == vocab::kRdfType) find_name("a", found);
    } else if (term.is_blank()) {
      std::string_view label = term.value();
      if (label.substr(0, file_.blank_prefix.size()) == file_.blank_prefix) {
        label.remove_prefix(file_.blank_prefix.size());
      }
      find_name("_:" + std::string(label), found);
    } else if (term.is_literal()) {
      find_quoted(term.value(), found);
      if (is_bare_literal_type(term.datatype()) && !term.value().empty()) {
        find_name(term.value(), found);
      }
    }
    std::sort(found.begin(), found.end());
    found.erase(std::unique(found.begin(), found.end()), found.end());
  }
  return cache_.emplace(key, std::move(found)).first->second;
}

SourceLocation SourceLocator::locate(const Quad& quad, Part part) {
  const auto& subjects = occurrences(quad.subject);
  const auto& predicates = occurrences(quad.predicate);
  const auto& objects = occurrences(quad.object);
  constexpr std::size_t npos = std::string::npos;
  std::size_t best_s = npos, best_p = npos, best_o = npos;
  std::size_t best_score = std::numeric_limits<std::size_t>::max();
  for (const std::size_t p : predicates) {
    const std::size_t s = last_before(subjects, p);
    const std::size_t o = first_after(objects, p);
    // A candidate without its subject or object before/after it is kept,
    // but any complete one wins.
    const std::size_t missing = (s == npos ? 1 : 0) + (o == npos ? 1 : 0);
    const std::size_t span = (s == npos ? 0 : p - s) + (o == npos ? 0 : o - p);
    const std::size_t score = missing * (text_.size() + 1) + span;
    if (score < best_score) {
      best_score = score;
      best_s = s;
      best_p = p;
      best_o = o;
    }
  }
  std::size_t offset = npos;
  if (best_p != npos) {
    offset = part == Part::Subject ? best_s : part == Part::Object ? best_o : best_p;
    if (offset == npos) offset = best_p;
  } else if (!subjects.empty()) {
    offset = subjects.front();
  }
  return offset == npos ? SourceLocation{file_.name, 0, 0} : at(offset);
}

SourceLocation SourceLocator::at(std::size_t offset) const {
  const auto line = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const auto index = static_cast<std::size_t>(line - line_starts_.begin());
  return {file_.name, index, offset - line_starts_[index - 1] + 1};
}

}  // namespace quiver::validate
