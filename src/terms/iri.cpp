#include "terms/iri.hpp"

#include "util/ascii.hpp"

namespace quiver {
namespace {

// The five components of RFC 3986 section 3; `has_*` tell empty from absent.
struct IriParts {
  std::string_view scheme, authority, path, query, fragment;
  bool has_scheme = false, has_authority = false, has_query = false, has_fragment = false;
};

IriParts split(std::string_view s) {
  IriParts p;
  if (has_scheme(s)) {
    const auto colon = s.find(':');
    p.scheme = s.substr(0, colon);
    p.has_scheme = true;
    s.remove_prefix(colon + 1);
  }
  if (const auto hash = s.find('#'); hash != std::string_view::npos) {
    p.fragment = s.substr(hash + 1);
    p.has_fragment = true;
    s = s.substr(0, hash);
  }
  if (const auto q = s.find('?'); q != std::string_view::npos) {
    p.query = s.substr(q + 1);
    p.has_query = true;
    s = s.substr(0, q);
  }
  if (s.starts_with("//")) {
    s.remove_prefix(2);
    const auto slash = s.find('/');
    p.authority = s.substr(0, slash);
    p.has_authority = true;
    s = slash == std::string_view::npos ? std::string_view() : s.substr(slash);
  }
  p.path = s;
  return p;
}

// RFC 3986 5.2.4, appending the result to `out`.
void remove_dot_segments(std::string& out, std::string_view in) {
  const std::size_t start = out.size();
  auto pop_segment = [&] {
    const auto last = out.rfind('/');
    out.resize(last == std::string::npos || last < start ? start : last);
  };
  while (!in.empty()) {
    if (in.starts_with("../")) {
      in.remove_prefix(3);
    } else if (in.starts_with("./")) {
      in.remove_prefix(2);
    } else if (in.starts_with("/./")) {
      in.remove_prefix(2);
    } else if (in == "/.") {
      in = "/";
    } else if (in.starts_with("/../")) {
      in.remove_prefix(3);
      pop_segment();
    } else if (in == "/..") {
      in = "/";
      pop_segment();
    } else if (in == "." || in == "..") {
      in = {};
    } else {
      const auto next = in.find('/', 1);
      const auto seg = in.substr(0, next);
      out += seg;
      in.remove_prefix(seg.size());
    }
  }
}

void merge_paths(std::string& out, const IriParts& base, std::string_view ref_path) {
  std::string merged;
  if (base.has_authority && base.path.empty()) {
    merged = "/";
    merged += ref_path;
  } else {
    const auto last = base.path.rfind('/');
    if (last != std::string_view::npos) merged = base.path.substr(0, last + 1);
    merged += ref_path;
  }
  remove_dot_segments(out, merged);
}

}  // namespace

bool has_scheme(std::string_view iri) {
  if (iri.empty() || !is_alpha(iri[0])) return false;
  for (std::size_t i = 1; i < iri.size(); ++i) {
    const char c = iri[i];
    if (c == ':') return true;
    if (!is_alnum(c) && c != '+' && c != '-' && c != '.') return false;
  }
  return false;
}

void resolve_iri(std::string& out, std::string_view base_text, std::string_view reference) {
  const IriParts r = split(reference);
  const IriParts base = split(base_text);
  const IriParts* query_from = &r;
  if (r.has_scheme) {
    out += r.scheme;
    out += ':';
    if (r.has_authority) {
      out += "//";
      out += r.authority;
    }
    remove_dot_segments(out, r.path);
  } else {
    if (base.has_scheme) {
      out += base.scheme;
      out += ':';
    }
    if (r.has_authority) {
      out += "//";
      out += r.authority;
      remove_dot_segments(out, r.path);
    } else {
      if (base.has_authority) {
        out += "//";
        out += base.authority;
      }
      if (r.path.empty()) {
        out += base.path;
        if (!r.has_query) query_from = &base;
      } else if (r.path.front() == '/') {
        remove_dot_segments(out, r.path);
      } else {
        merge_paths(out, base, r.path);
      }
    }
  }
  if (query_from->has_query) {
    out += '?';
    out += query_from->query;
  }
  if (r.has_fragment) {
    out += '#';
    out += r.fragment;
  }
}

std::string resolve_iri(std::string_view base, std::string_view reference) {
  std::string out;
  resolve_iri(out, base, reference);
  return out;
}

}  // namespace quiver
