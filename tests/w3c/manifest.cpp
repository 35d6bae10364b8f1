#include "manifest.hpp"

#include <cstdlib>
#include <filesystem>
#include <system_error>

#include "io/reader.hpp"
#include "terms/iri.hpp"

namespace quiver::w3c {
namespace {

std::string mf(std::string_view local) { return std::string(vocab::kMf) + std::string(local); }

Error manifest_error(const std::string& path, std::string message) {
  return Error{SourceLocation{path, 0, 0}, std::move(message)};
}

Expected<std::vector<Quad>> read_turtle(const std::string& path, const std::string& base) {
  io::ReadOptions options;
  options.format = io::Format::Turtle;
  options.base_iri = base;
  QuadCollector sink;
  const io::ReadResult result = io::read_file(path, options, sink);
  if (!result.ok()) return result.errors.front();
  return std::move(sink.quads);
}

std::string directory_of(std::string_view path) {
  const auto slash = path.rfind('/');
  return slash == std::string_view::npos ? std::string() : std::string(path.substr(0, slash + 1));
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string percent_decode(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && hex_digit(s[i + 1]) >= 0 && hex_digit(s[i + 2]) >= 0) {
      out += static_cast<char>(hex_digit(s[i + 1]) * 16 + hex_digit(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

}  // namespace

std::string suites_root() {
  if (const char* dir = std::getenv("QUIVER_W3C_DIR"); dir != nullptr && *dir != '\0') return dir;
  return std::string(QUIVER_SOURCE_DIR) + "/../shared/rdf-tests";
}

std::vector<std::pair<std::string, Term>> Manifest::properties(const Term& subject) const {
  std::vector<std::pair<std::string, Term>> out;
  for (auto it = objects_.lower_bound({subject, std::string()});
       it != objects_.end() && it->first.first == subject; ++it) {
    for (const Term& o : it->second) out.emplace_back(it->first.second, o);
  }
  return out;
}

Expected<Manifest> Manifest::load(const std::string& given_path) {
  // `..` in the path would survive in the file:// base but not in the IRIs
  // resolved against it, and local_path() could then not map them back.
  std::error_code ignored;
  const std::string path = std::filesystem::weakly_canonical(given_path, ignored).string();
  Manifest m;
  m.directory_ = directory_of(path);
  if (m.directory_.empty()) m.directory_ = "./";

  // The assumed base is only known after a first read; manifests are small,
  // so the second read, with the right base, costs nothing worth avoiding.
  auto quads = read_turtle(path, io::file_iri(path));
  if (!quads) return quads.error();
  m.base_ = io::file_iri(path);
  for (const Quad& q : *quads) {
    if (q.predicate.value() == mf("assumedTestBase") && q.object.is_iri()) {
      m.base_ = resolve_iri(q.object.value(), path.substr(path.rfind('/') + 1));
      quads = read_turtle(path, m.base_);
      if (!quads) return quads.error();
      break;
    }
  }
  m.base_directory_ = directory_of(m.base_);

  Term manifest_node = Term::iri(m.base_);
  for (const Quad& q : *quads) {
    if (!q.graph.is_none()) continue;
    m.objects_[{q.subject, q.predicate.value()}].push_back(q.object);
    if (q.predicate.value() == quiver::vocab::kRdfType && q.object.value() == mf("Manifest")) {
      manifest_node = q.subject;
    }
  }
  m.label_ = m.object(manifest_node, vocab::kRdfsLabel).value();

  for (const Term& head : m.objects(manifest_node, mf("include"))) {
    // The RDF suites give a list; the SHACL suite repeats mf:include.
    if (head.is_iri() && head.value() != quiver::vocab::kRdfNil &&
        m.object(head, quiver::vocab::kRdfFirst).is_none()) {
      m.includes_.push_back(m.local_path(head.value()));
      continue;
    }
    auto members = m.list(head);
    if (!members) return manifest_error(path, "mf:include: " + members.error().message);
    for (const Term& t : *members) m.includes_.push_back(m.local_path(t.value()));
  }
  for (const Term& head : m.objects(manifest_node, mf("entries"))) {
    auto members = m.list(head);
    if (!members) return manifest_error(path, "mf:entries: " + members.error().message);
    for (const Term& id : *members) {
      ManifestEntry e;
      e.id = id;
      e.type = m.object(id, quiver::vocab::kRdfType).value();
      e.name = m.object(id, mf("name")).value();
      e.action = m.object(id, mf("action"));
      e.result = m.object(id, mf("result"));
      m.entries_.push_back(std::move(e));
    }
  }
  return m;
}

Term Manifest::object(const Term& subject, std::string_view predicate) const {
  const auto it = objects_.find({subject, std::string(predicate)});
  return it == objects_.end() ? Term() : it->second.front();
}

std::vector<Term> Manifest::objects(const Term& subject, std::string_view predicate) const {
  const auto it = objects_.find({subject, std::string(predicate)});
  return it == objects_.end() ? std::vector<Term>() : it->second;
}

Expected<std::vector<Term>> Manifest::list(const Term& head) const {
  std::vector<Term> members;
  Term cell = head;
  // A list cannot have more cells than the manifest has statements; past
  // that it must loop.
  for (std::size_t guard = 0; guard <= objects_.size(); ++guard) {
    if (cell.is_iri() && cell.value() == quiver::vocab::kRdfNil) return members;
    const auto first = objects(cell, quiver::vocab::kRdfFirst);
    const auto rest = objects(cell, quiver::vocab::kRdfRest);
    if (first.size() != 1 || rest.size() != 1) {
      return Error{{}, "malformed RDF list at " + cell.to_ntriples()};
    }
    members.push_back(first.front());
    cell = rest.front();
  }
  return Error{{}, "cyclic RDF list at " + head.to_ntriples()};
}

std::string Manifest::local_path(std::string_view iri) const {
  if (!iri.starts_with(base_directory_)) return {};
  return directory_ + percent_decode(iri.substr(base_directory_.size()));
}

}  // namespace quiver::w3c
