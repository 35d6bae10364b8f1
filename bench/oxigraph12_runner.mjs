// Loads one RDF file (N-Triples 1.2 or Turtle 1.2, as FORMAT says) into an
// in-memory Oxigraph store once, then runs each query file given, printing
// one line per step:
//   load <seconds> <quads>
//   query <name> <seconds> <rows> [<value> | <value>...]
// where the values of a one-row result follow its row count, sorted (so
// that a COUNT can be checked against another engine, not only its rows;
// a blank node is "_").
// Used by bench/watdiv12.sh (RDF 1.2 WatDiv, issue 13). The file is read as
// bytes, not as one string: a reified WatDiv 1M is past V8's string limit.
//   node oxigraph12_runner.mjs ntriples|turtle DATA [QUERY.rq...]
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import oxigraph from "oxigraph";

const formats = { ntriples: "application/n-triples", turtle: "text/turtle" };
const [format, dataPath, ...queryPaths] = process.argv.slice(2);
if (!formats[format]) throw new Error(`format must be ntriples or turtle, not ${format}`);

const bytes = readFileSync(dataPath);
let t0 = process.hrtime.bigint();
const store = new oxigraph.Store();
store.load(bytes, { format: formats[format] });
let t1 = process.hrtime.bigint();
console.log(`load ${Number(t1 - t0) / 1e9} ${store.size}`);

for (const q of queryPaths) {
  const text = readFileSync(q, "utf8");
  t0 = process.hrtime.bigint();
  const result = store.query(text);
  const rows = Array.isArray(result) ? result.length : (result ? 1 : 0);
  t1 = process.hrtime.bigint();
  const values = Array.isArray(result) && rows === 1 && result[0] instanceof Map
    ? [...result[0].values()].map((t) => (t.termType === "BlankNode" ? "_" : t.value)).sort() : [];
  console.log(`query ${basename(q, ".rq")} ${Number(t1 - t0) / 1e9} ${rows} ${values.join(" | ")}`.trimEnd());
}
