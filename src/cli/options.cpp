#include "cli/options.hpp"

#include <iostream>

namespace quiver::cli {

CommandSpec convert_spec() {
  CommandSpec spec{"convert",
                   "quiver convert [INPUT...] [options]",
                   "Converts RDF between syntaxes. Reads every INPUT (default: stdin) and writes\n"
                   "them merged, blank nodes of different inputs kept apart.",
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
      "output,o", po::value<std::string>(), "write to this file (atomically) instead of stdout")(
      "lax", "skip bad statements, go on, and report how many were skipped")(
      "graph,g", po::value<std::string>(),
      "keep only one graph of a dataset: 'default' or a graph IRI (written as triples)")(
      "input", po::value<std::vector<std::string>>(), "input files (- for stdin)");
  spec.positional.add("input", -1);
  spec.examples =
      "  quiver convert data.ttl -o data.nt                   format from the extensions\n"
      "  quiver convert a.ttl b.rdf --to trig -o all.trig     merge, blank nodes kept apart\n"
      "  quiver convert - --from ntriples --to turtle < x.nt  read stdin\n"
      "  quiver convert x.nt --to turtle --prefix ex=http://example.org/\n"
      "  quiver convert data/article.trig --graph default --to turtle -o article.ttl\n"
      "  quiver convert big.nt --lax -o clean.nt              skip bad statements\n";
  return spec;
}

CommandSpec validate_spec() {
  CommandSpec spec{"validate",
                   "quiver validate FILE... [--ontology ONTOLOGY]... [options]",
                   "Checks the syntax of each FILE, reporting every error with its location\n"
                   "and the number of triples read. With --ontology, then checks all FILEs\n"
                   "together against the ontology: undeclared classes and properties, domains\n"
                   "and ranges, literals invalid for their datatype, and properties the\n"
                   "ontology requires (owl:Restriction with owl:minCardinality 1). Exits 1 on\n"
                   "any problem.",
                   po::options_description("Options"),
                   {},
                   {}};
  spec.options.add_options()("help,h", "show this help")(
      "from,f", po::value<std::string>(), "input syntax (default: from the file extension)")(
      "base,b", po::value<std::string>(), "base IRI for relative IRIs")(
      "ontology", po::value<std::vector<std::string>>()->composing(),
      "check the FILEs against this ontology (Turtle, RDF/XML, ...; repeatable)")(
      "input", po::value<std::vector<std::string>>(), "files to check (- for stdin)");
  spec.positional.add("input", -1);
  spec.examples =
      "  quiver validate data/*.ttl\n"
      "  quiver validate --ontology ontology/quiver-article.ttl data/article.trig\n";
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
      "base,b", po::value<std::string>(),
      "base IRI of the query (default: the query file's file:// IRI)")(
      "format,f", po::value<std::string>(),
      "table, json, xml, csv, tsv (SELECT/ASK); turtle, ntriples, nquads, trig, rdfxml, dot "
      "(CONSTRUCT/DESCRIBE). Default: table on a terminal, else tsv; turtle for graphs")(
      "explain", "print the optimized plan with estimated and actual row counts to stderr")(
      "timeout", po::value<double>(), "stop the query after SECONDS")(
      "syntax-only", "only parse the query: report errors, exit 0 or 2")(
      "text", po::value<std::vector<std::string>>(), "the query text");
  spec.positional.add("text", -1);
  spec.examples =
      "  quiver query --data data/article.trig --query queries/01-musk-companies.rq\n"
      "  quiver query --data data.ttl 'SELECT ?s WHERE { ?s a ?type } LIMIT 10'\n"
      "  quiver query --data data.ttl --named http://example.org/g1=graph1.ttl 'SELECT * { GRAPH "
      "?g { ?s ?p ?o } }'\n"
      "  quiver query --data big.nt --query q.rq --format json --timeout 30\n"
      "  quiver query --data data.ttl --query q.rq --explain --format csv > out.csv\n"
      "  quiver query --query q.rq --syntax-only\n";
  return spec;
}

bool parse_command_line(const CommandSpec& spec, const std::vector<std::string>& args,
                        po::variables_map& vm) {
  try {
    po::store(po::command_line_parser(args).options(spec.options).positional(spec.positional).run(),
              vm);
    po::notify(vm);
  } catch (const po::error& e) {
    std::cerr << "quiver " << spec.name << ": " << e.what() << "\n"
              << "Try 'quiver help " << spec.name << "'.\n";
    return false;
  }
  return true;
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
