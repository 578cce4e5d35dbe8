/**
 * Map each UTF-16 unit of a hast text node's (entity-decoded, CRLF-normalised)
 * value back to its offset in the HTML source. Result has value.length + 1
 * entries; the last is the source end, so char i spans [out[i], out[i + 1]).
 *
 * parse5 already decoded the references, so instead of decoding again we walk
 * source and value side by side and let each reference absorb the value chars
 * it produced (usually one).
 */
export function alignText(html: string, start: number, end: number, value: string): Int32Array {
  const out = new Int32Array(value.length + 1);
  let i = start;
  let j = 0;
  while (j < value.length) {
    if (i >= end) {
      out[j++] = end; // source exhausted (should not happen); pin the rest
      continue;
    }
    const s = html.charCodeAt(i);
    const v = value.charCodeAt(j);
    if (s === 0x26 /* & */) {
      const ref = referenceAt(html, i, end, value, j);
      if (ref > 0) {
        out[j++] = i;
        // An astral code point (&#x20000;) or a two-code-point named reference yields two units.
        if (j < value.length && (isHighSurrogate(v) || (i + ref < end && value.charCodeAt(j) !== html.charCodeAt(i + ref) && value.charCodeAt(j + 1) === html.charCodeAt(i + ref)))) {
          out[j++] = i;
        }
        i += ref;
        continue;
      }
    }
    if (s === 0x0d /* \r */ && v === 0x0a) {
      // CRLF became LF (map it to the CR); a lone CR also became LF.
      out[j++] = i;
      i += html.charCodeAt(i + 1) === 0x0a && i + 1 < end ? 2 : 1;
      continue;
    }
    // Equal chars, or an unexpected rewrite (e.g. NUL → U+FFFD): best effort, 1:1.
    out[j++] = i++;
  }
  out[value.length] = end;
  return out;
}

// Common named references, so "&amp;" is known to be a reference even when the value has '&'.
const KNOWN = new Set([
  'amp', 'lt', 'gt', 'quot', 'apos', 'nbsp', 'ensp', 'emsp', 'thinsp', 'copy', 'reg', 'trade', 'middot',
  'ldquo', 'rdquo', 'lsquo', 'rsquo', 'mdash', 'ndash', 'hellip', 'times', 'divide', 'bull', 'deg', 'sect',
]);

/**
 * Length of the character reference starting at html[i] ('&'), or 0 when the '&'
 * is literal. `value`/`j` tell whether parse5 decoded it.
 */
function referenceAt(html: string, i: number, end: number, value: string, j: number): number {
  let k = i + 1;
  if (k >= end) return 0;
  const c = html.charCodeAt(k);
  if (c === 0x23 /* # */) {
    k++;
    const hex = k < end && (html.charCodeAt(k) | 0x20) === 0x78;
    if (hex) k++;
    const digitsStart = k;
    while (k < end && (hex ? isHex(html.charCodeAt(k)) : isDigit(html.charCodeAt(k)))) k++;
    if (k === digitsStart) return 0;
    if (k < end && html.charCodeAt(k) === 0x3b) k++;
    return k - i;
  }
  if (!isAlpha(c)) return 0;
  while (k < end && isAlnum(html.charCodeAt(k))) k++;
  const name = html.slice(i + 1, k);
  const semicolon = k < end && html.charCodeAt(k) === 0x3b;
  if (semicolon) {
    if (KNOWN.has(name)) return k + 1 - i;
    // Unknown to us: parse5 either decoded it or kept it literally; the value tells which.
    return value.startsWith(html.slice(i, k + 1), j) ? 0 : k + 1 - i;
  }
  if (value.charCodeAt(j) === 0x26) return 0; // kept as written ("&foo", "a & b")
  // Legacy reference without ';' ("&copy2023" → "©2023"): the shortest name after which source and value agree again.
  const next = value.charCodeAt(j + 1);
  for (let l = i + 3; l <= k; l++) {
    if (l === k || html.charCodeAt(l) === next) return l - i;
  }
  return k - i;
}

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isHex = (c: number) => isDigit(c) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x66);
const isAlpha = (c: number) => (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;
const isAlnum = (c: number) => isAlpha(c) || isDigit(c);
const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
