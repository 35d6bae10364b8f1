#include "http/form.hpp"

#include <gtest/gtest.h>

namespace quiver::http {
namespace {

TEST(Form, EncodesEverythingButUnreserved) {
  EXPECT_EQ(percent_encode("a-b_c.d~e"), "a-b_c.d~e");
  EXPECT_EQ(percent_encode("SELECT * { ?s }"), "SELECT%20%2A%20%7B%20%3Fs%20%7D");
  EXPECT_EQ(percent_encode("caf\xC3\xA9"), "caf%C3%A9");
  EXPECT_EQ(form_encode({{"query", "ASK {}"}, {"default-graph-uri", "urn:a&b"}}),
            "query=ASK%20%7B%7D&default-graph-uri=urn%3Aa%26b");
}

TEST(Form, DecodesPlusAndPercent) {
  EXPECT_EQ(form_decode("ASK+%7B%7D"), "ASK {}");
  EXPECT_EQ(form_decode("caf%C3%A9"), "caf\xC3\xA9");
  // A malformed escape is kept as it is.
  EXPECT_EQ(form_decode("100%"), "100%");
  EXPECT_EQ(form_decode("%zz"), "%zz");
}

TEST(Form, RoundTrips) {
  const std::string text = "PREFIX ex: <http://e/#> SELECT ?x { ?x ex:p \"a+b=c&d\" }";
  EXPECT_EQ(form_decode(percent_encode(text)), text);
}

TEST(Form, AppendsQueryParameters) {
  EXPECT_EQ(with_query_parameter("http://h/s", "graph", "urn:g"), "http://h/s?graph=urn%3Ag");
  EXPECT_EQ(with_query_parameter("http://h/s?x=1", "graph", "urn:g"),
            "http://h/s?x=1&graph=urn%3Ag");
}

}  // namespace
}  // namespace quiver::http
