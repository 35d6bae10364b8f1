"""Compare two RDF graphs by value and report every lexical change.

A store may hand back a graph in other lexical forms than it was given
(Virtuoso: `007` -> `7`, `1.50` -> `1.5`, `en-GB` -> `en-gb`, blank nodes as
`nodeID://b10008`). `compare(source, returned)` canonicalises literals (numbers,
booleans and date/times by value, language tags lower-cased, xsd:string as a
plain literal), checks the two graphs are isomorphic (blank nodes matched by
structure), and lists each change of lexical form by category with a count
and an example, so that no difference passes unseen.
"""

import datetime
import decimal
import math
import struct
from collections import Counter, defaultdict

import rdflib
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import graph_diff, isomorphic, to_canonical_graph

XSD = "http://www.w3.org/2001/XMLSchema#"
INTEGER_TYPES = {XSD + t for t in (
    "integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
    "negativeInteger", "nonPositiveInteger", "unsignedLong", "unsignedInt",
    "unsignedShort", "unsignedByte")}
NODE_ID = "nodeID://"  # Virtuoso's blank node labels

# rdflib would otherwise rewrite "007"^^xsd:integer as "7" while parsing, and so
# hide the very changes this module reports.
rdflib.NORMALIZE_LITERALS = False


def short(text, width=60):
    text = str(text).replace("\n", "\\n")
    return text if len(text) <= width else text[:width - 1] + "…"


def _canonical_lexical(lexical, datatype):
    """The canonical lexical form of a typed literal, or None when it does not parse."""
    lex = lexical.strip()
    try:
        if datatype in INTEGER_TYPES:
            return str(int(lex))
        if datatype == XSD + "decimal":
            d = decimal.Decimal(lex)
            if not d.is_finite():
                return None
            text = format(d.normalize(), "f")
            return text if "." in text else text + ".0"
        if datatype in (XSD + "double", XSD + "float"):
            special = {"INF": math.inf, "+INF": math.inf, "-INF": -math.inf, "NaN": math.nan}
            value = special[lex] if lex in special else float(lex)
            if datatype == XSD + "float":  # compare at single precision
                value = struct.unpack("f", struct.pack("f", value))[0]
            return repr(value)
        if datatype == XSD + "boolean":
            return {"true": "true", "1": "true", "false": "false", "0": "false"}.get(lex)
        if datatype == XSD + "dateTime":
            value = datetime.datetime.fromisoformat(lex.replace("Z", "+00:00"))
            if value.tzinfo is not None:
                value = value.astimezone(datetime.timezone.utc)
            return value.isoformat()
        if datatype == XSD + "date" and len(lex) == 10:
            return datetime.date.fromisoformat(lex).isoformat()
    except (ValueError, ArithmeticError, OverflowError, struct.error):
        return None
    return lex


def canonical_term(term):
    """The term a value comparison uses: literals canonicalised, the rest unchanged."""
    if not isinstance(term, Literal):
        return term
    if term.language:
        return Literal(str(term), lang=term.language.lower())
    datatype = str(term.datatype) if term.datatype else None
    if datatype is None or datatype == XSD + "string":
        return Literal(str(term))
    lex = _canonical_lexical(str(term), datatype)
    return Literal(str(term) if lex is None else lex, datatype=term.datatype, normalize=False)


def _describe_change(source, returned):
    """One category line for a literal whose lexical form changed."""
    if source.language or returned.language:
        if (source.language or "").lower() == (returned.language or "").lower():
            return f"language tag {source.language} -> {returned.language}"
        return f"language tag {source.language} -> {returned.language} (value differs)"
    sdt, rdt = source.datatype, returned.datatype
    if sdt != rdt:
        def name(dt):
            return str(dt).replace(XSD, "xsd:") if dt else "none (simple literal)"
        return f"datatype {name(sdt)} -> {name(rdt)}"
    name = str(sdt).replace(XSD, "xsd:") if sdt else "string"
    return f"{name} {short(str(source), 30)} -> {short(str(returned), 30)}"


class Report:
    """The outcome of a comparison: pass/fail plus human-readable lines."""

    def __init__(self):
        self.changes = Counter()          # category -> count
        self.missing = []                 # triples in the source, not returned (canonical)
        self.extra = []                   # triples returned, not in the source (canonical)
        self.isomorphic = False
        self.source_size = self.returned_size = 0

    @property
    def ok(self):
        return self.isomorphic and not self.missing and not self.extra

    def lines(self):
        out = [f"source {self.source_size} triples, returned {self.returned_size}; "
               f"by value: {'identical (isomorphic)' if self.ok else 'DIFFERENT'}"]
        if self.changes:
            out.append("lexical differences (source -> returned), all compared by value:")
            out += [f"  {cat}: {n}" for cat, n in sorted(self.changes.items())]
        else:
            out.append("lexical differences: none")
        for label, triples in (("missing", self.missing), ("extra", self.extra)):
            if triples:
                out.append(f"{label} by value: {len(triples)}, e.g.")
                out += ["  " + " ".join(short(t.n3(), 70) for t in triple) for triple in triples[:5]]
        return out


def _node_id_bnodes(graph, report):
    """Virtuoso's nodeID:// IRIs (when a client returns them as IRIs) made blank nodes again."""
    out = Graph()
    as_iris, as_labels = set(), set()
    for triple in graph:
        terms = []
        for term in triple:
            if isinstance(term, URIRef) and str(term).startswith(NODE_ID):
                as_iris.add(term)
                term = BNode(str(term)[len(NODE_ID):])
            elif isinstance(term, BNode) and str(term).startswith(NODE_ID):
                as_labels.add(term)
            terms.append(term)
        out.add(tuple(terms))
    if as_iris:
        report.changes[f"blank nodes returned as nodeID:// IRIs (e.g. {sorted(as_iris)[0]})"] = len(as_iris)
    if as_labels:
        report.changes[f"blank nodes returned with nodeID:// labels (e.g. _:{sorted(as_labels)[0]})"] = len(as_labels)
    return out


def _exact(term):
    """A key that tells every lexical form apart (rdflib's own == ignores the case of language tags)."""
    if isinstance(term, Literal):
        return ("literal", str(term), str(term.datatype or ""), term.language or "", term)
    return (type(term).__name__, str(term), "", "", term)


def _shape(triple):
    """A triple's key with blank nodes blurred: pairs source and returned triples for the report."""
    return tuple("_:" if isinstance(t, BNode) else canonical_term(t) for t in triple)


def compare(source, returned):
    """Compare two rdflib Graphs by value; return a Report."""
    report = Report()
    report.source_size, report.returned_size = len(source), len(returned)
    returned = _node_id_bnodes(returned, report)

    # Report lexical changes: pair triples of the same shape, look at their literals.
    by_shape = defaultdict(lambda: ([], []))
    for side, graph in ((0, source), (1, returned)):
        for triple in graph:
            by_shape[_shape(triple)][side].append(triple[2])
    for src_objects, ret_objects in by_shape.values():
        src_left, ret_left = Counter(map(_exact, src_objects)), Counter(map(_exact, ret_objects))
        common = src_left & ret_left
        src_left, ret_left = src_left - common, ret_left - common
        for s, r in zip(sorted(src_left.elements()), sorted(ret_left.elements())):
            if s[0] == r[0] == "literal":
                report.changes[_describe_change(s[4], r[4])] += 1

    # Decide by value: canonical literals, blank nodes by isomorphism.
    canon_source, canon_returned = Graph(), Graph()
    for graph, canon in ((source, canon_source), (returned, canon_returned)):
        for triple in graph:
            canon.add(tuple(canonical_term(t) for t in triple))
    report.isomorphic = len(canon_source) == len(canon_returned) and isomorphic(canon_source, canon_returned)
    if not report.isomorphic:
        _, only_source, only_returned = graph_diff(to_canonical_graph(canon_source),
                                                   to_canonical_graph(canon_returned))
        report.missing = sorted(only_source, key=str)
        report.extra = sorted(only_returned, key=str)
    return report
