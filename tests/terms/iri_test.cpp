#include "terms/iri.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace quiver {
namespace {

struct Case {
  const char* reference;
  const char* expected;
};

void expect_resolves(std::string_view base, const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    EXPECT_EQ(resolve_iri(base, c.reference), c.expected)
        << "base <" << base << ">, reference <" << c.reference << ">";
  }
}

constexpr std::string_view kRfcBase = "http://a/b/c/d;p?q";

// RFC 3986 section 5.4.1.
TEST(Iri, Rfc3986NormalExamples) {
  expect_resolves(kRfcBase, {
                                {"g:h", "g:h"},
                                {"g", "http://a/b/c/g"},
                                {"./g", "http://a/b/c/g"},
                                {"g/", "http://a/b/c/g/"},
                                {"/g", "http://a/g"},
                                {"//g", "http://g"},
                                {"?y", "http://a/b/c/d;p?y"},
                                {"g?y", "http://a/b/c/g?y"},
                                {"#s", "http://a/b/c/d;p?q#s"},
                                {"g#s", "http://a/b/c/g#s"},
                                {"g?y#s", "http://a/b/c/g?y#s"},
                                {";x", "http://a/b/c/;x"},
                                {"g;x", "http://a/b/c/g;x"},
                                {"g;x?y#s", "http://a/b/c/g;x?y#s"},
                                {"", "http://a/b/c/d;p?q"},
                                {".", "http://a/b/c/"},
                                {"./", "http://a/b/c/"},
                                {"..", "http://a/b/"},
                                {"../", "http://a/b/"},
                                {"../g", "http://a/b/g"},
                                {"../..", "http://a/"},
                                {"../../", "http://a/"},
                                {"../../g", "http://a/g"},
                            });
}

// RFC 3986 section 5.4.2, with the strict reading of "http:g".
TEST(Iri, Rfc3986AbnormalExamples) {
  expect_resolves(kRfcBase, {
                                {"../../../g", "http://a/g"},
                                {"../../../../g", "http://a/g"},
                                {"/./g", "http://a/g"},
                                {"/../g", "http://a/g"},
                                {"g.", "http://a/b/c/g."},
                                {".g", "http://a/b/c/.g"},
                                {"g..", "http://a/b/c/g.."},
                                {"..g", "http://a/b/c/..g"},
                                {"./../g", "http://a/b/g"},
                                {"./g/.", "http://a/b/c/g/"},
                                {"g/./h", "http://a/b/c/g/h"},
                                {"g/../h", "http://a/b/c/h"},
                                {"g;x=1/./y", "http://a/b/c/g;x=1/y"},
                                {"g;x=1/../y", "http://a/b/c/y"},
                                {"g?y/./x", "http://a/b/c/g?y/./x"},
                                {"g?y/../x", "http://a/b/c/g?y/../x"},
                                {"g#s/./x", "http://a/b/c/g#s/./x"},
                                {"g#s/../x", "http://a/b/c/g#s/../x"},
                                {"http:g", "http:g"},
                            });
}

// Cases taken from the W3C Turtle tests IRI-resolution-01.ttl/.nt.
TEST(Iri, W3cTurtleResolution01) {
  expect_resolves("http://a/bb/ccc/d;p?q", {
                                               {"g", "http://a/bb/ccc/g"},
                                               {"//g", "http://g"},
                                               {"?y", "http://a/bb/ccc/d;p?y"},
                                               {"", "http://a/bb/ccc/d;p?q"},
                                               {"..", "http://a/bb/"},
                                               {"../..", "http://a/"},
                                               {"../../../../g", "http://a/g"},
                                               {"/../g", "http://a/g"},
                                               {"./g/.", "http://a/bb/ccc/g/"},
                                               {"g;x=1/../y", "http://a/bb/ccc/y"},
                                               {"g?y/../x", "http://a/bb/ccc/g?y/../x"},
                                           });
}

// IRI-resolution-02: a base ending in a slash.
TEST(Iri, W3cTurtleResolution02) {
  expect_resolves("http://a/bb/ccc/d/", {
                                            {"g", "http://a/bb/ccc/d/g"},
                                            {"?y", "http://a/bb/ccc/d/?y"},
                                            {"#s", "http://a/bb/ccc/d/#s"},
                                            {"", "http://a/bb/ccc/d/"},
                                            {".", "http://a/bb/ccc/d/"},
                                            {"..", "http://a/bb/ccc/"},
                                            {"../../g", "http://a/bb/g"},
                                            {"../../../g", "http://a/g"},
                                            {"./../g", "http://a/bb/ccc/g"},
                                            {"g/../h", "http://a/bb/ccc/d/h"},
                                        });
}

// IRI-resolution-07: a file: base with an empty authority.
TEST(Iri, W3cTurtleResolution07) {
  expect_resolves("file:///a/bb/ccc/d;p?q", {
                                                {"g", "file:///a/bb/ccc/g"},
                                                {"/g", "file:///g"},
                                                {"//g", "file://g"},
                                                {"?y", "file:///a/bb/ccc/d;p?y"},
                                                {"", "file:///a/bb/ccc/d;p?q"},
                                                {"../..", "file:///a/"},
                                                {"../../../g", "file:///g"},
                                                {"/./g", "file:///g"},
                                                {"g;x=1/./y", "file:///a/bb/ccc/g;x=1/y"},
                                                {"http:g", "http:g"},
                                            });
}

// IRI-resolution-08, all of it: dots before queries and fragments, empty
// path segments, and a colon inside the path.
TEST(Iri, W3cTurtleResolution08) {
  expect_resolves("http://abc/def/ghi", {
                                            {".", "http://abc/def/"},
                                            {".?a=b", "http://abc/def/?a=b"},
                                            {".#a=b", "http://abc/def/#a=b"},
                                            {"..", "http://abc/"},
                                            {"..?a=b", "http://abc/?a=b"},
                                            {"..#a=b", "http://abc/#a=b"},
                                        });
  expect_resolves("http://ab//de//ghi", {
                                            {"xyz", "http://ab//de//xyz"},
                                            {"./xyz", "http://ab//de//xyz"},
                                            {"../xyz", "http://ab//de/xyz"},
                                        });
  expect_resolves("http://abc/d:f/ghi", {
                                            {"xyz", "http://abc/d:f/xyz"},
                                            {"./xyz", "http://abc/d:f/xyz"},
                                            {"../xyz", "http://abc/xyz"},
                                        });
}

TEST(Iri, BaseWithEmptyPathGetsSlash) {
  expect_resolves("http://example.org", {
                                            {"a", "http://example.org/a"},
                                            {"", "http://example.org"},
                                            {"#f", "http://example.org#f"},
                                        });
}

TEST(Iri, AbsoluteReferenceLosesOnlyDotSegments) {
  EXPECT_EQ(resolve_iri(kRfcBase, "http://x/a/./b/../c?q#f"), "http://x/a/c?q#f");
  EXPECT_EQ(resolve_iri(kRfcBase, "urn:ex:s"), "urn:ex:s");
}

TEST(Iri, AppendsToExistingOutput) {
  std::string out = "<";
  resolve_iri(out, "http://a/b/", "../c");
  EXPECT_EQ(out, "<http://a/c");
}

TEST(Iri, HasScheme) {
  EXPECT_TRUE(has_scheme("http://a"));
  EXPECT_TRUE(has_scheme("g:h"));
  EXPECT_TRUE(has_scheme("a+b-c.d1:x"));
  EXPECT_TRUE(has_scheme("urn:"));
  EXPECT_FALSE(has_scheme(""));
  EXPECT_FALSE(has_scheme(":x"));
  EXPECT_FALSE(has_scheme("1a:x"));
  EXPECT_FALSE(has_scheme("./g:h"));
  EXPECT_FALSE(has_scheme("g"));
  EXPECT_FALSE(has_scheme("a/b:c"));
  EXPECT_FALSE(has_scheme("#a:b"));
}

}  // namespace
}  // namespace quiver
