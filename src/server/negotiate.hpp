#pragma once
/// @file
/// HTTP content negotiation (RFC 9110 section 12.5.1): pick the media type
/// the client prefers among those the server can produce.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace quiver::server {

/// The offer in `offers` (in the server's order of preference) that the
/// `accept` header ranks highest: by q-value, then by the specificity of
/// the range that matched (`type/sub` over `type/*` over `*/*`), then by
/// the server's order. An empty or absent header accepts the first offer.
/// nullopt when nothing offered is acceptable (HTTP 406).
std::optional<std::string> negotiate(std::string_view accept,
                                     const std::vector<std::string>& offers);

}  // namespace quiver::server
