/**
 * Character classes shared by the grammars. chevrotain drops the regex `u`
 * flag, so Han ranges are written as explicit BMP ranges (CJK Unified
 * Ideographs + Extension A + compatibility), never \p{Script=Han}.
 */
export const HAN = '\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff';
export const DIGITS = '0-9\\uff10-\\uff19';
export const CJK_NUMERALS = '〇零一二三四五六七八九十百两';
export const SPACES = ' \\t\\u00a0\\u3000';

/** Every char of a class string, for chevrotain's start_chars_hint. */
export function charsOf(...ranges: Array<[number, number] | string>): string[] {
  const out: string[] = [];
  for (const r of ranges) {
    if (typeof r === 'string') out.push(...r);
    else for (let c = r[0]; c <= r[1]; c++) out.push(String.fromCharCode(c));
  }
  return out;
}

export const DIGIT_CHARS = charsOf([0x30, 0x39], [0xff10, 0xff19]);
export const HAN_HINT = charsOf([0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xf900, 0xfaff]);
