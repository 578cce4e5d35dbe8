// Dev aid: print a compact view of what the parser makes of a file.
import { parse } from '../../src/index.js';
const r = await parse(process.argv[2]);
for (const d of r.documents) {
  const { sections, diagnostics, ...rest } = d;
  console.log(JSON.stringify({ ...rest, preamble: rest.preamble?.slice(0, 30), notice: rest.notice && { ...rest.notice, body: rest.notice.body.slice(0, 20) } }));
  const walk = (ss: typeof sections, ind = '') =>
    ss.forEach((s) => {
      console.log(ind + s.path, s.marker, s.heading.slice(0, 20), '|L', s.lead.join('/'), '|R', s.responsible.join('/'), '|D', s.deadline?.raw ?? '', s.deadline?.date ?? '');
      walk(s.children, ind + '  ');
    });
  walk(sections);
  for (const g of diagnostics) console.log('  diag', g.code, g.message.slice(0, 80), g.text ?? '');
}
for (const g of r.diagnostics) console.log('diag', g.code, g.message.slice(0, 80), g.span?.line);
for (const u of r.unplaced) console.log('unplaced', u.span.line, u.text.slice(0, 30), u.reason);
