// The Oxigraph side of the differential tester: loads one N-Quads file into
// an in-memory store, then answers queries, one JSON-encoded query per
// stdin line, one JSON line per answer on stdout:
//   {"ok": true, "kind": "bindings", "vars": [...], "rows": [[term|null, ...], ...]}
//   {"ok": true, "kind": "boolean", "value": true}
//   {"ok": false, "error": "..."}
// Terms as {"type": "uri"|"bnode"|"literal", "value", "datatype", "lang"},
// the shape of SPARQL 1.1 JSON results, so both sides compare alike.
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import oxigraph from "oxigraph";

const store = new oxigraph.Store();
store.load(readFileSync(process.argv[2], "utf8"), { format: "application/n-quads" });

function term(t) {
  if (t === undefined || t === null) return null;
  switch (t.termType) {
    case "NamedNode": return { type: "uri", value: t.value };
    case "BlankNode": return { type: "bnode", value: t.value };
    case "Literal": {
      const out = { type: "literal", value: t.value };
      if (t.language) out.lang = t.language;
      else out.datatype = t.datatype.value;
      return out;
    }
    default: return { type: "other", value: String(t.value) };
  }
}

const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of lines) {
  if (!line) continue;
  const query = JSON.parse(line);
  let answer;
  try {
    const result = store.query(query, { use_default_graph_as_union: false });
    if (typeof result === "boolean") {
      answer = { ok: true, kind: "boolean", value: result };
    } else {
      const vars = new Set();
      const rows = [];
      for (const solution of result) {
        const row = {};
        for (const [name, value] of solution) {
          vars.add(name);
          row[name] = term(value);
        }
        rows.push(row);
      }
      answer = { ok: true, kind: "bindings", rows };
    }
  } catch (e) {
    answer = { ok: false, error: String(e && e.message ? e.message : e) };
  }
  process.stdout.write(JSON.stringify(answer) + "\n");
}
