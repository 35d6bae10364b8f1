#include "cli/options.hpp"

#include <algorithm>
#include <cstdint>
#include <iostream>
#include <string_view>

#include "util/ascii.hpp"

namespace quiver::cli {

void validate(boost::any& v, const std::vector<std::string>& values, Count*, int) {
  po::validators::check_first_occurrence(v);
  const std::string& text = po::validators::get_single_string(values);
  if (text.empty() || text.size() > 19 ||
      !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    throw po::invalid_option_value(text);
  }
  v = Count{std::stoull(text)};
}

void validate(boost::any& v, const std::vector<std::string>& values, ByteSize*, int) {
  po::validators::check_first_occurrence(v);
  const std::string& text = po::validators::get_single_string(values);
  std::size_t digits = 0;
  while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') ++digits;
  std::string unit = ascii_upper(std::string_view(text).substr(digits));
  if (unit.ends_with("IB")) unit.resize(unit.size() - 2);
  if (unit.size() == 2 && unit.back() == 'B') unit.pop_back();
  if (unit == "B") unit.clear();
  static constexpr std::string_view kUnits = "KMGT";
  std::size_t power = 0;
  if (!unit.empty()) {
    const std::size_t k = kUnits.find(unit);
    if (unit.size() != 1 || k == std::string_view::npos) throw po::invalid_option_value(text);
    power = k + 1;
  }
  if (digits == 0 || digits > 15) throw po::invalid_option_value(text);
  const std::uint64_t number = std::stoull(text.substr(0, digits));
  if (number > (UINT64_MAX >> (10 * power))) throw po::invalid_option_value(text);
  v = ByteSize{number << (10 * power)};
}

CommandSpec convert_spec() {
  CommandSpec spec{"convert",
                   "quiver convert [INPUT... | --db DIR] [options]",
                   "Converts RDF between syntaxes. Reads every INPUT (default: stdin), or the\n"
                   "database in DIR, and writes them merged, blank nodes of different inputs\n"
                   "kept apart.",
                   po::options_description("Options"),
                   {},
                   {}};
  spec.options.add_options()("help,h", "show this help")(
      "from,f", po::value<std::string>(),
      "input syntax: turtle, trig, ntriples, nquads, rdfxml (default: from the file extension)")(
      "to,t", po::value<std::string>(),
      "output syntax: turtle, trig, ntriples, nquads, rdfxml, or dot (a Graphviz picture) "
      "(default: from -o's extension, else ntriples)")(
      "base,b", po::value<std::string>(),
      "base IRI for relative IRIs (default: each file's file:// IRI)")(
      "prefix,p", po::value<std::vector<std::string>>()->composing(),
      "prefix for Turtle/TriG/RDF-XML output, as NAME=IRI (repeatable)")(
      "dot-style", po::value<std::string>(),
      "with --to dot: draw the resources of some classes as FILE says (lines of "
      "'<class IRI> node|edge Graphviz-attributes')")(
      "output,o", po::value<std::string>(), "write to this file (atomically) instead of stdout")(
      "lax", "skip bad statements, go on, and report how many were skipped")(
      "graph,g", po::value<std::string>(),
      "keep only one graph of a dataset: 'default' or a graph IRI (written as triples)")(
      "db", po::value<std::string>(),
      "read the database in folder DIR (made by `quiver load --db`) instead of files")(
      "input", po::value<std::vector<std::string>>(), "input files (- for stdin)");
  spec.positional.add("input", -1);
  spec.examples =
      "  quiver convert data.ttl -o data.nt                   format from the extensions\n"
      "  quiver convert a.ttl b.rdf --to trig -o all.trig     merge, blank nodes kept apart\n"
      "  quiver convert - --from ntriples --to turtle < x.nt  read stdin\n"
      "  quiver convert x.nt --to turtle --prefix ex=http://example.org/\n"
      "  quiver convert data/article.trig --graph default --to turtle -o article.ttl\n"
      "  quiver convert data/article.trig --graph default --to dot --dot-style "
      "data/article.dot-style\n"
      "  quiver convert big.nt --lax -o clean.nt              skip bad statements\n"
      "  quiver convert --db db --graph default --to turtle   a database's default graph\n";
  return spec;
}

CommandSpec validate_spec() {
  CommandSpec spec{"validate",
                   "quiver validate FILE... [--ontology ONTOLOGY]... [options]\n"
                   "       quiver validate --shapes SHAPES... [--data] DATA... [options]",
                   "Checks the syntax of each FILE, reporting every error with its location\n"
                   "and the number of triples read. With --ontology, then checks all FILEs\n"
                   "together against the ontology: undeclared classes and properties, domains\n"
                   "and ranges, literals invalid for their datatype, and properties the\n"
                   "ontology requires (owl:Restriction with owl:minCardinality 1). Exits 1 on\n"
                   "any problem.\n\n"
                   "With --shapes, validates the data (FILEs and --data files, or the database\n"
                   "of --db) against SHACL shapes (W3C SHACL Core and SHACL-SPARQL): writes\n"
                   "the validation report to stdout or -o, and a summary by shape to stderr.\n"
                   "Exits 0 when the data conforms, 1 on results of --fail-on severity or\n"
                   "above, 2 when it cannot validate (bad shapes, data that does not parse).",
                   po::options_description("Options"),
                   {},
                   {}};
  spec.options.add_options()("help,h", "show this help")(
      "from,f", po::value<std::string>(), "input syntax (default: from the file extension)")(
      "base,b", po::value<std::string>(), "base IRI for relative IRIs")(
      "ontology", po::value<std::vector<std::string>>()->composing(),
      "check the FILEs against this ontology (Turtle, RDF/XML, ...; repeatable)")(
      "shapes,s", po::value<std::vector<std::string>>()->composing(),
      "validate against the SHACL shapes in this file (repeatable)")(
      "data,d", po::value<std::vector<std::string>>()->composing(),
      "with --shapes: a data file to validate (repeatable; FILEs are data too)")(
      "db", po::value<std::string>(), "with --shapes: validate the database in folder DIR")(
      "report-format", po::value<std::string>(),
      "with --shapes: the report's syntax: turtle (default), ntriples, nquads, trig, rdfxml")(
      "output,o", po::value<std::string>(),
      "with --shapes: write the report to this file (atomically) instead of stdout")(
      "fail-on", po::value<std::string>(),
      "with --shapes: exit 1 on results of this severity or above: violation (default), "
      "warning, info")("timeout", po::value<double>(),
                       "with --shapes: stop validating after SECONDS (exit 2)")(
      "union-default-graph",
      "with --shapes: the data graph is the union of the named graphs, not the default "
      "graph (and the shapes are read from every graph of their files)")(
      "input", po::value<std::vector<std::string>>(), "files to check (- for stdin)");
  spec.positional.add("input", -1);
  spec.examples =
      "  quiver validate data/*.ttl\n"
      "  quiver validate --ontology ontology/quiver-article.ttl data/article.trig\n"
      "  quiver validate --shapes shapes.ttl data.ttl -o report.ttl\n"
      "  quiver validate --shapes shapes.ttl --db db --fail-on warning\n";
  return spec;
}

CommandSpec query_spec() {
  CommandSpec spec{"query",
                   "quiver query (--query FILE | QUERY) [--data FILE]... [options]",
                   "Runs a SPARQL 1.1 query over the given data and prints its result.",
                   po::options_description("Options"),
                   {},
                   {}};
  spec.options.add_options()("help,h", "show this help")("query,q", po::value<std::string>(),
                                                         "read the query from FILE (- for stdin)")(
      "data,d", po::value<std::vector<std::string>>()->composing(),
      "load FILE into the default graph (TriG/N-Quads keep their named graphs; repeatable)")(
      "named,n", po::value<std::vector<std::string>>()->composing(),
      "load FILE as a named graph, named by its file:// IRI, or IRI=FILE (repeatable)")(
      "db", po::value<std::string>(),
      "query the database in folder DIR (made by `quiver load --db`) instead of files")(
      "base,b", po::value<std::string>(),
      "base IRI of the query (default: the query file's file:// IRI)")(
      "format,f", po::value<std::string>(),
      "table, json, xml, csv, tsv (SELECT/ASK); turtle, ntriples, nquads, trig, rdfxml, dot "
      "(CONSTRUCT/DESCRIBE). Default: table on a terminal, else tsv; turtle for graphs")(
      "explain", "print the optimized plan with estimated and actual row counts to stderr")(
      "no-optimize",
      "run the query as written: no rewrites, patterns in written order, joins of sides "
      "evaluated alone (a reference to check the optimizer against; slow)")(
      "union-default-graph",
      "without FROM, the default graph is the union of all named graphs (as Jena TDB and "
      "Oxigraph offer)")("time",
                         "print to stderr how long loading the data and answering the query took")(
      "timeout", po::value<double>(), "stop the query after SECONDS")(
      "max-memory", po::value<ByteSize>(),
      "fail with 'out of memory' rather than use more than SIZE (e.g. 4G, 512M)")(
      "syntax-only", "only parse the query: report errors, exit 0 or 2")(
      "endpoint,e", po::value<std::string>(),
      "run the query at this SPARQL endpoint URL instead of over local data")(
      "default-graph-uri", po::value<std::vector<std::string>>()->composing(),
      "with --endpoint: the protocol's default graph IRI (repeatable)")(
      "named-graph-uri", po::value<std::vector<std::string>>()->composing(),
      "with --endpoint: a named graph IRI of the protocol's dataset (repeatable)")(
      "user,u", po::value<std::string>(), "with --endpoint: user name for the server")(
      "password,p", po::value<std::string>(),
      "with --endpoint: password (default: $QUIVER_PASSWORD)")(
      "auth", po::value<std::string>()->default_value("any"),
      "with --endpoint: any, basic or digest")("text", po::value<std::vector<std::string>>(),
                                               "the query text");
  spec.positional.add("text", -1);
  spec.examples =
      "  quiver query --data data/article.trig --query queries/01-musk-companies.rq\n"
      "  quiver query --data data.ttl 'SELECT ?s WHERE { ?s a ?type } LIMIT 10'\n"
      "  quiver query --data data.ttl --named http://example.org/g1=graph1.ttl 'SELECT * { GRAPH "
      "?g { ?s ?p ?o } }'\n"
      "  quiver query --data big.nt --query q.rq --format json --timeout 30\n"
      "  quiver query --data data.ttl --query q.rq --explain --format csv > out.csv\n"
      "  quiver query --query q.rq --syntax-only\n"
      "  quiver query --endpoint http://localhost:7878/sparql --query q.rq --format json\n";
  return spec;
}

CommandSpec update_spec() {
  CommandSpec spec{"update",
                   "quiver update (--update FILE | UPDATE) [--data FILE]... [options]",
                   "Applies a SPARQL 1.1 Update request to the given data, as one transaction, and "
                   "writes the resulting dataset; or sends the request to a remote endpoint.",
                   po::options_description("Options"),
                   {},
                   {}};
  spec.options.add_options()("help,h", "show this help")(
      "update", po::value<std::string>(), "read the update request from FILE (- for stdin)")(
      "data,d", po::value<std::vector<std::string>>()->composing(),
      "load FILE into the default graph (TriG/N-Quads keep their named graphs; repeatable)")(
      "named,n", po::value<std::vector<std::string>>()->composing(),
      "load FILE as a named graph, named by its file:// IRI, or IRI=FILE (repeatable)")(
      "db", po::value<std::string>(),
      "apply the request to the database in folder DIR, in place, as one durable "
      "transaction (nothing is written out unless --output)")(
      "wait", "with --db: wait for another process writing to the database")(
      "no-sync",
      "with --db: do not wait for the disk at commit (a killed process loses nothing; a "
      "power failure may lose the request or leave a log that is reported damaged)")(
      "base,b", po::value<std::string>(),
      "base IRI of the request (default: the update file's file:// IRI)")(
      "format,f", po::value<std::string>(),
      "how to write the result: nquads, trig, turtle or ntriples (the last two only for a "
      "dataset without named graphs). Default: from the --output name, else nquads")(
      "output,o", po::value<std::string>(),
      "write the resulting dataset to FILE, replaced only when all went well (default: stdout)")(
      "explain", "print each operation and its WHERE plan with row counts to stderr")(
      "time", "print to stderr how long loading, the update and writing the result took")(
      "union-default-graph",
      "a WHERE without USING or WITH reads the union of all named graphs as its default graph")(
      "timeout", po::value<double>(), "stop the update after SECONDS (nothing is applied)")(
      "max-memory", po::value<ByteSize>(),
      "fail with 'out of memory' rather than use more than SIZE (e.g. 4G, 512M)")(
      "syntax-only", "only parse the request: report errors, exit 0 or 2")(
      "endpoint,e", po::value<std::string>(),
      "send the request to this SPARQL Update endpoint URL instead")(
      "using-graph-uri", po::value<std::vector<std::string>>()->composing(),
      "with --endpoint: the protocol's USING graph IRI (repeatable)")(
      "using-named-graph-uri", po::value<std::vector<std::string>>()->composing(),
      "with --endpoint: the protocol's USING NAMED graph IRI (repeatable)")(
      "user,u", po::value<std::string>(), "with --endpoint: user name for the server")(
      "password,p", po::value<std::string>(),
      "with --endpoint: password (default: $QUIVER_PASSWORD)")(
      "auth", po::value<std::string>()->default_value("any"),
      "with --endpoint: any, basic or digest")("text", po::value<std::vector<std::string>>(),
                                               "the update text");
  spec.positional.add("text", -1);
  spec.examples =
      "  quiver update --data data.ttl 'DELETE WHERE { ?s <http://ex/old> ?o }' -o data.nq\n"
      "  quiver update --data data.trig --update fix.ru --format trig -o fixed.trig\n"
      "  quiver update --update fix.ru --syntax-only\n"
      "  quiver update --endpoint http://localhost:8890/sparql --user dba --update fix.ru\n";
  return spec;
}

CommandSpec push_spec() {
  CommandSpec spec{"push",
                   "quiver push FILE... --endpoint URL [--graph IRI | --default-graph] [options]",
                   "Uploads RDF files to a triplestore with the SPARQL 1.1 Graph Store HTTP "
                   "Protocol (or SPARQL 1.1 Update), in batches, then counts the target graphs "
                   "and reports 'sent N, graph now holds M'. Exits 1 unless the store holds "
                   "what was sent.",
                   po::options_description("Options"),
                   {},
                   {}};
  spec.options.add_options()("help,h", "show this help")(
      "endpoint,e", po::value<std::string>(),
      "the Graph Store URL (e.g. http://host:8890/sparql-graph-crud), or the Update endpoint "
      "with --protocol update")("graph,g", po::value<std::string>(),
                                "put every triple into this named graph")(
      "default-graph", "put every triple into the default graph")(
      "replace", "replace the target graphs' content (PUT) instead of adding to it (POST)")(
      "protocol", po::value<std::string>()->default_value("gsp"),
      "gsp (Graph Store HTTP Protocol) or update (SPARQL 1.1 Update INSERT DATA)")(
      "chunk", po::value<Count>(),
      "triples per request (default 100000, or 1000 with --protocol update)")(
      "from,f", po::value<std::string>(), "syntax of the inputs (default: from the file names)")(
      "user,u", po::value<std::string>(), "user name for the server")(
      "password,p", po::value<std::string>(), "password (default: $QUIVER_PASSWORD)")(
      "auth", po::value<std::string>()->default_value("any"), "any, basic or digest")(
      "query-endpoint", po::value<std::string>(),
      "count the triples afterwards with a SPARQL query here (default: the Update endpoint, "
      "or a GET of each graph from the Graph Store)")(
      "no-verify", "do not count afterwards (the result is then not checked)")(
      "rdf12", "the store reads RDF 1.2: send triple terms and base directions as they are")(
      "unstar",
      "send each RDF 1.2 triple term as its RDF 1.1 reification (rdf:Statement, rdf:subject, "
      "rdf:predicate, rdf:object), for a store that reads only RDF 1.1")(
      "retries", po::value<int>()->default_value(3),
      "extra attempts per request after a refused connection, a timeout or HTTP "
      "408/429/502/503/504")("timeout", po::value<double>()->default_value(600),
                             "seconds allowed per request")("quiet,q", "no progress line")(
      "input", po::value<std::vector<std::string>>(), "input files (- for stdin)");
  spec.positional.add("input", -1);
  spec.examples =
      "  quiver push data.ttl --endpoint http://localhost:8890/sparql-graph-crud --graph "
      "http://example.org/g --replace --query-endpoint http://localhost:8890/sparql\n"
      "  quiver push big.nt --endpoint http://localhost:7878/store --graph urn:big --chunk 50000\n"
      "  quiver push data.trig --endpoint http://localhost:3030/ds/data\n"
      "  quiver push data.ttl --protocol update --endpoint http://localhost:3030/ds/update "
      "--query-endpoint http://localhost:3030/ds/query --graph urn:g\n"
      "  quiver push data.ttl --endpoint http://host/sparql-graph-crud-auth --user dba --auth "
      "digest --graph urn:g\n"
      "  quiver push claims.ttl --unstar --endpoint http://localhost:8890/sparql-graph-crud "
      "--graph urn:claims\n";
  return spec;
}

CommandSpec serve_spec() {
  CommandSpec spec{
      "serve",
      "quiver serve [--data FILE]... [--named IRI=FILE]... [options]",
      "Serves the data as a SPARQL 1.1 Protocol endpoint (/sparql, also /query) "
      "and a Graph Store (/store), with a query page at /. Read-only unless "
      "--writable (SPARQL Update and Graph Store writes). Stops cleanly on SIGINT or SIGTERM.",
      po::options_description("Options"),
      {},
      {}};
  spec.options.add_options()("help,h", "show this help")(
      "data,d", po::value<std::vector<std::string>>()->composing(),
      "load FILE into the default graph (TriG/N-Quads keep their named graphs; repeatable)")(
      "named,n", po::value<std::vector<std::string>>()->composing(),
      "load FILE as a named graph, named by its file:// IRI, or IRI=FILE (repeatable)")(
      "db", po::value<std::string>(),
      "serve the database in folder DIR; with --writable, updates and Graph Store writes "
      "are committed to it (durably) and a restart serves them")(
      "wait", "with --db --writable: wait for another process writing to the database")(
      "no-sync",
      "with --db: acknowledge commits before they reach the disk (faster; a killed "
      "process loses nothing, a power failure may lose the last commits or leave a log "
      "that is reported damaged)")("port", po::value<int>()->default_value(7878),
                                   "TCP port; 0 picks a free one")(
      "bind", po::value<std::string>()->default_value("127.0.0.1"),
      "address to listen on (0.0.0.0 for every interface)")(
      "writable", "accept SPARQL Update and Graph Store PUT, POST and DELETE")(
      "no-optimize", "run queries as written, unoptimized (a reference for testing; slow)")(
      "union-default-graph",
      "a query without FROM (and an update's WHERE without USING or WITH) reads the union of "
      "all named graphs as its default graph")(
      "allow-service",
      "let queries and updates use SERVICE to reach other endpoints (http and https); "
      "without it, SERVICE is refused (SERVICE SILENT yields nothing), so that the server is "
      "no one's proxy")(
      "allow-load",
      "with --writable: let an update LOAD http(s) documents (never local files); without it, "
      "LOAD is refused, so that the server is no one's proxy")(
      "timeout", po::value<double>()->default_value(30), "seconds a query may run")(
      "max-memory", po::value<ByteSize>(),
      "memory the server may use (e.g. 4G); a query that needs more gets HTTP 500 "
      "'out of memory' and the server goes on")(
      "max-rows", po::value<Count>()->default_value(Count{1000000}, "1000000"),
      "refuse (HTTP 500) results with more rows or triples than this")(
      "max-concurrent", po::value<int>()->default_value(4),
      "queries running at once; more get HTTP 503")(
      "max-request-bytes", po::value<ByteSize>()->default_value(ByteSize{64u << 20}, "64M"),
      "largest request body (e.g. 1M, 512K); larger gets HTTP 413")(
      "threads", po::value<int>()->default_value(8),
      "worker threads: requests answered at once (slow clients never hold one)")(
      "max-connections", po::value<int>()->default_value(128),
      "open connections; past it the oldest one without a request under way is "
      "closed to make room, or the new one gets HTTP 503")(
      "client-timeout", po::value<double>()->default_value(10),
      "seconds a request's headers may take to arrive, and its body may pause "
      "(then HTTP 408); also how long an idle connection stays open")(
      "allow-host", po::value<std::vector<std::string>>()->composing(),
      "a name the Host header may give (repeatable); on a loopback --bind, localhost, "
      "127.0.0.1 and [::1] are allowed and any other name gets HTTP 403 (DNS rebinding)");
  spec.examples =
      "  quiver serve --data data/article.trig\n"
      "  quiver serve --data big.nt --port 8080 --bind 0.0.0.0 --timeout 60\n"
      "  quiver serve --writable --port 0\n"
      "  curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * { ?s ?p ?o } LIMIT 3' "
      "http://127.0.0.1:7878/sparql\n";
  return spec;
}

std::optional<int> parse_command_line(const CommandSpec& spec, const std::vector<std::string>& args,
                                      po::variables_map& vm) {
  try {
    po::store(po::command_line_parser(args).options(spec.options).positional(spec.positional).run(),
              vm);
    po::notify(vm);
  } catch (const po::error& e) {
    return usage_error(spec, e.what());
  }
  if (vm.count("help")) {
    print_help(spec);
    return 0;
  }
  return std::nullopt;
}

int usage_error(const CommandSpec& spec, const std::string& message) {
  std::cerr << "quiver " << spec.name << ": " << message << "\n"
            << "Try 'quiver help " << spec.name << "'.\n";
  return 2;
}

void print_help(const CommandSpec& spec) {
  std::cout << "Usage: " << spec.synopsis << "\n\n" << spec.summary << "\n\n";
  // The positional "input" is shown in the synopsis, not as an option.
  po::options_description visible("Options");
  for (const auto& option : spec.options.options()) {
    if (option->long_name() != "input" && option->long_name() != "text") visible.add(option);
  }
  std::cout << visible;
  if (!spec.examples.empty()) std::cout << "\nExamples:\n" << spec.examples;
}

std::optional<io::Format> parse_format_option(const std::string& command, const std::string& name) {
  auto format = io::format_from_name(name);
  if (!format) {
    std::cerr << "quiver " << command << ": unknown format '" << name
              << "' (expected turtle, trig, ntriples, nquads, rdfxml or dot)\n";
  }
  return format;
}

}  // namespace quiver::cli

namespace quiver::cli {

CommandSpec load_spec() {
  CommandSpec spec{"load",
                   "quiver load --db DIR FILE... [options]",
                   "Loads RDF files into the database in folder DIR, creating it if the folder is "
                   "missing or empty. Each file is one transaction: a file that fails to parse "
                   "adds nothing (unless --lax); the files before it stay loaded.",
                   po::options_description("Options"),
                   {},
                   {}};
  spec.options.add_options()("help,h", "show this help")("db", po::value<std::string>(),
                                                         "the database folder (required)")(
      "graph,g", po::value<std::string>(),
      "load every file into this named graph (default: the default graph; TriG and N-Quads "
      "keep their own graphs)")(
      "from,f", po::value<std::string>(),
      "input syntax: turtle, trig, ntriples, nquads, rdfxml (default: from each file's "
      "extension)")("base,b", po::value<std::string>(),
                    "base IRI (default: each file's file:// IRI)")(
      "lax", "skip bad statements, go on, and report how many were skipped")(
      "memory", po::value<ByteSize>(),
      "memory for sorting the statements' ids (e.g. 2G; default a quarter of RAM); more is "
      "sorted on disk. The dictionary of terms is held apart, in memory")(
      "threads", po::value<unsigned>(),
      "threads to use (default: one per core): parsing, sorting and writing the indexes side by "
      "side; 1 does everything in one thread")(
      "wait", "wait for another process writing to the database instead of failing")(
      "file", po::value<std::vector<std::string>>(), "an RDF file");
  spec.positional.add("file", -1);
  spec.examples =
      "  quiver load --db db data/article.trig\n"
      "  quiver load --db db --graph http://example.org/g extra.ttl\n"
      "  quiver query --db db 'SELECT (COUNT(*) AS ?n) { ?s ?p ?o }'\n";
  return spec;
}

CommandSpec dump_spec() {
  CommandSpec spec{"dump",
                   "quiver dump --db DIR [--graph IRI] [--to FORMAT] [-o FILE]",
                   "Writes the content of a database (or one of its graphs) as RDF.",
                   po::options_description("Options"),
                   {},
                   {}};
  spec.options.add_options()("help,h", "show this help")("db", po::value<std::string>(),
                                                         "the database folder (required)")(
      "graph,g", po::value<std::string>(),
      "only this graph: 'default' or a graph IRI (written as triples)")(
      "to,t", po::value<std::string>(),
      "output syntax: nquads, trig, ntriples, turtle, rdfxml (default: from -o's extension, "
      "else nquads)")("output,o", po::value<std::string>(),
                      "write to this file (atomically) instead of stdout");
  spec.examples =
      "  quiver dump --db db --to nquads -o all.nq\n"
      "  quiver dump --db db --graph http://example.org/g --to turtle\n";
  return spec;
}

CommandSpec db_spec() {
  CommandSpec spec{"db",
                   "quiver db (info | check) DIR",
                   "info: what the database in folder DIR holds (statements, graphs, terms, bytes "
                   "on disk). check: reads every file of the database and verifies that every "
                   "index holds the same statements, that every id is in the dictionary and that "
                   "the statistics are right; exit 1 with what is wrong.",
                   po::options_description("Options"),
                   {},
                   {}};
  spec.options.add_options()("help,h", "show this help")(
      "action", po::value<std::string>(), "info or check")("folder", po::value<std::string>(),
                                                           "the database folder");
  spec.positional.add("action", 1).add("folder", 1);
  spec.examples = "  quiver db info db\n  quiver db check db\n";
  return spec;
}

}  // namespace quiver::cli
