import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { parse, flattenTasks } from '../../src/index.js';
import { CORPUS_DIR } from '../../scripts/lib/corpus.js';

const fixture = (f: string) => join(CORPUS_DIR, 'fixtures', f);

describe('DOCX hard cases through the whole pipeline', () => {
  it('Word auto-numbering parses like typed markers (一、/（一）/1./①, restarts under 二、)', async () => {
    const r = await parse(fixture('numbered.docx'));
    const doc = r.documents[0];
    expect(doc.title).toBe('某某市2024年政务公开工作要点');
    expect(doc.sections.map((s) => s.marker)).toEqual(['一、', '二、', '三、']);
    expect(doc.sections[1].children.map((s) => s.marker)).toEqual(['（一）', '（二）']);
    expect(doc.sections[0].children[0]).toMatchObject({ heading: '强化政策解读', lead: ['市司法局'], responsible: ['市政府各部门、单位'] });
    const tasks = flattenTasks(doc);
    expect(tasks.find((t) => t.marker === '①')?.path).toBe('2.1.2.1');
  });

  it('a task ledger table becomes tasks under its section row; the header row is not a task', async () => {
    const r = await parse(fixture('task-table.docx'));
    const doc = r.documents[0];
    expect(doc.sections).toHaveLength(1);
    expect(doc.sections[0]).toMatchObject({ marker: '一、', heading: '重点领域信息公开' });
    const rows = doc.sections[0].children;
    expect(rows.map((t) => [t.marker, t.lead, t.responsible, t.deadline?.raw])).toEqual([
      ['1', ['市司法局'], ['市政府各部门'], '长期坚持'],
      ['2', ['市司法局'], ['各县区政府', '市直各部门'], '2024年6月底前'],
      ['3', ['市司法局'], ['市政府各部门'], '2024年12月底前'],
      ['4', ['市政府办公室'], ['各县区政府'], '长期坚持'],
    ]);
    expect(rows[1].deadline?.date).toBe('2024-06-30');
  });

  it.each([
    ['encrypted.pdf', 'PDF_ENCRYPTED'],
    ['no-text-layer.pdf', 'PDF_NO_TEXT_LAYER'],
    ['truncated.pdf', 'FILE_CORRUPT'],
    ['truncated.docx', 'FILE_CORRUPT'],
    ['not-a-docx.zip', 'UNSUPPORTED_FORMAT'],
    ['bomb-ratio.docx', 'TOO_LARGE'],
    ['bomb-declared.docx', 'TOO_LARGE'],
  ])('%s → %s through parse()', async (file, code) => {
    const err = await parse(fixture(file)).catch((e) => e);
    expect(err?.code).toBe(code);
    expect(err?.message.length).toBeGreaterThan(20);
  });
});
