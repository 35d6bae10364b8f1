#include "server/query_page.hpp"

namespace quiver::server {

const std::string& query_page_html() {
  static const std::string page = R"(<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Quiver SPARQL endpoint</title>
<style>
body { font-family: sans-serif; max-width: 60em; margin: 2em auto; padding: 0 1em; }
textarea { width: 100%; height: 14em; font-family: monospace; }
</style>
</head>
<body>
<h1>Quiver SPARQL endpoint</h1>
<form action="/sparql" method="post">
<p><label for="query">Query</label></p>
<textarea id="query" name="query">SELECT * WHERE { ?s ?p ?o } LIMIT 10</textarea>
<p><label for="format">Results as</label>
<select id="format" name="format">
<option value="json">JSON</option><option value="xml">XML</option>
<option value="csv">CSV</option><option value="tsv">TSV</option>
<option value="turtle">Turtle (CONSTRUCT, DESCRIBE)</option>
<option value="ntriples">N-Triples (CONSTRUCT, DESCRIBE)</option>
</select>
<button type="submit">Run</button></p>
</form>
<p>SPARQL 1.1 Protocol: <code>/sparql</code> (GET or POST). Graph Store: <code>/store?default</code>,
<code>/store?graph=IRI</code>.</p>
</body>
</html>
)";
  return page;
}

}  // namespace quiver::server
