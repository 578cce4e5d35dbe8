/** Chinese numerals (一…九十九, 〇/零, 百) and full-width digits to numbers. */
const DIGIT: Record<string, number> = {
  〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** 十一 → 11, 二十 → 20, 一百零二 → 102, 二〇二三 (digit by digit) → 2023. NaN if not a numeral. */
export function cjkToNumber(s: string): number {
  if (s.length === 0) return NaN;
  if (!/[十百]/.test(s)) {
    // digit-by-digit (二〇二三) or a single digit
    let n = 0;
    for (const ch of s) {
      const d = DIGIT[ch];
      if (d === undefined) return NaN;
      n = n * 10 + d;
    }
    return n;
  }
  let total = 0;
  let current = 0;
  for (const ch of s) {
    if (ch === '百') {
      total += (current || 1) * 100;
      current = 0;
    } else if (ch === '十') {
      total += (current || 1) * 10;
      current = 0;
    } else {
      const d = DIGIT[ch];
      if (d === undefined) return NaN;
      current = d;
    }
  }
  return total + current;
}

/** ASCII or full-width (０-９) digit string to number. */
export function digitsToNumber(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0xff10 && c <= 0xff19) c -= 0xff10 - 0x30;
    if (c < 0x30 || c > 0x39) return NaN;
    n = n * 10 + (c - 0x30);
  }
  return n;
}

/** ① … ⑳ to 1…20. */
export function circledToNumber(ch: string): number {
  const c = ch.charCodeAt(0);
  return c >= 0x2460 && c <= 0x2473 ? c - 0x2460 + 1 : NaN;
}

/** 1 → 一, 21 → 二十一 (for messages and synthetic markers). */
export function numberToCjk(n: number): string {
  const d = '零一二三四五六七八九';
  if (n < 10) return d[n];
  if (n < 20) return '十' + (n % 10 ? d[n % 10] : '');
  if (n < 100) return d[Math.floor(n / 10)] + '十' + (n % 10 ? d[n % 10] : '');
  return String(n);
}
