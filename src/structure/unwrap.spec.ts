/** The dump unwrapper: lost line breaks and header pieces run together. Inputs written for the test. */
import { describe, expect, it } from 'vitest';
import { splitSoftBreaks, splitMetaBox, unwrapBlobs } from './unwrap.js';
import type { Para } from '../normalise/para.js';

const para = (text: string): Para => ({ text, map: Int32Array.from(text, (_, i) => i), end: text.length, kind: 'paragraph', gapBefore: false });
const texts = (ps: Para[]) => ps.map((p) => p.text);

describe('splitSoftBreaks', () => {
  it('cuts a space-joined dump at its lost line breaks', () => {
    expect(texts(splitSoftBreaks(para('现将方案印发给你们，请认真执行。 某县人民政府办公室 2024年3月1日 一、总体要求 深入贯彻落实。')))).toEqual([
      '现将方案印发给你们，请认真执行。',
      '某县人民政府办公室',
      '2024年3月1日',
      '一、总体要求',
      '深入贯彻落实。',
    ]);
  });
  it('keeps letter-spaced labels, numbers, clauses and titles whole', () => {
    const t = '工作任务 牵头单位 责 任 单 位 对 26 个领域 （责任单位: 县政府办） 某县人民政府办公室 关于印发工作方案的通知 某某 工作要点的通知 其他';
    expect(texts(splitSoftBreaks(para(t)))).toEqual(['工作任务', '牵头单位 责 任 单 位 对 26 个领域', '（责任单位: 县政府办）', '某县人民政府办公室 关于印发工作方案的通知', '某某 工作要点的通知', '其他']);
  });
});

describe('splitMetaBox', () => {
  it('cuts a box flattened onto one line into label：value lines', () => {
    const t = '索 引 号： PZ001-2018 发文机关： 某县经济发展局 成文日期：2018-08-15 发文字号： 某经发〔2018〕3号';
    expect(texts(splitMetaBox(para(t)))).toEqual(['索 引 号： PZ001-2018', '发文机关： 某县经济发展局', '成文日期：2018-08-15', '发文字号： 某经发〔2018〕3号']);
  });
  it('leaves running text alone', () => {
    expect(splitMetaBox(para('按照文号：的要求做好工作。'))).toHaveLength(1);
  });
});

describe('unwrapBlobs', () => {
  it('cuts off a 署名 glued to the notice’s last line, a date glued to the plan title, a 主送 glued to the body', () => {
    const out = texts(
      unwrapBlobs([
        para('各处室、局属单位：根据上级要求，结合实际，特制定本方案，请认真执行。附件：某县经济发展局2018年工作方案某县经济发展局'),
        para('2018年6月29日某县经济发展局2018年政务公开工作方案'),
      ]),
    );
    expect(out).toEqual(['各处室、局属单位：', '根据上级要求，结合实际，特制定本方案，请认真执行。附件：某县经济发展局2018年工作方案', '某县经济发展局', '2018年6月29日', '某县经济发展局2018年政务公开工作方案']);
  });
});

describe('header finders read dates and 文号 through their grammars (full-width digits too)', () => {
  it('cuts a full-width 文号 and 署名 date out of a blob', () => {
    const blob = '某县人民政府办公室文件某政办发〔２０２４〕３号某县人民政府办公室关于印发某县２０２４年政务公开工作要点的通知各乡镇人民政府，县直各部门：现将《某县２０２４年政务公开工作要点》印发给你们，请结合实际认真贯彻执行，各单位要明确责任分工，细化工作措施，确保各项任务落到实处。某县人民政府办公室２０２４年３月１日';
    const out = texts(unwrapBlobs([para(blob)]));
    expect(out).toContain('某政办发〔２０２４〕３号');
    expect(out).toContain('某县人民政府办公室');
    expect(out[out.length - 1]).toBe('２０２４年３月１日');
  });
});
