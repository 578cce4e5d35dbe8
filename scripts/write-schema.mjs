// Writes schema.json: the JSON Schema of ParseResult (root) and of every other
// exported result type (PlanDiff, LedgerRow, …) under $defs, from the zod schemas.
import { writeFileSync } from 'node:fs';
import { z } from 'zod';
const lib = await import('../dist/index.js');
const opts = { target: 'draft-2020-12', unrepresentable: 'any' };
const schema = z.toJSONSchema(lib.ParseResult, opts);
schema.$id = 'https://unpkg.com/gongwen/schema.json';
schema.title = 'gongwen ParseResult';
schema.$defs = schema.$defs ?? {};
for (const name of ['PolicyDocument', 'Section', 'Diagnostic', 'PlanDiff', 'LedgerRow', 'ConvertManifestEntry']) {
  if (lib[name] && typeof lib[name].parse === 'function') schema.$defs[name] = z.toJSONSchema(lib[name], opts);
}
writeFileSync(new URL('../schema.json', import.meta.url), JSON.stringify(schema, null, 2) + '\n');
console.log(`wrote schema.json (root ParseResult; $defs: ${Object.keys(schema.$defs).join(', ')})`);
