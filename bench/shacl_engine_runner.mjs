// shacl-engine (npm) on one shapes file and one data file (N-Triples or Turtle), with
// its SPARQL plugin: prints the time to read the data, the time to
// validate, and the number of results, for bench/shacl.sh.
//   node shacl_engine_runner.mjs SHAPES.ttl DATA.nt
import fs from 'node:fs'
import { performance } from 'node:perf_hooks'
import N3 from 'n3'
import rdf from 'rdf-ext'
import { Validator } from 'shacl-engine'
import { targetResolvers, validations } from 'shacl-engine/sparql.js'

async function read (path, format) {
  const dataset = rdf.dataset()
  const parser = new N3.StreamParser({ format })
  fs.createReadStream(path).pipe(parser)
  for await (const quad of parser) dataset.add(quad)
  return dataset
}

const [shapesPath, dataPath] = process.argv.slice(2)
const t0 = performance.now()
const shapes = await read(shapesPath, 'text/turtle')
const data = await read(dataPath, dataPath.endsWith('.nt') ? 'application/n-triples' : 'text/turtle')
const t1 = performance.now()
const validator = new Validator(shapes, { factory: rdf, targetResolvers, validations })
const report = await validator.validate({ dataset: data })
const t2 = performance.now()
console.log(JSON.stringify({
  read_s: (t1 - t0) / 1000,
  validate_s: (t2 - t1) / 1000,
  conforms: report.conforms,
  results: report.results.length
}))
