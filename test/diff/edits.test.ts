/** Moves, reorders, splits and merges, made by hand on the Yongchang 2025 plan. */
import { beforeAll, describe, expect, it } from 'vitest';
import { diffDocuments } from '../../src/diff/index.js';
import type { PolicyDocument } from '../../src/schema/document.js';
import { clone, inverseShape, plans, renumber, section, shape } from './helpers.js';

let base: PolicyDocument;
beforeAll(async () => {
  base = renumber(clone((await plans()).yongchang2025));
});

describe('structural edits', () => {
  it('an item moved to another 一、 section is moved, not removed + added', () => {
    const edited = clone(base);
    const [item] = edited.sections[1].children.splice(2, 1); // 二、(六)
    edited.sections[2].children.push(item);
    renumber(edited);
    const d = diffDocuments(base, edited);
    const moved = d.items.filter((i) => i.type === 'moved');
    expect(moved.map((i) => [i.old[0].path, i.new[0].path])).toEqual([['2.3', '3.6']]);
    expect(moved[0].changes).toEqual(['number', 'path', 'section']);
    expect(d.counts.added + d.counts.removed).toBe(0);
    expect(shape(diffDocuments(edited, base)).sort()).toEqual(inverseShape(d).sort());
  });

  it('two items swapped inside a section are renumbered', () => {
    const edited = clone(base);
    const c = edited.sections[0].children;
    [c[0], c[1]] = [c[1], c[0]];
    renumber(edited);
    const d = diffDocuments(base, edited);
    expect(d.items.filter((i) => i.type !== 'unchanged').map((i) => `${i.type} ${i.old[0].path}→${i.new[0].path}`).sort()).toEqual([
      'renumbered 1.1→1.2',
      'renumbered 1.2→1.1',
    ]);
  });

  it('an item cut in two is split; the reverse diff is merged', () => {
    const edited = clone(base);
    const c = edited.sections[1].children;
    const item = c[0]; // (四) five sentences
    const sentences = item.text.split('。').filter(Boolean);
    const second = section({ ...item, heading: sentences[3], text: sentences.slice(3).join('。') + '。', children: [] });
    item.text = sentences.slice(0, 3).join('。') + '。';
    c.splice(1, 0, second);
    renumber(edited);
    const d = diffDocuments(base, edited);
    const split = d.items.filter((i) => i.type === 'split');
    expect(split.map((i) => [i.old.map((r) => r.path), i.new.map((r) => r.path)])).toEqual([[['2.1'], ['2.1', '2.2']]]);
    expect(d.counts.added + d.counts.removed).toBe(0);
    const back = diffDocuments(edited, base);
    expect(back.items.filter((i) => i.type === 'merged').map((i) => [i.old.map((r) => r.path), i.new.map((r) => r.path)])).toEqual([[['2.1', '2.2'], ['2.1']]]);
  });

  it('a deadline that moves is reported with both dates', () => {
    const a = clone(base);
    const b = clone(base);
    a.sections[0].children[0].deadline = { raw: '2025年6月底前', date: '2025-06-30', kind: 'by', source: 'text' };
    b.sections[0].children[0].deadline = { raw: '2025年9月底前', date: '2025-09-30', kind: 'by', source: 'text' };
    const item = diffDocuments(a, b).items[1];
    expect(item.type).toBe('modified');
    expect(item.changes).toEqual(['deadline']);
    expect(item.deadline).toEqual({ changed: true, old: { raw: '2025年6月底前', date: '2025-06-30', kind: 'by' }, new: { raw: '2025年9月底前', date: '2025-09-30', kind: 'by' } });
  });

  it('a reworded section heading still pairs, through its children', () => {
    const edited = clone(base);
    edited.sections[3].heading = edited.sections[3].text = '完善平台体系';
    const d = diffDocuments(base, edited);
    const s = d.items.find((i) => i.old[0]?.path === '4');
    expect(s?.type).toBe('modified');
    expect(s?.new[0].path).toBe('4');
    expect(d.counts.moved + d.counts.added + d.counts.removed).toBe(0);
  });
});
