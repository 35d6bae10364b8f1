#pragma once
/// @file
/// The page at `/`: a form that sends a query to /sparql.

#include <string>

namespace quiver::server {

/// A small, self-contained HTML page (no scripts from elsewhere).
const std::string& query_page_html();

}  // namespace quiver::server
