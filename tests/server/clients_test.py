#!/usr/bin/env python3
"""`quiver serve` as real SPARQL clients see it.

Usage: clients_test.py [QUIVER [SOURCE_DIR]] [unittest options]

Starts `quiver serve --port 0 --data data/article.trig` and talks to it with
SPARQLWrapper, rdflib's SPARQLStore and curl. Every answer is compared with
what `quiver query` computes locally on the same data, so these tests check
the protocol layer (parameters, negotiation, status codes, serialisation
through HTTP), not the engine again. A second server with tiny limits checks
413, 500 (--max-rows) and 503 (--timeout, --max-concurrent).
"""

import os
import shutil
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree

# Debian's python3-sparqlwrapper and python3-rdflib live in the system
# interpreter's dist-packages, which a pyenv or venv python3 found first on
# PATH does not see: run under /usr/bin/python3 then.
try:
    import rdflib
    import SPARQLWrapper  # noqa: F401 (only checked for here)
except ImportError:
    SYSTEM_PYTHON = "/usr/bin/python3"
    if os.path.exists(SYSTEM_PYTHON) and os.path.realpath(sys.executable) != os.path.realpath(SYSTEM_PYTHON):
        os.execv(SYSTEM_PYTHON, [SYSTEM_PYTHON, *sys.argv])
    print("clients_test: needs SPARQLWrapper and rdflib (python3-sparqlwrapper, python3-rdflib); skipping")
    sys.exit(77)
if shutil.which("curl") is None:
    print("clients_test: needs curl; skipping")
    sys.exit(77)

import collections
import functools
import json
import re
import subprocess
import tempfile
import threading
import time
import unittest
import warnings
import xml.dom.minidom
from urllib.parse import quote

from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import JSON, RDFXML, TURTLE, XML, SPARQLWrapper as Wrapper

from serve_process import Server, paths_from_argv, sanitizer_lines

# Compare lexical forms exactly: by default rdflib rewrites "100.0"^^xsd:decimal.
rdflib.NORMALIZE_LITERALS = False

QUIVER, ROOT, UNITTEST_ARGS = paths_from_argv(sys.argv)
DATA = os.path.join(ROOT, "data", "article.trig")
GRAPH = "https://quiver.example/article/graph/"
SENTENCE_GRAPH = GRAPH + "P3S2"  # one sentence of the article, 13 triples
MISSING_GRAPH = GRAPH + "NoSuchSentence"
RESULTS_NS = "http://www.w3.org/2005/sparql-results#"
XML_NS = "http://www.w3.org/XML/1998/namespace"

SELECTS = ["01-musk-companies", "02-memphis-supercluster", "05-claims", "12-xai-provenance",
           "13-entities-per-class", "15-quantities", "17-uncovered-sentences", "19-xai-products"]
ASKS = ["10-altman-musk-connected", "11-no-tva-contract"]
ASK_FALSE = "ASK { <urn:quiver:nothing> ?p ?o }"  # both ASKs above are true
CONSTRUCT = "14-construct-supercluster"
BAD_QUERY = "SELECT * WHERE { ?s ?p }"
POSITION = re.compile(r":(\d+):(\d+):")


def query_text(name_or_text):
    """A query from queries/NAME.rq, or the text itself."""
    path = os.path.join(ROOT, "queries", name_or_text + ".rq")
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            return f.read()
    return name_or_text


def run_quiver(*args):
    proc = subprocess.run([QUIVER, *args], capture_output=True, timeout=60)
    if proc.returncode != 0:
        raise RuntimeError("quiver %s failed: %s" % (" ".join(args), proc.stderr.decode(errors="replace")))
    return proc.stdout


@functools.lru_cache(maxsize=None)
def local(query, fmt="json"):
    """What `quiver query` answers on the same data: the reference."""
    return run_quiver("query", "--data", DATA, "--format", fmt, query_text(query))


def local_solutions(query):
    return json_solutions(json.loads(local(query)))


def local_triples(query):
    return triples(local(query, "ntriples"), "nt")


@functools.lru_cache(maxsize=None)
def local_graph_triples(graph):
    """The triples of one graph of the data ('default' or an IRI), by `quiver convert`."""
    return triples(run_quiver("convert", DATA, "--graph", graph, "--to", "ntriples"), "nt")


# Solutions are compared as (variables, multiset of bindings); a binding is a
# set of (variable, term) and a term is (type, value, datatype, language), so
# a lost datatype or language tag is a difference, and so is row duplication.
def solutions(variables, rows):
    return variables, collections.Counter(frozenset(row.items()) for row in rows)


def json_solutions(doc):
    if "boolean" in doc:
        return doc["boolean"]
    rows = [{var: (t["type"], t["value"], t.get("datatype"), t.get("xml:lang")) for var, t in b.items()}
            for b in doc["results"]["bindings"]]
    return solutions(doc["head"]["vars"], rows)


def xml_solutions(dom):
    def text(node):
        return "".join(c.data for c in node.childNodes if c.nodeType in (c.TEXT_NODE, c.CDATA_SECTION_NODE))

    def attribute(node, name, ns=None):
        present = node.hasAttributeNS(ns, name) if ns else node.hasAttribute(name)
        return (node.getAttributeNS(ns, name) if ns else node.getAttribute(name)) if present else None

    root = dom.documentElement
    booleans = root.getElementsByTagNameNS(RESULTS_NS, "boolean")
    if booleans:
        return {"true": True, "false": False}[text(booleans[0]).strip()]
    variables = [v.getAttribute("name") for v in root.getElementsByTagNameNS(RESULTS_NS, "variable")]
    rows = []
    for result in root.getElementsByTagNameNS(RESULTS_NS, "result"):
        row = {}
        for binding in result.getElementsByTagNameNS(RESULTS_NS, "binding"):
            term = next(c for c in binding.childNodes if c.nodeType == c.ELEMENT_NODE)
            row[binding.getAttribute("name")] = (term.localName, text(term), attribute(term, "datatype"),
                                                 attribute(term, "lang", XML_NS))
        rows.append(row)
    return solutions(variables, rows)


def rdflib_term(term):
    if isinstance(term, rdflib.URIRef):
        return ("uri", str(term), None, None)
    if isinstance(term, rdflib.BNode):
        return ("bnode", str(term), None, None)
    return ("literal", str(term), str(term.datatype) if term.datatype else None, term.language)


def rdflib_solutions(result):
    if result.type == "ASK":
        return result.askAnswer
    variables = [str(v) for v in result.vars]
    rows = [{str(var): rdflib_term(row[var]) for var in result.vars if row[var] is not None} for row in result]
    return solutions(variables, rows)


def triples(data, fmt):
    """The set of triples in an RDF document (the data has no blank nodes, so sets compare)."""
    graph = rdflib.ConjunctiveGraph()
    graph.parse(data=data, format=fmt)
    return set(graph.triples((None, None, None)))


class Response:
    def __init__(self, status, headers, body):
        self.status, self.headers, self.body = status, headers, body

    def content_type(self):
        return self.headers.get("content-type", "").split(";")[0].strip().lower()

    def text(self):
        return self.body.decode("utf-8", errors="replace")

    def __repr__(self):
        return "HTTP %d %s: %r" % (self.status, self.content_type(), self.body[:300])


def curl(url, *args):
    """Run curl; the headers of the last response (after any 100 Continue) count."""
    with tempfile.TemporaryDirectory() as tmp:
        head, body = os.path.join(tmp, "head"), os.path.join(tmp, "body")
        proc = subprocess.run(["curl", "--silent", "--show-error", "--max-time", "30", "--dump-header", head,
                               "--output", body, "--write-out", "%{http_code}", *args, url],
                              capture_output=True, text=True, timeout=60)
        if proc.returncode != 0:
            raise AssertionError("curl %s failed: %s" % (url, proc.stderr))
        with open(head, encoding="latin-1", newline="") as f:
            blocks = [b for b in f.read().split("\r\n\r\n") if b.strip()]
        with open(body, "rb") as f:
            content = f.read()
    headers = {}
    for line in blocks[-1].split("\r\n")[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    return Response(int(proc.stdout), headers, content)


def get_query(server, query, *args, path="/sparql"):
    return curl(server.url(path), "--get", "--data-urlencode", "query=" + query_text(query), *args)


def post_form(server, query, *args):
    return curl(server.url("/sparql"), "--data-urlencode", "query=" + query_text(query), *args)


def post_query(server, query, *args):
    return curl(server.url("/sparql"), "-H", "Content-Type: application/sparql-query",
                "--data-binary", query_text(query), *args)


def accept(media_type):
    return ("-H", "Accept: " + media_type)


def read_all(conn):
    """Everything a socket receives until the server closes it."""
    received = b""
    while True:
        chunk = conn.recv(65536)
        if not chunk:
            return received
        received += chunk


def start_server(add_cleanup, *args):
    """A server over the article; add_cleanup registers its stop, so it ends even when a test fails."""
    server = Server(QUIVER, ["--data", DATA, *args])
    add_cleanup(server.stop)
    return server.start()


def check_clean_exit(server):
    """SIGTERM: exit 0 and no sanitizer report (a failure in tearDown* fails the run)."""
    code = server.stop()
    # The server's own words help whoever reads a failed CTest log.
    tail = server.stderr().splitlines()[-20:]
    print("\n--- last lines of quiver serve's stderr (%s):\n%s" % (" ".join(server.command[1:]), "\n".join(tail)),
          file=sys.stderr)
    if code != 0:
        raise AssertionError("quiver serve exited %s after SIGTERM; stderr:\n%s" % (code, server.stderr()))
    reports = sanitizer_lines(server.stderr())
    if reports:
        raise AssertionError("sanitizer report on the server's stderr:\n" + server.stderr())


SERVER = None


def setUpModule():
    global SERVER
    SERVER = start_server(unittest.addModuleCleanup)


def tearDownModule():
    check_clean_exit(SERVER)


class StartupTest(unittest.TestCase):
    def test_ready_line_counts_the_quads(self):
        # Distinct quads: article.trig states a few of its 1,130 statements twice.
        self.assertEqual(SERVER.quads, len(set(run_quiver("convert", DATA, "--to", "nquads").splitlines())))


class SparqlWrapperTest(unittest.TestCase):
    """SPARQLWrapper 1.8.5 (GET by default), JSON and XML results."""

    def ask_server(self, query, return_format, method="GET"):
        client = Wrapper(SERVER.url("/sparql"))
        client.setQuery(query_text(query))
        client.setReturnFormat(return_format)
        client.setMethod(method)
        # SPARQLWrapper only warns when the media type does not match the
        # requested format; here that is a failure.
        with warnings.catch_warnings():
            warnings.simplefilter("error", RuntimeWarning)
            response = client.query()
            return response.info()["content-type"], response.convert()

    def test_select_and_ask_as_json(self):
        for query in SELECTS + ASKS + [ASK_FALSE]:
            with self.subTest(query=query):
                content_type, doc = self.ask_server(query, JSON)
                self.assertTrue(content_type.startswith("application/sparql-results+json"), content_type)
                self.assertEqual(json_solutions(doc), local_solutions(query))

    def test_select_and_ask_as_xml(self):
        for query in SELECTS + ASKS + [ASK_FALSE]:
            with self.subTest(query=query):
                content_type, dom = self.ask_server(query, XML)
                self.assertTrue(content_type.startswith("application/sparql-results+xml"), content_type)
                self.assertEqual(xml_solutions(dom), local_solutions(query))

    def test_post(self):
        _, doc = self.ask_server("05-claims", JSON, method="POST")
        self.assertEqual(json_solutions(doc), local_solutions("05-claims"))

    def test_construct_as_turtle(self):
        content_type, body = self.ask_server(CONSTRUCT, TURTLE)
        self.assertTrue(content_type.startswith("text/turtle"), content_type)
        self.assertEqual(triples(body, "turtle"), local_triples(CONSTRUCT))

    def test_construct_as_rdfxml(self):
        content_type, graph = self.ask_server(CONSTRUCT, RDFXML)
        self.assertTrue(content_type.startswith("application/rdf+xml"), content_type)
        self.assertEqual(set(graph.triples((None, None, None))), local_triples(CONSTRUCT))


class RdflibStoreTest(unittest.TestCase):
    """rdflib's SPARQLStore: it prepends its own PREFIX lines (many, some
    repeating the query's own) and sends 'Accept: a, b' lists."""

    def graph(self, return_format):
        return rdflib.Graph(store=SPARQLStore(query_endpoint=SERVER.url("/sparql"), returnFormat=return_format))

    def test_select(self):
        for return_format in ("xml", "json"):
            for query in ("05-claims", "15-quantities"):
                with self.subTest(format=return_format, query=query):
                    result = self.graph(return_format).query(query_text(query))
                    self.assertEqual(rdflib_solutions(result), local_solutions(query))

    def test_ask(self):
        for return_format in ("xml", "json"):
            for query in ("11-no-tva-contract", ASK_FALSE):
                with self.subTest(format=return_format, query=query):
                    result = self.graph(return_format).query(query_text(query))
                    self.assertEqual(rdflib_solutions(result), local_solutions(query))


class QuiverClientTest(unittest.TestCase):
    """Quiver's own client side (`query --endpoint`, `push`) against `quiver serve`."""

    def test_query_endpoint_gives_the_local_answer_byte_for_byte(self):
        # Same engine, same writers: remote and local output must be identical.
        for name in SELECTS[:4] + ASKS:
            for fmt in ("json", "xml", "tsv"):
                with self.subTest(query=name, format=fmt):
                    remote = run_quiver("query", "--endpoint", SERVER.url("/sparql"), "--format", fmt,
                                        query_text(name))
                    self.assertEqual(remote, local(name, fmt))

    def test_query_endpoint_construct(self):
        remote = run_quiver("query", "--endpoint", SERVER.url("/sparql"), "--format", "ntriples",
                            query_text(CONSTRUCT))
        self.assertEqual(triples(remote, "nt"), local_triples(CONSTRUCT))
        self.assertGreater(len(triples(remote, "nt")), 0)

    def test_query_endpoint_shows_the_servers_refusal(self):
        # Quiver's parser refuses it locally too; both messages are shown.
        proc = subprocess.run([QUIVER, "query", "--endpoint", SERVER.url("/sparql"), BAD_QUERY],
                              capture_output=True, timeout=60)
        self.assertEqual(proc.returncode, 1)
        err = proc.stderr.decode()
        self.assertIn("HTTP 400", err)
        self.assertRegex(err, POSITION)

    def test_push_to_a_writable_server_and_count(self):
        server = Server(QUIVER, ["--writable"]).start()
        self.addCleanup(server.stop)
        endpoint = server.url("/store")
        proc = subprocess.run([QUIVER, "push", DATA, "--endpoint", endpoint, "--graph", "urn:article",
                               "--replace", "--quiet"], capture_output=True, timeout=60)
        self.assertEqual(proc.returncode, 0, proc.stderr.decode())
        # Every statement of the data, whatever its graph, once.
        distinct = int(run_quiver(
            "query", "--data", DATA, "--format", "csv",
            "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE "
            "{ { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } } }").decode().split()[1])
        self.assertEqual(proc.stdout.decode().strip(),
                         "<urn:article>: sent 1130 triples (%d distinct), graph now holds %d" % (distinct, distinct))
        count = run_quiver("query", "--endpoint", server.url("/sparql"), "--format", "csv",
                           "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <urn:article> { ?s ?p ?o } }")
        self.assertEqual(count.decode().split(), ["n", str(distinct)])
        # Without --quiet, into a log (not a terminal): the progress line
        # ends on the totals, not on the first request's figures.
        proc = subprocess.run([QUIVER, "push", DATA, "--endpoint", endpoint, "--graph", "urn:article",
                               "--replace", "--chunk", "100"], capture_output=True, timeout=60)
        self.assertEqual(proc.returncode, 0, proc.stderr.decode())
        last = proc.stderr.decode().strip().splitlines()[-1]
        self.assertRegex(last, r"^quiver push: 1130 triples sent in \d+ requests, ")
        self.assertEqual(server.stop(), 0)


class Rdf12RoundTripTest(unittest.TestCase):
    """RDF 1.2 data through `quiver serve`: triple terms (nested, with blank
    nodes), reifiers, annotations and base directions come back identical."""

    DATA_12 = (
        'VERSION "1.2"\n'
        "PREFIX : <http://example.org/>\n"
        ':musk :says <<( :xai :trains <<( _:m :named "Grok"@en--ltr )>> )>> .\n'
        ':xai :builds :colossus ~ :claim {| :source :article ; :stance "reported" |} .\n'
        "GRAPH :g { << :a :b \"c\"@ar--rtl >> :in :p1 . _:m :p _:x }\n"
    )
    QUERY = ("SELECT ?g ?s ?p ?o WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } } "
             "ORDER BY ?g ?s ?p ?o")

    def test_results_come_back_identical_through_json_and_xml(self):
        directory = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, directory)
        data = os.path.join(directory, "claims.trig")
        with open(data, "w", encoding="utf-8") as f:
            f.write(self.DATA_12)
        server = Server(QUIVER, ["--data", data]).start()
        self.addCleanup(server.stop)
        self.assertEqual(server.quads, 8)
        local_tsv = run_quiver("query", "--data", data, "--format", "tsv", self.QUERY)
        self.assertIn(b"<<( ", local_tsv)
        self.assertIn(b"@ar--rtl", local_tsv)
        # `query --endpoint` asks for JSON, reads it back and writes TSV.
        remote_tsv = run_quiver("query", "--endpoint", server.url("/sparql"), "--format", "tsv",
                                self.QUERY)
        self.assertEqual(remote_tsv, local_tsv)
        for fmt, media in (("json", "application/sparql-results+json"),
                           ("xml", "application/sparql-results+xml")):
            with self.subTest(format=fmt):
                body = subprocess.run(
                    ["curl", "-s", "-H", "Accept: " + media, "--data-urlencode",
                     "query=" + self.QUERY, server.url("/sparql")],
                    capture_output=True, timeout=60, check=True).stdout
                self.assertEqual(body, run_quiver("query", "--data", data, "--format", fmt,
                                                  self.QUERY))
        self.assertEqual(server.stop(), 0)


class ProtocolTest(unittest.TestCase):
    """The SPARQL 1.1 Protocol through curl."""

    def assert_json_answer(self, response, query):
        self.assertEqual(response.status, 200, response)
        self.assertEqual(response.content_type(), "application/sparql-results+json", response)
        self.assertEqual(json_solutions(json.loads(response.body)), local_solutions(query))

    def test_get_post_form_and_post_query_agree_with_local(self):
        for send in (get_query, post_form, post_query):
            with self.subTest(send=send.__name__):
                self.assert_json_answer(send(SERVER, "05-claims"), "05-claims")

    def test_query_alias(self):
        self.assert_json_answer(get_query(SERVER, "01-musk-companies", path="/query"), "01-musk-companies")

    def test_json_is_the_default(self):
        self.assert_json_answer(get_query(SERVER, "01-musk-companies"), "01-musk-companies")
        self.assert_json_answer(get_query(SERVER, "01-musk-companies", *accept("*/*")), "01-musk-companies")

    def test_result_formats(self):
        for media_type, fmt in [("application/sparql-results+xml", "xml"), ("text/csv", "csv"),
                                ("text/tab-separated-values", "tsv")]:
            with self.subTest(accept=media_type):
                response = get_query(SERVER, "15-quantities", *accept(media_type))
                self.assertEqual(response.status, 200, response)
                self.assertEqual(response.content_type(), media_type)
                self.assertEqual(response.body, local("15-quantities", fmt))

    def test_plain_json_and_xml_media_types(self):
        for media_type, parse in [("application/json", lambda b: json_solutions(json.loads(b))),
                                  ("application/xml", lambda b: xml_solutions(xml.dom.minidom.parseString(b)))]:
            with self.subTest(accept=media_type):
                response = get_query(SERVER, "02-memphis-supercluster", *accept(media_type))
                self.assertEqual(response.status, 200, response)
                self.assertEqual(parse(response.body), local_solutions("02-memphis-supercluster"))

    def test_accept_quality_values(self):
        response = get_query(SERVER, "01-musk-companies",
                             *accept("application/sparql-results+json;q=0.2, text/csv;q=0.9, */*;q=0.1"))
        self.assertEqual(response.status, 200, response)
        self.assertEqual(response.content_type(), "text/csv")

    def test_construct_formats(self):
        expected = local_triples(CONSTRUCT)
        for media_type, fmt in [("text/turtle", "turtle"), ("application/n-triples", "nt"),
                                ("application/n-quads", "nquads"), ("application/trig", "trig"),
                                ("application/rdf+xml", "xml")]:
            with self.subTest(accept=media_type):
                response = get_query(SERVER, CONSTRUCT, *accept(media_type))
                self.assertEqual(response.status, 200, response)
                self.assertEqual(response.content_type(), media_type)
                self.assertEqual(triples(response.body, fmt), expected)

    def test_construct_defaults_to_turtle(self):
        response = get_query(SERVER, CONSTRUCT)
        self.assertEqual(response.status, 200, response)
        self.assertEqual(response.content_type(), "text/turtle")
        self.assertEqual(triples(response.body, "turtle"), local_triples(CONSTRUCT))

    def test_malformed_query_is_400_with_the_parsers_position(self):
        # The position must be the one `quiver query` reports for the same text.
        check = subprocess.run([QUIVER, "query", "--syntax-only", BAD_QUERY], capture_output=True, text=True)
        self.assertNotEqual(check.returncode, 0)
        expected = POSITION.search(check.stderr)
        self.assertIsNotNone(expected, check.stderr)
        for send in (get_query, post_form, post_query):
            with self.subTest(send=send.__name__):
                response = send(SERVER, BAD_QUERY)
                self.assertEqual(response.status, 400, response)
                self.assertEqual(response.content_type(), "text/plain", response)
                found = POSITION.search(response.text())
                self.assertIsNotNone(found, response)
                self.assertEqual(found.groups(), expected.groups(), response)

    def test_missing_query_is_400(self):
        self.assertEqual(curl(SERVER.url("/sparql")).status, 400)
        self.assertEqual(curl(SERVER.url("/sparql"), "--data-urlencode", "default-graph-uri=" + GRAPH).status, 400)

    def test_unsatisfiable_accept_is_406(self):
        for query, media_type in [("01-musk-companies", "image/png"), (CONSTRUCT, "image/png"),
                                  (CONSTRUCT, "text/csv"), ("01-musk-companies", "text/turtle")]:
            with self.subTest(query=query, accept=media_type):
                response = get_query(SERVER, query, *accept(media_type))
                self.assertEqual(response.status, 406, response)

    def test_update_is_403_and_changes_nothing(self):
        triple = "<urn:quiver:s> <urn:quiver:p> <urn:quiver:o>"
        response = curl(SERVER.url("/sparql"), "--data-urlencode", "update=INSERT DATA { %s }" % triple)
        self.assertEqual(response.status, 403, response)
        after = post_query(SERVER, "ASK { %s }" % triple)
        self.assertEqual(json.loads(after.body)["boolean"], False)

    def test_dataset_from_request_parameters(self):
        count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
        response = curl(SERVER.url("/sparql"), "--get", "--data-urlencode", "query=" + count,
                        "--data-urlencode", "default-graph-uri=" + SENTENCE_GRAPH)
        self.assertEqual(response.status, 200, response)
        [row] = json.loads(response.body)["results"]["bindings"]
        self.assertEqual(int(row["n"]["value"]), len(local_graph_triples(SENTENCE_GRAPH)))

        per_graph = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
        response = curl(SERVER.url("/sparql"), "--get", "--data-urlencode", "query=" + per_graph,
                        "--data-urlencode", "named-graph-uri=" + SENTENCE_GRAPH)
        self.assertEqual(response.status, 200, response)
        rows = [(r["g"]["value"], int(r["n"]["value"])) for r in json.loads(response.body)["results"]["bindings"]]
        self.assertEqual(rows, [(SENTENCE_GRAPH, len(local_graph_triples(SENTENCE_GRAPH)))])

    def raw_exchange(self, request):
        """Sends bytes as they are (no client library would send these) and reads until the server closes."""
        import socket
        with socket.create_connection(("127.0.0.1", SERVER.port), timeout=10) as conn:
            conn.sendall(request)
            return read_all(conn)

    def test_conflicting_content_lengths_are_400(self):
        # Issue 16: two Content-Length headers that disagree were accepted (the
        # first one won): a proxy reading the other could be made to smuggle.
        head = (b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                b"Content-Type: application/sparql-query\r\n")
        reply = self.raw_exchange(head + b"Content-Length: 6\r\nContent-Length: 12\r\n\r\nASK {}ASK {}")
        self.assertTrue(reply.startswith(b"HTTP/1.1 400"), reply[:200])
        self.assertIn(b"conflicting Content-Length", reply)
        reply = self.raw_exchange(head + b"Content-Length: 6\r\nTransfer-Encoding: chunked\r\n"
                                  b"Connection: close\r\n\r\n6\r\nASK {}\r\n0\r\n\r\n")
        self.assertTrue(reply.startswith(b"HTTP/1.1 400"), reply[:200])
        # The same length twice is one length.
        reply = self.raw_exchange(head + b"Content-Length: 6\r\nContent-Length: 6\r\n"
                                  b"Connection: close\r\n\r\nASK {}")
        self.assertTrue(reply.startswith(b"HTTP/1.1 200"), reply[:200])

    def test_a_host_that_is_not_the_servers_is_403(self):
        # Issue 16 (DNS rebinding): a loopback server answers only to its own names.
        response = curl(SERVER.url("/sparql?query=ASK%7B%7D"), "-H", "Host: rebound.example:7878")
        self.assertEqual(response.status, 403, response)
        self.assertIn("DNS rebinding", response.text())
        self.assertEqual(curl(SERVER.url("/sparql?query=ASK%7B%7D"), "-H", "Host: localhost").status, 200)

    def test_index_page(self):
        response = curl(SERVER.url("/"))
        self.assertEqual(response.status, 200, response)
        self.assertEqual(response.content_type(), "text/html")
        self.assertRegex(response.text(), r"(?i)<form[\s>]")
        self.assertRegex(response.text(), r"(?i)<textarea[\s>]")


class GraphStoreTest(unittest.TestCase):
    """The Graph Store Protocol, read-only."""

    def get_graph(self, selector, *args):
        return curl(SERVER.url("/store?" + selector), *args)

    def test_default_graph(self):
        response = self.get_graph("default", *accept("application/n-triples"))
        self.assertEqual(response.status, 200, response)
        self.assertEqual(response.content_type(), "application/n-triples")
        got = triples(response.body, "nt")
        expected = local_graph_triples("default")
        self.assertEqual(len(got), len(expected))
        self.assertEqual(got, expected)

    def test_named_graph(self):
        expected = local_graph_triples(SENTENCE_GRAPH)
        for args, fmt in [(accept("application/n-triples"), "nt"), ((), "turtle")]:
            with self.subTest(accept=args):
                response = self.get_graph("graph=" + quote(SENTENCE_GRAPH, safe=""), *args)
                self.assertEqual(response.status, 200, response)
                got = triples(response.body, fmt)
                self.assertEqual(len(got), len(expected))
                self.assertEqual(got, expected)

    def test_missing_graph_is_404(self):
        response = curl(SERVER.url("/store"), "--get", "--data-urlencode", "graph=" + MISSING_GRAPH)
        self.assertEqual(response.status, 404, response)

    def test_unsatisfiable_accept_is_406(self):
        self.assertEqual(self.get_graph("default", *accept("image/png")).status, 406)

    def test_writes_are_405_when_read_only(self):
        turtle = "<urn:quiver:s> <urn:quiver:p> <urn:quiver:o> .\n"
        target = "graph=" + quote(SENTENCE_GRAPH, safe="")
        for method in ("PUT", "POST", "DELETE"):
            with self.subTest(method=method):
                body = () if method == "DELETE" else ("-H", "Content-Type: text/turtle", "--data-binary", turtle)
                response = curl(SERVER.url("/store?" + target), "-X", method, *body)
                self.assertEqual(response.status, 405, response)
        response = self.get_graph(target, *accept("application/n-triples"))
        self.assertEqual(triples(response.body, "nt"), local_graph_triples(SENTENCE_GRAPH))


class UpdateProtocolTest(unittest.TestCase):
    """Issue 11: SPARQL 1.1 Protocol updates, from SPARQLWrapper, rdflib's
    SPARQLUpdateStore and curl; LOAD from a web server only with --allow-load."""

    @classmethod
    def setUpClass(cls):
        cls.server = start_server(cls.addClassCleanup, "--writable", "--allow-load", "--max-request-bytes", "1M")
        cls.docs = tempfile.TemporaryDirectory()
        cls.addClassCleanup(cls.docs.cleanup)
        with open(os.path.join(cls.docs.name, "doc.ttl"), "w", encoding="utf-8") as f:
            f.write("<urn:quiver:loaded> <urn:quiver:p> _:b .\n_:b <urn:quiver:p> 7 .\n")
        import http.server
        handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=cls.docs.name)
        handler.log_message = lambda *args: None
        cls.web = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=cls.web.serve_forever, daemon=True).start()
        cls.addClassCleanup(cls.web.shutdown)

    def ask(self, pattern, server=None):
        response = post_query(server or self.server, "ASK { %s }" % pattern)
        return json.loads(response.body)["boolean"]

    def test_sparqlwrapper_update(self):
        wrapper = Wrapper(self.server.url("/sparql"))
        wrapper.setMethod("POST")
        wrapper.setQuery("INSERT DATA { <urn:quiver:w> <urn:quiver:p> \"from SPARQLWrapper\" }")
        wrapper.query()
        self.assertTrue(self.ask("<urn:quiver:w> <urn:quiver:p> ?o"))

    def test_rdflib_update_store(self):
        from rdflib.plugins.stores.sparqlstore import SPARQLUpdateStore
        store = SPARQLUpdateStore(self.server.url("/sparql"), self.server.url("/sparql"))
        store.update("INSERT DATA { GRAPH <urn:quiver:g> { <urn:quiver:r> <urn:quiver:p> 1 } }")
        self.assertTrue(self.ask("GRAPH <urn:quiver:g> { <urn:quiver:r> <urn:quiver:p> 1 }"))
        store.update("DROP GRAPH <urn:quiver:g>")
        self.assertFalse(self.ask("GRAPH <urn:quiver:g> { ?s ?p ?o }"))

    def test_status_codes(self):
        url = self.server.url("/sparql")
        ok = curl(url, "-H", "Content-Type: application/sparql-update", "--data-binary",
                  "INSERT DATA { <urn:quiver:c> <urn:quiver:p> 2 }")
        self.assertEqual(ok.status, 204, ok)
        bad = curl(url, "-H", "Content-Type: application/sparql-update", "--data-binary",
                   "INSERT DATA {\n <urn:quiver:c> <urn:quiver:p> ?x }")
        self.assertEqual(bad.status, 400, bad)
        self.assertIn(b"<update>:2:32: error: variables are not allowed in INSERT DATA", bad.body)
        with tempfile.NamedTemporaryFile("w", suffix=".ru") as body:
            body.write("INSERT DATA { <urn:quiver:c> <urn:quiver:p> \"%s\" }" % ("x" * (2 << 20)))
            body.flush()
            big = curl(url, "-H", "Content-Type: application/sparql-update", "--data-binary", "@" + body.name)
        self.assertEqual(big.status, 413, big)

    def test_load_from_the_web_only_with_allow_load(self):
        doc = "http://127.0.0.1:%d/doc.ttl" % self.web.server_address[1]
        response = curl(self.server.url("/sparql"), "--data-urlencode",
                        "update=LOAD <%s> INTO GRAPH <urn:quiver:loaded>" % doc)
        self.assertEqual(response.status, 204, response)
        self.assertTrue(self.ask("GRAPH <urn:quiver:loaded> { <urn:quiver:loaded> <urn:quiver:p> [ <urn:quiver:p> 7 ] }"))
        missing = curl(self.server.url("/sparql"), "--data-urlencode",
                       "update=CLEAR ALL ; LOAD <%s>" % doc.replace("doc", "nothing"))
        self.assertEqual(missing.status, 400, missing)
        self.assertIn(b"404", missing.body)
        self.assertTrue(self.ask("GRAPH <urn:quiver:loaded> { ?s ?p ?o }"))
        self.assertEqual(curl(self.server.url("/sparql"), "--data-urlencode",
                              "update=LOAD <file://%s>" % DATA).status, 403)
        plain = Server(QUIVER, ["--writable"])
        self.addCleanup(plain.stop)
        plain.start()
        refused = curl(plain.url("/sparql"), "--data-urlencode", "update=LOAD <%s>" % doc)
        self.assertEqual(refused.status, 403, refused)
        self.assertFalse(self.ask("<urn:quiver:loaded> ?p ?o", plain))

    @classmethod
    def tearDownClass(cls):
        check_clean_exit(cls.server)


class FederationTest(unittest.TestCase):
    """Issue 11: SERVICE from `quiver query` and from a server started with
    --allow-service to another `quiver serve`; refused without it."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.addClassCleanup(cls.tmp.cleanup)
        cls.remote_data = os.path.join(cls.tmp.name, "remote.nt")
        with open(cls.remote_data, "w", encoding="utf-8") as f:
            f.write('<urn:quiver:a> <urn:quiver:name> "remote a" .\n<urn:quiver:b> <urn:quiver:name> "remote b" .\n')
        cls.remote = Server(QUIVER, ["--data", cls.remote_data])
        cls.addClassCleanup(cls.remote.stop)
        cls.remote.start()
        cls.federating = start_server(cls.addClassCleanup, "--allow-service")

    def service_query(self, endpoint, silent=False):
        return ("SELECT ?s ?name WHERE { VALUES ?s { <urn:quiver:a> <urn:quiver:c> } "
                "OPTIONAL { SERVICE %s<%s> { ?s <urn:quiver:name> ?name } } } ORDER BY ?s"
                % ("SILENT " if silent else "", endpoint))

    def test_cli_query_joins_a_remote_endpoint(self):
        proc = subprocess.run([QUIVER, "query", "--format", "csv", self.service_query(self.remote.url("/sparql"))],
                              capture_output=True, text=True, timeout=60)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        # (text mode reads CSV's CRLF as \n)
        self.assertEqual(proc.stdout, "s,name\nurn:quiver:a,remote a\nurn:quiver:c,\n")

    def test_endpoint_down(self):
        down = "http://127.0.0.1:1/sparql"
        proc = subprocess.run([QUIVER, "query", "--format", "csv", self.service_query(down)],
                              capture_output=True, text=True, timeout=60)
        self.assertEqual(proc.returncode, 1)
        self.assertIn("SERVICE <%s>" % down, proc.stderr)
        proc = subprocess.run([QUIVER, "query", "--format", "csv", self.service_query(down, silent=True)],
                              capture_output=True, text=True, timeout=60)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertEqual(proc.stdout, "s,name\nurn:quiver:a,\nurn:quiver:c,\n")

    def test_server_with_allow_service(self):
        response = post_query(self.federating, self.service_query(self.remote.url("/sparql")),
                              *accept("text/csv"))
        self.assertEqual(response.status, 200, response)
        self.assertEqual(response.body, b"s,name\r\nurn:quiver:a,remote a\r\nurn:quiver:c,\r\n")

    def test_server_without_allow_service_refuses(self):
        response = post_query(SERVER, self.service_query(self.remote.url("/sparql")), *accept("text/csv"))
        self.assertEqual(response.status, 403, response)
        self.assertIn(b"--allow-service", response.body)
        silent = post_query(SERVER, self.service_query(self.remote.url("/sparql"), silent=True),
                            *accept("text/csv"))
        self.assertEqual(silent.body, b"s,name\r\nurn:quiver:a,\r\nurn:quiver:c,\r\n")
        local_file = post_query(self.federating, "SELECT * { SERVICE <file:///etc/hostname> { ?s ?p ?o } }")
        self.assertEqual(local_file.status, 403, local_file)

    @classmethod
    def tearDownClass(cls):
        check_clean_exit(cls.federating)


class LimitsTest(unittest.TestCase):
    """A second server with tiny limits, so each limit can be hit on purpose
    and a request just inside it shows the limit is not hit by everything."""

    MAX_BYTES = 2048
    MAX_ROWS = 5
    TIMEOUT = 2
    # Counting a four-way cartesian product of the 1,130 quads cannot finish
    # in TIMEOUT seconds: it holds the single query slot until the timeout.
    SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"

    @classmethod
    def setUpClass(cls):
        cls.server = start_server(cls.addClassCleanup, "--max-request-bytes", str(cls.MAX_BYTES),
                                  "--max-rows", str(cls.MAX_ROWS), "--timeout", str(cls.TIMEOUT),
                                  "--max-concurrent", "1")

    def padded(self, size):
        query = "ASK { ?s ?p ?o }\n"
        return query + "#" * (size - len(query) - 1) + "\n"

    def test_body_over_max_request_bytes_is_413(self):
        self.assertEqual(post_query(self.server, self.padded(self.MAX_BYTES // 2)).status, 200)
        response = post_query(self.server, self.padded(4 * self.MAX_BYTES))
        self.assertEqual(response.status, 413, response)

    def test_more_rows_than_max_rows_is_500(self):
        at_limit = "SELECT ?s WHERE { ?s ?p ?o } LIMIT %d" % self.MAX_ROWS
        response = get_query(self.server, at_limit)
        self.assertEqual(response.status, 200, response)
        self.assertEqual(len(json.loads(response.body)["results"]["bindings"]), self.MAX_ROWS)
        response = get_query(self.server, "SELECT ?s WHERE { ?s ?p ?o } LIMIT %d" % (self.MAX_ROWS + 1))
        self.assertEqual(response.status, 500, response)
        self.assertTrue(response.text().strip(), "500 without a message")

    def test_timeout_is_503_with_a_message(self):
        started = time.monotonic()
        response = get_query(self.server, self.SLOW)
        elapsed = time.monotonic() - started
        self.assertEqual(response.status, 503, response)
        self.assertTrue(response.text().strip(), "503 without a message")
        self.assertLess(elapsed, self.TIMEOUT + 10, "the timeout did not stop the query")

    def test_busy_is_503_with_retry_after(self):
        # While the slow query holds the only slot (TIMEOUT seconds), a quick
        # one must be turned away. The slow one is sent alone and given a
        # head start; if it still was not first (a loaded machine), it comes
        # back early as "busy" itself and we try again.
        for _ in range(3):
            slow = {}

            def send_slow():
                started = time.monotonic()
                slow["response"] = get_query(self.server, self.SLOW)
                slow["seconds"] = time.monotonic() - started

            thread = threading.Thread(target=send_slow)
            thread.start()
            busy = []
            try:
                time.sleep(0.5)
                while thread.is_alive() and not busy:
                    response = get_query(self.server, "ASK { ?s ?p ?o }")
                    if response.status == 503:
                        busy.append(response)
                    else:
                        self.assertEqual(response.status, 200, response)
                        time.sleep(0.02)
            finally:
                thread.join(60)
            if slow["seconds"] >= 0.9 * self.TIMEOUT:
                break
        else:
            self.fail("the slow query never got the slot: %r" % slow["response"])
        self.assertTrue(busy, "no 503 while the slot was taken")
        self.assertIn("retry-after", busy[0].headers, busy[0])
        self.assertEqual(slow["response"].status, 503, slow["response"])  # it timed out
        self.assertEqual(get_query(self.server, "ASK { ?s ?p ?o }").status, 200, "the slot was not given back")

    @classmethod
    def tearDownClass(cls):
        check_clean_exit(cls.server)


class HostileClientsTest(unittest.TestCase):
    """Issue 16: clients that send slowly, never finish, send too much or too
    many requests at once. Each must cost a connection slot at most, for a
    bounded time, while everyone else is answered as usual."""

    TIMEOUT = 1  # --client-timeout
    MAX_BYTES = 2048
    MAX_CONNECTIONS = 24

    @classmethod
    def setUpClass(cls):
        cls.server = start_server(cls.addClassCleanup, "--client-timeout", str(cls.TIMEOUT),
                                  "--max-request-bytes", str(cls.MAX_BYTES), "--threads", "2",
                                  "--max-connections", str(cls.MAX_CONNECTIONS))

    def connect(self):
        import socket
        conn = socket.create_connection(("127.0.0.1", self.server.port), timeout=10)
        self.addCleanup(conn.close)
        return conn

    def assert_answers_quickly(self):
        started = time.monotonic()
        response = get_query(self.server, "ASK { ?s ?p ?o }")
        self.assertEqual(response.status, 200, response)
        self.assertLess(time.monotonic() - started, 1.0, "a normal query waited behind hostile clients")

    def test_slowly_sent_headers_get_408_and_hold_no_worker(self):
        slow = [self.connect() for _ in range(6)]
        deadline = time.monotonic() + 3 * self.TIMEOUT
        replies = {}
        for conn in slow:
            conn.sendall(b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\n")
        # A byte now and then: each alone is within any per-read timeout.
        while time.monotonic() < deadline and len(replies) < len(slow):
            for i, conn in enumerate(slow):
                if i in replies:
                    continue
                try:
                    conn.sendall(b"X")
                except OSError:
                    replies[i] = b"(closed)"
                    continue
                conn.setblocking(False)
                try:
                    data = conn.recv(65536)
                    if data:
                        replies[i] = data
                except BlockingIOError:
                    pass
                finally:
                    conn.setblocking(True)
            self.assert_answers_quickly()
            time.sleep(0.2)
        self.assertEqual(len(replies), len(slow), "slow headers were never cut off")
        for reply in replies.values():
            self.assertTrue(reply.startswith(b"HTTP/1.1 408") or reply == b"(closed)", reply[:100])

    def test_unfinished_bodies_hold_no_worker(self):
        # More than --threads connections announce a body and send half of it.
        hanging = [self.connect() for _ in range(8)]
        for conn in hanging:
            conn.sendall(b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                         b"Content-Type: application/sparql-query\r\nContent-Length: 100\r\n\r\nASK")
        self.assert_answers_quickly()
        for conn in hanging:
            self.assertTrue(read_all(conn).startswith(b"HTTP/1.1 408"))
        # A POST without any length has an empty body: answered at once.
        conn = self.connect()
        conn.sendall(b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                     b"Content-Type: application/sparql-query\r\nConnection: close\r\n\r\n")
        self.assertTrue(read_all(conn).startswith(b"HTTP/1.1 400"))

    def test_chunked_bodies_obey_max_request_bytes(self):
        big = "ASK {}\n" + "#" * (4 * self.MAX_BYTES) + "\n"
        response = curl(self.server.url("/sparql"), "-H", "Transfer-Encoding: chunked", "-H",
                        "Content-Type: application/sparql-query", "--data-binary", big)
        self.assertEqual(response.status, 413, response)
        small = "ASK { ?s ?p ?o }"
        response = curl(self.server.url("/sparql"), "-H", "Transfer-Encoding: chunked", "-H",
                        "Content-Type: application/sparql-query", "--data-binary", small)
        self.assertEqual(response.status, 200, response)
        self.assertEqual(json.loads(response.body)["boolean"], True)

    def test_pipelined_requests_are_all_answered_in_order(self):
        conn = self.connect()
        ask = b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
        missing = b"GET /nothing-here HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
        last = b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
        conn.sendall(ask + missing + last)
        replies = re.findall(rb"HTTP/1\.1 (\d{3})", read_all(conn))
        self.assertEqual(replies, [b"200", b"404", b"200"])

    def test_huge_headers_are_431(self):
        conn = self.connect()
        conn.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + b"a" * (100 << 10) + b"\r\n\r\n")
        self.assertTrue(read_all(conn).startswith(b"HTTP/1.1 431"))
        self.assert_answers_quickly()

    def ended_within(self, conns, seconds):
        """How many of conns the server ends (an answer and close, or a reset) within seconds."""
        deadline = time.monotonic() + seconds
        ended = 0
        for conn in conns:
            try:
                while True:
                    conn.settimeout(max(0.01, deadline - time.monotonic()))
                    if conn.recv(65536) == b"":
                        ended += 1
                        break
            except ConnectionResetError:
                ended += 1
            except OSError:
                pass
        return ended

    def test_a_flood_of_silent_connections_locks_nobody_out(self):
        # Connections that send nothing wait in the kernel (TCP_DEFER_ACCEPT)
        # rather than in slots; handed over after about --client-timeout,
        # they are cut off like any slow client.
        silent = [self.connect() for _ in range(2 * self.MAX_CONNECTIONS)]
        time.sleep(0.2)
        self.assert_answers_quickly()
        self.assertEqual(self.ended_within(silent, 4 * self.TIMEOUT + 2), len(silent),
                         "silent connections were never cut off")

    def test_a_flood_of_slow_heads_locks_nobody_out(self):
        # Twice as many slow heads as slots: at the cap, one already begun
        # makes room (or, in a burst, the newcomer is refused with 503), a
        # client that sends its request is answered at once, and every slow
        # head is cut off within the client timeout.
        slow = [self.connect() for _ in range(2 * self.MAX_CONNECTIONS)]
        for conn in slow:
            conn.sendall(b"G")
        time.sleep(0.2)
        self.assert_answers_quickly()
        self.assertEqual(self.ended_within(slow, 2 * self.TIMEOUT + 1), len(slow),
                         "slow heads were not cut off")

    def test_max_memory_fails_one_query_not_the_server(self):
        server = Server(QUIVER, ["--data", DATA, "--max-memory", "200M"])
        self.addCleanup(server.stop)
        try:
            server.start()
        except RuntimeError as error:
            if "sanitizer build" in str(error):
                self.skipTest("--max-memory is not available in a sanitizer build")
            raise
        hungry = "SELECT * { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?a ?d ?g"
        response = get_query(server, hungry)
        self.assertEqual(response.status, 500, response)
        self.assertIn("out of memory", response.text())
        self.assertEqual(get_query(server, "ASK { ?s ?p ?o }").status, 200)
        check_clean_exit(server)

    @classmethod
    def tearDownClass(cls):
        check_clean_exit(cls.server)


if __name__ == "__main__":
    unittest.main(argv=[sys.argv[0], *UNITTEST_ARGS], verbosity=2)
