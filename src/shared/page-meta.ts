/**
 * The labels of a web page's metadata: a 政府信息公开 box (索引号 | 发文机关 |
 * 成文日期 | 文号 …), a portal dump's header block (`标题:` `发布时间:` `文号:`
 * `发布机构:`), a Markdown dump's front matter (`发布单位:` `官方链接:`).
 * Said once: the HTML box reader, the line roles and the dump unwrapper ask
 * this module. The strong labels identify a box.
 */
export const STRONG_META_LABELS = ['索引号', '发文机关', '发布机构', '成文日期', '发布日期', '文号', '发文字号', '主题分类'] as const;
export const META_LABELS = [
  ...STRONG_META_LABELS,
  '主题词', '公开方式', '公开范围', '公开形式', '公开时限', '信息来源', '来源', '生成日期', '有效性', '效力状态', '组配分类', '体裁分类',
  '服务对象分类', '信息分类', '所属机构', '标题', '名称', '文件名称', '发文单位', '发布单位', '文件编号', '废止日期', '失效日期', '实施日期', '有效期', '关键词',
  '内容概述', '发布时间', '信息类别', '统一编号', '栏目', '原文链接', '官方链接', '本地目录', '层级', '类型', '分类', '状态', '发表时间',
  '时间', '浏览次数', '点击数', '阅读次数', '作者', '责任编辑', '编辑', '字号',
] as const;

const alt = (xs: readonly string[]) => [...xs].sort((a, b) => b.length - a.length).join('|');
export const STRONG_META = new RegExp(`^(?:${alt(STRONG_META_LABELS)})$`);
export const META_LABEL = new RegExp(`^(?:${alt(META_LABELS)})$`);

/** A label written letter-spaced (`索 引 号`, `有 效 性`) as a pattern. */
const spaced = (label: string) => [...label].join('[ \\u3000]*');
/**
 * Every `label：` of the box inside a run of text (a dump that put the whole
 * box on one line): a label preceded by a space or the start, followed by a colon.
 */
export const META_LABEL_IN_TEXT = new RegExp(`(?<=^|[ \\u3000])(?:${[...META_LABELS].sort((a, b) => b.length - a.length).map(spaced).join('|')})[ \\u3000]*[：:]`, 'g');

/** A whole line `标题: …` / `发布机构：…` of a header block: the label, or undefined. */
export function metaLineLabel(text: string): string | undefined {
  const m = /^[\s\u3000]*([^:：]{1,16}?)[\s\u3000]*[:：]/.exec(text);
  if (!m) return undefined;
  const label = m[1].replace(/[\s\u3000\u00a0]+/g, '');
  return META_LABEL.test(label) ? label : undefined;
}
