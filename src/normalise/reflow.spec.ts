/** Pinned behaviour of the re-join pass (it had no spec of its own before). */
import { describe, expect, it } from 'vitest';
import { reflow, shouldJoin } from './reflow.js';
import type { Para } from './para.js';

let offset = 0;
function para(text: string): Para {
  const map = Int32Array.from(text, (_, i) => offset + i);
  offset += text.length + 1;
  return { text, map, end: offset - 1, kind: 'paragraph', gapBefore: false };
}

describe('reflow', () => {
  it('joins a sentence split by a page break', () => {
    const r = reflow([para('各县区要加强组织领导，积极推进工作，中央、省'), para('属在金有关单位积极配合。')]);
    expect(r.paras.map((p) => p.text)).toEqual(['各县区要加强组织领导，积极推进工作，中央、省属在金有关单位积极配合。']);
    expect(r.joins).toHaveLength(1);
  });
  it('never joins before a marker or a 版记 line', () => {
    expect(shouldJoin(para('做好公开工作，持续推进各项任务落实'), para('（二）强化监督'))).toBe(false);
    expect(shouldJoin(para('做好公开工作，持续推进各项任务落实'), para('抄送：市委办公室'))).toBe(false);
  });
  it('a finished sentence stays apart', () => {
    expect(shouldJoin(para('做好公开工作。'), para('持续推进。'))).toBe(false);
  });
  it('a heading line is not joined to the paragraph after it (the 、 of its marker is no punctuation)', () => {
    expect(shouldJoin(para('三、建立残疾人两项补贴标准动态调整机制'), para('残疾人两项补贴市级基础标准原则上按省级基础标准执行。'))).toBe(false);
  });
  it('a label cut off inside an open clause is joined', () => {
    expect(shouldJoin(para('做好工作。（牵头单位：'), para('市大数据中心）'))).toBe(true);
  });
});
