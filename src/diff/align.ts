/**
 * Aligns the outline nodes of two plans by content, level by level from the
 * deepest up, so that a section's children can vote for its partner when its
 * heading was reworded.
 *
 * Per level: (1) items whose normalised text is identical and unique on both
 * sides are anchors (patience-diff style, longest increasing run kept);
 * (2) between anchors an order-preserving DP pairs items maximising summed
 * similarity (pairs below minSimilarity are not allowed), so an inserted item
 * shifts its neighbours' numbers without stealing their partners; (3) what is
 * left is paired across the order (moves) when similarity ≥ moveSimilarity;
 * (4) a leftover item largely contained in a paired one makes a split/merge.
 */
import type { PolicyDocument, Section } from '../schema/document.js';
import { containment, dice, intersectionSize, normaliseText, profile, union, type Profile } from './similarity.js';

export interface Node {
  index: number;
  section: Section;
  level: number;
  parent: number;
  /** Index of the level-1 ancestor (itself for a top-level node). */
  top: number;
  children: number[];
  key: string;
  profile: Profile;
  /** Heading alone, or undefined when the node is only a heading. */
  headingProfile?: Profile;
}

export interface Group {
  old: number[];
  new: number[];
  similarity: number;
}

export interface Alignment {
  oldNodes: Node[];
  newNodes: Node[];
  groups: Group[];
  /** Group index per old/new node, -1 when unpaired. */
  oldGroup: Int32Array;
  newGroup: Int32Array;
}

export interface AlignOptions {
  minSimilarity: number;
  moveSimilarity: number;
  /** Share of a leftover item's bigrams that must lie inside its split/merge partner. */
  splitContainment: number;
}

/** Heading and body as one string; `text` usually begins with the heading already. */
export function contentOf(s: Section): string {
  return s.text.startsWith(s.heading) ? s.text : s.heading + s.text;
}

export function flatten(doc: PolicyDocument): Node[] {
  const out: Node[] = [];
  const walk = (sections: Section[], parent: number, top: number) => {
    for (const s of sections) {
      const index = out.length;
      const key = normaliseText(contentOf(s));
      const node: Node = { index, section: s, level: s.level, parent, top: top < 0 ? index : top, children: [], key, profile: profile(key) };
      const head = normaliseText(s.heading);
      if (head.length >= 2 && head.length < key.length - 1) node.headingProfile = profile(head);
      out.push(node);
      if (parent >= 0) out[parent].children.push(index);
      walk(s.children, index, node.top);
    }
  };
  walk(doc.sections, -1, -1);
  return out;
}

export function align(oldNodes: Node[], newNodes: Node[], options: AlignOptions): Alignment {
  const groups: Group[] = [];
  const oldGroup = new Int32Array(oldNodes.length).fill(-1);
  const newGroup = new Int32Array(newNodes.length).fill(-1);
  const pair = (o: number, n: number, similarity: number) => {
    oldGroup[o] = newGroup[n] = groups.length;
    groups.push({ old: [o], new: [n], similarity });
  };

  // Children paired with each other's children: 2·pairs / (|ca|+|cb|).
  const vote = (a: Node, b: Node): number => {
    if (a.children.length === 0 || b.children.length === 0) return 0;
    let k = 0;
    for (const c of a.children) {
      const g = oldGroup[c];
      if (g >= 0 && groups[g].new.some((n) => newNodes[n].parent === b.index)) k++;
    }
    return (2 * k) / (a.children.length + b.children.length);
  };

  const levels = [...new Set([...oldNodes, ...newNodes].map((n) => n.level))].sort((x, y) => y - x);
  for (const level of levels) {
    const A = oldNodes.filter((n) => n.level === level);
    const B = newNodes.filter((n) => n.level === level);
    if (A.length === 0 || B.length === 0) continue;
    const table = new LevelTable(A, B);
    const simAt = (i: number, j: number) => {
      const t = table.similarity(i, j);
      return A[i].children.length || B[j].children.length ? Math.max(t, vote(A[i], B[j])) : t;
    };
    for (const [i, j, s] of alignInOrder(A, B, simAt, options.minSimilarity)) pair(A[i].index, B[j].index, s);
    movePass(A, B, simAt, options.moveSimilarity, oldGroup, newGroup, pair);
    splitMergePass(A, B, table, groups, oldGroup, newGroup, oldNodes, newNodes, options.splitContainment);
  }
  return { oldNodes, newNodes, groups, oldGroup, newGroup };
}

/**
 * Content similarity, with the heading counted a second time when both items
 * have one: a task keeps its heading (its identity, like an Akoma Ntoso
 * heading) while its body is rewritten from year to year. A reworded heading
 * never lowers the score below the content similarity alone.
 */
export function itemSimilarity(a: Node, b: Node): number {
  const c = dice(a.profile, b.profile);
  if (!a.headingProfile || !b.headingProfile) return c;
  return Math.max(c, 0.4 * dice(a.headingProfile, b.headingProfile) + 0.6 * c);
}

/**
 * Bigram intersection sizes of every (old, new) pair of one level, from an
 * inverted index: one pass over the postings instead of n·m sorted merges,
 * which is what keeps two unrelated 500-task plans under a second. Past
 * MAX_CELLS pairs it falls back to merging on demand (memory over speed).
 */
const MAX_CELLS = 4_000_000;

export class LevelTable {
  private inter?: Int32Array;
  private head?: Int32Array;
  constructor(
    private A: Node[],
    private B: Node[],
  ) {
    if (A.length * B.length <= MAX_CELLS) {
      this.inter = intersections(A, B, (n) => n.profile);
      this.head = intersections(A, B, (n) => n.headingProfile);
    }
  }
  intersection(i: number, j: number): number {
    return this.inter ? this.inter[i * this.B.length + j] : intersectionSize(this.A[i].profile, this.B[j].profile);
  }
  /** Same value as itemSimilarity(A[i], B[j]). */
  similarity(i: number, j: number): number {
    const a = this.A[i];
    const b = this.B[j];
    if (!this.head) return itemSimilarity(a, b);
    const la = a.profile.length;
    const lb = b.profile.length;
    const c = la === 0 && lb === 0 ? 1 : la === 0 || lb === 0 ? 0 : (2 * this.intersection(i, j)) / (la + lb);
    if (!a.headingProfile || !b.headingProfile) return c;
    const h = (2 * this.head[i * this.B.length + j]) / (a.headingProfile.length + b.headingProfile.length);
    return Math.max(c, 0.4 * h + 0.6 * c);
  }
}

function intersections(A: Node[], B: Node[], prof: (n: Node) => Profile | undefined): Int32Array {
  const postings = new Map<number, number[]>();
  B.forEach((b, j) => {
    const p = prof(b);
    if (p)
      for (const x of p) {
        const l = postings.get(x);
        if (l) l.push(j);
        else postings.set(x, [j]);
      }
  });
  const m = B.length;
  const out = new Int32Array(A.length * m);
  A.forEach((a, i) => {
    const p = prof(a);
    if (!p) return;
    const row = i * m;
    for (const x of p) {
      const l = postings.get(x);
      if (l) for (const j of l) out[row + j]++;
    }
  });
  return out;
}

/** Anchors on unique identical texts, then a similarity DP in each gap between anchors. */
function alignInOrder(A: Node[], B: Node[], sim: (i: number, j: number) => number, minSim: number): Array<[number, number, number]> {
  const where = (list: Node[]) => {
    const m = new Map<string, number>();
    list.forEach((n, i) => m.set(n.key, m.has(n.key) ? -1 : i));
    return m;
  };
  const wa = where(A);
  const wb = where(B);
  const candidates: Array<[number, number]> = [];
  for (const [k, i] of wa) {
    const j = wb.get(k);
    if (i >= 0 && j !== undefined && j >= 0 && k.length > 0) candidates.push([i, j]);
  }
  candidates.sort((x, y) => x[0] - y[0]);
  const anchors = longestIncreasing(candidates);
  const out: Array<[number, number, number]> = [];
  let pa = 0;
  let pb = 0;
  for (const [i, j] of [...anchors, [A.length, B.length] as [number, number]]) {
    out.push(...dpGap(pa, i, pb, j, sim, minSim));
    if (i < A.length) out.push([i, j, 1]);
    pa = i + 1;
    pb = j + 1;
  }
  return out;
}

/** Longest run of candidates increasing in both coordinates (patience sorting, O(k log k)). */
function longestIncreasing(c: Array<[number, number]>): Array<[number, number]> {
  const tails: number[] = [];
  const prev = new Int32Array(c.length).fill(-1);
  for (let k = 0; k < c.length; k++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (c[tails[mid]][1] < c[k][1]) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[k] = tails[lo - 1];
    tails[lo] = k;
  }
  const out: Array<[number, number]> = [];
  for (let k = tails.length ? tails[tails.length - 1] : -1; k >= 0; k = prev[k]) out.push(c[k]);
  return out.reverse();
}

function dpGap(
  a0: number,
  a1: number,
  b0: number,
  b1: number,
  sim: (i: number, j: number) => number,
  minSim: number,
): Array<[number, number, number]> {
  const n = a1 - a0;
  const m = b1 - b0;
  if (n <= 0 || m <= 0) return [];
  const w = new Float64Array(n * m);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < m; j++) {
      const s = sim(a0 + i, b0 + j);
      w[i * m + j] = s >= minSim ? s : -1;
    }
  const W = m + 1;
  const score = new Float64Array((n + 1) * W);
  for (let i = 1; i <= n; i++)
    for (let j = 1; j <= m; j++) {
      let best = Math.max(score[(i - 1) * W + j], score[i * W + j - 1]);
      const s = w[(i - 1) * m + j - 1];
      if (s >= 0 && score[(i - 1) * W + j - 1] + s > best) best = score[(i - 1) * W + j - 1] + s;
      score[i * W + j] = best;
    }
  const out: Array<[number, number, number]> = [];
  let i = n;
  let j = m;
  while (i > 0 && j > 0) {
    const s = w[(i - 1) * m + j - 1];
    if (s >= 0 && score[i * W + j] === score[(i - 1) * W + j - 1] + s) {
      out.push([a0 + i - 1, b0 + j - 1, s]);
      i--;
      j--;
    } else if (score[i * W + j] === score[(i - 1) * W + j]) i--;
    else j--;
  }
  return out.reverse();
}

/** Pairs left over after the ordered pass, best first: items that moved against the order. */
function movePass(
  A: Node[],
  B: Node[],
  sim: (i: number, j: number) => number,
  moveSim: number,
  oldGroup: Int32Array,
  newGroup: Int32Array,
  pair: (o: number, n: number, s: number) => void,
) {
  const UA = A.map((_, i) => i).filter((i) => oldGroup[A[i].index] < 0);
  const UB = B.map((_, j) => j).filter((j) => newGroup[B[j].index] < 0);
  if (UA.length === 0 || UB.length === 0) return;
  const cand: Array<[number, number, number]> = [];
  for (const i of UA)
    for (const j of UB) {
      const s = sim(i, j);
      if (s >= moveSim) cand.push([A[i].index, B[j].index, s]);
    }
  // Best similarity first; ties by position so the choice does not depend on which side is "old".
  cand.sort((x, y) => y[2] - x[2] || Math.abs(x[0] - x[1]) - Math.abs(y[0] - y[1]) || x[0] + x[1] - (y[0] + y[1]));
  for (const [o, n, s] of cand) if (oldGroup[o] < 0 && newGroup[n] < 0) pair(o, n, s);
}

/**
 * A leftover new item mostly contained in an old item that is paired one-to-one,
 * and adding it covers clearly more of that old item: the old item was split.
 * Mirror image for merges.
 */
function splitMergePass(
  A: Node[],
  B: Node[],
  table: LevelTable,
  groups: Group[],
  oldGroup: Int32Array,
  newGroup: Int32Array,
  oldNodes: Node[],
  newNodes: Node[],
  minContainment: number,
) {
  const run = (
    leftovers: Node[],
    partners: Node[],
    inter: (x: number, p: number) => number,
    partnerGroup: Int32Array,
    ownGroup: Int32Array,
    partnerSide: 'old' | 'new',
    otherNodes: Node[],
  ) => {
    const ownSide = partnerSide === 'old' ? 'new' : 'old';
    leftovers.forEach((x, xi) => {
      if (ownGroup[x.index] >= 0 || x.profile.length === 0) return;
      let best: { g: number; gain: number } | undefined;
      partners.forEach((p, pi) => {
        const g = partnerGroup[p.index];
        if (g < 0 || groups[g][partnerSide].length !== 1) return;
        if (inter(xi, pi) / x.profile.length < minContainment) return;
        const mine = groups[g][ownSide].map((i) => otherNodes[i].profile);
        const before = containment(p.profile, union(mine));
        const after = containment(p.profile, union([...mine, x.profile]));
        const gain = after - before;
        if (gain >= 0.15 && (!best || gain > best.gain)) best = { g, gain };
      });
      if (best) {
        const group = groups[best.g];
        group[ownSide].push(x.index);
        group[ownSide].sort((p, q) => p - q);
        ownGroup[x.index] = best.g;
        const all = union(group[ownSide].map((i) => otherNodes[i].profile));
        group.similarity = dice(group[partnerSide].length === 1 ? (partnerSide === 'old' ? oldNodes : newNodes)[group[partnerSide][0]].profile : all, all);
      }
    });
  };
  run(B, A, (x, p) => table.intersection(p, x), oldGroup, newGroup, 'old', newNodes);
  run(A, B, (x, p) => table.intersection(x, p), newGroup, oldGroup, 'new', oldNodes);
}
