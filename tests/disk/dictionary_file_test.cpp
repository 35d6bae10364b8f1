#include "disk/dictionary_file.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace quiver::disk {
namespace {

class DictionaryFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("quiver-dictionary-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
    terms_ = {
        Term::iri("http://example.org/a"),
        Term::iri(""),
        Term::blank("b0"),
        Term::literal(""),
        Term::literal("chat", "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString", "fr-BE"),
        Term::literal("42", "http://www.w3.org/2001/XMLSchema#integer"),
        Term::literal("42", "http://www.w3.org/2001/XMLSchema#string"),
        Term::literal("Ünïcödé ✓ \xF0\x9F\x98\x80"),
        Term::literal(std::string(100000, 'x'), "http://example.org/long")};
    for (int i = 0; i < 3000; ++i)
      terms_.push_back(Term::iri("http://example.org/n" + std::to_string(i)));
    for (const Term& t : terms_) interner_.intern(t.ref());
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }

  std::filesystem::path dir_;
  std::vector<Term> terms_;
  TermInterner interner_;
};

TEST_F(DictionaryFileTest, EveryTermReadsBackAndIsFoundAtItsIndex) {
  ASSERT_TRUE(write_dictionary(path("d"), interner_).ok());
  auto d = DictionaryFile::open(path("d"));
  ASSERT_TRUE(d.ok()) << d.error().to_string();
  ASSERT_EQ(d->size(), terms_.size());
  for (std::size_t i = 0; i < terms_.size(); ++i) {
    auto t = d->term(i);
    ASSERT_TRUE(t.ok());
    EXPECT_EQ(*t, terms_[i].ref()) << i;
    auto found = d->find(terms_[i].ref());
    ASSERT_TRUE(found.ok());
    EXPECT_EQ(*found, i);
  }
  EXPECT_TRUE(d->verify().ok());
  // Language tags compare case-insensitively, as in memory.
  const Term upper =
      Term::literal("chat", "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString", "FR-be");
  EXPECT_EQ(*d->find(upper.ref()), 4u);
  for (const Term& absent :
       {Term::iri("http://example.org/z"), Term::blank("b1"),
        Term::literal("42", "http://www.w3.org/2001/XMLSchema#int"), Term::literal("chat")}) {
    EXPECT_EQ(*d->find(absent.ref()), DictionaryFile::kNotFound) << absent.value();
  }
  EXPECT_EQ(*d->find(TermRef{}), DictionaryFile::kNotFound);
}

TEST_F(DictionaryFileTest, AnEmptyDictionary) {
  TermInterner none;
  ASSERT_TRUE(write_dictionary(path("d"), none).ok());
  auto d = DictionaryFile::open(path("d"));
  ASSERT_TRUE(d.ok()) << d.error().to_string();
  EXPECT_EQ(d->size(), 0u);
  EXPECT_EQ(*d->find(Term::iri("http://e/").ref()), DictionaryFile::kNotFound);
  EXPECT_TRUE(d->verify().ok());
}

// Every single-byte change (every 7th byte, the long literal's run aside)
// and every truncation is caught by open or verify; term() and find() on a
// damaged file return values or errors, never crash.
TEST_F(DictionaryFileTest, DamagedFilesGiveErrorsNeverCrashes) {
  TermInterner small;
  for (std::size_t i = 0; i < 200 && i < terms_.size(); ++i) {
    if (terms_[i].value().size() < 1000) small.intern(terms_[i].ref());
  }
  ASSERT_TRUE(write_dictionary(path("d"), small).ok());
  std::ifstream in(path("d"), std::ios::binary);
  const std::string good((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::size_t cases = 0, caught = 0;
  const auto attempt = [&](const std::string& bytes) {
    {
      std::ofstream out(path("bad"), std::ios::binary | std::ios::trunc);
      out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    }
    ++cases;
    auto d = DictionaryFile::open(path("bad"));
    if (!d.ok()) {
      EXPECT_TRUE(d.error().kind == ErrorKind::Corrupt || d.error().kind == ErrorKind::Unsupported)
          << d.error().to_string();
      ++caught;
      return;
    }
    for (std::uint64_t i = 0; i < d->size(); ++i) (void)d->term(i);
    for (std::size_t i = 0; i < small.size(); ++i) (void)d->find(small.term(i));
    if (!d->verify().ok()) {
      ++caught;
    } else {
      ADD_FAILURE() << "undetected damage";
    }
  };
  for (std::size_t i = 0; i < good.size(); i += 7) {
    SCOPED_TRACE(i);
    std::string bytes = good;
    bytes[i] = static_cast<char>(bytes[i] ^ 0x21);
    attempt(bytes);
  }
  for (const std::size_t keep : {0ul, 39ul, 100ul, good.size() / 2, good.size() - 1}) {
    attempt(good.substr(0, keep));
  }
  EXPECT_EQ(caught, cases);
}

// A slot count whose byte size wraps to 0 (2^61 slots of 8 bytes), with
// the slot section cut out, must not open: the reader would probe 2^61
// slots past the map.
TEST_F(DictionaryFileTest, ASlotCountThatOverflowsIsRefused) {
  ASSERT_TRUE(write_dictionary(path("d"), interner_).ok());
  std::ifstream in(path("d"), std::ios::binary);
  const std::string good((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto* header = reinterpret_cast<const unsigned char*>(good.data());
  const std::uint64_t slots = get_u64(header + 32);
  std::string bad = good.substr(0, good.size() - 48 - slots * 8) + good.substr(good.size() - 48);
  const std::uint64_t huge = std::uint64_t{1} << 61;
  for (int i = 0; i < 8; ++i) bad[32 + i] = static_cast<char>(huge >> (8 * i));
  {
    std::ofstream out(path("bad"), std::ios::binary | std::ios::trunc);
    out.write(bad.data(), static_cast<std::streamsize>(bad.size()));
  }
  auto d = DictionaryFile::open(path("bad"));
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.error().kind, ErrorKind::Corrupt);
}

// The format is fixed: dictionaries written by an independent writer (the
// fuzz seeds, made by a Python script from the layout and hash in
// dictionary_file.hpp) open, verify and find their terms.
TEST_F(DictionaryFileTest, FilesOfTheDocumentedLayoutReadBack) {
  const std::string seeds = std::string(QUIVER_SOURCE_DIR) + "/tests/fuzz/seeds/disk_files/";
  auto empty = DictionaryFile::open(seeds + "dictionary-empty");
  ASSERT_TRUE(empty.ok()) << empty.error().to_string();
  EXPECT_EQ(empty->size(), 0u);
  auto d = DictionaryFile::open(seeds + "dictionary-five");
  ASSERT_TRUE(d.ok()) << d.error().to_string();
  EXPECT_TRUE(d->verify().ok());
  ASSERT_EQ(d->size(), 5u);
  EXPECT_EQ(*d->term(1), Term::blank("b0").ref());
  const Term chat =
      Term::literal("chat", "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString", "FR-be");
  EXPECT_EQ(*d->find(chat.ref()), 3u);
  EXPECT_EQ(*d->find(Term::literal("42", "http://www.w3.org/2001/XMLSchema#integer").ref()), 2u);
}

}  // namespace
}  // namespace quiver::disk
