/** Offset → 1-based line, shared by every extractor and the field readers. */

/** Offsets where each line of `text` starts (after \n, or a lone \r as old Mac files and some pages use). */
export function lineIndex(text: string): Int32Array {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) starts.push(i + 1);
  }
  return Int32Array.from(starts);
}

/** The 1-based line holding `offset`, by binary search over a {@link lineIndex}. */
export function lineOf(index: Int32Array, offset: number): number {
  let lo = 0;
  let hi = index.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (index[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}
