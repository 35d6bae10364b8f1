// Loads one RDF file (N-Triples or Turtle, 1.1 or 1.2, as FORMAT says) into
// an in-memory Oxigraph store once, then runs each query file given,
// printing one line per step:
//   load <seconds> <quads>
//   query <name> <seconds> <rows> [<value> | <value>...]
//   peak_rss_mb <MiB>
// where the values of a one-row result follow its row count, sorted (so
// that a COUNT can be checked against another engine, not only its rows;
// a blank node is "_"). The file is read as bytes, not as one string: a
// reified WatDiv 1M is past V8's string limit. The load time includes
// reading the file, as Quiver's does.
// Used by bench/watdiv.sh and bench/watdiv12.sh to compare Quiver with
// Oxigraph in the same run.
//   node oxigraph_runner.mjs ntriples|turtle DATA [QUERY.rq...]
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import oxigraph from "oxigraph";

const formats = { ntriples: "application/n-triples", turtle: "text/turtle" };
const [format, dataPath, ...queryPaths] = process.argv.slice(2);
if (!formats[format]) throw new Error(`format must be ntriples or turtle, not ${format}`);
let peak = process.memoryUsage().rss;
const sample = () => { peak = Math.max(peak, process.memoryUsage().rss); };

let t0 = process.hrtime.bigint();
const store = new oxigraph.Store();
store.load(readFileSync(dataPath), { format: formats[format] });
let t1 = process.hrtime.bigint();
sample();
console.log(`load ${Number(t1 - t0) / 1e9} ${store.size}`);

for (const q of queryPaths) {
  const text = readFileSync(q, "utf8");
  t0 = process.hrtime.bigint();
  const result = store.query(text);
  const rows = Array.isArray(result) ? result.length : (result ? 1 : 0);
  t1 = process.hrtime.bigint();
  sample();
  const values = Array.isArray(result) && rows === 1 && result[0] instanceof Map
    ? [...result[0].values()].map((t) => (t.termType === "BlankNode" ? "_" : t.value)).sort() : [];
  console.log(`query ${basename(q, ".rq")} ${Number(t1 - t0) / 1e9} ${rows} ${values.join(" | ")}`.trimEnd());
}
console.log(`peak_rss_mb ${(peak / 1048576).toFixed(0)}`);
