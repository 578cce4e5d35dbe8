/**
 * Compare last year's plan with this year's: what was added, removed,
 * reworded, renumbered or moved, and whose units and deadlines changed.
 *
 *   npx tsx examples/diff-two-years.ts [old-file new-file]
 *
 * Without arguments it compares 永昌县 2024-2025 with 2025, both found in one
 * scraped page of the corpus.
 */
import { diffDocuments, parse, type PolicyDocument } from 'gongwen';

let oldDoc: PolicyDocument;
let newDoc: PolicyDocument;
if (process.argv.length >= 4) {
  oldDoc = (await parse(process.argv[2])).documents[0];
  newDoc = (await parse(process.argv[3])).documents[0];
} else {
  const page = await parse(new URL('../corpus/yongchang-site-scrape/source.txt', import.meta.url));
  const plan = (title: RegExp) => page.documents.find((d) => title.test(d.title))!;
  oldDoc = plan(/2024-2025年政务公开工作要点/);
  newDoc = plan(/^永昌县2025年政务公开工作要点/);
}

const result = diffDocuments(oldDoc, newDoc);
console.log(`${oldDoc.title}  →  ${newDoc.title}`);
const counts: Record<string, number> = {};
for (const item of result.items) counts[item.type] = (counts[item.type] ?? 0) + 1;
console.log(Object.entries(counts).map(([type, n]) => `${type} ${n}`).join(' · '));

for (const item of result.items) {
  if (item.type === 'unchanged') continue;
  const before = item.old.map((r) => `${r.marker}${r.heading}`).join(' + ') || '—';
  const after = item.new.map((r) => `${r.marker}${r.heading}`).join(' + ') || '—';
  console.log(`\n[${item.type}] ${before}  →  ${after}`);
  if (item.lead.substantive || item.responsible.substantive) {
    const units = [...item.lead.removed, ...item.responsible.removed].map((u) => `-${u}`).concat([...item.lead.added, ...item.responsible.added].map((u) => `+${u}`));
    console.log(`  units: ${units.join(' ')}`);
  }
  if (item.deadline.changed) console.log(`  deadline: ${item.deadline.old?.raw ?? '—'} → ${item.deadline.new?.raw ?? '—'}`);
}
