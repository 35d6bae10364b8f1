#!/usr/bin/env python3
"""The W3C RDF 1.2 and SPARQL 1.2 tests through the command line, as an
outside harness runs them (issue 13: the CLI contract of 1.1 must run the
1.2 tests unchanged). Quiver's own runners (w3c_rdf, w3c_sparql_eval) pass
them through the library; this checks the same tests through `quiver`:

  syntax    quiver convert FILE --from FMT --base IRI --to ntriples|nquads
            positive: exit 0 and readable N-Triples/N-Quads out;
            negative: a non-zero exit (not a signal), nothing on stdout
  c14n      the same command; stdout byte for byte the expected file
  eval      the same command; stdout isomorphic to the expected .nt/.nq
  sparql12  quiver query --query Q --base Q_IRI --data D... --named IRI=G...
            --format json (also xml when the expected file is .srx;
            ntriples for graphs), compared with the expected result
  update    quiver update --update R --base R_IRI --data D... --format nquads
            (the three SPARQL 1.2 update evaluation tests), isomorphic to
            the expected dataset

rdflib cannot read RDF 1.2, so this reads N-Triples/N-Quads 1.2 itself
(triple terms, base directions) and SPARQL JSON/XML results with the
standard library. Graphs and datasets compare as sets of quads up to
blank-node isomorphism (blank nodes inside triple terms included), results
as multisets of solutions under one blank-node mapping, in order when the
query has ORDER BY at top level (as w3c_sparql_eval decides). Terms compare
exactly, except language tags, which compare case-insensitively; a plain
literal is an xsd:string one. Manifests, and expected results written in
Turtle/TriG (CONSTRUCT and update results), are read through
`quiver convert` (there is no other RDF 1.2 reader here); the syntax and
eval tests check that reader on its own.

Usage: w3c12_cli_harness.py QUIVER [SUITES_DIR]   (else $QUIVER_W3C_DIR,
else ../shared/rdf-tests beside the repository). Prints one FAIL line per
failure (reason, details, and the command that reproduces it), a
`N passed, M failed` line per suite and a total. Exit 0 when nothing
failed, 1 otherwise, 77 when the suites are missing. A test the harness
cannot judge fails with its reason.
"""

import concurrent.futures
import os
import shlex
import subprocess
import sys
import urllib.parse
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

from rdf12_compare import (RDF, RS, Result, compare_quads, compare_results, has_top_level_order_by,
                           read_json_results, read_nquads, read_xml_results, show)

QUIVER = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else None
ROOT = Path(sys.argv[2] if len(sys.argv) > 2 else os.environ.get("QUIVER_W3C_DIR") or
            Path(__file__).resolve().parents[3] / "shared" / "rdf-tests")
TIMEOUT = 60  # seconds for one quiver run

MF = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#"
QT = "http://www.w3.org/2001/sw/DataAccess/tests/test-query#"
UT = "http://www.w3.org/2009/sparql/tests/test-update#"
RDFT = "http://www.w3.org/ns/rdftest#"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"


class Unjudgeable(Exception):
    """A test the harness cannot run or judge: it fails with this reason."""


class Failed(Exception):
    """Quiver failed the test in a way found before the comparison."""


class Run:
    def __init__(self, command):
        self.command = command
        try:
            done = subprocess.run(command, capture_output=True, timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            raise Failed("no answer after %d s\n  $ %s" % (TIMEOUT, shlex.join(command)))
        self.code, self.stdout = done.returncode, done.stdout
        self.stderr = done.stderr.decode("utf-8", "replace").strip()
        if len(self.stderr) > 600:
            self.stderr = self.stderr[:600] + " ..."

    def text(self):
        try:
            return self.stdout.decode("utf-8")
        except UnicodeDecodeError as e:
            raise Failed("output is not UTF-8: %s\n  $ %s" % (e, shlex.join(self.command)))

    def failure(self):
        """Why the run is not a success, or None."""
        if self.code < 0:
            return "killed by signal %d: %s" % (-self.code, self.stderr)
        if self.code != 0:
            return "exit %d: %s" % (self.code, self.stderr)
        return None


def convert(path, base, to="ntriples", source_format=None):
    command = [QUIVER, "convert", str(path)]
    if source_format:
        command += ["--from", source_format]
    return Run(command + ["--base", base, "--to", to])


def read_rdf_file(path, iri):
    """The quads of an expected-result file: N-Triples/N-Quads read here,
    Turtle/TriG through `quiver convert`."""
    ext = Path(path).suffix
    if ext in (".nt", ".nq"):
        text = Path(path).read_text(encoding="utf-8")
    elif ext in (".ttl", ".trig"):
        run = convert(path, iri, "nquads")
        if run.failure():
            raise Unjudgeable("cannot read the expected %s: %s" % (path, run.failure()))
        text = run.text()
    else:
        raise Unjudgeable("cannot read an expected result in %s" % path)
    try:
        return read_nquads(text, quads=ext != ".nt")
    except ValueError as e:
        raise Unjudgeable("cannot read the expected %s: %s" % (path, e))


# --- Manifests ----------------------------------------------------------


class Manifest:
    """A manifest read through `quiver convert`, its relative IRIs resolved
    against mf:assumedTestBase when it gives one (as Quiver's runners do)."""

    def __init__(self, path):
        self.path = Path(path).resolve()
        self.base = self.path.as_uri()
        triples = self._read()
        assumed = [o for s, p, o, g in triples if p == ("I", MF + "assumedTestBase")]
        if assumed:
            self.base = urllib.parse.urljoin(assumed[0][1], self.path.name)
            triples = self._read()
        self.assumed_base = bool(assumed)
        self.index = defaultdict(list)
        for s, p, o, g in triples:
            self.index[(s, p[1])].append(o)
        heads = [s for s, p, o, g in triples if p == ("I", RDF + "type") and o == ("I", MF + "Manifest")]
        if not heads:
            raise Unjudgeable("%s: no mf:Manifest" % self.path)
        self.node = heads[0]

    def _read(self):
        run = convert(self.path, self.base, "ntriples", "turtle")
        if run.failure():
            raise Unjudgeable("cannot read the manifest %s: %s" % (self.path, run.failure()))
        return read_nquads(run.text(), quads=False)

    def objects(self, subject, predicate):
        return self.index.get((subject, predicate), [])

    def value(self, subject, predicate):
        found = self.objects(subject, predicate)
        return found[0] if found else None

    def members(self, head):
        out = []
        while head and head != ("I", RDF + "nil"):
            out.append(self.value(head, RDF + "first"))
            head = self.value(head, RDF + "rest")
            if len(out) > 100000:
                raise Unjudgeable("%s: cyclic list" % self.path)
        return out

    def entries(self):
        for head in self.objects(self.node, MF + "entries"):
            for entry in self.members(head):
                name = self.value(entry, MF + "name")
                yield entry, (name[1] if name else show(entry)), [
                    t[1] for t in self.objects(entry, RDF + "type")]

    def local(self, term):
        """The file an IRI of the manifest names; Unjudgeable when missing."""
        if not term or term[0] != "I":
            raise Unjudgeable("expected a file IRI, found %s" % (show(term) if term else "nothing"))
        directory = self.base[:self.base.rfind("/") + 1]
        if not term[1].startswith(directory):
            raise Unjudgeable("<%s> is outside the suite" % term[1])
        path = self.path.parent / urllib.parse.unquote(term[1][len(directory):])
        if not path.is_file():
            raise Unjudgeable("file %s not found" % path)
        return str(path)


# --- The tests ----------------------------------------------------------

RDF_SUITES = [
    ("rdf12-n-triples-syntax", "rdf/rdf12/rdf-n-triples/syntax"),
    ("rdf12-n-triples-c14n", "rdf/rdf12/rdf-n-triples/c14n"),
    ("rdf12-n-quads-syntax", "rdf/rdf12/rdf-n-quads/syntax"),
    ("rdf12-n-quads-c14n", "rdf/rdf12/rdf-n-quads/c14n"),
    ("rdf12-turtle-syntax", "rdf/rdf12/rdf-turtle/syntax"),
    ("rdf12-turtle-eval", "rdf/rdf12/rdf-turtle/eval"),
    ("rdf12-trig-syntax", "rdf/rdf12/rdf-trig/syntax"),
    ("rdf12-trig-eval", "rdf/rdf12/rdf-trig/eval"),
]

# rdft: test type -> (kind, input syntax, output syntax)
RDF_TYPES = {
    "TestNTriplesPositiveSyntax": ("positive", "ntriples", "ntriples"),
    "TestNTriplesNegativeSyntax": ("negative", "ntriples", "ntriples"),
    "TestNTriplesPositiveC14N": ("c14n", "ntriples", "ntriples"),
    "TestNQuadsPositiveSyntax": ("positive", "nquads", "nquads"),
    "TestNQuadsNegativeSyntax": ("negative", "nquads", "nquads"),
    "TestNQuadsPositiveC14N": ("c14n", "nquads", "nquads"),
    "TestTurtlePositiveSyntax": ("positive", "turtle", "ntriples"),
    "TestTurtleNegativeSyntax": ("negative", "turtle", "ntriples"),
    "TestTurtleEval": ("eval", "turtle", "ntriples"),
    "TestTurtleNegativeEval": ("negative", "turtle", "ntriples"),
    "TestTrigPositiveSyntax": ("positive", "trig", "nquads"),
    "TestTrigNegativeSyntax": ("negative", "trig", "nquads"),
    "TestTrigEval": ("eval", "trig", "nquads"),
    "TestTrigNegativeEval": ("negative", "trig", "nquads"),
}

# The SPARQL 1.2 evaluation manifests w3c_sparql_eval runs.
SPARQL_MANIFESTS = [
    "sparql/sparql12/lang-basedir/manifest.ttl",
    "sparql/sparql12/grouping/manifest.ttl",
    "sparql/sparql12/codepoint-escapes/manifest.ttl",
    "sparql/sparql12/expression/manifest.ttl",
    "sparql/sparql12/version/manifest.ttl",
    "sparql/sparql12/eval-triple-terms/manifest.ttl",
    "sparql/sparql12/rdf11/manifest.ttl",
]


def with_command(why, run):
    return "%s\n  $ %s" % (why, shlex.join(run.command))


def rdf_test(manifest, entry, types):
    known = [RDF_TYPES[t[len(RDFT):]] for t in types
             if t.startswith(RDFT) and t[len(RDFT):] in RDF_TYPES]
    if not known:
        raise Unjudgeable("unknown test type %s" % ", ".join("<%s>" % t for t in types))
    kind, source, target = known[0]
    action = manifest.value(entry, MF + "action")
    run = convert(manifest.local(action), action[1], target, source)
    if kind == "negative":
        if run.code > 0 and not run.stdout:
            return None
        if run.code < 0:
            return with_command(run.failure(), run)
        if run.code == 0:
            return with_command("accepted, but must be refused", run)
        return with_command("refused, but wrote %d bytes to stdout" % len(run.stdout), run)
    if run.failure():
        return with_command(run.failure(), run)
    text = run.text()
    try:
        written = read_nquads(text, quads=target == "nquads")
    except ValueError as e:
        return with_command("the %s written is unreadable: %s" % (target, e), run)
    if kind == "positive":
        return None
    result = manifest.value(entry, MF + "result")
    if kind == "c14n":
        expected = Path(manifest.local(result)).read_bytes()
        if run.stdout == expected:
            return None
        return with_command("not the canonical form\n  written:  %r\n  expected: %r" % (
            run.stdout, expected), run)
    why = compare_quads(written, read_rdf_file(manifest.local(result), result[1]))
    return with_command(why, run) if why else None


def query_test(manifest, entry):
    if manifest.assumed_base:
        raise Unjudgeable("mf:assumedTestBase: `quiver query` gives data files their file:// IRI as base")
    action = manifest.value(entry, MF + "action")
    handled = {QT + "query", QT + "data", QT + "graphData"}
    other = sorted(p for (s, p) in manifest.index if s == action and p not in handled)
    if other:
        raise Unjudgeable("action has %s, which the harness does not pass" % ", ".join(other))
    query = manifest.value(action, QT + "query")
    query_path = manifest.local(query)
    command = [QUIVER, "query", "--query", query_path, "--base", query[1]]
    for data in manifest.objects(action, QT + "data"):
        command += ["--data", manifest.local(data)]
    for graph in manifest.objects(action, QT + "graphData"):
        command += ["--named", graph[1] + "=" + manifest.local(graph)]
    result = manifest.value(entry, MF + "result")
    result_path = manifest.local(result)
    ext = Path(result_path).suffix
    text = Path(result_path).read_text(encoding="utf-8")
    try:
        if ext == ".srj":
            expected, formats = read_json_results(text), ["json"]
        elif ext == ".srx":
            expected, formats = read_xml_results(text), ["json", "xml"]
        else:
            if "<%sResultSet>" % RS in text or "rs:ResultSet" in text:
                raise Unjudgeable("expected result set in RDF (%s)" % result_path)
            expected = Result("graph", quads=read_rdf_file(result_path, result[1]))
            formats = ["ntriples"]
    except (ValueError, KeyError, ET.ParseError) as e:
        raise Unjudgeable("cannot read the expected %s: %s" % (result_path, e))
    ordered = has_top_level_order_by(Path(query_path).read_text(encoding="utf-8"))
    for form in formats:
        run = Run(command + ["--format", form])
        if run.failure():
            return with_command(run.failure(), run)
        try:
            output = run.text()
            actual = (read_json_results(output) if form == "json" else
                      read_xml_results(output) if form == "xml" else
                      Result("graph", quads=read_nquads(output, quads=False)))
        except (ValueError, KeyError, TypeError, ET.ParseError) as e:
            return with_command("cannot read the %s written: %s" % (form, e), run)
        why = compare_results(actual, expected, ordered)
        if why:
            return with_command("result differs (--format %s%s): %s" % (
                form, ", ordered" if ordered else "", why), run)
    return None


def dataset_files(manifest, node):
    """The --data and --named arguments for an update action or result."""
    args = []
    for data in manifest.objects(node, UT + "data"):
        args += ["--data", manifest.local(data)]
    for g in manifest.objects(node, UT + "graphData"):
        label = manifest.value(g, RDFS_LABEL)
        graph = manifest.value(g, UT + "graph")
        args += ["--named", (label[1] + "=" if label else "") + manifest.local(graph)]
    return args


def update_test(manifest, entry):
    action, result = manifest.value(entry, MF + "action"), manifest.value(entry, MF + "result")
    request = manifest.value(action, UT + "request")
    command = [QUIVER, "update", "--update", manifest.local(request), "--base", request[1]]
    run = Run(command + dataset_files(manifest, action) + ["--format", "nquads"])
    if manifest.value(result, UT + "result") == ("I", UT + "failure"):
        return None if run.code > 0 else with_command("must fail", run)
    if run.failure():
        return with_command(run.failure(), run)
    try:
        written = read_nquads(run.text())
    except ValueError as e:
        return with_command("the N-Quads written is unreadable: %s" % e, run)
    # The expected dataset: the same loading, with an empty request.
    expected = []
    for data in manifest.objects(result, UT + "data"):
        expected += read_rdf_file(manifest.local(data), data[1])
    for g in manifest.objects(result, UT + "graphData"):
        label, graph = manifest.value(g, RDFS_LABEL), manifest.value(g, UT + "graph")
        name = ("I", label[1]) if label else graph
        expected += [q[:3] + (name,) for q in read_rdf_file(manifest.local(graph), graph[1])]
    why = compare_quads(written, expected)
    return with_command(why, run) if why else None


def collect(root):
    """(suite, test name, function, arguments) for every test to run."""
    tests = []
    for suite, folder in RDF_SUITES:
        manifest = Manifest(root / folder / "manifest.ttl")
        for entry, name, types in manifest.entries():
            tests.append((suite, name, rdf_test, (manifest, entry, types)))
    for relative in SPARQL_MANIFESTS:
        manifest = Manifest(root / relative)
        for entry, name, types in manifest.entries():
            name = manifest.path.parent.name + "/" + name
            if MF + "QueryEvaluationTest" in types:
                tests.append(("sparql12-query", name, query_test, (manifest, entry)))
            elif MF + "UpdateEvaluationTest" in types:
                tests.append(("sparql12-update", name, update_test, (manifest, entry)))
    return tests


def judge(test):
    function, args = test[2], test[3]
    try:
        return function(*args)
    except Failed as e:
        return str(e)
    except Unjudgeable as e:
        return "cannot judge: %s" % e
    except Exception as e:  # a harness bug must not pass a test
        return "harness error: %s: %s" % (type(e).__name__, e)


def main():
    if QUIVER is None:
        print("usage: w3c12_cli_harness.py QUIVER [SUITES_DIR]")
        return 2
    if not (ROOT / "rdf" / "rdf12").is_dir() or not (ROOT / "sparql" / "sparql12").is_dir():
        print("W3C 1.2 suites not found at %s (set QUIVER_W3C_DIR); skipping" % ROOT)
        return 77
    try:
        tests = collect(ROOT)
    except (Failed, Unjudgeable) as e:
        print("FAIL manifests: %s" % e)
        return 1
    workers = min(8, 2 * (os.cpu_count() or 1))
    with concurrent.futures.ThreadPoolExecutor(max_workers=workers) as pool:
        verdicts = list(pool.map(judge, tests))
    counts = {}
    for (suite, name, _, _), why in zip(tests, verdicts):
        counts.setdefault(suite, [0, 0])[why is not None] += 1
        if why:
            print("FAIL %s/%s: %s" % (suite, name, why))
    total = [0, 0]
    for suite, (passed, failed) in counts.items():
        print("%s: %d passed, %d failed" % (suite, passed, failed))
        total = [total[0] + passed, total[1] + failed]
    print("1.2 through the CLI: %d passed, %d failed" % tuple(total))
    return 0 if total[1] == 0 and total[0] > 0 else 1


if __name__ == "__main__":
    sys.exit(main())
