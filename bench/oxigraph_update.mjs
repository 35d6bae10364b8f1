// Oxigraph's in-memory store and store.update(), the peer of bench/update.sh:
//   node oxigraph_update.mjs [DATA.nt] UPDATE.ru
// prints `load <seconds> <triples>`, `update <seconds> <triples after>`.
import { readFileSync } from "node:fs";
import oxigraph from "oxigraph";

const args = process.argv.slice(2);
const store = new oxigraph.Store();
let t0 = process.hrtime.bigint();
if (args.length > 1) store.load(readFileSync(args[0], "utf8"), { format: "application/n-triples" });
let t1 = process.hrtime.bigint();
console.log(`load ${Number(t1 - t0) / 1e9} ${store.size}`);
const request = readFileSync(args[args.length - 1], "utf8");
t0 = process.hrtime.bigint();
store.update(request);
t1 = process.hrtime.bigint();
console.log(`update ${Number(t1 - t0) / 1e9} ${store.size}`);
