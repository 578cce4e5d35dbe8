/** npm run diagrams: chevrotain syntax diagrams for every grammar, into grammars/diagrams/. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createSyntaxDiagramsCode } from 'chevrotain';
import { markerParser } from '../grammars/marker/marker.js';
import { docNumberParser } from '../grammars/doc-number/doc-number.js';
import { dateParser } from '../grammars/date/date.js';
import { deadlineParser } from '../grammars/deadline/deadline.js';
import { clauseParser } from '../grammars/clause/clause.js';

const out = new URL('../grammars/diagrams/', import.meta.url);
mkdirSync(out, { recursive: true });
const grammars = { marker: markerParser, 'doc-number': docNumberParser, date: dateParser, deadline: deadlineParser, clause: clauseParser };
for (const [name, parser] of Object.entries(grammars)) {
  // the page loads chevrotain's diagram renderer from a CDN when opened in a browser; nothing is fetched here
  const html = createSyntaxDiagramsCode(parser.getSerializedGastProductions());
  writeFileSync(new URL(`${name}.html`, out), html);
  console.log(`grammars/diagrams/${name}.html`);
}
