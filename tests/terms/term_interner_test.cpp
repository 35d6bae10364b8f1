#include "terms/term_interner.hpp"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

namespace quiver {
namespace {

const std::string kInteger = std::string(vocab::kXsd) + "integer";

TEST(TermInternerTest, InternsEachDistinctTermOnce) {
  TermInterner dict;
  const Term iri = Term::iri("http://ex/a");
  const TermInterner::Index a = dict.intern(iri.ref());
  EXPECT_EQ(a, 0u);
  EXPECT_EQ(dict.intern(iri.ref()), a);
  EXPECT_EQ(dict.find(iri.ref()), a);
  EXPECT_EQ(dict.size(), 1u);
  EXPECT_EQ(dict.term(a), iri.ref());
}

TEST(TermInternerTest, KindLexicalFormDatatypeAndLanguageAllCount) {
  TermInterner dict;
  const std::vector<Term> terms = {
      Term::iri("x"),
      Term::blank("x"),
      Term::literal("x"),
      Term::literal("x", "", "en"),
      Term::literal("x", "", "en-GB"),
      Term::literal("x", kInteger),
      Term::literal("01", kInteger),
      Term::literal("1", kInteger),
      Term::literal(""),
      Term::literal("", "", "fr"),
  };
  std::vector<TermInterner::Index> ids;
  for (const auto& t : terms) ids.push_back(dict.intern(t.ref()));
  for (std::size_t i = 0; i < terms.size(); ++i) {
    EXPECT_EQ(dict.term(ids[i]), terms[i].ref()) << i;
    for (std::size_t j = 0; j < i; ++j) EXPECT_NE(ids[i], ids[j]) << i << " " << j;
  }
  EXPECT_EQ(dict.term(ids[6]).value, "01");
}

TEST(TermInternerTest, LanguageTagsCompareCaseInsensitivelyAndKeepTheFirstSpelling) {
  TermInterner dict;
  const auto fr = dict.intern(Term::literal("chat", "", "FR").ref());
  EXPECT_EQ(dict.intern(Term::literal("chat", "", "fr").ref()), fr);
  EXPECT_EQ(dict.find(Term::literal("chat", "", "Fr").ref()), fr);
  EXPECT_EQ(dict.term(fr).language, "FR");
  EXPECT_EQ(dict.size(), 1u);
  // Only the tag folds: the lexical form stays exact.
  EXPECT_NE(dict.intern(Term::literal("Chat", "", "fr").ref()), fr);
}

TEST(TermInternerTest, UnknownAndNoneTermsAreNotFound) {
  TermInterner dict;
  dict.intern(Term::iri("http://ex/a").ref());
  EXPECT_EQ(dict.find(Term::iri("http://ex/b").ref()), TermInterner::kNotFound);
  EXPECT_EQ(dict.find(TermRef{}), TermInterner::kNotFound);
}

TEST(TermInternerTest, ViewsStayValidWhileTheInternerGrows) {
  TermInterner dict;
  const auto first = dict.intern(Term::literal("first", "", "en").ref());
  const TermRef view = dict.term(first);
  // Enough terms to grow the table many times and fill several chunks.
  for (int i = 0; i < 200000; ++i) {
    dict.intern(Term::iri("http://example.org/a/rather/long/iri/" + std::to_string(i)).ref());
  }
  dict.intern(Term::literal(std::string(3 << 20, 'x')).ref());  // bigger than a chunk
  EXPECT_EQ(view.value, "first");
  EXPECT_EQ(view.language, "en");
  EXPECT_EQ(view.value.data(), dict.term(first).value.data());
  for (int i = 0; i < 200000; i += 997) {
    const Term t = Term::iri("http://example.org/a/rather/long/iri/" + std::to_string(i));
    ASSERT_EQ(dict.find(t.ref()), 1u + static_cast<TermInterner::Index>(i));
  }
}

TEST(TermInternerTest, RollbackForgetsNewerTermsOnly) {
  TermInterner dict;
  std::vector<Term> kept;
  for (int i = 0; i < 1000; ++i) kept.push_back(Term::literal(std::to_string(i), kInteger));
  for (const auto& t : kept) dict.intern(t.ref());
  const auto mark = dict.mark();
  for (int i = 0; i < 5000; ++i) {
    dict.intern(Term::literal("b" + std::to_string(i), "http://new/datatype").ref());
  }
  dict.rollback(mark);
  EXPECT_EQ(dict.size(), 1000u);
  EXPECT_EQ(dict.find(Term::literal("b1", "http://new/datatype").ref()), TermInterner::kNotFound);
  for (std::size_t i = 0; i < kept.size(); ++i) {
    ASSERT_EQ(dict.find(kept[i].ref()), i);
    ASSERT_EQ(dict.term(static_cast<TermInterner::Index>(i)), kept[i].ref());
  }
  // Indexes are handed out again from where the mark was, and a datatype
  // forgotten by the rollback comes back under its own name.
  EXPECT_EQ(dict.intern(Term::literal("again", "http://other/dt").ref()), 1000u);
  EXPECT_EQ(dict.term(1000).datatype, "http://other/dt");
}

TEST(TermInternerTest, AViewSeesExactlyTheTermsInternedBeforeIt) {
  TermInterner dict;
  dict.intern(Term::iri("http://ex/old").ref());
  const TermInterner::View before = dict.view();
  for (int i = 0; i < 5000; ++i) dict.intern(Term::iri("http://ex/" + std::to_string(i)).ref());
  EXPECT_EQ(before.size(), 1u);
  EXPECT_EQ(before.find(Term::iri("http://ex/old").ref()), 0u);
  EXPECT_EQ(before.find(Term::iri("http://ex/7").ref()), TermInterner::kNotFound);
  EXPECT_EQ(dict.view().find(Term::iri("http://ex/7").ref()), 8u);
}

// A reader thread looks terms up through a view while the writer interns
// (and grows the table); under ThreadSanitizer this is the race check.
TEST(TermInternerTest, ReadersThroughViewsRunBesideTheWriter) {
  TermInterner dict;
  for (int i = 0; i < 1000; ++i) dict.intern(Term::iri("http://ex/" + std::to_string(i)).ref());
  const TermInterner::View view = dict.view();
  std::thread reader([&] {
    for (int round = 0; round < 20; ++round) {
      for (int i = 0; i < 1000; ++i) {
        const Term t = Term::iri("http://ex/" + std::to_string(i));
        ASSERT_EQ(view.find(t.ref()), static_cast<TermInterner::Index>(i));
        ASSERT_EQ(view.term(static_cast<TermInterner::Index>(i)).value, t.value());
      }
    }
  });
  for (int i = 1000; i < 100000; ++i)
    dict.intern(Term::iri("http://ex/" + std::to_string(i)).ref());
  reader.join();
  EXPECT_EQ(dict.size(), 100000u);
}

}  // namespace
}  // namespace quiver
