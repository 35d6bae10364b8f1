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

namespace quiver::http {
namespace {

TEST(Form, SplitsFieldsInOrder) {
  const auto fields =
      form_fields("query=ASK+%7B%7D&default-graph-uri=urn%3Aa&&flag&default-graph-uri=urn%3Ab");
  ASSERT_EQ(fields.size(), 4u);
  EXPECT_EQ(fields[0], (std::pair<std::string, std::string>{"query", "ASK {}"}));
  EXPECT_EQ(fields[1].second, "urn:a");
  EXPECT_EQ(fields[2], (std::pair<std::string, std::string>{"flag", ""}));
  EXPECT_EQ(fields[3].second, "urn:b");
  EXPECT_TRUE(form_fields("").empty());
}

}  // namespace
}  // namespace quiver::http
