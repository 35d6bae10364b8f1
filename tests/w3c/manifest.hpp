#pragma once
/// @file
/// W3C test manifests (the `mf:` vocabulary of the RDF and SPARQL test
/// suites), read with Quiver's own Turtle reader. Shared by the RDF runner
/// and the SPARQL runner.

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "io/sink.hpp"
#include "terms/term.hpp"
#include "util/expected.hpp"

namespace quiver::w3c {

namespace vocab {
inline constexpr std::string_view kMf = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#";
inline constexpr std::string_view kRdft = "http://www.w3.org/ns/rdftest#";
inline constexpr std::string_view kRdfsLabel = "http://www.w3.org/2000/01/rdf-schema#label";
}  // namespace vocab

/// Where the W3C suites (a checkout of w3c/rdf-tests) live: `$QUIVER_W3C_DIR`,
/// else `<source dir>/../shared/rdf-tests`.
std::string suites_root();

/// A sink that keeps everything it is given.
class QuadCollector : public io::QuadSink {
 public:
  void on_prefix(std::string_view name, std::string_view iri) override {
    prefixes.emplace_back(name, iri);
  }
  Status on_quad(const QuadRef& quad) override {
    quads.emplace_back(quad);
    return {};
  }

  std::vector<std::pair<std::string, std::string>> prefixes;
  std::vector<Quad> quads;
};

/// One test: an element of the manifest's `mf:entries` list.
struct ManifestEntry {
  Term id;           ///< the entry node (usually `<manifest#name>`)
  std::string type;  ///< its rdf:type IRI, e.g. rdft:TestTurtleEval in full
  std::string name;  ///< mf:name
  Term action;       ///< mf:action: a file IRI, or a node with parts (SPARQL)
  Term result;       ///< mf:result; None when absent
};

/// A manifest read into memory, with lookups over its statements.
///
/// When the manifest declares `mf:assumedTestBase`, it is read with base
/// IRI `<assumedTestBase><file name>`, so test IRIs are the ones the suite
/// publishes (`https://w3c.github.io/rdf-tests/...`): these are the base
/// IRIs the tests expect. Otherwise its own `file://` IRI is the base.
class Manifest {
 public:
  /// Reads the manifest at `path`; fails on a read error or a malformed
  /// `mf:entries` list.
  static Expected<Manifest> load(const std::string& path);

  /// The base IRI the manifest was read with.
  const std::string& base() const { return base_; }
  /// The manifest's rdfs:label, or empty.
  const std::string& label() const { return label_; }
  /// The tests, in manifest order.
  const std::vector<ManifestEntry>& entries() const { return entries_; }
  /// Local paths of the manifests named by `mf:include`.
  const std::vector<std::string>& includes() const { return includes_; }

  /// The first object of (`subject`, `predicate`, ?), or a None term.
  Term object(const Term& subject, std::string_view predicate) const;
  /// Every object of (`subject`, `predicate`, ?), in input order.
  std::vector<Term> objects(const Term& subject, std::string_view predicate) const;
  /// Every (predicate, object) of `subject`, by predicate IRI.
  std::vector<std::pair<std::string, Term>> properties(const Term& subject) const;
  /// The members of the RDF list at `head`; an error for a broken list.
  Expected<std::vector<Term>> list(const Term& head) const;

  /// The local file an IRI from this manifest names: the IRI's part after
  /// the base's directory, percent-decoded, joined to the manifest's
  /// directory. Empty when the IRI lies outside that directory.
  std::string local_path(std::string_view iri) const;

 private:
  Manifest() = default;

  std::string directory_;  // local directory of the manifest file, with '/'
  std::string base_;
  std::string base_directory_;  // base_ up to and including its last '/'
  std::string label_;
  std::vector<ManifestEntry> entries_;
  std::vector<std::string> includes_;
  std::map<std::pair<Term, std::string>, std::vector<Term>> objects_;
};

}  // namespace quiver::w3c
