import { describe, expect, it } from 'vitest';
import { parseText, toLedger } from '../../src/index.js';
import { resolveDeadline1 } from '../../src/ledger/deadlines.js';
import { GANSU, QINGYANG, WUWEI, YONGCHANG } from './helpers.js';

describe('Wuwei 2023: every item has its deadline kind right', () => {
  it('matches the 完成时限 of each of the 17 items', async () => {
    const rows = toLedger(await WUWEI());
    // From corpus/wuwei-2023-gongkai-fangan/source.txt, the 完成时限 of (一)…(十七) in order.
    const expected: Array<[string, string, string | undefined]> = [
      ['1.1', 'ongoing', undefined], // （一）长期坚持
      ['1.2', 'ongoing', undefined], // （二）长期坚持
      ['1.3', 'continuous', undefined], // （三）及时发布
      ['2.1', 'continuous', undefined], // （四）及时发布
      ['2.2', 'ongoing', undefined], // （五）长期坚持
      ['2.3', 'continuous', undefined], // （六）及时发布
      ['2.4', 'ongoing', undefined], // （七）长期坚持
      ['3.1', 'ongoing', undefined], // (八)长期坚持
      ['3.2', 'ongoing', undefined], // (九)长期坚持, clause split by a page break
      ['4.1', 'by', '2023-10-31'], // (十)2023年10月底前
      ['4.2', 'by', '2023-10-31'], // (十一)2023年10月底前
      ['4.3', 'ongoing', undefined], // (十二)长期坚持
      ['4.4', 'ongoing', undefined], // （十三）长期坚持
      ['5.1', 'by', '2023-11-30'], // （十四）2023年11月底前
      ['5.2', 'ongoing', undefined], // （十五）长期坚持
      ['5.3', 'ongoing', undefined], // （十六）长期坚持
      ['5.4', 'by', '2023-12-31'], // （十七）2023年12月底前
    ];
    expect(rows.map((r) => [r.path, r.deadlineKind, r.due])).toEqual(expected);
    for (const r of rows) {
      expect(r.deadlines.filter((d) => d.due)).toHaveLength(1);
      expect(r.deadlines[0].source).toBe('clause');
    }
  });
});

describe('deadlines in the task text', () => {
  it('Qingyang 2022: 年底前 is the plan year; of two dates the later is due, both kept', async () => {
    const rows = toLedger(await QINGYANG());
    const at = (p: string) => rows.find((r) => r.path === p)!;
    // （一） second paragraph: "各部门年底前建立…"
    expect(at('1.1').deadlines).toMatchObject([{ raw: '年底前', kind: 'by', date: '2022-12-31', source: 'text', due: true }]);
    // （十一）: "2022年10月底前…" then "2022年年底前建立相应专题集中公开栏目"
    expect(at('2.6').deadlines.map((d) => [d.raw, d.date, d.due])).toEqual([
      ['2022年10月底前', '2022-10-31', false],
      ['2022年年底前', '2022-12-31', true],
    ]);
    expect(at('2.6').due).toBe('2022-12-31');
    // （九）: "于2022年6月底前…"
    expect(at('2.4')).toMatchObject({ due: '2022-06-30', deadlineKind: 'by', deadlineRaw: '2022年6月底前' });
    // （二十四）–（二十六): no clause, no date
    expect(at('7.1').deadlines).toEqual([]);
    expect(at('7.1').due).toBeUndefined();
  });

  it("Gansu 2020 task 3: 2020年8月底前 (省级部门) and 年底前 (publication) — the due date follows the rule", async () => {
    // years are null (title has no year): year-less 年底前 takes the 文号 year 2020
    const latest = toLedger(await GANSU()).find((r) => r.path === '2.1.3')!;
    expect(latest.deadlines.map((d) => [d.raw, d.date, d.due])).toEqual([
      ['2020年8月底前', '2020-08-31', false],
      ['年底前', '2020-12-31', true],
    ]);
    const first = toLedger(await GANSU(), { due: 'first' }).find((r) => r.path === '2.1.3')!;
    expect(first.due).toBe('2020-08-31');
  });

  it('Yongchang 2024-2025 (一): 2025年2月底前 written in the text', async () => {
    const rows = toLedger(await YONGCHANG());
    const r = rows.find((x) => x.title === '永昌县2024-2025年政务公开工作要点' && x.path === '1.1')!;
    expect(r).toMatchObject({ due: '2025-02-28', deadlineKind: 'by', deadlineRaw: '2025年2月底前' });
    expect(r.diagnostics).toEqual([]); // it names its year, so no year is assumed
  });
});

describe('deadline forms', () => {
  const years = { year: 2023, from: 2023, to: 2023 };
  it.each([
    ['2023年10月底前', { kind: 'by', date: '2023-10-31' }],
    ['年底前', { kind: 'by', date: '2023-12-31' }],
    ['2025年2月底前', { kind: 'by', date: '2025-02-28' }],
    ['年内', { kind: 'by', date: '2023-12-31' }],
    ['长期坚持', { kind: 'ongoing' }],
    ['及时发布', { kind: 'continuous' }],
    ['上半年', { kind: 'within', from: '2023-01-01', to: '2023-06-30', date: '2023-06-30' }],
    ['第三季度', { kind: 'within', from: '2023-07-01', to: '2023-09-30', date: '2023-09-30' }],
    ['三季度末', { kind: 'by', date: '2023-09-30' }],
    ['每季度', { kind: 'recurring', every: 'quarter', from: '2023-01-01', to: '2023-12-31' }],
    ['看情况', { kind: 'unknown' }],
  ])('%s', (raw, want) => {
    const d = resolveDeadline1({ raw, source: 'clause' }, years);
    expect(d).toMatchObject({ raw, source: 'clause', ...want });
    if (!('date' in want)) expect(d.date).toBeUndefined();
  });

  it('in a plan: 上半年 / 每季度 clauses, a recurring duty in the text, and the year assumed in a two-year plan', () => {
    const r = parseText(`某某县2023-2024年政务公开工作要点

一、强化公开
（一）更新目录。修订主动公开目录。（责任单位：县司法局，完成时限：上半年）
（二）定期通报。每季度通报检查情况。（责任单位：县政府办公室，完成时限：每季度）
（三）开展培训。年底前完成培训，每年开展评估。（责任单位：县政府各部门、单位）
`);
    const rows = toLedger(r);
    // the parser's rule: a year-less phrase takes the plan's last year (years.to = 2024)
    expect(rows[0].deadlines).toMatchObject([{ raw: '上半年', kind: 'within', from: '2024-01-01', to: '2024-06-30', date: '2024-06-30', due: true }]);
    expect(rows[0].diagnostics.map((d) => d.code)).toEqual(['DEADLINE_YEAR_ASSUMED']);
    expect(rows[1].deadlines).toMatchObject([{ raw: '每季度', kind: 'recurring', every: 'quarter', from: '2023-01-01', to: '2024-12-31', due: true }]);
    expect(rows[1].due).toBeUndefined();
    expect(rows[1].deadlineKind).toBe('recurring');
    // text: 年底前 (by) and 每年 (recurring); the dated one is due
    expect(rows[2].deadlines.map((d) => [d.raw, d.kind, d.due])).toEqual([
      ['年底前', 'by', true],
      ['每年', 'recurring', false],
    ]);
  });
});
