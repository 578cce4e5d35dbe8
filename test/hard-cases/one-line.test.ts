import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseText } from '../../src/index.js';
import { compare } from '../../scripts/lib/compare.js';
import { corpusEntries } from '../../scripts/lib/corpus.js';

// Text saved from web pages often loses every line break. Join each single-plan
// corpus document into ONE line and check the outline, units and deadlines
// still come out as reviewed. Only a level-1 heading may differ: with no line
// break after 一、总体要求 the heading runs on to the first 。.
const SINGLE_PLAN = ['gansu-2020-gongkai-fangan', 'jinchang-2023-2024-gongkai-yaodian', 'qingyang-2022-gongkai-yaodian', 'wuwei-2023-gongkai-fangan'];

describe('a whole plan on one line', () => {
  for (const entry of corpusEntries().filter((e) => SINGLE_PLAN.includes(e.id))) {
    it(entry.id, () => {
      const oneLine = readFileSync(entry.source, 'utf8')
        .replace(/^#+ /gm, '')
        .replace(/^---$/gm, '')
        .replace(/\s*\n\s*/g, '');
      expect(oneLine).not.toContain('\n');
      const result = parseText(oneLine, { format: 'text' });
      const { differences } = compare(result, entry.expected);
      const allowed = (d: string) => {
        const m = /§(\d+) \S+ heading: got "(.*)", want "(.*)"$/.exec(d);
        return m !== null && m[2].startsWith(m[3]);
      };
      expect(differences.filter((d) => !allowed(d))).toEqual([]);
    });
  }

  it('does not take 2.5亿元 or 第1季度 for markers, mid-line', () => {
    const r = parseText('某市2024年工作要点一、总体要求。全年投入2.5亿元，第1季度完成。（一）加强公开。做好工作。（责任单位：市政府办公室）（二）强化监督。落实2.5个百分点。（责任单位：市司法局）', { format: 'text' });
    const doc = r.documents[0];
    expect(doc.sections).toHaveLength(1);
    expect(doc.sections[0].children.map((s) => [s.marker, s.heading, s.responsible])).toEqual([
      ['（一）', '加强公开', ['市政府办公室']],
      ['（二）', '强化监督', ['市司法局']],
    ]);
  });
});
