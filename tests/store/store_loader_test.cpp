#include "store/store_loader.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "test_store.hpp"

namespace quiver::store {
namespace {

using testing::add_trig;
using testing::all_matches;

/// A file in the test's temporary folder, removed afterwards.
class TempFile {
 public:
  TempFile(const std::string& name, const std::string& text)
      : path_(std::filesystem::temp_directory_path() /
              ("quiver_store_" + std::to_string(::getpid()) + "_" + name)) {
    std::ofstream(path_) << text;
  }
  ~TempFile() { std::filesystem::remove(path_); }
  std::string path() const { return path_.string(); }

 private:
  std::filesystem::path path_;
};

io::ReadOptions options_for(io::Format format) {
  io::ReadOptions options;
  options.format = format;
  return options;
}

TEST(StoreLoaderTest, LoadsTriplesIntoTheDefaultGraph) {
  MemoryStore store;
  TempFile file("a.nt", "<http://s> <http://p> <http://o> .\n<http://s> <http://p> \"x\" .\n");
  const auto loaded = load_file(store, file.path(), options_for(io::Format::NTriples));
  ASSERT_TRUE(loaded.ok()) << loaded.error().to_string();
  EXPECT_EQ(*loaded, 2u);
  EXPECT_EQ(store.snapshot()->count(QuadIds{}), 2u);
}

TEST(StoreLoaderTest, QuadsKeepTheirGraphUnlessOneIsGiven) {
  const std::string text =
      "<http://s> <http://p> <http://o> .\n<http://s> <http://p> <http://o> <http://g> .\n";
  TempFile file("a.nq", text);
  MemoryStore own;
  ASSERT_TRUE(load_file(own, file.path(), options_for(io::Format::NQuads)).ok());
  EXPECT_EQ(own.snapshot()->count(QuadIds{}), 1u);
  EXPECT_EQ(own.snapshot()->graph_names(),
            std::vector<TermId>{own.snapshot()->find_id(Term::iri("http://g").ref())});

  MemoryStore forced;
  auto tx = forced.begin();
  ASSERT_TRUE(tx.ok());
  const TermId target = *(*tx)->intern(Term::iri("http://target").ref());
  ASSERT_TRUE(load_file(**tx, file.path(), options_for(io::Format::NQuads), target).ok());
  ASSERT_TRUE((*tx)->commit().ok());
  EXPECT_EQ(forced.snapshot()->size(), 1u);  // both land in one graph and are the same quad
  EXPECT_EQ(forced.snapshot()->count(QuadIds{.graph = target}), 1u);
  EXPECT_EQ(forced.snapshot()->graph_names(), std::vector<TermId>{target});
}

TEST(StoreLoaderTest, ErrorLeavesTheStoreAsItWas) {
  MemoryStore store;
  add_trig(store, "<a> <p> <b> . <g> { <a> <p> <c> }");
  const std::uint64_t size_before = store.snapshot()->size();
  const std::size_t terms_before = store.term_count();
  const auto quads_before = all_matches(*store.snapshot(), QuadIds{.graph = kAnyTerm});

  // Good statements first, then a syntax error on line 3.
  TempFile file("bad.nq",
                "<http://new1> <http://p> <http://o> .\n"
                "<http://new2> <http://p> <http://o> <http://g2> .\n"
                "<http://new3> <http://p> .\n");
  const auto loaded = load_file(store, file.path(), options_for(io::Format::NQuads));
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.error().where.file, file.path());
  EXPECT_EQ(loaded.error().where.line, 3u);
  EXPECT_GT(loaded.error().where.column, 0u);

  EXPECT_EQ(store.snapshot()->size(), size_before);
  EXPECT_EQ(store.term_count(), terms_before);
  EXPECT_EQ(store.snapshot()->find_id(Term::iri("http://new1").ref()), kAnyTerm);
  EXPECT_EQ(all_matches(*store.snapshot(), QuadIds{.graph = kAnyTerm}), quads_before);
  EXPECT_EQ(store.snapshot()->graph_names().size(), 1u);

  // The store still loads normally afterwards.
  add_trig(store, "<x> <p> <y> .");
  EXPECT_EQ(store.snapshot()->size(), size_before + 1);
}

TEST(StoreLoaderTest, ErrorInATransactionKeepsItsEarlierChanges) {
  MemoryStore store;
  auto tx = store.begin();
  ASSERT_TRUE(tx.ok());
  ASSERT_TRUE(
      (*tx)
          ->insert(Quad(Term::iri("http://a"), Term::iri("http://p"), Term::iri("http://b")).ref())
          .ok());
  const auto loaded = load_string(**tx, "<http://c> <http://p> <http://d> . oops", "bad.nt",
                                  options_for(io::Format::NTriples));
  ASSERT_FALSE(loaded.ok());
  ASSERT_TRUE((*tx)->commit().ok());
  EXPECT_EQ(store.snapshot()->size(), 1u);
  EXPECT_NE(store.snapshot()->find_id(Term::iri("http://a").ref()), kAnyTerm);
  EXPECT_EQ(store.snapshot()->find_id(Term::iri("http://c").ref()), kAnyTerm);
}

TEST(StoreLoaderTest, MissingFileIsAnError) {
  MemoryStore store;
  const auto loaded = load_file(store, "/nonexistent/quiver.nt", options_for(io::Format::NTriples));
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(store.snapshot()->size(), 0u);
}

TEST(StoreLoaderTest, LaxModeSkipsBadStatements) {
  MemoryStore store;
  io::ReadOptions options = options_for(io::Format::NTriples);
  options.lax = true;
  const auto loaded = load_string(store,
                                  "<http://a> <http://p> <http://b> .\n"
                                  "<http://a> <http://p> .\n"
                                  "<http://c> <http://p> <http://d> .\n",
                                  "lax.nt", options);
  ASSERT_TRUE(loaded.ok()) << loaded.error().to_string();
  EXPECT_EQ(store.snapshot()->size(), 2u);
}

}  // namespace
}  // namespace quiver::store
