#include "shacl/paths.hpp"

#include <algorithm>
#include <string>
#include <unordered_set>

#include "shacl/vocabulary.hpp"

namespace quiver::shacl {
namespace {

// Deep paths come only from hostile shapes; a limit keeps recursion safe.
constexpr int kMaxPathDepth = 64;
// A blank node may be shared between parts of a path (a DAG), which reads
// as a tree: without a bound, 20 shared levels make a million parts.
constexpr std::size_t kMaxPathParts = 10000;

std::string describe(const DataGraph& shapes, TermId node) {
  return Term(shapes.term(node)).to_ntriples();
}

class PathReader {
 public:
  PathReader(DataGraph& shapes, DataGraph& data, std::vector<Quad>& triples)
      : shapes_(shapes), data_(data), triples_(triples) {}

  Expected<Path> read(TermId node, int depth) {
    if (depth > kMaxPathDepth) return Error("a path nested more than 64 levels deep");
    if (++parts_ > kMaxPathParts) {
      return Error(
          "a path of more than 10000 parts (blank nodes shared between its parts "
          "count once for each place)");
    }
    const TermRef term = shapes_.term(node);
    Path path;
    if (term.kind == TermKind::Iri) {
      path.predicate = data_.id(term);
      return path;
    }
    if (term.kind != TermKind::Blank) {
      return Error(describe(shapes_, node) + " is not a path (an IRI or a blank node)");
    }
    if (shapes_.object(node, shapes_.iri(vocab::kRdfFirst)) != kAnyTerm) {
      copy_list(node);
      auto members = shapes_.list(node);
      if (!members || members->size() < 2) {
        return Error("a sequence path must be a list of two or more paths");
      }
      path.kind = Path::Kind::Sequence;
      return read_parts(std::move(path), *members, depth);
    }
    static constexpr std::pair<std::string_view, Path::Kind> kForms[] = {
        {"inversePath", Path::Kind::Inverse},
        {"alternativePath", Path::Kind::Alternative},
        {"zeroOrMorePath", Path::Kind::ZeroOrMore},
        {"oneOrMorePath", Path::Kind::OneOrMore},
        {"zeroOrOnePath", Path::Kind::ZeroOrOne}};
    copy_triples(node);
    std::vector<std::pair<TermId, TermId>> props;
    shapes_.properties(node, props);
    if (props.size() != 1) {
      return Error(describe(shapes_, node) + " is not a path: a path node has one property");
    }
    for (const auto& [local, kind] : kForms) {
      if (props[0].first != shapes_.iri(sh(local))) continue;
      path.kind = kind;
      if (kind == Path::Kind::Alternative) {
        auto members = shapes_.list(props[0].second);
        if (!members || members->size() < 2) {
          return Error("sh:alternativePath must be a list of two or more paths");
        }
        copy_list(props[0].second);
        return read_parts(std::move(path), *members, depth);
      }
      return read_parts(std::move(path), {props[0].second}, depth);
    }
    return Error(describe(shapes_, node) + " is not a path: " +
                 Term(shapes_.term(props[0].first)).to_ntriples() + " is no path property");
  }

 private:
  Expected<Path> read_parts(Path path, const std::vector<TermId>& members, int depth) {
    for (TermId member : members) {
      auto part = read(member, depth + 1);
      if (!part) return part.error();
      path.parts.push_back(std::move(*part));
    }
    return path;
  }

  void copy_triples(TermId node) {
    std::vector<std::pair<TermId, TermId>> props;
    shapes_.properties(node, props);
    for (const auto& [p, o] : props) {
      triples_.emplace_back(Term(shapes_.term(node)), Term(shapes_.term(p)), Term(shapes_.term(o)));
    }
  }

  void copy_list(TermId head) {
    const TermId nil = shapes_.iri(vocab::kRdfNil);
    std::unordered_set<TermId> seen;
    const TermId first = shapes_.iri(vocab::kRdfFirst);
    const TermId rest = shapes_.iri(vocab::kRdfRest);
    while (head != nil && seen.insert(head).second) {
      // Only the cell: its member's own triples are copied when it is read.
      for (TermId p : {first, rest}) {
        const TermId o = shapes_.object(head, p);
        if (o != kAnyTerm) {
          triples_.emplace_back(Term(shapes_.term(head)), Term(shapes_.term(p)),
                                Term(shapes_.term(o)));
        }
      }
      head = shapes_.object(head, rest);
      if (head == kAnyTerm) break;
    }
  }

  DataGraph& shapes_;
  DataGraph& data_;
  std::vector<Quad>& triples_;
  std::size_t parts_ = 0;
};

// The nodes reached from `from` by one `path` step, backwards when `inverse`.
std::vector<TermId> step(const Path& path, const std::vector<TermId>& from, bool inverse,
                         const DataGraph& data) {
  std::vector<TermId> out;
  switch (path.kind) {
    case Path::Kind::Predicate:
      for (TermId node : from) {
        if (inverse) {
          data.subjects(path.predicate, node, out);
        } else {
          data.objects(node, path.predicate, out);
        }
      }
      break;
    case Path::Kind::Inverse:
      return step(path.parts[0], from, !inverse, data);
    case Path::Kind::Sequence: {
      std::vector<TermId> nodes = from;
      const std::size_t n = path.parts.size();
      for (std::size_t i = 0; i < n && !nodes.empty(); ++i) {
        nodes = step(path.parts[inverse ? n - 1 - i : i], nodes, inverse, data);
      }
      return nodes;
    }
    case Path::Kind::Alternative:
      for (const Path& part : path.parts) {
        const auto reached = step(part, from, inverse, data);
        out.insert(out.end(), reached.begin(), reached.end());
      }
      break;
    case Path::Kind::ZeroOrMore:
    case Path::Kind::OneOrMore: {
      std::unordered_set<TermId> seen;
      if (path.kind == Path::Kind::ZeroOrMore) {
        seen.insert(from.begin(), from.end());
        out = from;
      }
      std::vector<TermId> frontier = from;
      while (!frontier.empty()) {
        std::vector<TermId> next;
        for (TermId node : step(path.parts[0], frontier, inverse, data)) {
          if (seen.insert(node).second) {
            next.push_back(node);
            out.push_back(node);
          }
        }
        frontier = std::move(next);
      }
      break;
    }
    case Path::Kind::ZeroOrOne:
      out = from;
      for (TermId node : step(path.parts[0], from, inverse, data)) out.push_back(node);
      break;
  }
  sort_unique(out);
  return out;
}

}  // namespace

Expected<Path> read_path(DataGraph& shapes, TermId node, DataGraph& data,
                         std::vector<Quad>& triples) {
  return PathReader(shapes, data, triples).read(node, 0);
}

std::vector<TermId> evaluate_path(const Path& path, TermId focus, const DataGraph& data) {
  return step(path, {focus}, false, data);
}

}  // namespace quiver::shacl
