/** Document-level differences: title, 文号, years, dates, issuer, recipients. */
import type { PolicyDocument } from '../schema/document.js';
import type { MetadataChange } from './schema.js';

type Value = string | string[] | undefined;

const yearsOf = (d: PolicyDocument) => (d.years ? (d.years.from === d.years.to ? `${d.years.from}` : `${d.years.from}-${d.years.to}`) : undefined);
const key = (v: Value) => (v === undefined ? '' : (Array.isArray(v) ? v.join('\u0000') : v).normalize('NFKC').replace(/\s+/g, '').replace(/[—–－]/g, '-'));

export function compareMetadata(a: PolicyDocument, b: PolicyDocument): MetadataChange[] {
  const fields: Array<[MetadataChange['field'], (d: PolicyDocument) => Value]> = [
    ['kind', (d) => d.kind],
    ['title', (d) => d.title],
    ['docNumber', (d) => d.docNumber?.normalized],
    ['years', yearsOf],
    ['issuer', (d) => d.issuer],
    ['region', (d) => d.region],
    ['signed', (d) => d.dates.signed],
    ['printed', (d) => d.dates.printed],
    ['published', (d) => d.dates.published],
    ['recipients', (d) => (d.recipients.length ? d.recipients : undefined)],
  ];
  const out: MetadataChange[] = [];
  for (const [field, get] of fields) {
    const o = get(a);
    const n = get(b);
    // Width, spacing and dash style (2023—2024 / 2023-2024) are not changes.
    if (key(o) === key(n)) continue;
    const c: MetadataChange = { field };
    if (o !== undefined) c.old = o;
    if (n !== undefined) c.new = n;
    out.push(c);
  }
  return out;
}
