// Loads an N-Triples file into an in-memory Oxigraph store once, then runs
// each query file given, printing one line per step:
//   load <seconds> <triples>
//   query <name> <seconds> <rows>
//   peak_rss_mb <MiB>
// Used by bench/watdiv.sh to compare Quiver with Oxigraph in the same run.
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import oxigraph from "oxigraph";

const [dataPath, ...queryPaths] = process.argv.slice(2);
let peak = process.memoryUsage().rss;
const sample = () => { peak = Math.max(peak, process.memoryUsage().rss); };

let t0 = process.hrtime.bigint();
const store = new oxigraph.Store();
store.load(readFileSync(dataPath, "utf8"), { format: "application/n-triples" });
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
  console.log(`query ${basename(q, ".rq")} ${Number(t1 - t0) / 1e9} ${rows}`);
}
console.log(`peak_rss_mb ${(peak / 1048576).toFixed(0)}`);
