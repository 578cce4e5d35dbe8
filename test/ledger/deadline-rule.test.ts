import { describe, expect, it } from 'vitest';
import { parseText, toLedger, type Section } from '../../src/index.js';
import { GANSU, JINCHANG, QINGYANG, WUWEI, YONGCHANG } from './helpers.js';

const flat = (ss: Section[]): Section[] => ss.flatMap((s) => [s, ...flat(s.children)]);

describe('one deadline rule: Section.deadline is the ledger’s due', () => {
  it('on every task of the corpus', async () => {
    let checked = 0;
    for (const r of [await GANSU(), await JINCHANG(), await QINGYANG(), await WUWEI(), await YONGCHANG()]) {
      const rows = toLedger(r, { kinds: 'all' });
      for (const [k, doc] of r.documents.entries())
        for (const s of flat(doc.sections)) {
          const row = rows.find((x) => x.document === k && x.path === s.path);
          if (!row) continue;
          expect([row.deadlineRaw, row.due], `${doc.title} ${s.path}`).toEqual([s.deadline?.raw, s.deadline?.date]);
          checked++;
        }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('of two dates in the text the later is the deadline (the earlier is a milestone), in the tree as in the ledger', async () => {
    const qingyang = (await QINGYANG()).documents[0];
    const s = flat(qingyang.sections).find((x) => x.path === '2.6')!;
    expect(s.deadlines.map((d) => d.raw)).toEqual(['2022年10月底前', '2022年年底前']);
    expect(s.deadline).toMatchObject({ raw: '2022年年底前', date: '2022-12-31', source: 'text', year: 2022 });
  });
});

describe('the grammar’s reading is kept in the tree', () => {
  const r = parseText(`某某县2023-2024年政务公开工作要点

一、强化公开
（一）更新目录。修订主动公开目录。（责任单位：县司法局，完成时限：上半年）
（二）定期通报。每季度通报检查情况。（责任单位：县政府办公室，完成时限：每季度）
（三）更新栏目。每周更新政务动态，2024年6月底前完成改版。（责任单位：县政府各部门、单位）
（四）开展培训。每月开展一次培训。（责任单位：县政府办公室）
`);
  const [a, b, c, d] = r.documents[0].sections[0].children;

  it('a period: from-month and its first day; no year written', () => {
    expect(a.deadline).toMatchObject({ raw: '上半年', kind: 'by', fromMonth: 1, from: '2024-01-01', date: '2024-06-30', source: 'clause' });
    expect(a.deadline?.year).toBeUndefined();
  });

  it('a recurrence in the clause is not repeated from the text', () => {
    expect(b.deadlines).toMatchObject([{ raw: '每季度', kind: 'continuous', every: 'quarter', source: 'clause' }]);
  });

  it('每周 in the text is a recurrence (the ledger used to drop it); the dated phrase is the deadline', () => {
    expect(c.deadlines.map((x) => [x.raw, x.kind, x.every ?? null, x.year ?? null])).toEqual([
      ['每周', 'continuous', 'week', null],
      ['2024年6月底前', 'by', null, 2024],
    ]);
    expect(c.deadline?.raw).toBe('2024年6月底前');
    const rows = toLedger(r);
    expect(rows[2].deadlines.map((x) => [x.raw, x.kind, x.every ?? null, x.due])).toEqual([
      ['每周', 'recurring', 'week', false],
      ['2024年6月底前', 'by', null, true],
    ]);
    expect(rows[2].diagnostics).toEqual([]); // the year is written: none assumed
  });

  it('only a recurrence: it is the deadline, in the tree and the ledger', () => {
    expect(d.deadline).toMatchObject({ raw: '每月', every: 'month', source: 'text' });
    expect(toLedger(r)[3]).toMatchObject({ deadlineRaw: '每月', deadlineKind: 'recurring' });
  });
});
