#!/usr/bin/env python3
"""Round trip through a real Virtuoso 7: `quiver push`, then `quiver query --endpoint`.

    roundtrip_test.py [QUIVER_BINARY [SOURCE_DIR]]

Needs QUIVER_VIRTUOSO, the base URL of a running instance (scripts/virtuoso.sh
start prints it); without it the test is skipped (exit 77). Needs Debian's
python3-rdflib. Checks, in order:
  a. the article's default graph, as Turtle and as N-Triples, pushed to two graphs;
  b. tests/virtuoso/edge_cases.ttl plus a generated > 100 KB literal, pushed
     whole, in small chunks (twice, to see --replace replace) and by SPARQL Update;
  c. every pushed graph read back (SELECT as JSON, CONSTRUCT as N-Triples) and
     compared with its source by value, each lexical change reported;
  d. 500,000 WatDiv triples pushed in chunks, timed against a plain curl PUT;
  e. errors: wrong password, Basic on a digest endpoint, a malformed query, a
     query Virtuoso refuses, a refused connection, a store that keeps nothing;
  f. SELECT in json, xml, csv, tsv, table; ASK; a query over 10 KB; non-ASCII;
  g. `quiver update --endpoint` (anonymous; digest auth on /sparql-auth, a wrong
     password refused) and SERVICE from a local query to Virtuoso;
  h. RDF 1.2 data refused without --unstar, and with it stored as RDF 1.1
     reifications.
Prints one line per check and `virtuoso round trip: N checks passed, M failed`.
"""

import os
import sys

SKIP = 77
if not os.environ.get("QUIVER_VIRTUOSO"):
    print("Virtuoso not running (QUIVER_VIRTUOSO unset): skipped")
    sys.exit(SKIP)
try:
    import rdflib  # noqa: F401
except ImportError:  # a python3 first in PATH (pyenv, venv) may lack Debian's rdflib
    if os.path.exists("/usr/bin/python3") and os.path.realpath(sys.executable) != os.path.realpath("/usr/bin/python3"):
        os.execv("/usr/bin/python3", ["/usr/bin/python3", *sys.argv])
    print("roundtrip_test.py: needs rdflib (apt-get install python3-rdflib)", file=sys.stderr)
    sys.exit(1)

import csv
import gzip
import io
import json
import re
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, str(Path(__file__).resolve().parent))
from rdf_compare import compare, short  # noqa: E402  (also turns rdflib's literal normalisation off)
from rdflib import BNode, Dataset, Graph, Literal, URIRef  # noqa: E402
from rdflib.util import from_n3  # noqa: E402

HERE = Path(__file__).resolve().parent
ROOT = (Path(sys.argv[2]) if len(sys.argv) > 2 else HERE.parent.parent).resolve()
QUIVER = sys.argv[1] if len(sys.argv) > 1 else str(ROOT / "build/src/cli/quiver")
E = os.environ["QUIVER_VIRTUOSO"].rstrip("/")
GSP, SPARQL, GSP_AUTH = f"{E}/sparql-graph-crud", f"{E}/sparql", f"{E}/sparql-graph-crud-auth"
G = "urn:quiver-test:"
WATDIV = Path(os.environ.get("QUIVER_SHARED_DIR", ROOT.parent / "shared")) / "bench/watdiv/watdiv-1M.nt.gz"
WATDIV_LINES = 500_000
PUSH_LINE = re.compile(r"^<?(?P<iri>[^<>\s]+)>?: sent (?P<sent>\d+) triples?(?: \((?P<distinct>\d+) distinct\))?, "
                       r"graph now holds (?P<holds>\d+)\s*$", re.M)
RESULTS = "{http://www.w3.org/2005/sparql-results#}"


# ------------------------------------------------------------------ plumbing

class Checks:
    def __init__(self):
        self.passed = self.failed = 0

    def __call__(self, name, ok, detail="", run=None):
        print(f"{'ok  ' if ok else 'FAIL'} {name}" + (f": {detail}" if detail else ""), flush=True)
        if ok:
            self.passed += 1
            return True
        self.failed += 1
        if run is not None:
            print(f"     $ {run.command}\n     exit {run.returncode}; stdout: {short(run.stdout.strip(), 300)}"
                  f"\n     stderr: {short(run.stderr.strip(), 300)}")
        return False


check = Checks()
created_graphs = set()


class Run:
    """One finished command: returncode, stdout, stderr, seconds, command (printable)."""

    def __init__(self, args, timeout=90, input_text=None):
        self.command = " ".join(a if re.fullmatch(r"[\w./:=@%+-]+", a) else repr(a) for a in map(str, args))
        self.command = short(self.command, 400)
        start = time.monotonic()
        try:
            p = subprocess.run([str(a) for a in args], capture_output=True, timeout=timeout, input=input_text,
                               text=True, encoding="utf-8", errors="replace")
            self.returncode, self.stdout, self.stderr = p.returncode, p.stdout, p.stderr
        except subprocess.TimeoutExpired as e:
            self.returncode, self.stdout, self.stderr = -1, str(e.stdout or ""), f"timed out after {timeout} s"
        except OSError as e:
            self.returncode, self.stdout, self.stderr = -1, "", str(e)
        self.seconds = time.monotonic() - start

    @property
    def output(self):
        return self.stdout + self.stderr


def quiver(*args, timeout=90):
    return Run([QUIVER, *args], timeout=timeout)


def http(url, data=None, headers=None, method=None, timeout=120):
    """(status, body) of one request; errors are statuses, a refused connection is status 0."""
    req = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, r.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8", "replace")
    except (urllib.error.URLError, OSError) as e:
        return 0, str(e)


def count(graph):
    """Triples in a graph, counted by Virtuoso itself (not through quiver)."""
    q = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"
    status, body = http(SPARQL, urllib.parse.urlencode({"query": q}).encode(),
                        {"Accept": "application/sparql-results+json"})
    return int(json.loads(body)["results"]["bindings"][0]["n"]["value"]) if status == 200 else -1


def drop(graph):
    http(SPARQL, urllib.parse.urlencode({"update": f"DROP SILENT GRAPH <{graph}>"}).encode())


def push(files, graph, *options, endpoint=GSP, timeout=90):
    created_graphs.add(graph)
    return quiver("push", *files, "--endpoint", endpoint, "--graph", graph, *options, timeout=timeout)


def push_line(run, graph):
    """(sent, distinct sent, holds) from push's report line for `graph`, or None."""
    for m in PUSH_LINE.finditer(run.stdout):
        if m["iri"] == graph:
            return int(m["sent"]), int(m["distinct"] or m["sent"]), int(m["holds"])
    return None


def check_push(name, run, graph, distinct, statements=None):
    """Exit 0 and `sent N, graph now holds M` with M = distinct source triples = Virtuoso's count."""
    line = push_line(run, graph)
    if not check(f"{name}: exit 0 and report line", run.returncode == 0 and line is not None,
                 short(run.stdout.strip(), 120), run):
        return
    sent, sent_distinct, holds = line
    sent_ok = sent in {distinct, statements or distinct} and sent_distinct == distinct
    stored = count(graph)
    check(f"{name}: sent {sent} ({sent_distinct} distinct), holds {holds}", sent_ok and holds == distinct == stored,
          f"expected sent {distinct}" + (f" or {statements}" if statements and statements != distinct else "")
          + f" ({distinct} distinct), holds {distinct}; Virtuoso counts {stored}", run)


# ------------------------------------------------------------------ reading results back

def json_term(b):
    kind, value = b["type"], b["value"]
    if kind == "uri":
        return URIRef(value)
    if kind == "bnode":
        return BNode(value)
    if "xml:lang" in b:
        return Literal(value, lang=b["xml:lang"])
    return Literal(value, datatype=URIRef(b["datatype"]) if "datatype" in b else None)


def xml_term(binding):
    (node,) = list(binding)
    tag = node.tag.replace(RESULTS, "")
    text = node.text or ""
    if tag == "uri":
        return URIRef(text)
    if tag == "bnode":
        return BNode(text)
    lang = node.get("{http://www.w3.org/XML/1998/namespace}lang")
    return Literal(text, lang=lang) if lang else Literal(text, datatype=node.get("datatype"))


def read_back_select(graph):
    run = quiver("query", "--endpoint", SPARQL, "--format", "json",
                 f"SELECT ?s ?p ?o WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
    if run.returncode != 0:
        return run, None
    result, out = json.loads(run.stdout), Graph()
    for row in result["results"]["bindings"]:
        out.add((json_term(row["s"]), json_term(row["p"]), json_term(row["o"])))
    return run, out


def read_back_construct(graph):
    run = quiver("query", "--endpoint", SPARQL, "--format", "ntriples",
                 f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
    if run.returncode != 0:
        return run, None
    out = Graph()
    out.parse(data=run.stdout, format="nt")
    return run, out


def check_round_trip(name, graph, source):
    for how, read in (("SELECT json", read_back_select), ("CONSTRUCT ntriples", read_back_construct)):
        try:
            run, returned = read(graph)
        except Exception as e:  # unreadable output is a failure, not a crash
            check(f"{name} read back ({how})", False, f"cannot parse quiver's output: {e}")
            continue
        if not check(f"{name} read back ({how})", returned is not None, "", run):
            continue
        report = compare(source, returned)
        print("\n".join(f"     {line}" for line in report.lines()))
        check(f"{name} equal by value ({how})", report.ok,
              f"{len(report.missing)} missing, {len(report.extra)} extra")


# ------------------------------------------------------------------ the checks

def prepare(tmp):
    """The files to push and their sources as rdflib graphs."""
    files = {"article.ttl": tmp / "article.ttl", "article.nt": tmp / "article.nt", "long.ttl": tmp / "long.ttl"}
    for fmt, key in (("turtle", "article.ttl"), ("ntriples", "article.nt")):
        run = quiver("convert", ROOT / "data/article.trig", "--graph", "default", "--to", fmt, "-o", files[key])
        check(f"convert article default graph to {fmt}", run.returncode == 0, "", run)
    # > 100 KB literal with quotes, backslashes, line breaks and non-ASCII, as one N-Triples-style string.
    piece = 'ligne {i}: « guillemets » "quoted" back\\slash ü 東京 😀\n'
    text = "".join(piece.format(i=i) for i in range(2500))
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    files["long.ttl"].write_text(f'<http://example.org/edge/long> <http://example.org/edge/text> "{escaped}" .\n',
                                 encoding="utf-8")
    dataset = Dataset()
    dataset.parse(ROOT / "data/article.trig", format="trig", publicID="urn:quiver-test:default")
    article = Graph()
    for triple in dataset.graph(URIRef("urn:quiver-test:default")):
        article.add(triple)
    edge = Graph()
    edge.parse(HERE / "edge_cases.ttl", format="turtle")
    edge.parse(files["long.ttl"], format="turtle")
    long_bytes = len(files["long.ttl"].read_bytes())
    print(f"     article default graph: {len(article)} triples; edge cases: {len(edge)} triples, "
          f"long literal {long_bytes} bytes")
    return files, article, edge


def check_pushes(files, article, edge):
    """a and b: pushes, then c: read each graph back and compare by value."""
    article_lines = sum(1 for line in files["article.nt"].read_text(encoding="utf-8").splitlines() if line.strip())
    pushed = []
    for key in ("article.ttl", "article.nt"):
        graph = G + key.replace(".", "-")
        run = push([files[key]], graph, "--replace", "--query-endpoint", SPARQL)
        check_push(f"a. push {key}", run, graph, len(article), article_lines)
        pushed.append((f"c. {key}", graph, article))

    edge_files = [HERE / "edge_cases.ttl", files["long.ttl"]]
    run = push(edge_files, G + "edge", "--replace", "--query-endpoint", SPARQL)
    check_push("b. push edge cases", run, G + "edge", len(edge))
    pushed.append(("c. edge cases", G + "edge", edge))

    # Small chunks would split blank-node structures across requests; pushed twice, --replace must replace.
    edge_only = Graph().parse(HERE / "edge_cases.ttl", format="turtle")
    for attempt in (1, 2):
        run = push([HERE / "edge_cases.ttl"], G + "edge-chunked", "--replace", "--chunk", "7",
                   "--query-endpoint", SPARQL)
        check_push(f"b. push edge cases --chunk 7 (run {attempt})", run, G + "edge-chunked", len(edge_only))
    pushed.append(("c. edge cases --chunk 7", G + "edge-chunked", edge_only))

    # Virtuoso's Graph Store sniffs the body and refuses one whose first line is a literal over
    # ~64 KB ("unsupported type text/plain") unless a Turtle directive comes first, which is why
    # quiver push sends its batches as text/turtle opened by an @prefix line. It must be stored.
    run = push([files["long.ttl"]], G + "long-alone", "--replace", "--query-endpoint", SPARQL)
    check_push("b. push a lone > 100 KB literal", run, G + "long-alone", 1)

    # SPARQL Update: Virtuoso refuses blank nodes in INSERT DATA. Exit 0 must still mean "stored as sent".
    run = push([files["article.nt"]], G + "article-update", "--protocol", "update", "--replace",
               "--query-endpoint", SPARQL, endpoint=SPARQL)
    check_push("b. push article --protocol update", run, G + "article-update", len(article), article_lines)
    pushed.append(("c. article via update", G + "article-update", article))
    run = push(edge_files, G + "edge-update", "--protocol", "update", "--replace",
               "--query-endpoint", SPARQL, endpoint=SPARQL)
    if run.returncode == 0:
        check_push("b. push edge cases --protocol update", run, G + "edge-update", len(edge))
        pushed.append(("c. edge cases via update", G + "edge-update", edge))
    else:
        check("b. push edge cases --protocol update: refused with a message", bool(run.stderr.strip()),
              short(run.stderr.strip(), 160), run)

    for name, graph, source in pushed:
        check_round_trip(name, graph, source)


def check_formats():
    """f. SELECT in every result format, ASK, a long query, non-ASCII in the query."""
    graph = G + "edge"
    query = (f"SELECT ?p ?o WHERE {{ GRAPH <{graph}> {{ <http://example.org/edge/lang> ?p ?o }} }} "
             "ORDER BY ?p ?o")
    runs = {fmt: quiver("query", "--endpoint", SPARQL, "--format", fmt, query)
            for fmt in ("json", "xml", "csv", "tsv", "table")}
    for fmt, run in runs.items():
        check(f"f. SELECT --format {fmt}: exit 0", run.returncode == 0 and run.stdout.strip() != "", "", run)
    rows = {}
    try:
        data = json.loads(runs["json"].stdout)
        check("f. json: SPARQL 1.1 term types only", all(
            b["type"] in ("uri", "bnode", "literal") for row in data["results"]["bindings"] for b in row.values()),
            "no SPARQL 1.0 'typed-literal'")
        rows["json"] = {(json_term(r["p"]), json_term(r["o"])) for r in data["results"]["bindings"]}
    except (ValueError, KeyError) as e:
        check("f. json parses", False, str(e))
    try:
        root = ET.fromstring(runs["xml"].stdout)
        rows["xml"] = set()
        for result in root.iter(RESULTS + "result"):
            terms = {b.get("name"): xml_term(b) for b in result}
            rows["xml"].add((terms.get("p"), terms.get("o")))
    except ET.ParseError as e:
        check("f. xml parses", False, str(e))
    try:
        lines = runs["tsv"].stdout.rstrip("\n").split("\n")
        check("f. tsv header", lines[0] == "?p\t?o", repr(lines[0]))
        rows["tsv"] = {tuple(from_n3(cell) for cell in line.split("\t")) for line in lines[1:]}
    except Exception as e:
        check("f. tsv parses", False, str(e))
    expected = rows.get("json", set())
    check("f. 6 rows (4 language-tagged labels, 2 strings)", len(expected) == 6, f"{len(expected)} rows")
    for fmt in ("xml", "tsv"):
        check(f"f. {fmt} rows equal json rows", rows.get(fmt) == expected,
              f"only in json: {short(expected - rows.get(fmt, set()))}; "
              f"only in {fmt}: {short(rows.get(fmt, set()) - expected)}")
    table = list(csv.reader(io.StringIO(runs["csv"].stdout)))
    csv_rows = {tuple(r) for r in table[1:]}
    check("f. csv header and rows equal json values", table[:1] == [["p", "o"]]
          and csv_rows == {(str(p), str(o)) for p, o in expected}, short(table[:2]))

    for answer in (True, False):
        ask = (f'ASK {{ GRAPH <{graph}> {{ <http://example.org/edge/lang> ?p "couleur"@fr }} }}' if answer else
               f'ASK {{ GRAPH <{graph}> {{ <http://example.org/edge/lang> ?p "nope" }} }}')
        for fmt in ("json", "xml"):
            run = quiver("query", "--endpoint", SPARQL, "--format", fmt, ask)
            got = None
            try:
                got = (json.loads(run.stdout)["boolean"] if fmt == "json" else
                       ET.fromstring(run.stdout).find(RESULTS + "boolean").text.strip() == "true")
            except Exception:
                pass
            check(f"f. ASK {str(answer).lower()} --format {fmt}", run.returncode == 0 and got is answer,
                  short(run.stdout.strip(), 100), run)

    run = quiver("query", "--endpoint", SPARQL, "--format", "json",
                 f'ASK {{ GRAPH <{graph}> {{ <http://example.org/café/ü> ?p "Zoë Ñúñez — 東京 ✓ 😀"@fr }} }}')
    try:
        got = json.loads(run.stdout).get("boolean")
    except ValueError:
        got = None
    check("f. non-ASCII IRI and literal in the query", run.returncode == 0 and got is True,
          short(run.stdout.strip(), 100), run)
    padding = ", ".join(f"<{G}pad-{i:04}>" for i in range(500))  # 13 KB that change nothing
    run = quiver("query", "--endpoint", SPARQL, "--format", "csv",
                 f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} FILTER(?p NOT IN ({padding})) }}")
    check("f. query over 10 KB (Virtuoso refuses such GET URLs)", run.returncode == 0
          and list(csv.reader(io.StringIO(run.stdout))) == [["n"], [str(count(graph))]],
          short(run.stdout.strip(), 100), run)


class KeepNothing(BaseHTTPRequestHandler):
    """A Graph Store that says yes to everything and keeps nothing."""

    def _ok(self):
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.send_response(204)
        self.end_headers()

    do_PUT = do_POST = _ok

    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Type", "application/n-triples")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


def check_errors(edge_file, edge_size):
    """e. Each error ends with a non-zero exit and a message that says what went wrong."""
    auth_graph = G + "auth"
    drop(auth_graph)
    for name, options, pattern in (
            ("wrong password", ["--user", "dba", "--password", "wrong"], r"401|authenticat|unauthori"),
            ("wrong password --auth digest", ["--user", "dba", "--password", "wrong", "--auth", "digest"],
             r"401|authenticat|unauthori"),
            ("wrong password, counted on /sparql (the upload itself meets the 401)",
             ["--user", "dba", "--password", "wrong", "--query-endpoint", SPARQL], r"401|authenticat|unauthori"),
            ("no credentials", [], r"401|authenticat|unauthori"),
            ("--auth basic on a digest endpoint", ["--user", "dba", "--password", "dba", "--auth", "basic"],
             r"401|authenticat|unauthori")):
        run = push([edge_file], auth_graph, *options, endpoint=GSP_AUTH, timeout=30)
        check(f"e. push {name}: exit 1, says 401/authentication",
              run.returncode not in (0, -1) and re.search(pattern, run.output, re.I) is not None,
              short(run.stderr.strip(), 160), run)
    check("e. nothing stored after refused pushes", count(auth_graph) == 0, f"Virtuoso counts {count(auth_graph)}")
    run = push([edge_file], auth_graph, "--user", "dba", "--password", "dba", "--auth", "digest", "--replace",
               endpoint=GSP_AUTH, timeout=30)
    check_push("e. push --auth digest dba/dba (verified by GSP GET)", run, auth_graph, edge_size)

    # A malformed query may be stopped by quiver's own parser (line:col and a caret) or by Virtuoso (SP030).
    run = quiver("query", "--endpoint", SPARQL, "SELECT ?s WHERE { ?s ?p }", timeout=30)
    own = re.search(r":1:\d+: error: .*\n.*\n *\^", run.stderr) is not None
    check("e. malformed query: non-zero exit with the syntax error",
          run.returncode not in (0, -1) and (own or "SP030" in run.stderr),
          ("quiver's parser: " if own else "Virtuoso's message: ") + short(run.stderr.strip(), 160), run)
    for what, query, message in (
            ("undefined function", "SELECT (<urn:quiver-test:no-such-function>(1) AS ?x) WHERE {}", "SR185"),
            ("path without a fixed end", "SELECT * WHERE { ?s <urn:quiver-test:p>+ ?o } LIMIT 1",
             "transitive start not given")):
        run = quiver("query", "--endpoint", SPARQL, query, timeout=30)
        check(f"e. valid query Virtuoso refuses ({what}): non-zero, Virtuoso's '{message}' shown",
              run.returncode not in (0, -1) and message in run.stderr, short(run.stderr.strip(), 160), run)

    refused = "http://127.0.0.1:1/"
    for what, run in (("push", push([edge_file], G + "refused", endpoint=refused, timeout=30)),
                      ("query", quiver("query", "--endpoint", refused, "ASK {}", timeout=30))):
        check(f"e. {what} to a refused port: non-zero, says so",
              run.returncode not in (0, -1) and re.search(r"refused|connect", run.stderr, re.I) is not None,
              short(run.stderr.strip(), 160), run)

    server = ThreadingHTTPServer(("127.0.0.1", 0), KeepNothing)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        fake = f"http://127.0.0.1:{server.server_address[1]}/gsp"
        for options in (["--query-endpoint", SPARQL], []):
            run = push([edge_file], G + "phantom", "--replace", *options, endpoint=fake, timeout=30)
            how = "count on Virtuoso" if options else "GSP GET"
            check(f"e. store that answers 204 and keeps nothing ({how}): exit 1",
                  run.returncode not in (0, -1) and run.stderr.strip() != "", short(run.stderr.strip(), 160), run)
    finally:
        server.shutdown()


def check_rdf12(tmp):
    """h. RDF 1.2 data to Virtuoso 7, which reads only RDF 1.1: refused without --unstar (nothing
    sent), then sent with --unstar as RDF 1.1 reifications, counted by Virtuoso."""
    claims = tmp / "claims.ttl"
    claims.write_text("PREFIX : <http://e/>\n"
                      ":musk :says << :xai :trains :grok ~ :c1 >> .\n"
                      ":c1 :stance :asserted .\n"
                      ":a :b :c {| :source _:s1 |} .\n"
                      "_:s1 :line 3 .\n"
                      ":doc :quotes <<( :x :y <<( _:n :z \"q\"@en )>> )>> .\n")
    graph = G + "rdf12"
    run = push([claims], graph, "--replace", "--query-endpoint", SPARQL)
    check("h. push RDF 1.2 without --unstar: exit 1, says where and what, nothing sent",
          run.returncode == 1 and "claims.ttl:2:" in run.stderr and "--unstar" in run.stderr
          and count(graph) == 0, short(run.stderr, 200), run)
    # 8 statements; each of the 4 triple terms (2 reified, 2 quoted, one inside the other) adds 4
    # reification triples, and a quoted one its stand-in node's triple instead of the quote: 22.
    run = push([claims], graph, "--replace", "--unstar", "--query-endpoint", SPARQL)
    check_push("h. push RDF 1.2 --unstar", run, graph, 22)
    q = (f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?r a "
         "<http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement> } }")
    status, body = http(SPARQL, urllib.parse.urlencode({"query": q}).encode(),
                        {"Accept": "application/sparql-results+json"})
    statements = int(json.loads(body)["results"]["bindings"][0]["n"]["value"]) if status == 200 else -1
    check("h. four rdf:Statement reifications stored", statements == 4, f"Virtuoso counts {statements}")


def check_update_and_service(tmp):
    """g. `quiver update --endpoint` (anonymous, and with digest auth on /sparql-auth) and
    SERVICE from a local query to Virtuoso."""
    graph = G + "update"
    created_graphs.add(graph)
    drop(graph)
    insert = (f"PREFIX t: <{G}> INSERT DATA {{ GRAPH <{graph}> {{ t:a t:p 1 . t:a t:p 2 . "
              f"t:b t:p \"zwei\"@de }} }}")
    run = quiver("update", "--endpoint", SPARQL, insert, timeout=30)
    check("g. update --endpoint /sparql: INSERT DATA of 3 triples", run.returncode == 0 and count(graph) == 3,
          f"exit {run.returncode}, Virtuoso counts {count(graph)}; {short(run.stderr.strip(), 160)}", run)
    auth = f"{E}/sparql-auth"
    delete = f"PREFIX t: <{G}> WITH <{graph}> DELETE {{ ?s t:p ?o }} WHERE {{ ?s t:p ?o FILTER(isNumeric(?o)) }}"
    run = quiver("update", "--endpoint", auth, "--user", "dba", "--password", "wrong", "--auth", "digest",
                 delete, timeout=30)
    check("g. update --endpoint /sparql-auth with a wrong password: exit 1, says 401, nothing deleted",
          run.returncode == 1 and re.search(r"401|authenticat|unauthori", run.stderr, re.I) is not None
          and count(graph) == 3, short(run.stderr.strip(), 160), run)
    run = quiver("update", "--endpoint", auth, "--user", "dba", "--password", "dba", "--auth", "digest",
                 delete, timeout=30)
    check("g. update --endpoint /sparql-auth --auth digest: DELETE WHERE leaves 1 triple",
          run.returncode == 0 and count(graph) == 1,
          f"exit {run.returncode}, Virtuoso counts {count(graph)}; {short(run.stderr.strip(), 160)}", run)
    local = tmp / "service-local.nt"
    local.write_text(f"<{G}a> <{G}q> \"local a\" .\n<{G}b> <{G}q> \"local b\" .\n", encoding="utf-8")
    query = (f"SELECT ?s ?l ?o WHERE {{ ?s <{G}q> ?l OPTIONAL {{ SERVICE <{SPARQL}> {{ GRAPH <{graph}> "
             f"{{ ?s <{G}p> ?o }} }} }} }} ORDER BY ?s")
    run = quiver("query", "--data", local, "--format", "csv", query, timeout=30)
    expected = f"s,l,o\n{G}a,local a,\n{G}b,local b,zwei\n"  # (text mode reads CSV's CRLF as \n)
    check("g. SERVICE to Virtuoso joined with local data", run.returncode == 0 and run.stdout == expected,
          short(run.stdout + run.stderr, 200), run)
    run = quiver("query", "--data", local, f"SELECT * {{ ?s ?p ?o SERVICE <{E}/no-such-endpoint> {{ ?s ?p ?x }} }}",
                 timeout=30)
    check("g. SERVICE to a path Virtuoso does not serve: exit 1, names the endpoint",
          run.returncode == 1 and "no-such-endpoint" in run.stderr, short(run.stderr.strip(), 160), run)


def check_bulk(tmp):
    """d. 500,000 WatDiv triples: quiver push in chunks of 100,000 against one curl PUT."""
    if not check("d. WatDiv 1M file present", WATDIV.exists(), str(WATDIV)):
        return
    start = time.monotonic()
    nt = tmp / "watdiv-500k.nt"
    with gzip.open(WATDIV, "rt", encoding="utf-8") as src, open(nt, "w", encoding="utf-8") as out:
        lines = [line for _, line in zip(range(WATDIV_LINES), src)]
        out.writelines(lines)
    distinct = len(set(lines))
    del lines
    print(f"     {nt.name}: {WATDIV_LINES} lines, {distinct} distinct, {nt.stat().st_size / 1e6:.1f} MB, "
          f"written in {time.monotonic() - start:.1f} s")
    graph_q, graph_c = G + "watdiv-quiver", G + "watdiv-curl"
    run = push([nt], graph_q, "--chunk", "100000", "--replace", "--query-endpoint", SPARQL, timeout=300)
    check_push("d. push 500k --chunk 100000", run, graph_q, distinct, WATDIV_LINES)
    t_quiver = run.seconds

    created_graphs.add(graph_c)
    drop(graph_c)
    curl = Run(["curl", "-sS", "-o", "/dev/null", "-w", "%{http_code}", "-X", "PUT", "--data-binary", f"@{nt}",
                "-H", "Content-Type: application/n-triples", f"{GSP}?graph={graph_c}"], timeout=300)
    start = time.monotonic()
    stored = count(graph_c)
    t_count = time.monotonic() - start
    check("d. curl PUT 500k", curl.stdout.strip() in ("200", "201") and stored == distinct,
          f"HTTP {curl.stdout.strip()}, Virtuoso counts {stored}", curl)
    t_curl = curl.seconds + t_count
    print(f"     quiver push: {t_quiver:.1f} s ({distinct / t_quiver:,.0f} triples/s), chunks of 100,000, "
          "verification included")
    print(f"     curl PUT:    {curl.seconds:.1f} s + count {t_count:.1f} s = {t_curl:.1f} s "
          f"({distinct / t_curl:,.0f} triples/s), one request")
    print(f"     ratio quiver / (curl + count): {t_quiver / t_curl:.2f}; quiver / curl alone: "
          f"{t_quiver / curl.seconds:.2f}")
    for graph in (graph_q, graph_c):
        start = time.monotonic()
        status, _ = http(f"{GSP}?graph={urllib.parse.quote(graph)}", method="DELETE")
        check(f"d. DELETE {graph}", status in (200, 204) and count(graph) == 0,
              f"HTTP {status} in {time.monotonic() - start:.1f} s")


def main():
    status, body = http(f"{SPARQL}?query=ASK%7B%7D", headers={"Accept": "application/sparql-results+json"}, timeout=10)
    if not check(f"Virtuoso answers at {E}", status == 200, f"HTTP {status} {short(body, 100)}"):
        return 1
    check("quiver has push and query --endpoint", quiver("help", "push").returncode == 0
          and "--endpoint" in quiver("help", "query").stdout, QUIVER)
    start = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="quiver-virtuoso-") as tmp_name:
        tmp = Path(tmp_name)
        edge_size = len(Graph().parse(HERE / "edge_cases.ttl", format="turtle"))
        try:
            files, article, edge = prepare(tmp)
            for name, section in (("a-c pushes and read-back", lambda: check_pushes(files, article, edge)),
                                  ("f formats", check_formats),
                                  ("e errors", lambda: check_errors(HERE / "edge_cases.ttl", edge_size)),
                                  ("g update and SERVICE", lambda: check_update_and_service(tmp)),
                                  ("h RDF 1.2", lambda: check_rdf12(tmp)),
                                  ("d 500k", lambda: check_bulk(tmp))):
                section_start = time.monotonic()
                section()
                print(f"     ({name}: {time.monotonic() - section_start:.0f} s)")
        finally:
            for graph in sorted(created_graphs):
                drop(graph)
    print(f"     (total {time.monotonic() - start:.0f} s)")
    print(f"virtuoso round trip: {check.passed} checks passed, {check.failed} failed")
    return 0 if check.failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
