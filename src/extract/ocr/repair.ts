/**
 * What OCR commonly gets wrong in a 公文 line where it matters to the
 * grammars: the 、 after 一/二/三 at a line start read as ， . : or ；, 1 read
 * as l or I inside （1）, the ： after a clause label (牵头单位：) read as ；
 * or ，, and the dash of 2023—2024 or of a page number — 3 — read as 一.
 * Each change becomes an OCR_REPAIRED diagnostic.
 */
export interface OcrRepair {
  from: string;
  to: string;
  /** Offset of the change in the repaired text. */
  at: number;
}

const RULES: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^([一二三四五六七八九十]{1,3})[，,.．。:：;；](?=\S)/, (m) => `${m[1]}、`],
  [/^([（(])[lI|]([)）])/, (m) => `${m[1]}1${m[2]}`],
  [/(牵头单位|责任单位|配合单位|责任部门|完成时限|完成时间)[;；,，:]/g, (m) => `${m[1]}：`],
  [/(?<=\d{4})一(?=\d{4})/g, () => '—'],
  // A page number `— 3 —` read as `1一` / `一3一`: the dashes back, so it is furniture again.
  [/^[一—-]?\d{1,3}[一—-]?$/, (m) => (m[0].includes('一') ? m[0].replace(/一/g, '—') : m[0])],
];

export function repairOcrLine(text: string): { text: string; repairs: OcrRepair[] } {
  const repairs: OcrRepair[] = [];
  let out = text;
  for (const [re, fix] of RULES) {
    out = out.replace(re, (...args) => {
      const m = args.slice(0, -2) as unknown as RegExpExecArray;
      const at = args[args.length - 2] as number;
      const to = fix(m);
      if (to !== m[0]) repairs.push({ from: m[0], to, at });
      return to;
    });
  }
  return { text: out, repairs };
}
