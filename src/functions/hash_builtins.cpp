// MD5, SHA1, SHA256, SHA384, SHA512 (17.4.6) through OpenSSL's EVP
// interface, and the random identifiers UUID and STRUUID (17.4.2).

#include <openssl/evp.h>

#include <array>
#include <random>
#include <string>

#include "functions/builtins_internal.hpp"

namespace quiver::functions::detail {
namespace {

/// Lower-case hex of the digest of the argument's UTF-8 bytes. Only simple
/// literals and xsd:string are accepted, not tagged strings.
Value hash_with(const EVP_MD* md, Args args) {
  if (!is_simple_string(args[0])) return std::nullopt;
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int size = 0;
  const std::string& input = args[0].value();
  if (EVP_Digest(input.data(), input.size(), digest.data(), &size, md, nullptr) != 1) {
    return std::nullopt;
  }
  std::string out;
  for (unsigned int i = 0; i < size; ++i) {
    out += hex_digit(digest[i] >> 4, true);
    out += hex_digit(digest[i], true);
  }
  return make_string(out);
}

/// A version 4 (random) UUID in its lower-case 8-4-4-4-12 form.
std::string random_uuid(std::mt19937_64& random) {
  std::array<unsigned char, 16> bytes{};
  for (std::size_t i = 0; i < bytes.size(); i += 8) {
    const std::uint64_t r = random();
    for (std::size_t k = 0; k < 8; ++k) bytes[i + k] = static_cast<unsigned char>(r >> (8 * k));
  }
  bytes[6] = static_cast<unsigned char>((bytes[6] & 0x0F) | 0x40);  // version 4
  bytes[8] = static_cast<unsigned char>((bytes[8] & 0x3F) | 0x80);  // RFC 4122 variant
  std::string out;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
    out += hex_digit(bytes[i] >> 4, true);
    out += hex_digit(bytes[i], true);
  }
  return out;
}

}  // namespace

Value fn_md5(Args args, FunctionContext&) { return hash_with(EVP_md5(), args); }
Value fn_sha1(Args args, FunctionContext&) { return hash_with(EVP_sha1(), args); }
Value fn_sha256(Args args, FunctionContext&) { return hash_with(EVP_sha256(), args); }
Value fn_sha384(Args args, FunctionContext&) { return hash_with(EVP_sha384(), args); }
Value fn_sha512(Args args, FunctionContext&) { return hash_with(EVP_sha512(), args); }

Value fn_uuid(Args, FunctionContext& ctx) {
  return Term::iri("urn:uuid:" + random_uuid(ctx.random()));
}

Value fn_struuid(Args, FunctionContext& ctx) { return make_string(random_uuid(ctx.random())); }

}  // namespace quiver::functions::detail
