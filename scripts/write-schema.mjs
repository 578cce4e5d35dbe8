// Writes schema.json (the JSON Schema of ParseResult) from the zod schema in the built package.
import { writeFileSync } from 'node:fs';
import { z } from 'zod';
const { ParseResult } = await import('../dist/index.js');
const schema = z.toJSONSchema(ParseResult, { target: 'draft-2020-12', unrepresentable: 'any' });
schema.$id = 'https://unpkg.com/gongwen/schema.json';
schema.title = 'gongwen ParseResult';
writeFileSync(new URL('../schema.json', import.meta.url), JSON.stringify(schema, null, 2) + '\n');
console.log('wrote schema.json');
