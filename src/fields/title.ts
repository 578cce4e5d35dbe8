/** Kind, region and years from a title line. */
import type { DocumentKind } from '../schema/document.js';

/** Titles broken over lines keep stray spaces between Han chars; digits keep their spacing. */
export function cleanTitle(text: string): string {
  text = text.replace(/^[\s\u3000]*[？?\ufffd]+/, ''); // a character the dump lost (LOST_CHAR_PREFIX)
  return text
    .trim()
    .replace(/([\u3400-\u9fff》《“”])[\s\u3000\u00a0]+(?=[\u3400-\u9fff《》“”])/g, '$1')
    .replace(/[\s\u3000\u00a0]{2,}/g, ' ');
}

export function kindOf(title: string): DocumentKind {
  const t = title.replace(/[》」\s]+$/, '');
  if (/工作要点$|要点$/.test(t)) return '工作要点';
  if (/实施方案$/.test(t)) return '实施方案';
  if (/工作方案$/.test(t)) return '工作方案';
  if (/通报$/.test(t)) return '通报';
  if (/指南$/.test(t)) return '指南';
  if (/通知$/.test(t)) return '通知';
  return '其他';
}

const REGION = /^(?:关于印发)?[《「]?((?:[\u4e00-\u9fff]{1,7}?(?:自治区|特别行政区|省|自治州|市|盟|地区|自治县|县|区|旗))+?)(?=[\s\u3000]*(?:[0-9０-９]|人民政府|政府|党委|关于|政务|[\u4e00-\u9fff]*(?:工作|公开|方案|要点)))/;

export function regionOf(...candidates: Array<string | undefined>): string | undefined {
  for (const c of candidates) {
    if (!c) continue;
    const m = REGION.exec(c.replace(/[\s\u3000]+/g, ''));
    if (m && m[1].length <= 10) return m[1];
  }
  return undefined;
}

export function yearsOf(title: string): { from: number; to: number } | undefined {
  const m = /((?:19|20)\d{2})[\s\u3000]*(?:年)?[\s\u3000]*(?:[-—–~～至到－][\s\u3000]*((?:19|20)\d{2}))?[\s\u3000]*年/.exec(title);
  if (!m) return undefined;
  const from = Number(m[1]);
  const to = m[2] ? Number(m[2]) : from;
  return to >= from ? { from, to } : undefined;
}
