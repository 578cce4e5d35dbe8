/**
 * Content similarity for alignment: Dice coefficient over character bigrams.
 * Chinese has no spaces, and word segmentation of officialese is unstable
 * across small edits, so character bigrams are the robust unit here (the
 * displayed text diff uses words; see text-diff.ts).
 */

/** Width- and space-insensitive form: （一）/(一), ：/: and padding compare equal. */
export function normaliseText(s: string): string {
  return s.normalize('NFKC').replace(/\s+/g, '');
}

/** Sorted, de-duplicated bigram codes of a normalised string. */
export type Profile = Float64Array;

export function profile(normalised: string): Profile {
  const n = normalised.length;
  if (n === 0) return new Float64Array(0);
  // A lone character still needs one shingle, or one-character items never match.
  if (n === 1) return Float64Array.of(normalised.charCodeAt(0) * 65536);
  const codes = new Float64Array(n - 1);
  for (let i = 0; i < n - 1; i++) codes[i] = normalised.charCodeAt(i) * 65536 + normalised.charCodeAt(i + 1);
  codes.sort();
  let w = 0;
  for (let i = 0; i < codes.length; i++) if (i === 0 || codes[i] !== codes[w - 1]) codes[w++] = codes[i];
  return codes.subarray(0, w);
}

export function intersectionSize(a: Profile, b: Profile): number {
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) {
    const x = a[i];
    const y = b[j];
    if (x === y) {
      k++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return k;
}

/** Dice: 2|A∩B| / (|A|+|B|); symmetric, 1 for identical, 0 when nothing shared. */
export function dice(a: Profile, b: Profile): number {
  if (a.length === 0 && b.length === 0) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  return (2 * intersectionSize(a, b)) / (a.length + b.length);
}

/** Share of `part`'s bigrams found in `whole`: how much of part is contained in whole. */
export function containment(part: Profile, whole: Profile): number {
  if (part.length === 0) return 0;
  return intersectionSize(part, whole) / part.length;
}

/** Union of several profiles (for coverage of a split/merge group). */
export function union(profiles: Profile[]): Profile {
  const all = new Float64Array(profiles.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of profiles) {
    all.set(p, o);
    o += p.length;
  }
  all.sort();
  let w = 0;
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[w - 1]) all[w++] = all[i];
  return all.subarray(0, w);
}
