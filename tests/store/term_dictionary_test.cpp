#include "store/term_dictionary.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace quiver::store {
namespace {

const std::string kInteger = std::string(vocab::kXsd) + "integer";

TEST(TermDictionaryTest, InternsEachDistinctTermOnce) {
  TermDictionary dict;
  const Term iri = Term::iri("http://ex/a");
  const TermId a = dict.intern(iri.ref());
  EXPECT_GE(a, kFirstTermId);
  EXPECT_EQ(dict.intern(iri.ref()), a);
  EXPECT_EQ(dict.find(iri.ref()), a);
  EXPECT_EQ(dict.size(), 1u);
  EXPECT_EQ(dict.term(a), iri.ref());
}

TEST(TermDictionaryTest, KindLexicalFormDatatypeAndLanguageAllCount) {
  TermDictionary dict;
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
  std::vector<TermId> ids;
  for (const auto& t : terms) ids.push_back(dict.intern(t.ref()));
  for (std::size_t i = 0; i < terms.size(); ++i) {
    EXPECT_EQ(dict.term(ids[i]), terms[i].ref()) << i;
    for (std::size_t j = 0; j < i; ++j) EXPECT_NE(ids[i], ids[j]) << i << " " << j;
  }
  EXPECT_EQ(dict.term(ids[6]).value, "01");
}

TEST(TermDictionaryTest, UnknownAndNoneTermsAreNotFound) {
  TermDictionary dict;
  dict.intern(Term::iri("http://ex/a").ref());
  EXPECT_EQ(dict.find(Term::iri("http://ex/b").ref()), kAnyTerm);
  EXPECT_EQ(dict.find(TermRef{}), kAnyTerm);
  EXPECT_FALSE(dict.contains(kAnyTerm));
  EXPECT_FALSE(dict.contains(kFirstTermId + 1));
}

TEST(TermDictionaryTest, ViewsStayValidWhileTheDictionaryGrows) {
  TermDictionary dict;
  const TermId first = dict.intern(Term::literal("first", "", "en").ref());
  const TermRef view = dict.term(first);
  // Enough terms to rehash the table many times and fill several chunks.
  for (int i = 0; i < 200000; ++i) {
    dict.intern(Term::iri("http://example.org/a/rather/long/iri/" + std::to_string(i)).ref());
  }
  dict.intern(Term::literal(std::string(3 << 20, 'x')).ref());  // bigger than a chunk
  EXPECT_EQ(view.value, "first");
  EXPECT_EQ(view.language, "en");
  EXPECT_EQ(view.value.data(), dict.term(first).value.data());
  for (int i = 0; i < 200000; i += 997) {
    const Term t = Term::iri("http://example.org/a/rather/long/iri/" + std::to_string(i));
    ASSERT_EQ(dict.find(t.ref()), kFirstTermId + 1 + static_cast<TermId>(i));
  }
}

TEST(TermDictionaryTest, RollbackForgetsNewerTermsOnly) {
  TermDictionary dict;
  std::vector<Term> kept;
  for (int i = 0; i < 1000; ++i) kept.push_back(Term::literal(std::to_string(i), kInteger));
  for (const auto& t : kept) dict.intern(t.ref());
  const auto mark = dict.mark();
  for (int i = 0; i < 5000; ++i) dict.intern(Term::blank("b" + std::to_string(i)).ref());
  dict.rollback(mark);
  EXPECT_EQ(dict.size(), 1000u);
  EXPECT_EQ(dict.find(Term::blank("b1").ref()), kAnyTerm);
  for (std::size_t i = 0; i < kept.size(); ++i) {
    ASSERT_EQ(dict.find(kept[i].ref()), kFirstTermId + i);
    ASSERT_EQ(dict.term(kFirstTermId + i), kept[i].ref());
  }
  // Ids are handed out again from where the mark was.
  EXPECT_EQ(dict.intern(Term::blank("again").ref()), kFirstTermId + 1000);
}

}  // namespace
}  // namespace quiver::store
