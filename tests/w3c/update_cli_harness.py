#!/usr/bin/env python3
"""The W3C SPARQL 1.1 Update evaluation tests through the command line, as
an outside harness runs them:

    quiver update --update REQUEST --base REQUEST_IRI --data F... --named IRI=F... --format nquads

Usage: update_cli_harness.py QUIVER [SUITES_DIR]. The written dataset is
compared with the expected one graph by graph (isomorphism, literals
term-exact); a test whose expected result is ut:failure must exit non-zero.
Prints one FAIL line per failure and `N passed, M failed`; exit 0 when
nothing failed, 77 when the suites or rdflib are missing.
"""

import os
import subprocess
import sys

try:
    import rdflib
except ImportError:
    if os.path.exists("/usr/bin/python3") and os.path.realpath(sys.executable) != os.path.realpath("/usr/bin/python3"):
        os.execv("/usr/bin/python3", ["/usr/bin/python3", *sys.argv])
    print("update_cli_harness: needs rdflib (python3-rdflib); skipping")
    sys.exit(77)

from pathlib import Path
from rdflib import BNode, Dataset, Graph, Namespace
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, RDFS

rdflib.NORMALIZE_LITERALS = False  # literals compare term-exactly
MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
UT = Namespace("http://www.w3.org/2009/sparql/tests/test-update#")
QUIVER = sys.argv[1]
ROOT = Path(sys.argv[2] if len(sys.argv) > 2 else os.environ.get(
    "QUIVER_W3C_DIR", Path(__file__).resolve().parents[3] / "shared" / "rdf-tests"))
TOP = ROOT / "sparql" / "sparql11" / "manifest-sparql11-update.ttl"


def local(iri):
    assert str(iri).startswith("file://"), iri
    return str(iri)[len("file://"):]


def manifests(path):
    graph = Graph().parse(path, format="turtle", publicID=Path(path).resolve().as_uri())
    for manifest in graph.subjects(RDF.type, MF.Manifest):
        for include in graph.items(graph.value(manifest, MF.include)):
            yield from manifests(local(include))
    yield path, graph


def state(graph, node):
    """(default graph files, [(graph name, file)]) of an action or a result."""
    data = [local(d) for d in graph.objects(node, UT.data)]
    named = [(str(graph.value(g, RDFS.label)), local(graph.value(g, UT.graph)))
             for g in graph.objects(node, UT.graphData)]
    return data, named


def expected_graphs(data, named):
    graphs = {}
    default = Graph()
    for f in data:
        default.parse(f, format="turtle", publicID=Path(f).as_uri())
    if len(default):
        graphs[None] = default
    for name, f in named:
        g = graphs.setdefault(name, Graph())
        g.parse(f, format="turtle", publicID=Path(f).as_uri())
    return {k: v for k, v in graphs.items() if len(v)}


def written_graphs(nquads):
    dataset = Dataset()
    dataset.parse(data=nquads, format="nquads")
    graphs = {}
    for s, p, o, g in dataset.quads((None, None, None, None)):
        # rdflib files the triples without a graph under a blank node (or
        # its default graph's IRI); the tests name no graph with a blank node.
        name = getattr(g, "identifier", g)
        key = None if name is None or isinstance(name, BNode) or name == DATASET_DEFAULT_GRAPH_ID else str(name)
        graphs.setdefault(key, Graph()).add((s, p, o))
    return graphs


def run(graph, entry):
    action, result = graph.value(entry, MF.action), graph.value(entry, MF.result)
    request = graph.value(action, UT.request)
    data, named = state(graph, action)
    command = [QUIVER, "update", "--update", local(request), "--base", str(request)]
    for f in data:
        command += ["--data", f]
    for name, f in named:
        command += ["--named", name + "=" + f]
    command += ["--format", "nquads"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=60)
    if graph.value(result, UT.result) == UT.failure:
        return None if done.returncode != 0 else "succeeded but must fail"
    if done.returncode != 0:
        return "exit %d: %s" % (done.returncode, done.stderr.strip())
    got, want = written_graphs(done.stdout), expected_graphs(*state(graph, result))
    if set(got) != set(want):
        return "graphs differ: %s, expected %s" % (sorted(map(str, got)), sorted(map(str, want)))
    for name, g in want.items():
        if not isomorphic(got[name], g):
            return "graph %s differs:\n%s" % (name or "(default)", got[name].serialize(format="nt"))
    return None


def main():
    if not TOP.exists():
        print("W3C suites not found at %s; skipping" % ROOT)
        return 77
    passed = failed = 0
    for path, graph in manifests(str(TOP)):
        for entry in graph.subjects(RDF.type, MF.UpdateEvaluationTest):
            why = run(graph, entry)
            if why:
                failed += 1
                print("FAIL %s %s: %s" % (Path(path).parent.name, graph.value(entry, MF.name), why))
            else:
                passed += 1
    print("update through the CLI: %d passed, %d failed" % (passed, failed))
    return 0 if failed == 0 and passed > 0 else 1


if __name__ == "__main__":
    sys.exit(main())
