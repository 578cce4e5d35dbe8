/**
 * Which paragraphs of a Word 97–2003 document are auto-numbered: the one
 * thing about lists the plain text cannot tell. Walks the paragraph
 * property pages (PlcBtePapx → PAPX FKPs, [MS-DOC] 2.8.x / 2.9.x) looking for
 * sprmPIlfo, the paragraph's list reference. Styles that carry numbering
 * are not followed, so this counts direct numbering only; it never throws.
 */
const SPRM_P_ILFO = 0x460b;
const SPRM_T_DEF_TABLE = 0xd608;

export function countNumberedParagraphs(word: Uint8Array, table: Uint8Array): number {
  try {
    return count(word, table);
  } catch {
    return 0; // a property page we cannot walk only costs the diagnostic
  }
}

function count(word: Uint8Array, table: Uint8Array): number {
  const w = new DataView(word.buffer, word.byteOffset, word.byteLength);
  const t = new DataView(table.buffer, table.byteOffset, table.byteLength);
  const fc = w.getUint32(0x0102, true);
  const lcb = w.getUint32(0x0106, true);
  if (lcb < 12 || fc + lcb > table.length) return 0;
  const n = (lcb - 4) / 8;
  let numbered = 0;
  for (let i = 0; i < n; i++) {
    const pn = t.getUint32(fc + (n + 1) * 4 + i * 4, true) & 0x3fffff;
    const page = pn * 512;
    if (page + 512 > word.length) continue;
    const crun = word[page + 511];
    for (let j = 0; j < crun; j++) {
      const bOffset = word[page + (crun + 1) * 4 + j * 13] * 2;
      if (bOffset === 0) continue;
      let cb = word[page + bOffset];
      let at = page + bOffset + 1;
      let size: number;
      if (cb === 0) {
        cb = word[at];
        at++;
        size = 2 * cb;
      } else size = 2 * cb - 1;
      const end = Math.min(at + size, page + 511);
      if (sprmValue(w, at + 2, end, SPRM_P_ILFO) > 0) numbered++;
    }
  }
  return numbered;
}

/** The 2-byte operand of `wanted` in a grpprl, or 0. */
function sprmValue(v: DataView, p: number, end: number, wanted: number): number {
  let value = 0;
  while (p + 2 <= end) {
    const sprm = v.getUint16(p, true);
    p += 2;
    const spra = sprm >> 13;
    if (sprm === wanted && p + 2 <= end) {
      const ilfo = v.getUint16(p, true);
      value = ilfo > 0 && ilfo < 0x7ff ? ilfo : 0; // 0xF801 and friends mean "not in a list"
    }
    if (spra === 0 || spra === 1) p += 1;
    else if (spra === 2 || spra === 4 || spra === 5) p += 2;
    else if (spra === 3) p += 4;
    else if (spra === 7) p += 3;
    else if (sprm === SPRM_T_DEF_TABLE) p += p + 2 <= end ? v.getUint16(p, true) + 1 : end;
    else p += p < end ? v.getUint8(p) + 1 : end;
  }
  return value;
}
