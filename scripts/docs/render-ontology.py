#!/usr/bin/env python3
"""Renders the ontology reference page from two SPARQL JSON results.

    render-ontology.py TERMS.json USAGE.json OUTPUT.html

TERMS.json is docs/queries/ontology-terms.rq and USAGE.json
docs/queries/ontology-usage.rq, both run by `quiver query --format json`
over the ontology and the article data. Standard library only; the page
has its CSS inline and loads nothing.
"""
import html
import json
import sys
from collections import defaultdict

PREFIXES = {
    "https://quiver.example/ontology#": "qv",
    "https://quiver.example/article/claim/": "claim",
    "https://quiver.example/article/channel/": "ch",
    "https://quiver.example/article/graph/": "g",
    "https://quiver.example/article/": "art",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#": "rdf",
    "http://www.w3.org/2000/01/rdf-schema#": "rdfs",
    "http://www.w3.org/2001/XMLSchema#": "xsd",
    "http://www.w3.org/2002/07/owl#": "owl",
    "https://schema.org/": "schema",
    "http://www.w3.org/ns/prov#": "prov",
    "http://www.w3.org/ns/org#": "org",
    "http://purl.org/dc/terms/": "dcterms",
}
KINDS = [
    ("owl:Class", "Classes"),
    ("owl:ObjectProperty", "Object properties"),
    ("owl:DatatypeProperty", "Datatype properties"),
    ("owl:AnnotationProperty", "Annotation properties"),
]
MAX_ENTITIES = 12

CSS = """
body { font: 15px/1.5 "DejaVu Sans", system-ui, sans-serif; color: #1d2430; margin: 0;
       background: #fafbfc; }
header { background: #23395d; color: #fff; padding: 1.2em 2em; }
header h1 { margin: 0 0 .2em; font-size: 1.6em; }
header p { margin: 0; color: #cfd8e6; }
main { max-width: 1100px; margin: 0 auto; padding: 1em 2em 3em; }
nav ul { columns: 4; list-style: none; padding: 0; font-size: .9em; }
h2 { border-bottom: 2px solid #23395d; padding-bottom: .2em; margin-top: 2em; }
section.term { background: #fff; border: 1px solid #dde3ea; border-radius: 6px;
               padding: .6em 1em; margin: .8em 0; }
section.term h3 { margin: 0; font-size: 1.1em; }
section.term h3 code { color: #23395d; }
.labels { color: #555; font-size: .95em; margin-left: .5em; }
.fr { font-style: italic; color: #666; }
dl { display: grid; grid-template-columns: 9em 1fr; gap: .2em 1em; margin: .5em 0 0; }
dt { font-weight: bold; color: #4a5568; }
dd { margin: 0; }
code { font-family: "DejaVu Sans Mono", monospace; font-size: .92em; }
.unused { color: #999; }
footer { color: #777; font-size: .85em; margin-top: 3em; }
"""


def short(iri):
    for ns, name in PREFIXES.items():
        if iri.startswith(ns) and len(iri) > len(ns):
            return f"{name}:{iri[len(ns):]}"
    return f"<{iri}>"


def value(binding):
    return binding["value"] if binding else None


def anchor(iri):
    return "t-" + short(iri).replace(":", "-")


def main():
    terms_json, usage_json, output = sys.argv[1:4]
    terms = defaultdict(lambda: defaultdict(set))
    kinds = {}
    for row in json.load(open(terms_json))["results"]["bindings"]:
        iri = row["term"]["value"]
        kinds.setdefault(iri, short(row["kind"]["value"]))
        for key, binding in row.items():
            if key not in ("term", "kind"):
                terms[iri][key].add(binding["value"])
    usage = defaultdict(dict)
    for row in json.load(open(usage_json))["results"]["bindings"]:
        usage[row["term"]["value"]][row["entity"]["value"]] = value(row.get("label"))

    def link(iri):
        if iri in kinds:
            return f'<a href="#{anchor(iri)}"><code>{html.escape(short(iri))}</code></a>'
        return f"<code>{html.escape(short(iri))}</code>"

    body = []
    toc = []
    for kind, title in KINDS:
        # The ontology's own terms first, then the ones it reuses.
        members = sorted((i for i in kinds if kinds[i] == kind),
                         key=lambda i: (not short(i).startswith("qv:"), short(i).lower()))
        if not members:
            continue
        body.append(f'<h2 id="{kind.replace(":", "-")}">{title} ({len(members)})</h2>')
        toc.append(f'<li><a href="#{kind.replace(":", "-")}">{title}</a> ({len(members)})</li>')
        for iri in members:
            t = terms[iri]
            labels = " ".join(
                [html.escape(l) for l in sorted(t["label_en"])]
                + [f'<span class="fr" lang="fr">{html.escape(l)}</span>' for l in sorted(t["label_fr"])]
            )
            rows = []
            for key, name in (("comment_en", "Comment"), ("comment_fr", "Commentaire")):
                for text in sorted(t[key]):
                    lang = ' lang="fr" class="fr"' if key == "comment_fr" else ""
                    rows.append(f"<dt>{name}</dt><dd{lang}>{html.escape(text)}</dd>")
            for key, name in (("super", "Sub-term of"), ("domain", "Domain"), ("range", "Range"),
                              ("definedBy", "Defined by")):
                if t[key]:
                    rows.append(f"<dt>{name}</dt><dd>{', '.join(link(v) for v in sorted(t[key], key=short))}</dd>")
            used = usage.get(iri, {})
            if used:
                names = sorted(used, key=short)
                shown = [
                    f'<code title="{html.escape(e)}">{html.escape(short(e))}</code>'
                    + (f" ({html.escape(used[e])})" if used[e] else "")
                    for e in names[:MAX_ENTITIES]
                ]
                more = f" and {len(names) - MAX_ENTITIES} more" if len(names) > MAX_ENTITIES else ""
                rows.append(f"<dt>Used by</dt><dd>{len(names)}: {', '.join(shown)}{more}</dd>")
            else:
                rows.append('<dt>Used by</dt><dd class="unused">no article entity</dd>')
            body.append(
                f'<section class="term" id="{anchor(iri)}"><h3><code>{html.escape(short(iri))}</code>'
                f'<span class="labels">{labels}</span></h3><dl>{"".join(rows)}</dl></section>'
            )
    page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Quiver article ontology: reference</title>
<style>{CSS}</style></head>
<body><header><h1>Quiver article ontology</h1>
<p><code>https://quiver.example/ontology#</code> (prefix <code>qv:</code>): {len(kinds)} classes and
properties, with labels in English and <span lang="fr">français</span>, and the article entities
that use each.</p></header>
<main><nav><ul>{''.join(toc)}</ul></nav>
{''.join(body)}
<footer>Generated by <code>make -f Makefile.docs</code> from <code>ontology/quiver-article.ttl</code>
and <code>data/article.trig</code> with <code>quiver query</code> and
<code>docs/queries/ontology-*.rq</code>.</footer></main></body></html>
"""
    open(output, "w").write(page)


if __name__ == "__main__":
    main()
