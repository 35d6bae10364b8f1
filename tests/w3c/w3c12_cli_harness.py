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
import json
import os
import re
import shlex
import subprocess
import sys
import urllib.parse
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from pathlib import Path

QUIVER = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else None
ROOT = Path(sys.argv[2] if len(sys.argv) > 2 else os.environ.get("QUIVER_W3C_DIR") or
            Path(__file__).resolve().parents[3] / "shared" / "rdf-tests")
TIMEOUT = 60  # seconds for one quiver run
SEARCH_LIMIT = 1_000_000  # blank-node assignments tried before giving up

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
MF = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#"
QT = "http://www.w3.org/2001/sw/DataAccess/tests/test-query#"
UT = "http://www.w3.org/2009/sparql/tests/test-update#"
RDFT = "http://www.w3.org/ns/rdftest#"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
RS = "http://www.w3.org/2001/sw/DataAccess/tests/result-set#"


class Unjudgeable(Exception):
    """A test the harness cannot run or judge: it fails with this reason."""


class Failed(Exception):
    """Quiver failed the test in a way found before the comparison."""


# --- Terms --------------------------------------------------------------
# ("I", iri), ("B", label), ("L", lexical, datatype, lowercased language,
# direction), ("T", s, p, o); ("D",) names the default graph, ("U",) an
# unbound variable. Tuples, so they hash and compare as values.

DEFAULT_GRAPH = ("D",)
UNBOUND = ("U",)


def literal(lexical, datatype=None, language=None, direction=None):
    if language:
        datatype = RDF + ("dirLangString" if direction else "langString")
        return ("L", lexical, datatype, language.lower(), direction or "")
    return ("L", lexical, datatype or XSD_STRING, "", "")


def show(term, hide_blanks=False):
    kind = term[0]
    if kind == "I":
        return "<%s>" % term[1]
    if kind == "B":
        return "_:*" if hide_blanks else "_:" + str(term[1])
    if kind == "L":
        text = json.dumps(term[1], ensure_ascii=False)
        if term[3]:
            return text + "@" + term[3] + ("--" + term[4] if term[4] else "")
        return text if term[2] == XSD_STRING else text + "^^<%s>" % term[2]
    if kind == "T":
        return "<<( %s )>>" % " ".join(show(t, hide_blanks) for t in term[1:])
    return "(default graph)" if kind == "D" else "(unbound)"


def blanks_in(term, into):
    if term[0] == "B":
        into.add(term[1])
    elif term[0] == "T":
        for part in term[1:]:
            blanks_in(part, into)
    return into


def item_blanks(item):
    found = set()
    for term in item:
        blanks_in(term, found)
    return found


def relabel(term, to):
    """`term` with each blank node label l replaced by the term to(l)."""
    if term[0] == "B":
        return to(term[1])
    if term[0] == "T":
        return ("T",) + tuple(relabel(part, to) for part in term[1:])
    return term


# --- N-Triples / N-Quads 1.2 --------------------------------------------

_PN_BASE = ("A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF"
            "\u200C-\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF"
            "\uFDF0-\uFFFD\U00010000-\U000EFFFF")
_PN_U = _PN_BASE + "_"
_PN_CHARS = _PN_U + "\\-0-9\u00B7\u0300-\u036F\u203F-\u2040"
_UCHAR = r"\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8}"
_SPACE = re.compile(r"[ \t]*")
_IRIREF = re.compile(r'<((?:[^\x00-\x20<>"{}|^`\\]|%s)*)>' % _UCHAR)
_ABSOLUTE = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:")
_BLANK = re.compile("_:([%s0-9](?:[%s.]*[%s])?)" % (_PN_U, _PN_CHARS, _PN_CHARS))
_STRING = re.compile(r'"((?:[^"\\\n\r]|\\[tbnrf"\'\\]|%s)*)"' % _UCHAR)
_LANG_DIR = re.compile(r"@([a-zA-Z]+(?:-[a-zA-Z0-9]+)*)(?:--([a-zA-Z]+))?")
_ESCAPE = re.compile(r"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))", re.S)
_ECHAR = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}
_EOL = re.compile(r"\r\n|\r|\n")


def unescape(text):
    def one(m):
        code = m.group(1) or m.group(2)
        return chr(int(code, 16)) if code else _ECHAR[m.group(3)]
    try:
        return _ESCAPE.sub(one, text)
    except ValueError:  # beyond U+10FFFF
        raise ValueError("bad \\U escape")


class _Line:
    """One N-Triples/N-Quads line: statement() reads it."""

    def __init__(self, text):
        self.text, self.pos = text, 0

    def error(self, what):
        raise ValueError("%s at column %d" % (what, self.pos + 1))

    def skip(self):
        self.pos = _SPACE.match(self.text, self.pos).end()

    def done(self):
        self.skip()
        return self.pos >= len(self.text) or self.text[self.pos] == "#"

    def take(self, pattern):
        m = pattern.match(self.text, self.pos)
        if m:
            self.pos = m.end()
        return m

    def term(self, kinds, role):
        self.skip()
        text, start = self.text, self.pos
        if text.startswith("<<(", start) and "T" in kinds:
            self.pos += 3
            s = self.term("IB", "triple term subject")
            p = self.term("I", "triple term predicate")
            o = self.term("IBLT", "triple term object")
            self.skip()
            if not text.startswith(")>>", self.pos):
                self.error("')>>' expected")
            self.pos += 3
            return ("T", s, p, o)
        if text.startswith("<", start) and "I" in kinds:
            return ("I", self.iri())
        if text.startswith("_:", start) and "B" in kinds:
            m = self.take(_BLANK)
            if m:
                return ("B", m.group(1))
        if text.startswith('"', start) and "L" in kinds:
            m = self.take(_STRING)
            if m:
                return self.literal_rest(unescape(m.group(1)))
        self.error("no %s" % role)

    def iri(self):
        m = self.take(_IRIREF)
        if not m:
            self.error("no IRI")
        value = unescape(m.group(1))
        if not _ABSOLUTE.match(value):
            self.error("relative IRI <%s>" % value)
        return value

    def literal_rest(self, lexical):
        """The literal from its lexical form on: a datatype, a language tag
        (with a direction) or nothing."""
        self.skip()
        if self.text.startswith("^^", self.pos):
            self.pos += 2
            self.skip()
            datatype = self.iri()
            if datatype in (RDF + "langString", RDF + "dirLangString"):
                self.error("<%s> without a language tag" % datatype)
            return literal(lexical, datatype)
        lang = self.take(_LANG_DIR)
        if not lang:
            return literal(lexical)
        if len(lang.group(1).split("-")[0]) > 8:
            self.error("language tag %s is not BCP 47" % lang.group(1))
        if lang.group(2) not in (None, "ltr", "rtl"):
            self.error("base direction must be ltr or rtl")
        return literal(lexical, None, lang.group(1), lang.group(2))

    def statement(self, quads):
        s = self.term("IB", "subject")
        p = self.term("I", "predicate")
        o = self.term("IBLT", "object")
        self.skip()
        g = DEFAULT_GRAPH
        if quads and not self.text.startswith(".", self.pos):
            g = self.term("IB", "graph name")
            self.skip()
        if not self.text.startswith(".", self.pos):
            self.error("'.' expected")
        self.pos += 1
        if not self.done():
            self.error("text after '.'")
        return (s, p, o, g)


def read_nquads(text, quads=True):
    """The statements of N-Triples (quads=False) or N-Quads 1.2 text, as
    (s, p, o, g) tuples; ValueError naming the line if it is not that."""
    statements = []
    for number, line in enumerate(_EOL.split(text), 1):
        parser = _Line(line)
        if parser.done():
            continue
        try:
            statements.append(parser.statement(quads))
        except ValueError as e:
            raise ValueError("line %d: %s: %s" % (number, e, line[:200]))
    return statements


# --- Matching under one blank-node bijection ----------------------------


def _colours(items):
    """A colour per blank node, refined from the items it occurs in (the
    other blank nodes seen by their colour) until the partition is stable."""
    occurs = defaultdict(list)
    for item in items:
        for b in item_blanks(item):
            occurs[b].append(item)
    colour = dict.fromkeys(occurs, 0)
    for _ in range(len(occurs) + 1):
        new = {}
        for b, found in occurs.items():
            def seen(label, b=b):
                return ("B", "self") if label == b else ("B", colour[label])
            shapes = sorted(hash(tuple(relabel(t, seen) for t in item)) for item in found)
            new[b] = hash((colour[b], tuple(shapes)))
        stable = len(set(new.values())) == len(set(colour.values()))
        colour = new
        if stable:
            break
    return colour


def _rename(items, side):
    return [tuple(relabel(t, lambda l: ("B", (side, l))) for t in item) for item in items]


def match_unordered(actual, expected):
    """None when the multisets `actual` and `expected` of term tuples are
    equal under one bijection of their blank nodes, else why not."""
    if len(actual) != len(expected):
        return "%d items, expected %d" % (len(actual), len(expected))
    ground_a = Counter(i for i in actual if not item_blanks(i))
    ground_e = Counter(i for i in expected if not item_blanks(i))
    if ground_a != ground_e:
        return "the items without blank nodes differ"
    # Both sides coloured together, so that equal colours mean equal roles.
    side_a = _rename([i for i in actual if item_blanks(i)], "a")
    side_e = _rename([i for i in expected if item_blanks(i)], "e")
    colour = _colours(side_a + side_e)
    nodes_a = sorted({b for i in side_a for b in item_blanks(i)}, key=str)
    nodes_e = sorted({b for i in side_e for b in item_blanks(i)}, key=str)
    if Counter(colour[b] for b in nodes_a) != Counter(colour[b] for b in nodes_e):
        return "no blank-node mapping makes them equal (blank nodes of different roles)"
    candidates = defaultdict(list)
    for b in nodes_e:
        candidates[colour[b]].append(b)
    # Rarest colours first: their nodes have the fewest candidates.
    nodes_a.sort(key=lambda b: (len(candidates[colour[b]]), str(b)))
    items_of = defaultdict(list)
    for item in side_a:
        for b in item_blanks(item):
            items_of[b].append(item)
    wanted = Counter(side_e)
    mapping, used, tries = {}, set(), [0]

    def image(item):
        return tuple(relabel(t, lambda l: ("B", mapping[l])) for t in item)

    def consistent(b):
        return all(image(item) in wanted for item in items_of[b]
                   if item_blanks(item) <= mapping.keys())

    def search(k):
        if k == len(nodes_a):
            return Counter(image(i) for i in side_a) == wanted
        b = nodes_a[k]
        for c in candidates[colour[b]]:
            if c in used:
                continue
            tries[0] += 1
            if tries[0] > SEARCH_LIMIT:
                return False
            mapping[b] = c
            used.add(c)
            if consistent(b) and search(k + 1):
                return True
            del mapping[b]
            used.discard(c)
        return False

    if search(0):
        return None
    if tries[0] > SEARCH_LIMIT:
        return "blank-node search gave up after %d tries" % SEARCH_LIMIT
    return "no one blank-node mapping makes them equal"


def _unify(a, e, forward, backward):
    if a[0] == "B" and e[0] == "B":
        if forward.setdefault(a[1], e[1]) != e[1] or backward.setdefault(e[1], a[1]) != a[1]:
            return False
        return True
    if a[0] == "T" and e[0] == "T":
        return all(_unify(x, y, forward, backward) for x, y in zip(a[1:], e[1:]))
    return a == e


def match_ordered(actual, expected, render):
    """None when row i of `actual` equals row i of `expected` for every i,
    under one blank-node bijection, else why not."""
    forward, backward = {}, {}
    for n, (a, e) in enumerate(zip(actual, expected), 1):
        if not all(_unify(x, y, forward, backward) for x, y in zip(a, e)):
            return "row %d differs (ordered comparison)\n  actual:   %s\n  expected: %s" % (
                n, render(a), render(e))
    if len(actual) != len(expected):
        return "%d rows, expected %d" % (len(actual), len(expected))
    return None


def differences(actual, expected, render):
    """A few lines listing what one side has that the other lacks, blank
    nodes hidden."""
    a = Counter(render(i) for i in actual)
    e = Counter(render(i) for i in expected)
    lines = []
    for title, extra in (("missing (expected, not in actual)", e - a),
                         ("unexpected (in actual, not expected)", a - e)):
        rows = sorted(extra.elements())
        if rows:
            lines.append("%s (%d):" % (title, len(rows)))
            lines += ["  " + r for r in rows[:5]] + (["  ..."] if len(rows) > 5 else [])
    return "\n".join(lines)


def compare_quads(actual, expected):
    """None when the two sets of quads are isomorphic, else why not."""
    actual, expected = sorted(set(actual), key=repr), sorted(set(expected), key=repr)
    why = match_unordered(actual, expected)
    if why is None:
        return None

    def render(quad):
        return " ".join(show(t, True) for t in quad if t != DEFAULT_GRAPH) + " ."
    return "\n".join(filter(None, ["not isomorphic to the expected result: " + why,
                                   differences(actual, expected, render)]))


# --- SPARQL results -----------------------------------------------------


class Result:
    """A query result: kind "boolean" (ASK), "bindings" (SELECT: variables
    and rows of dicts) or "graph" (triples as quads)."""

    def __init__(self, kind, boolean=None, variables=(), rows=(), quads=()):
        self.kind, self.boolean = kind, boolean
        self.variables, self.rows, self.quads = list(variables), list(rows), list(quads)


def _json_term(node):
    kind = node.get("type")
    if kind == "uri":
        return ("I", node["value"])
    if kind == "bnode":
        return ("B", node["value"])
    if kind in ("literal", "typed-literal"):
        return literal(node["value"], node.get("datatype"), node.get("xml:lang"), node.get("its:dir"))
    if kind == "triple":
        v = node["value"]
        return ("T", _json_term(v["subject"]), _json_term(v["predicate"]), _json_term(v["object"]))
    raise ValueError("unknown term type %r" % kind)


def read_json_results(text):
    doc = json.loads(text)
    if "boolean" in doc:
        return Result("boolean", boolean=doc["boolean"])
    rows = [{name: _json_term(node) for name, node in b.items()} for b in doc["results"]["bindings"]]
    return Result("bindings", variables=doc["head"].get("vars", []), rows=rows)


_SRX = "{http://www.w3.org/2005/sparql-results#}"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_ITS_DIR = "{http://www.w3.org/2005/11/its}dir"


def _xml_term(element):
    tag = element.tag[len(_SRX):] if element.tag.startswith(_SRX) else element.tag
    if tag == "uri":
        return ("I", element.text or "")
    if tag == "bnode":
        return ("B", element.text or "")
    if tag == "literal":
        return literal(element.text or "", element.get("datatype"), element.get(_XML_LANG),
                       element.get(_ITS_DIR))
    if tag == "triple":
        parts = []
        for role in ("subject", "predicate", "object"):
            holder = element.find(_SRX + role)
            if holder is None or len(holder) != 1:
                raise ValueError("<triple> without one <%s> term" % role)
            parts.append(_xml_term(holder[0]))
        return ("T",) + tuple(parts)
    raise ValueError("unknown term element <%s>" % tag)


def read_xml_results(text):
    root = ET.fromstring(text.encode("utf-8"))
    boolean = root.find(_SRX + "boolean")
    if boolean is not None:
        return Result("boolean", boolean=(boolean.text or "").strip() == "true")
    variables = [v.get("name") for v in root.iter(_SRX + "variable")]
    rows = []
    for result in root.iter(_SRX + "result"):
        row = {}
        for binding in result.findall(_SRX + "binding"):
            if len(binding) != 1:
                raise ValueError("<binding name=%r> without one term" % binding.get("name"))
            row[binding.get("name")] = _xml_term(binding[0])
        rows.append(row)
    return Result("bindings", variables=variables, rows=rows)


def compare_results(actual, expected, ordered):
    if actual.kind != expected.kind:
        return "a %s result, expected a %s one" % (actual.kind, expected.kind)
    if actual.kind == "boolean":
        return None if actual.boolean == expected.boolean else "answered %s, expected %s" % (
            actual.boolean, expected.boolean)
    if actual.kind == "graph":
        return compare_quads(actual.quads, expected.quads)
    columns = sorted(set(actual.variables))
    if columns != sorted(set(expected.variables)):
        return "variables %s, expected %s" % (columns, sorted(set(expected.variables)))

    def table(result):
        return [tuple(row.get(c, UNBOUND) for c in columns) for row in result.rows]
    def render(row, hide_blanks=True):
        return " ".join("?%s=%s" % (c, show(t, hide_blanks))
                        for c, t in zip(columns, row) if t != UNBOUND) or "{}"
    rows_a, rows_e = table(actual), table(expected)
    if ordered:
        return match_ordered(rows_a, rows_e, lambda row: render(row, False))
    why = match_unordered(rows_a, rows_e)
    if why is None:
        return None
    return "\n".join(filter(None, [why, differences(rows_a, rows_e, render)]))


_QUERY_NOISE = re.compile(r'#[^\n]*|"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
                          r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"{}|^`\\\x00-\x20]*>', re.S)


def has_top_level_order_by(query_text):
    """True when ORDER BY modifies the query itself, not only a subquery:
    it stands outside every { } once comments, strings and IRIs are gone."""
    text = _QUERY_NOISE.sub(" ", query_text)
    depth, outside = 0, []
    for ch in text:
        depth += ch == "{"
        outside.append(ch if depth == 0 else " ")
        depth -= ch == "}"
    return re.search(r"\bORDER\s+BY\b", "".join(outside), re.I) is not None


# --- Running quiver -----------------------------------------------------


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
