import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { parse } from '../../src/index.js';
import { CORPUS_DIR } from '../../scripts/lib/corpus.js';

// The scrape's known defects (MANIFEST.md and a reading of the page) must each
// come out as a diagnostic whose span points at the defect in the source.
const file = join(CORPUS_DIR, 'yongchang-site-scrape', 'source.txt');
const source = readFileSync(file, 'utf8');

describe('diagnostics on the Yongchang web scrape', async () => {
  const r = await parse(file);
  const plan2425 = r.documents.find((d) => d.title === '永昌县2024-2025年政务公开工作要点')!;
  const at = (code: string) => plan2425.diagnostics.filter((d) => d.code === code);

  it('the garbled 文号 is read and reported, at line 243', () => {
    expect(plan2425.docNumber).toMatchObject({ raw: '永政办发2024〕66号', prefix: '永政办发', year: 2024, serial: 66, normalized: '永政办发〔2024〕66号' });
    const [d] = at('DOC_NUMBER_REPAIRED');
    expect(d.span?.line).toBe(243);
    expect(source.slice(d.span!.start, d.span!.end).trim()).toBe('永政办发2024〕66号');
  });

  it('the garbled date 2024年72 gives no date and a diagnostic at line 253', () => {
    expect(plan2425.dates.signed).toBeUndefined();
    expect(plan2425.notice?.date).toBeUndefined();
    const [d] = at('DATE_GARBLED');
    expect(d.span?.line).toBe(253);
    expect(d.text).toBe('2024年72');
  });

  it('three （二十） stay three items; the two repeats are reported where they stand', () => {
    const last = plan2425.sections[4].children;
    expect(last.map((s) => [s.marker, s.ordinal, s.path])).toEqual([
      ['(二十)', 20, '5.1'],
      ['(二十)', 20, '5.2'],
      ['(二十)', 20, '5.3'],
    ]);
    expect(at('DUPLICATE_ORDINAL').map((d) => d.span?.line)).toEqual([312, 314]);
  });

  it('a clause label without its colon and truncated unit names are flagged', () => {
    expect(at('CLAUSE_LABEL_MISSING_COLON')).toHaveLength(1);
    expect(new Set(at('UNIT_SUSPECT').map((d) => d.text))).toEqual(new Set(['发改', '税务', '卫健', '数据']));
  });

  it('the repeated 通报 is emitted once, its repeat reported with its span', () => {
    const dup = r.diagnostics.filter((d) => d.code === 'DUPLICATE_DOCUMENT');
    expect(dup).toHaveLength(1);
    expect(dup[0].span?.line).toBe(390);
    const tongbao = r.documents.filter((d) => d.title.includes('全县政府信息公开与政务新媒体检查情况的通报'));
    expect(tongbao).toHaveLength(1);
    expect(tongbao[0].duplicates.map((s) => s.line)).toEqual([390]);
  });

  it('navigation junk is unplaced, with reasons, not in any document', () => {
    const lines = r.unplaced.map((u) => u.span.line);
    for (const l of [1, 13, 177, 182, 470, 473]) expect(lines).toContain(l);
    expect(r.documents.map((d) => d.kind)).toEqual(['指南', '工作要点', '工作要点', '通报', '通报', '通报']);
  });
});
