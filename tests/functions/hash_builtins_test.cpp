// Hash functions (values from sparql11/functions md5-*, sha1-02) and UUIDs.

#include <gtest/gtest.h>

#include <string_view>

#include "function_test_util.hpp"
#include "functions/registry.hpp"

namespace quiver::functions {
namespace {

using namespace testing;

/// 8-4-4-4-12 lower-case hex with version 4 and the RFC 4122 variant.
/// (Not std::regex: GCC 12 warns inside it under the sanitizers.)
bool is_uuid4(std::string_view s) {
  if (s.size() != 36) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    const bool hex = (s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f');
    if (dash ? s[i] != '-' : !hex) return false;
  }
  return s[14] == '4' && std::string_view("89ab").find(s[19]) != std::string_view::npos;
}

TEST(HashBuiltins, HexDigestsOfUtf8) {
  EXPECT_EQ(call("MD5", {str("foo")}), "\"acbd18db4cc2f85cedef654fccc4a4d8\"");
  EXPECT_EQ(call("MD5", {xsd("abc", "string")}), "\"900150983cd24fb0d6963f7d28e17f72\"");
  EXPECT_EQ(call("SHA1", {str("食")}), "\"d46696735b6a09ff407bfc1a9407e008840db9c9\"");
  EXPECT_EQ(call("SHA256", {str("abc")}),
            "\"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\"");
  EXPECT_EQ(call("SHA384", {str("abc")}),
            "\"cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed"
            "8086072ba1e7cc2358baeca134c825a7\"");
  EXPECT_EQ(call("SHA512", {str("abc")}),
            "\"ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
            "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f\"");
}

TEST(HashBuiltins, OnlySimpleStrings) {
  EXPECT_EQ(call("MD5", {lang("foo", "en")}), "error");
  EXPECT_EQ(call("SHA1", {integer("1")}), "error");
  EXPECT_EQ(call("SHA256", {iri("http://a/")}), "error");
}

TEST(HashBuiltins, UuidsAreVersion4AndFresh) {
  FunctionContext ctx;
  const Value a = call_builtin(Function::Uuid, {}, ctx);
  ASSERT_TRUE(a && a->is_iri());
  ASSERT_TRUE(a->value().starts_with("urn:uuid:"));
  EXPECT_TRUE(is_uuid4(a->value().substr(9)));
  const Value s = call_builtin(Function::StrUuid, {}, ctx);
  ASSERT_TRUE(s && s->is_literal());
  EXPECT_TRUE(is_uuid4(s->value()));
  EXPECT_NE(call_builtin(Function::Uuid, {}, ctx), a);
}

}  // namespace
}  // namespace quiver::functions
