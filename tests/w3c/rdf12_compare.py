"""RDF 1.2 data and SPARQL results for tests/w3c/w3c12_cli_harness.py,
read without Quiver (rdflib cannot read RDF 1.2): an N-Triples/N-Quads 1.2
line reader (triple terms, base directions), SPARQL JSON and XML results
with triple terms, and their comparison up to blank-node isomorphism
(blank nodes inside triple terms included), results as multisets under
one mapping, in order when the query orders them.
"""

import json
import re
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict

SEARCH_LIMIT = 1_000_000  # blank-node assignments tried before giving up

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RS = "http://www.w3.org/2001/sw/DataAccess/tests/result-set#"


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
