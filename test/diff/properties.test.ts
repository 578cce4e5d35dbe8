/**
 * Properties over every corpus plan: a plan against itself is all unchanged;
 * removing or inserting one item (and renumbering as a drafter would) is found
 * exactly, everything else unchanged or renumbered; diff(b, a) is the inverse.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { diffDocuments } from '../../src/diff/index.js';
import type { PolicyDocument } from '../../src/schema/document.js';
import { parse } from '../../src/parse.js';
import { clone, inverseShape, nodes, plans, renumber, section, shape, SCRAPE } from './helpers.js';

let all: Record<string, PolicyDocument>;
beforeAll(async () => {
  all = await plans();
});
const NAMES = ['yongchang2025', 'yongchang2024', 'jinchang', 'wuwei', 'qingyang', 'gansu'];
const RUNS = 40;

describe('diff(x, x) is all unchanged', () => {
  it('for every document of every corpus input', async () => {
    const scrape = await parse(SCRAPE);
    for (const doc of [...Object.values(all), ...scrape.documents]) {
      const d = diffDocuments(doc, doc);
      expect(d.items.every((i) => i.type === 'unchanged' && i.changes.length === 0)).toBe(true);
      expect(d.items.length).toBe(nodes(doc).length);
      expect(d.metadata).toEqual([]);
      expect(d.preamble.changed).toBe(false);
    }
  });
});

/** Paths and markers before/after, to tell which items an edit renumbered. */
const refsByHeading = (doc: PolicyDocument) => new Map(nodes(doc).map((n) => [n.section.span.start + ':' + n.section.heading, `${n.section.path}|${n.section.marker}`]));

describe('removing one item is found exactly', () => {
  it.each(NAMES)('%s', (name) => {
    const base = renumber(clone(all[name]));
    const leaves = nodes(base).filter((n) => n.section.children.length === 0 && n.section.level > 1);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: leaves.length - 1 }), (k) => {
        const edited = clone(base);
        const target = nodes(edited).filter((n) => n.section.children.length === 0 && n.section.level > 1)[k];
        const gone = target.section.path;
        target.siblings.splice(target.index, 1);
        renumber(edited);
        const d = diffDocuments(base, edited);
        const removed = d.items.filter((i) => i.type === 'removed');
        expect(removed.map((i) => i.old[0].path)).toEqual([gone]);
        const before = refsByHeading(base);
        const after = refsByHeading(edited);
        for (const i of d.items) {
          if (i.type === 'removed') continue;
          const key = [...before.entries()].find(([, v]) => v.startsWith(i.old[0].path + '|'))?.[0] as string;
          expect(i.type).toBe(before.get(key) === after.get(key) ? 'unchanged' : 'renumbered');
        }
        expect(shape(diffDocuments(edited, base)).sort()).toEqual(inverseShape(d).sort());
      }),
      { numRuns: Math.min(RUNS, leaves.length) },
    );
  });
});

// Random CJK text shares (almost) no character bigrams with any real task.
const hanzi = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c));
const randomTask = fc.tuple(fc.array(hanzi, { minLength: 6, maxLength: 12 }), fc.array(hanzi, { minLength: 30, maxLength: 120 }));

describe('inserting one item is found exactly', () => {
  it.each(NAMES)('%s', (name) => {
    const base = renumber(clone(all[name]));
    const parents = nodes(base).filter((n) => n.section.children.length > 0);
    fc.assert(
      fc.property(fc.nat(), fc.nat(), randomTask, (p, pos, [h, body]) => {
        const edited = clone(base);
        const parent = nodes(edited).filter((n) => n.section.children.length > 0)[p % parents.length].section;
        const model = parent.children[0];
        const heading = h.join('');
        const at = pos % (parent.children.length + 1);
        parent.children.splice(at, 0, section({ heading, text: `${heading}。${body.join('')}。`, level: model.level, markerStyle: model.markerStyle, marker: model.marker, responsible: ['县新设局'] }));
        renumber(edited);
        const d = diffDocuments(base, edited);
        const added = d.items.filter((i) => i.type === 'added');
        expect(added.map((i) => i.new[0].heading)).toEqual([heading]);
        expect(added[0].new[0].path).toBe(`${parent.path}.${at + 1}`);
        expect(d.items.filter((i) => i.type !== 'added').every((i) => i.type === 'unchanged' || i.type === 'renumbered')).toBe(true);
        expect(shape(diffDocuments(edited, base)).sort()).toEqual(inverseShape(d).sort());
      }),
      { numRuns: RUNS },
    );
  });
});
