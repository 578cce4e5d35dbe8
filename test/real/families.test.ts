/**
 * The families of issue 10, each with an input written for the test (not
 * copied from a file) and expected values written by hand.
 */
import { describe, expect, it } from 'vitest';
import { parseText, type Section } from '../../src/index.js';
import { flattenSections } from '../../scripts/lib/real.js';
import { WEIGHTS } from '../../src/structure/outline/weights.js';

const items = (text: string, format: 'text' | 'markdown' | 'html' = 'text') => {
  const r = parseText(text, { format });
  return r.documents.flatMap((d) => flattenSections(d));
};
const brief = (s: Section) => ({ marker: s.marker, heading: s.heading, lead: s.lead, responsible: [...s.responsible, ...(s.cooperating ?? [])] });

describe('family 1: paragraphs joined by spaces', () => {
  it('markers after spaces, a level-1 heading glued to its paragraph, 1. glued after （一）', () => {
    const text =
      '某区2024年政务公开工作实施方案 为做好今年工作，制定本方案。 一、总体要求 深入贯彻落实上级部署，全面推进政务公开。 二、重点任务 （一）完善工作机制，健全协调推进体系 1.建立联席会议制度。每季度召开一次会议。 2.健全信息发布机制。定期发布信息。 三、保障措施 加强组织领导，确保任务落实。';
    const got = items(text).map((s) => `${s.marker}${s.heading}`);
    expect(got).toEqual(['一、总体要求', '二、重点任务', '（一）完善工作机制，健全协调推进体系', '1.建立联席会议制度', '2.健全信息发布机制', '三、保障措施']);
  });
});

describe('family 3: responsibility in every written form', () => {
  it('a 责任单位： sentence after the item, A牵头 inside a labelled clause, 配合 and 实施 labels', () => {
    const text = [
      '某县2024年工作方案',
      '一、重点任务',
      '（一）加强政策解读。做好解读工作。责任单位：县政府办、县财政局。',
      '（二）推进数据开放。（责任单位：县数据局牵头，县直各部门）',
      '（三）规范公开平台。牵头单位：县政府办配合单位：县委网信办实施单位：各乡镇人民政府完成时限：2024年12月底前。',
    ].join('\n');
    const got = items(text).filter((s) => s.level === 2).map(brief);
    expect(got).toEqual([
      { marker: '（一）', heading: '加强政策解读', lead: [], responsible: ['县政府办', '县财政局'] },
      { marker: '（二）', heading: '推进数据开放', lead: ['县数据局'], responsible: ['县直各部门'] },
      { marker: '（三）', heading: '规范公开平台', lead: ['县政府办'], responsible: ['各乡镇人民政府', '县委网信办'] },
    ]);
    const third = items(text).find((s) => s.marker === '（三）')!;
    expect(third.deadline).toMatchObject({ raw: '2024年12月底前', source: 'clause', date: '2024-12-31' });
  });
  it('a role phrase after a unit is not part of its name', () => {
    const text = '某区工作方案\n一、任务\n1.开展清理工作。责任单位：区司法局牵头，区直相关部门按职责分工负责,区政府办公室法规科负责法制审查工作';
    const [, one] = items(text);
    expect(one.lead).toEqual(['区司法局']);
    expect(one.responsible).toEqual(['区直相关部门', '区政府办公室法规科']);
  });
});

describe('family 7: numbers that are not markers, markers that look like numbers', () => {
  it('an inline （1）…；（2）… inside one sentence is not an item; the same markers starting paragraphs are', () => {
    const inline = items('某市工作方案\n一、目标\n1.明确目标。其中：（1）公益类企业增长10%；（2）竞争类企业增长8%；（3）其他企业增长5%。');
    expect(inline.map((s) => s.marker)).toEqual(['一、', '1.']);
    const own = items('某市工作方案\n一、目标\n1.明确目标。\n（1）公益类企业增长10%。\n（2）竞争类企业增长8%。');
    expect(own.map((s) => s.marker)).toEqual(['一、', '1.', '（1）', '（2）']);
  });
  it('a list 1.…；2.… opening a paragraph is an inline enumeration', () => {
    const got = items('某市实施办法\n一、停止发放\n有下列情形之一的，停止发放：\n1.死亡的；2.迁出本市的；3.本人申请停止的。');
    expect(got.map((s) => s.marker)).toEqual(['一、']);
  });
  it('7.365天 is item 7; 2.5亿元, 1.2万人 and 第1季度 are never markers', () => {
    const got = items('某市工作要点\n一、任务\n6.建设服务大厅。\n7.365天服务热线建设。投入2.5亿元，服务1.2万人，第1季度完成。');
    expect(got.map((s) => `${s.marker}${s.heading}`)).toEqual(['一、任务', '6.建设服务大厅', '7.365天服务热线建设']);
  });
  it('一、 inside a word is not a marker', () => {
    const got = items('某区工作方案 一、任务分工 （一）推进改革 1.2024年底前实现“多证合一、一照一码”，简化登记。 2.推进证照分离。');
    expect(got.map((s) => s.marker)).toEqual(['一、', '（一）', '1.', '2.']);
    expect(got[2].heading).toBe('2024年底前实现“多证合一、一照一码”，简化登记');
  });
});

describe('family 2/3: fields glued in a dump', () => {
  it('the next item glued to a deadline value and to a unit name', () => {
    const text =
      '某区任务分解方案 为推进工作，分工如下：一、支持口岸建设。加快建设。牵头单位：区口岸办配合单位：区海关完成时限：2024年8月二、支持二桥建设。加强指导。牵头单位：区交通局完成时限：长期坚持';
    const got = items(text).map((s) => ({ m: s.marker, h: s.heading, l: s.lead, r: s.cooperating, d: s.deadline?.raw }));
    expect(got).toEqual([
      { m: '一、', h: '支持口岸建设', l: ['区口岸办'], r: ['区海关'], d: '2024年8月' },
      { m: '二、', h: '支持二桥建设', l: ['区交通局'], r: [], d: '长期坚持' },
    ]);
  });
});

describe('trace', () => {
  it('explains every candidate: evidence, score, decision', () => {
    const r = parseText('某区工作方案\n一、任务\n（一）推进“多证合一、一照一码”。（二）推进改革。', { trace: true });
    const t = r.trace!;
    const inWord = t.find((e) => e.marker === '一、' && e.at > 0)!;
    expect(inWord).toMatchObject({ accepted: false });
    expect(inWord.features.afterHan).toBe(1);
    expect(t.find((e) => e.marker === '（二）')).toMatchObject({ accepted: true, features: expect.objectContaining({ afterSentenceEnd: 1, continues: 1 }) });
  });
});

describe('family 5: a notice title or a 文号 is never NOT_A_PLAN', () => {
  it('a page dump with only its header block and no outline', () => {
    const r = parseText('标题: 某市关于印发某某工作方案的通知\n文号: 某政办〔2024〕3号\n\n正文见附件。');
    expect(r.documents.map((d) => [d.title, d.docNumber?.raw])).toEqual([['某市关于印发某某工作方案的通知', '某政办〔2024〕3号']]);
  });
  it('a 文号 and a sentence', () => {
    const r = parseText('某政办发〔2024〕3号\n一段没有标题的文字。');
    expect(r.documents[0].docNumber?.raw).toBe('某政办发〔2024〕3号');
    expect(r.documents[0].diagnostics.map((d) => d.code)).toContain('TITLE_MISSING');
  });
  it('text with neither is still NOT_A_PLAN', () => {
    expect(() => parseText('今天天气很好，我们去公园散步。')).toThrow(expect.objectContaining({ code: 'NOT_A_PLAN' }));
  });
});

describe('family 6: 办法 outlines (章/节/条) and 一是…二是', () => {
  it('第X章 / 第X节 / 第X条 are outline levels of their own, items inside an article nest under it', () => {
    const text = [
      '某市政务公开工作办法',
      '第一章　总则',
      '第一条　为规范政务公开工作，制定本办法。',
      '第二条　本办法适用于本市各级行政机关。依照本办法第一条的规定执行。',
      '第二章　公开内容',
      '第一节　主动公开',
      '第三条　行政机关应当主动公开下列信息：',
      '（一）机构职能；',
      '（二）规范性文件。',
      '第二节　依申请公开',
      '第四条　公民可以申请公开政府信息。',
    ].join('\n');
    const r = parseText(text);
    const got = r.documents[0].sections.flatMap(function walk(s): string[] {
      return [`${s.level}:${s.marker}${s.heading}`, ...s.children.flatMap(walk)];
    });
    expect(got).toEqual([
      '1:第一章总则',
      '3:第一条为规范政务公开工作，制定本办法',
      '3:第二条本办法适用于本市各级行政机关',
      '1:第二章公开内容',
      '2:第一节主动公开',
      '3:第三条行政机关应当主动公开下列信息：',
      '2:（一）机构职能',
      '2:（二）规范性文件',
      '2:第二节依申请公开',
      '3:第四条公民可以申请公开政府信息',
    ]);
    expect(r.documents[0].sections[1].children[0].children[0].children.map((s) => s.marker)).toEqual(['（一）', '（二）']);
  });
  it('一是…二是… inside a paragraph are not items', () => {
    const got = items('某县工作方案\n一、任务\n（一）加强公开。一是做好发布，二是加强解读，三是回应关切。\n（二）强化保障。');
    expect(got.map((s) => s.marker)).toEqual(['一、', '（一）', '（二）']);
  });
});

describe('trace of a glued heading', () => {
  it('an accepted candidate’s score is all it added, its glued-heading evidence included', () => {
    const r = parseText('某区工作方案 一、主要任务（一）经营指标提升1.明确年度目标。2.推进改革。', { trace: true });
    const one = r.trace!.find((e) => e.marker === '1.')!;
    expect(one).toMatchObject({ accepted: true, features: expect.objectContaining({ gluedHeading: 1, afterHan: 1, firstOfStyle: 1 }) });
    expect(one.score).toBe(WEIGHTS.afterHan + WEIGHTS.firstOfStyle + WEIGHTS.gluedHeading);
    // below zero alone: taken because 2. continues it (the decoder looks at the whole document)
    expect(one.score).toBeLessThan(0);
  });
});
