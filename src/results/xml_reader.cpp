// Reads the SPARQL Query Results XML Format through libxml2's tree API,
// with SPARQL 1.2's <triple> and its:dir.
// Elements are matched by local name; the network and DTD loading stay off.

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>

#include "results/readers_internal.hpp"
#include "terms/term_reader.hpp"
#include "terms/triple_term.hpp"

namespace quiver::results::detail {
namespace {

struct DocFree {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
struct CtxtFree {
  void operator()(xmlParserCtxt* ctxt) const { xmlFreeParserCtxt(ctxt); }
};
struct XmlCharFree {
  void operator()(xmlChar* s) const { xmlFree(s); }
};
using XmlString = std::unique_ptr<xmlChar, XmlCharFree>;

bool is(const xmlNode* node, const char* name) {
  return node->type == XML_ELEMENT_NODE &&
         xmlStrEqual(node->name, reinterpret_cast<const xmlChar*>(name));
}

std::string to_string(const XmlString& s) {
  return s ? std::string(reinterpret_cast<const char*>(s.get())) : std::string();
}

// The attribute `name`, or nullopt when absent.
std::optional<std::string> attribute(xmlNode* node, const char* name, const xmlChar* ns = nullptr) {
  XmlString value(ns != nullptr ? xmlGetNsProp(node, reinterpret_cast<const xmlChar*>(name), ns)
                                : xmlGetNoNsProp(node, reinterpret_cast<const xmlChar*>(name)));
  if (!value) return std::nullopt;
  return to_string(value);
}

Error node_error(const xmlNode* node, std::string message) {
  return read_error(std::move(message),
                    static_cast<std::uint64_t>(std::max(0L, xmlGetLineNo(node))));
}

// The first element child of `node`, skipping whitespace and comments.
xmlNode* first_element(xmlNode* node) {
  for (xmlNode* c = node->children; c != nullptr; c = c->next) {
    if (c->type == XML_ELEMENT_NODE) return c;
  }
  return nullptr;
}

// The term inside `binding` (or inside a triple's <subject>, <predicate>
// or <object>).
Expected<Term> read_term(xmlNode* binding, int depth = 0) {
  xmlNode* node = first_element(binding);
  if (node == nullptr) return node_error(binding, "<binding> without a term");
  if (is(node, "triple")) {
    if (depth >= kMaxTripleTermDepth) return node_error(node, "triple terms nested too deep");
    Term terms[3];
    const char* names[3] = {"subject", "predicate", "object"};
    xmlNode* part = first_element(node);
    for (int i = 0; i < 3; ++i, part = part ? xmlNextElementSibling(part) : nullptr) {
      if (part == nullptr || !is(part, names[i])) {
        return node_error(node, std::string("<triple> needs <subject>, <predicate> and <object>"));
      }
      auto term = read_term(part, depth + 1);
      if (!term) return term.error();
      terms[i] = std::move(*term);
    }
    if (!(terms[0].is_iri() || terms[0].is_blank()) || !terms[1].is_iri()) {
      return node_error(node,
                        "a triple's subject must be an IRI or a blank node, its predicate "
                        "an IRI");
    }
    return Term::triple(terms[0].ref(), terms[1].ref(), terms[2].ref());
  }
  const std::string text = to_string(XmlString(xmlNodeGetContent(node)));
  if (is(node, "uri")) return Term::iri(text);
  if (is(node, "bnode")) return Term::blank(text);
  if (!is(node, "literal"))
    return node_error(node, "unknown term element <" +
                                std::string(reinterpret_cast<const char*>(node->name)) + ">");
  const auto lang = attribute(node, "lang", XML_XML_NAMESPACE);
  const auto datatype = attribute(node, "datatype");
  // A remote answer is input like any other: a tag must be a tag.
  if (lang && !is_language_tag(*lang)) {
    return read_error("xml:lang=\"" + *lang + "\" is not a language tag");
  }
  std::string language = lang.value_or("");
  const auto dir =
      attribute(node, "dir", reinterpret_cast<const xmlChar*>("http://www.w3.org/2005/11/its"));
  if (dir) {
    if (!lang || (*dir != "ltr" && *dir != "rtl")) {
      return node_error(node, "its:dir must be ltr or rtl, beside an xml:lang");
    }
    language += "--" + *dir;
  }
  return Term::literal(text, datatype.value_or(""), language);
}

Expected<QueryResult> read_document(xmlNode* root) {
  if (root == nullptr || !is(root, "sparql")) return read_error("the root element is not <sparql>");
  QueryResult result;
  std::unordered_map<std::string, std::size_t> column;
  bool answered = false;
  for (xmlNode* part = root->children; part != nullptr; part = part->next) {
    if (is(part, "head")) {
      for (xmlNode* v = part->children; v != nullptr; v = v->next) {
        if (!is(v, "variable")) continue;
        const auto name = attribute(v, "name");
        if (!name) return node_error(v, "<variable> without a name");
        column.emplace(*name, result.variables.size());
        result.variables.push_back(*name);
      }
    } else if (is(part, "boolean")) {
      const std::string text = to_string(XmlString(xmlNodeGetContent(part)));
      if (text != "true" && text != "false")
        return node_error(part, "<boolean> must hold true or false");
      result.form = QueryForm::Ask;
      result.boolean = text == "true";
      answered = true;
    } else if (is(part, "results")) {
      answered = true;
      for (xmlNode* r = part->children; r != nullptr; r = r->next) {
        if (!is(r, "result")) continue;
        Solution solution(result.variables.size());
        for (xmlNode* b = r->children; b != nullptr; b = b->next) {
          if (!is(b, "binding")) continue;
          const auto name = attribute(b, "name");
          if (!name) return node_error(b, "<binding> without a name");
          auto [it, added] = column.emplace(*name, result.variables.size());
          if (added) {
            // Tolerate a variable missing from <head>: give it a column.
            result.variables.push_back(*name);
            for (auto& earlier : result.solutions) earlier.emplace_back();
            solution.resize(result.variables.size());
          }
          auto term = read_term(b);
          if (!term) return term.error();
          solution[it->second] = std::move(*term);
        }
        result.solutions.push_back(std::move(solution));
      }
    }
  }
  if (!answered) return read_error("neither <results> nor <boolean> found");
  return result;
}

// libxml2 hands parser errors to the SAX structured handler with the
// parser context as `data`.
void keep_first_error(void* data, xmlErrorPtr error) {
  auto* ctxt = static_cast<xmlParserCtxt*>(data);
  auto* first = static_cast<std::optional<Error>*>(ctxt->_private);
  if (first == nullptr || first->has_value() || error == nullptr || error->level < XML_ERR_ERROR)
    return;
  std::string message = error->message != nullptr ? error->message : "malformed XML";
  while (!message.empty() && message.back() == '\n') message.pop_back();
  *first = read_error("bad XML: " + message, static_cast<std::uint64_t>(std::max(0, error->line)),
                      static_cast<std::uint64_t>(std::max(0, error->int2)));
}

}  // namespace

Expected<QueryResult> read_xml(std::string_view text) {
  std::unique_ptr<xmlParserCtxt, CtxtFree> ctxt(xmlNewParserCtxt());
  if (!ctxt) return read_error("cannot create an XML parser");
  // libxml2 goes on after some errors and xmlCtxtGetLastError would name a
  // later symptom; keep the first error instead (and keep stderr quiet).
  std::optional<Error> first;
  ctxt->_private = &first;
  ctxt->sax->serror = keep_first_error;
  const int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING;
  std::unique_ptr<xmlDoc, DocFree> doc(xmlCtxtReadMemory(
      ctxt.get(), text.data(), static_cast<int>(text.size()), "results.srx", nullptr, options));
  if (!doc || !ctxt->wellFormed) return first ? *first : read_error("malformed XML");
  return read_document(xmlDocGetRootElement(doc.get()));
}

}  // namespace quiver::results::detail
