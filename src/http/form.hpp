#pragma once
/// @file
/// URL and form encoding, as the SPARQL 1.1 Protocol sends queries.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace quiver::http {

/// Percent-encodes every byte but the RFC 3986 unreserved characters.
std::string percent_encode(std::string_view text);

/// `application/x-www-form-urlencoded` body (or query string) of `fields`.
std::string form_encode(const std::vector<std::pair<std::string, std::string>>& fields);

/// Decodes `%XX` and `+` (as space) of a form field; malformed escapes are
/// kept as they are.
std::string form_decode(std::string_view text);

/// The `name=value` fields of a query string or form body, decoded, in order.
std::vector<std::pair<std::string, std::string>> form_fields(std::string_view text);

/// `url` with `?name=value` (or `&name=value` when it has a query) appended.
std::string with_query_parameter(const std::string& url, std::string_view name,
                                 std::string_view value);

}  // namespace quiver::http
