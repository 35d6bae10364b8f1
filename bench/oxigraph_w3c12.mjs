// Scores Oxigraph (npm, WebAssembly, in memory) on the W3C RDF 1.2 and
// SPARQL 1.2 test suites, so that bench/oxigraph_w3c12.sh can report its
// score beside the figures of Quiver's own runners (tests/w3c) from the same
// checkout of the suites (issue 13). Each test is judged as those runners
// judge it, or the two scores would not be comparable:
//   syntax tests    the input parses, or must not (the npm package has no
//                   parse-only call for SPARQL: a request runs on an empty
//                   store and only a parser error counts as not parsing);
//   RDF eval        the parsed quads, as a set, are isomorphic to the
//                   expected N-Triples / N-Quads;
//   C14N            Oxigraph's N-Triples / N-Quads writer, given the parsed
//                   quads in input order, writes the expected text byte for
//                   byte (Oxigraph promises no canonical form: this measures
//                   how close its writer comes to it);
//   query eval      results equal under one blank-node mapping, row by row
//                   when the query has ORDER BY, language tags ignoring case;
//   update eval     the resulting dataset isomorphic to the expected one.
// Manifests are read with Oxigraph itself, following mf:include, so the RDF
// 1.1 suites the RDF 1.2 manifests include are scored too.
//   node oxigraph_w3c12.mjs SUITES_DIR
// Prints `<manifest folder>: N passed, N failed`, totals by kind of test, and
// each failing test with a one-line reason. It reports; it never asserts.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { basename, dirname, extname, join, posix, relative } from "node:path";
import { pathToFileURL } from "node:url";
import ox from "oxigraph";

const root = process.argv[2];
// RDF/XML too, since w3c_rdf runs the RDF 1.1 RDF/XML suite; rdf-semantics
// is left out, as there (entailment, not parsing).
const TOP = ["rdf/rdf12/rdf-n-triples", "rdf/rdf12/rdf-n-quads", "rdf/rdf12/rdf-turtle",
  "rdf/rdf12/rdf-trig", "rdf/rdf12/rdf-xml", "sparql/sparql12"];
const MF = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#";
const RDFT = "http://www.w3.org/ns/rdftest#";
const QT = "http://www.w3.org/2001/sw/DataAccess/tests/test-query#";
const UT = "http://www.w3.org/2009/sparql/tests/test-update#";
const RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
const RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label";
const XSD_STRING = "http://www.w3.org/2001/XMLSchema#string";
const SRJ = "application/sparql-results+json";
const FORMATS = { nt: "application/n-triples", nq: "application/n-quads", ttl: "text/turtle",
  trig: "application/trig", rdf: "application/rdf+xml" };
const RDF_FORMATS = { NTriples: "nt", NQuads: "nq", Turtle: "ttl", Trig: "trig", XML: "rdf" };

// ---- manifests ------------------------------------------------------------

// Read as Quiver's runner reads them: with base <mf:assumedTestBase><file>
// when declared (the IRIs the tests' expected results were written against),
// else the file's own file: IRI.
function loadManifest(path) {
  const text = readFileSync(path, "utf8");
  let base = pathToFileURL(path).href;
  let store = new ox.Store();
  store.load(text, { format: FORMATS.ttl, base_iri: base });
  const assumed = store.query(`SELECT ?b { ?m <${MF}assumedTestBase> ?b }`)[0]?.get("b");
  if (assumed) {
    base = new URL(basename(path), assumed.value).href;
    store = new ox.Store();
    store.load(text, { format: FORMATS.ttl, base_iri: base });
  }
  return { path, dir: dirname(path), base, store };
}

// The file an IRI of manifest `m` names, by its place relative to the base.
function localPath(m, iri) {
  const a = new URL(iri), b = new URL(m.base);
  if (a.origin !== b.origin) throw new Error(`<${iri}> is outside the suite`);
  return join(m.dir, decodeURIComponent(posix.relative(posix.dirname(b.pathname), a.pathname)));
}

// The tests in list order: a cell's position is the number of cells up to it.
function entries(m) {
  return m.store.query(`PREFIX mf: <${MF}> PREFIX rdf: <${RDF}>
    SELECT ?test ?type ?name ?action ?result (COUNT(?before) AS ?position) WHERE {
      ?m mf:entries/rdf:rest* ?before . ?before rdf:rest* ?cell . ?cell rdf:first ?test .
      ?test a ?type .
      OPTIONAL { ?test mf:name ?name } OPTIONAL { ?test mf:action ?action }
      OPTIONAL { ?test mf:result ?result }
    } GROUP BY ?test ?type ?name ?action ?result ORDER BY ?position`)
    .map((e) => ({ type: e.get("type").value, name: e.get("name")?.value ?? e.get("test").value,
      action: e.get("action"), result: e.get("result") }));
}

const includes = (m) => m.store.query(
  `SELECT ?i { ?m <${MF}include>/<${RDF}rest>*/<${RDF}first> ?i }`).map((r) => r.get("i").value);
// Actions and results of SPARQL tests are blank nodes, which a query cannot name.
const objects = (m, node, p) => m.store.match(node, ox.namedNode(p), null, null).map((q) => q.object);

// ---- terms and comparison -------------------------------------------------

// One plain shape for terms from RDF/JS, SPARQL JSON and SPARQL XML results.
const iri = (v) => ({ t: "iri", v });
const blank = (v) => ({ t: "bnode", v });
const literal = (v, dt, lang, dir) => ({ t: "literal", v, dt: dt ?? XSD_STRING, lang, dir });
const triple = (s, p, o) => ({ t: "triple", s, p, o });

function fromRdfjs(t) {
  switch (t.termType) {
    case "NamedNode": return iri(t.value);
    case "BlankNode": return blank(t.value);
    case "Literal": return literal(t.value, t.datatype.value, t.language, t.direction);
    case "Quad": return triple(fromRdfjs(t.subject), fromRdfjs(t.predicate), fromRdfjs(t.object));
    default: return { t: "default" };
  }
}
const quadRow = (q) => [q.subject, q.predicate, q.object, q.graph].map(fromRdfjs);

function fromSrj(x) {
  if (x === undefined) return null;
  switch (x.type) {
    case "uri": return iri(x.value);
    case "bnode": return blank(x.value);
    case "triple": return triple(fromSrj(x.value.subject), fromSrj(x.value.predicate), fromSrj(x.value.object));
    default: return literal(x.value, x.datatype, x["xml:lang"], x["its:dir"]);
  }
}

// Just enough XML for the suites' .srx files: elements, attributes, text.
function readXml(text) {
  const unescape = (s) => s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (_, e) =>
    e[0] === "#" ? String.fromCodePoint(Number(e.slice(1).replace(/^x/i, "0x")))
      : { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" }[e]);
  const top = { children: [] }, stack = [top];
  const token = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<(\/?)([\w:.-]+)([^>]*?)(\/?)>|([^<]+)/g;
  for (const [, close, tag, attrs, empty, chars] of text.matchAll(token)) {
    const here = stack.at(-1);
    if (chars !== undefined) here.text = (here.text ?? "") + unescape(chars);
    else if (close) stack.pop();
    else if (tag) {
      const pairs = [...attrs.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)];
      const el = { tag: tag.replace(/^\w+:/, ""), children: [],
        attrs: Object.fromEntries(pairs.map((a) => [a[1], unescape(a[2] ?? a[3])])) };
      here.children.push(el);
      if (!empty) stack.push(el);
    }
  }
  return top.children[0];
}

function fromSrx(el) {
  const part = (name) => fromSrx(el.children.find((c) => c.tag === name).children[0]);
  switch (el.tag) {
    case "uri": return iri(el.text ?? "");
    case "bnode": return blank(el.text ?? "");
    case "triple": return triple(part("subject"), part("predicate"), part("object"));
    default: return literal(el.text ?? "", el.attrs.datatype, el.attrs["xml:lang"], el.attrs["its:dir"]);
  }
}

function srxResults(text) {
  const doc = readXml(text), child = (el, tag) => el.children.filter((c) => c.tag === tag);
  const vars = child(child(doc, "head")[0], "variable").map((v) => v.attrs.name);
  const answer = child(doc, "boolean")[0];
  if (answer) return { vars, boolean: answer.text.trim() === "true" };
  const rows = child(child(doc, "results")[0], "result").map((r) => {
    const bound = new Map(child(r, "binding").map((b) => [b.attrs.name, fromSrx(b.children[0])]));
    return vars.map((v) => bound.get(v) ?? null);
  });
  return { vars, rows };
}

function srjResults(doc) {
  const vars = doc.head.vars ?? [];
  if (typeof doc.boolean === "boolean") return { vars, boolean: doc.boolean };
  return { vars, rows: doc.results.bindings.map((b) => vars.map((v) => fromSrj(b[v]))) };
}

// `name` says how a blank node is written: the key is the term's identity.
function key(t, name) {
  if (t == null) return "UNDEF";
  switch (t.t) {
    case "iri": return `<${t.v}>`;
    case "bnode": return name(t.v);
    case "literal":
      return JSON.stringify(t.v) + (t.lang ? `@${t.lang.toLowerCase()}--${t.dir ?? ""}` : `^^${t.dt}`);
    case "triple": return `<<( ${key(t.s, name)} ${key(t.p, name)} ${key(t.o, name)} )>>`;
    default: return "DEFAULT";
  }
}
const rowKey = (row, name) => row.map((t) => key(t, name)).join(" ");
const blanksOf = (t) => t?.t === "bnode" ? [t.v] : t?.t === "triple" ? [t.s, t.o].flatMap(blanksOf) : [];
const rowBlanks = (row) => [...new Set(row.flatMap(blanksOf))];
const counts = (keys) => keys.reduce((c, k) => c.set(k, (c.get(k) ?? 0) + 1), new Map());
const sameCounts = (a, b) => a.size === b.size && [...a].every(([k, n]) => b.get(k) === n);
const asSet = (rows) => [...new Map(rows.map((r) => [rowKey(r, (x) => "_:" + x), r])).values()];

// Colour refinement: a blank node's colour hashes the rows it occurs in, the
// others there written as their colour of the round before. Both sides get
// the same number of rounds, so that colours mean the same on both.
function colours(rows, rounds = 6) {
  let colour = new Map(rows.flatMap(rowBlanks).map((x) => [x, ""]));
  for (let i = 0; i < rounds; i++) {
    const rowsOf = new Map([...colour.keys()].map((x) => [x, []]));
    for (const r of rows) {
      for (const x of rowBlanks(r)) {
        rowsOf.get(x).push(rowKey(r, (z) => (z === x ? "_:self" : "_:" + colour.get(z))));
      }
    }
    const hash = (keys) => createHash("sha1").update(keys.sort().join("\n")).digest("hex");
    colour = new Map([...rowsOf].map(([x, keys]) => [x, hash(keys)]));
  }
  return colour;
}

// Rows as multisets, equal under one blank-node bijection. The search maps
// blank nodes of equal colour only and checks each row of `a` as soon as its
// blank nodes are all mapped; like Quiver's, it gives up (unequal) past 1e6 tries.
function isomorphic(a, b) {
  if (a.length !== b.length) return false;
  const ca = colours(a), cb = colours(b);
  if (ca.size !== cb.size) return false;
  const want = counts(b.map((r) => rowKey(r, (x) => "_:" + x)));
  const rowsOf = new Map([...ca.keys()].map((x) => [x, []]));
  for (const r of a) for (const x of rowBlanks(r)) rowsOf.get(x).push(r);
  const order = [...ca.keys()], map = new Map(), used = new Set();
  const name = (x) => "_:" + map.get(x);
  let tries = 0;
  const search = (i) => {
    if (i === order.length) return sameCounts(counts(a.map((r) => rowKey(r, name))), want);
    const x = order[i];
    for (const [y, c] of cb) {
      if (used.has(y) || c !== ca.get(x) || ++tries > 1e6) continue;
      map.set(x, y);
      used.add(y);
      const fits = rowsOf.get(x).every((r) =>
        !rowBlanks(r).every((z) => map.has(z)) || want.has(rowKey(r, name)));
      if (fits && search(i + 1)) return true;
      map.delete(x);
      used.delete(y);
    }
    return false;
  };
  return search(0);
}

// A one-line hint at what differs, blank nodes written `_:*`.
function differs(what, a, b) {
  const shapes = (rows) => counts(rows.map((r) => rowKey(r, () => "_:*")));
  const ka = shapes(a), kb = shapes(b);
  const missing = [...kb.keys()].filter((k) => (ka.get(k) ?? 0) < kb.get(k));
  const extra = [...ka.keys()].filter((k) => (kb.get(k) ?? 0) < ka.get(k));
  return `${what} differs (${a.length} rows, expected ${b.length})` +
    (missing.length ? `; missing ${missing[0]}` : "") + (extra.length ? `; unexpected ${extra[0]}` : "");
}

function compareResults(actual, expected, ordered) {
  if (actual.graph || expected.graph) {
    if (!actual.graph || !expected.graph) return "one result is a graph, the other is not";
    const a = asSet(actual.graph), e = asSet(expected.graph);
    return isomorphic(a, e) ? null : differs("graph", a, e);
  }
  if ("boolean" in expected || "boolean" in actual) {
    if (actual.boolean === expected.boolean) return null;
    return `ASK answered ${actual.boolean}, expected ${expected.boolean}`;
  }
  const vars = [...new Set(expected.vars)].sort();
  if (vars.join(" ") !== [...new Set(actual.vars)].sort().join(" ")) {
    return `variables ${actual.vars.join(" ")}, expected ${expected.vars.join(" ")}`;
  }
  // Row i against row i, under one mapping: the row's index becomes a column.
  const columns = (r) => r.rows.map((row, i) => [
    ...(ordered ? [iri(`row:${i}`)] : []), ...vars.map((v) => row[r.vars.indexOf(v)])]);
  const a = columns(actual), e = columns(expected);
  return isomorphic(a, e) ? null : differs(ordered ? "ordered result" : "result", a, e);
}

// ---- judging --------------------------------------------------------------

const formatOf = (path) => FORMATS[extname(path).slice(1)] ?? FORMATS.ttl;
// Bytes, not text: decoding would hide invalid UTF-8 from negative tests.
const bytes = (path) => new Uint8Array(readFileSync(path));

function parseFile(path, format, base) {
  try {
    return { quads: ox.parse(bytes(path), { format, base_iri: base }) };
  } catch (e) {
    return { error: e.message };
  }
}

function judgeRdf(m, test, format, kind) {
  const actionIri = test.action.value;
  const got = parseFile(localPath(m, actionIri), format, actionIri);
  if (kind.startsWith("Negative")) {
    return got.error ? null : `parsed (${got.quads.length} quads) but must fail`;
  }
  if (got.error) return `parse failed: ${got.error}`;
  if (kind === "PositiveSyntax") return null;
  const resultPath = localPath(m, test.result.value);
  if (kind === "PositiveC14N") {
    // One store per quad, so that the input order and duplicates are kept.
    const written = got.quads.map((q) => new ox.Store([q]).dump(format === FORMATS.nt
      ? { format, from_graph_name: ox.defaultGraph() } : { format })).join("");
    const expected = readFileSync(resultPath, "utf8");
    if (written === expected) return null;
    return `wrote ${JSON.stringify(written)}, expected ${JSON.stringify(expected)}`;
  }
  const want = parseFile(resultPath, formatOf(resultPath), test.result.value);
  if (want.error) return `cannot read the expected result: ${want.error}`;
  const a = asSet(got.quads.map(quadRow)), e = asSet(want.quads.map(quadRow));
  return isomorphic(a, e) ? null : differs("graph", a, e);
}

// A parse error from Oxigraph's SPARQL parser reads `error at L:C: ...`;
// anything else was thrown by the evaluation, after the request parsed.
function judgeSparqlSyntax(m, test, mustParse, isUpdate) {
  const iri = test.action.value;
  const text = readFileSync(localPath(m, iri), "utf8");
  let error = null;
  try {
    if (isUpdate) new ox.Store().update(text, { base_iri: iri });
    else new ox.Store().query(text, { base_iri: iri });
  } catch (e) {
    if (/^error at \d+:\d+/.test(e.message)) error = e.message;
  }
  if (mustParse) return error && `parse failed: ${error}`;
  return error ? null : "parsed but must fail";
}

function load(store, m, iri, graph) {
  const path = localPath(m, iri);
  const into = graph ? { to_graph_name: graph } : {};
  store.load(bytes(path), { format: formatOf(path), base_iri: iri, ...into });
}

function readExpected(m, resultIri) {
  const path = localPath(m, resultIri), ext = extname(path);
  if (ext === ".srj") return srjResults(JSON.parse(readFileSync(path, "utf8")));
  if (ext === ".srx") return srxResults(readFileSync(path, "utf8"));
  if ([".ttl", ".nt", ".rdf"].includes(ext)) {
    return { graph: ox.parse(bytes(path), { format: formatOf(path), base_iri: resultIri }).map(quadRow) };
  }
  throw new Error(`expected results in ${ext} are not read here`);
}

// SELECT and ASK answers go through Oxigraph's JSON results writer, the one
// way to learn the projected variables; a CONSTRUCT or DESCRIBE has no such
// format and is run again for its triples.
function judgeQuery(m, test) {
  const queryIri = objects(m, test.action, QT + "query")[0].value;
  const text = readFileSync(localPath(m, queryIri), "utf8");
  const store = new ox.Store();
  for (const d of objects(m, test.action, QT + "data")) load(store, m, d.value);
  for (const g of objects(m, test.action, QT + "graphData")) load(store, m, g.value, ox.namedNode(g.value));
  let actual;
  try {
    actual = srjResults(JSON.parse(store.query(text, { base_iri: queryIri, results_format: SRJ })));
  } catch (e) {
    if (!/Not supported RDF format/.test(e.message)) return `query failed: ${e.message}`;
    actual = { graph: store.query(text, { base_iri: queryIri }).map(quadRow) };
  }
  return compareResults(actual, readExpected(m, test.result.value), orderedQuery(text));
}

// Ordered as Quiver's runner orders: when the query itself has ORDER BY, at
// brace depth 0 once comments, strings and IRIs are blanked; a subquery's
// ORDER BY leaves the outer result unordered.
function orderedQuery(text) {
  const plain = text.replace(/#[^\n]*|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|<[^<>\s]*>/g, " ");
  let depth = 0, top = "";
  for (const c of plain) {
    if (c === "{") depth++;
    else if (c === "}") depth--;
    else if (depth === 0) top += c;
  }
  return /\bORDER\s+BY\b/i.test(top);
}

// ut:data into the default graph, each ut:graphData into the graph its rdfs:label names.
function loadState(store, m, node) {
  for (const d of objects(m, node, UT + "data")) load(store, m, d.value);
  for (const g of objects(m, node, UT + "graphData")) {
    const file = objects(m, g, UT + "graph")[0], label = objects(m, g, RDFS_LABEL)[0];
    load(store, m, file.value, ox.namedNode(label.value));
  }
  return store;
}

function judgeUpdate(m, test) {
  const requestIri = objects(m, test.action, UT + "request")[0].value;
  const store = loadState(new ox.Store(), m, test.action);
  const mustFail = objects(m, test.result, UT + "result").some((r) => r.value === UT + "failure");
  try {
    store.update(readFileSync(localPath(m, requestIri), "utf8"), { base_iri: requestIri });
  } catch (e) {
    return mustFail ? null : `update failed: ${e.message}`;
  }
  if (mustFail) return "succeeded but must fail";
  const a = asSet(store.match().map(quadRow));
  const e = asSet(loadState(new ox.Store(), m, test.result).match().map(quadRow));
  return isomorphic(a, e) ? null : differs("dataset", a, e);
}

// The kind a test is tallied under, and its judge; none for types not judged.
function judgeOf(type) {
  const local = type.replace(/^.*[#/]/, "");
  let t = type.startsWith(RDFT) && local.match(
    /^Test(NTriples|NQuads|Turtle|Trig|XML)(PositiveSyntax|NegativeSyntax|Eval|NegativeEval|PositiveC14N)$/);
  if (t) {
    const [, syntax, kind] = t;
    const tally = kind === "PositiveC14N" ? "RDF C14N" : kind.endsWith("Syntax") ? "RDF syntax" : "RDF eval";
    return [tally, (m, test) => judgeRdf(m, test, FORMATS[RDF_FORMATS[syntax]], kind)];
  }
  t = type.startsWith(MF) && local.match(/^(Positive|Negative)(Update)?SyntaxTest(11)?$/);
  if (t) {
    const [, sign, update] = t;
    return [`SPARQL ${update ? "update" : "query"} syntax`,
      (m, test) => judgeSparqlSyntax(m, test, sign === "Positive", !!update)];
  }
  if (type === MF + "QueryEvaluationTest") return ["SPARQL query eval", judgeQuery];
  if (type === MF + "UpdateEvaluationTest") return ["SPARQL update eval", judgeUpdate];
  return [null, null];
}

// ---- run and report -------------------------------------------------------

// { suite, name, kind, failure, type }: failure null when passed, kind null when not judged.
const outcomes = [];
const seen = new Set();

function runManifest(path) {
  if (seen.has(path)) return;
  seen.add(path);
  const suite = relative(root, dirname(path));
  const m = loadManifest(path);
  for (const test of entries(m)) {
    const [kind, judge] = judgeOf(test.type);
    let failure = null;
    try {
      if (judge) failure = judge(m, test);
    } catch (e) {
      failure = `error: ${e.message}`;
    }
    outcomes.push({ suite, name: test.name, kind, failure, type: test.type });
  }
  for (const include of includes(m)) runManifest(localPath(m, include));
}

for (const top of TOP) runManifest(join(root, top, "manifest.ttl"));

function tally(by) {
  const t = new Map();
  for (const o of outcomes) {
    const n = t.get(by(o)) ?? { passed: 0, failed: 0, other: new Set() };
    if (!o.kind) n.other.add(o.type.replace(/^.*[#/]/, ""));
    else n[o.failure ? "failed" : "passed"]++;
    t.set(by(o), n);
  }
  for (const [k, n] of [...t].sort(([a], [b]) => String(a).localeCompare(String(b)))) {
    const other = n.other.size ? ` (not judged: ${[...n.other].join(", ")})` : "";
    if (k) console.log(`${k}: ${n.passed} passed, ${n.failed} failed${other}`);
  }
}
tally((o) => o.suite);
console.log("\nby kind of test:");
tally((o) => o.kind);
tally(() => "total");
console.log("\nfailing:");
// By manifest folder, as above: includes come in no fixed order.
const failing = outcomes.filter((o) => o.kind && o.failure).sort((a, b) => a.suite.localeCompare(b.suite));
for (const o of failing) {
  console.log(`  ${o.suite} | ${o.name}: ${o.failure.split("\n")[0]}`);
}
