import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { parse, flattenTasks, type Section } from '../../src/index.js';
import { compare } from '../../scripts/lib/compare.js';
import { corpusEntries, CORPUS_DIR } from '../../scripts/lib/corpus.js';

const walk = (ss: Section[], out: Section[] = []) => (ss.forEach((s) => (out.push(s), walk(s.children, out))), out);
const scrape = corpusEntries().find((e) => e.id === 'yongchang-site-scrape')!.expected;

describe('a saved government web page', () => {
  const file = join(CORPUS_DIR, 'html', 'yongchang-gov-page.html');

  it('gives the 2025 plan with the same outline, units and deadlines as the reviewed text', async () => {
    const r = await parse(file);
    expect(r.source.format).toBe('html');
    expect(r.documents).toHaveLength(1);
    const doc = r.documents[0];
    expect(doc.title).toBe('永昌县2025年政务公开工作要点');
    // outline and tasks exactly as the reviewed 2025 plan of the scrape
    const { differences } = compare(r, scrape, { only: [1] });
    const outlineDiffs = differences.filter((d) => /§/.test(d));
    expect(outlineDiffs).toEqual([]);
    expect(walk(doc.sections).filter((s) => s.level === 2)).toHaveLength(22);
  });

  it('reads the metadata box as evidence and keeps navigation out of the content', async () => {
    const r = await parse(file);
    const doc = r.documents[0];
    expect(doc.issuer).toBe('永昌县人民政府办公室');
    expect(doc.dates.signed).toBe('2025-03-28');
    expect(doc.dates.published).toBe('2025-04-02');
    const content = JSON.stringify(doc.sections) + (doc.preamble ?? '');
    for (const junk of ['首页', '走进永昌', '当前位置', '版权所有', '备案号', '浏览次数']) expect(content).not.toContain(junk);
    const unplaced = r.unplaced.map((u) => u.text).join('\n');
    expect(unplaced).toContain('首页');
    // every unplaced span slices back to its text in the page
    const html = readFileSync(file, 'utf8');
    for (const u of r.unplaced) expect(u.span.end).toBeLessThanOrEqual(html.length);
  });
});

describe('a task ledger laid out as an HTML table', () => {
  it('turns rows into tasks with 牵头/责任/时限, expanding a merged 牵头 cell over its rows', async () => {
    const r = await parse(join(CORPUS_DIR, 'html', 'task-table.html'));
    const doc = r.documents[0];
    const tasks = flattenTasks(doc, { leavesOnly: true });
    expect(tasks.map((t) => t.marker)).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(tasks.slice(0, 3).map((t) => t.lead)).toEqual([['县政府办公室'], ['县政府办公室'], ['县政府办公室']]);
    expect(tasks[1].responsible).toEqual(['县司法局', '县政府各部门、单位']);
    expect(tasks[0].deadline).toMatchObject({ raw: '2025年12月底前', kind: 'by', date: '2025-12-31' });
    expect(tasks[1].deadline).toMatchObject({ raw: '持续推进', kind: 'continuous' });
    expect(tasks[0].parents).toEqual(['围绕法定内容强化主动公开']);
  });
});

describe('metadata box dates', () => {
  const page = (signed: string, published: string) =>
    `<html><body><table><tr><td>成文日期：</td><td>${signed}</td><td>发布日期：</td><td>${published}</td></tr></table>` +
    '<h1>某县2025年政务公开工作要点</h1><p>2025年某县政务公开工作的总体要求是：坚持公开为常态。</p><p>一、强化公开</p><p>（一）规范发布。做好工作。（责任单位：县政府各部门）</p></body></html>';

  it('reads 年月日 and 2025-04-02 forms through the date grammar, a time of day ignored', async () => {
    const r = await parse(new TextEncoder().encode(page('2025年03月28日', '2025-04-02 10:30')), { format: 'html' });
    expect(r.documents[0].dates).toMatchObject({ signed: '2025-03-28', published: '2025-04-02' });
  });

  it('an impossible date is left empty and reported, never guessed', async () => {
    const r = await parse(new TextEncoder().encode(page('2025年02月30日', '2025-04-02')), { format: 'html' });
    const doc = r.documents[0];
    expect(doc.dates.signed).toBeUndefined();
    expect(doc.diagnostics.find((d) => d.code === 'DATE_GARBLED')?.text).toBe('2025年02月30日');
  });
});
