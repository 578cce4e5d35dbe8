/** Task tables dumped one cell per paragraph. Inputs written for the test. */
import { describe, expect, it } from 'vitest';
import { recoverCellTables } from './cell-table.js';
import type { Para } from '../normalise/para.js';

const para = (text: string): Para => ({ text, map: Int32Array.from(text, (_, i) => i), end: text.length, kind: 'paragraph', gapBefore: false });

describe('recoverCellTables', () => {
  const lines = ['附件', '序号', '任务名称', '任务内容', '牵头部门', '配合部门', '时间节点', '1', '加强领导', '召开动员大会。建立联席会议制度。', '区政府办公室', '各街镇', '2019年3月', '2', '完善制度，加大协调力度。', '区民政局', '区财政局、', '区教育局', '2019年', '附件2'];
  const out = recoverCellTables(lines.map(para));
  const rows = out.filter((p) => p.kind === 'table-row');
  it('rebuilds the rows with cells assigned by what they hold', () => {
    expect(rows.map((r) => r.cells)).toEqual([
      ['1', '加强领导', '召开动员大会。建立联席会议制度。', '区政府办公室', '各街镇', '2019年3月'],
      ['2', '', '完善制度，加大协调力度。', '区民政局', '区财政局、区教育局', '2019年'],
    ]);
    expect(rows[0].header).toEqual(['序号', '任务名称', '任务内容', '牵头部门', '配合部门', '时间节点']);
  });
  it('keeps what is outside the table as paragraphs', () => {
    expect(out.filter((p) => p.kind === 'paragraph').map((p) => p.text)).toEqual(['附件', '附件2']);
  });
});
