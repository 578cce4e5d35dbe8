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

/**
 * Brackets （…）/(…) and book titles 《…》/〈…〉 still open at `at`, looking back at
 * most `window` chars (a citation or a parenthetical never runs longer).
 * One scan for every layer that asks "is this inside a citation or a bracket?".
 */
export function openAt(text: string, at: number, window = 200): { brackets: number; titles: number } {
  let brackets = 0;
  let titles = 0;
  for (let i = Math.max(0, at - window); i < at; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xff08 || c === 0x28) brackets++;
    else if ((c === 0xff09 || c === 0x29) && brackets > 0) brackets--;
    else if (c === 0x300a || c === 0x3008) titles++;
    else if ((c === 0x300b || c === 0x3009) && titles > 0) titles--;
  }
  return { brackets, titles };
}
