/**
 * The outline decoder: which marker-shaped candidates open an item.
 *
 * The grammar (scanMarkers) offers every candidate anywhere — at a line start,
 * after a space, glued to a unit name, mid-sentence. Each gets evidence from
 * its surroundings (features.ts), scored by the weights in weights.ts. The
 * decoder then picks, over the whole document at once, the most plausible
 * consistent set: a beam search over accept/reject decisions whose state is
 * the running number of every marker style, so that taking a doubtful
 * （一） can pay off when （二） and （三） follow, and an out-of-sequence
 * candidate costs what it breaks. Every decision can be traced.
 */
import { RANK_OF_STYLE, scanMarkers, type MarkerCandidate, type MarkerStyle } from '../../../grammars/marker/marker.js';
import { localFeatures, type Features } from './features.js';
import { ACCEPT_FLOOR, REJECT, WEIGHTS, type Feature, type Weights } from './weights.js';

export interface Candidate extends MarkerCandidate {
  /** Index of the paragraph it is in. */
  para: number;
  features: Features;
  /** The sum of the local weights. */
  local: number;
}

/** One line of the decoder's trace: a candidate, its evidence and the decision. */
export interface TraceEntry {
  para: number;
  at: number;
  marker: string;
  accepted: boolean;
  score: number;
  features: Partial<Record<Feature, number>>;
}

const STYLES = Object.keys(RANK_OF_STYLE) as MarkerStyle[];
const ATTACHMENT_LABEL = /^[\s\u3000]*附\s*件[0-9０-９]*[\s\u3000]*[：:]?[\s\u3000]*$/;
// 4 states carry every real-set decision (8 gave the same output at twice the cost)
const BEAM = 4;

interface State {
  last: Int32Array; // per style: last ordinal (0 = none yet)
  higher: Uint8Array; // per style: a higher level opened since its last item
  score: number;
  /** The previous accepted candidate (for the glued-heading feature). */
  prevAccepted: number;
  decisions: Decision | null;
}
interface Decision {
  index: number;
  accepted: boolean;
  seq: Feature | null;
  /** What accepting added to the path's score (local, sequence and glued-heading evidence). */
  gain: number;
  glued?: boolean;
  prev: Decision | null;
}

const styleIndex = new Map(STYLES.map((s, i) => [s, i]));
const LEVELS = STYLES.map((s) => RANK_OF_STYLE[s]);

function sequenceFeature(state: State, c: MarkerCandidate): Feature {
  const k = styleIndex.get(c.style)!;
  const last = state.last[k];
  if (last === 0) return c.ordinal === 1 ? 'firstOfStyle' : 'outOfSequence';
  if (c.ordinal === last + 1) return 'continues';
  if (c.ordinal === 1 && state.higher[k]) return 'restartAfterHigher';
  if (c.ordinal === last) return 'repeats';
  return 'outOfSequence';
}

function accept(state: State, c: Candidate, index: number, gain: number, seq: Feature, glued: boolean): State {
  const last = state.last.slice();
  const higher = state.higher.slice();
  const k = styleIndex.get(c.style)!;
  last[k] = c.ordinal;
  higher[k] = 0;
  const level = RANK_OF_STYLE[c.style];
  for (let i = 0; i < LEVELS.length; i++) if (LEVELS[i] > level) higher[i] = 1;
  return { last, higher, score: state.score + gain, prevAccepted: index, decisions: { index, accepted: true, seq, gain, glued, prev: state.decisions } };
}

export interface DecodeOptions {
  weights?: Weights;
  trace?: TraceEntry[];
}

/** Candidates of every paragraph, scored locally. Table rows and rules have none. */
export function candidatesOf(texts: Array<string | null>, weights: Weights = WEIGHTS): Candidate[] {
  const out: Candidate[] = [];
  texts.forEach((text, para) => {
    if (text === null) return;
    const found = scanMarkers(text);
    // `附件：` on a line of its own: the list of attached files follows
    const afterAttachmentLabel = para > 0 && ATTACHMENT_LABEL.test(texts[para - 1] ?? '');
    for (let i = 0; i < found.length; i++) {
      const c = found[i];
      const features = localFeatures(text, c, found, i);
      if (afterAttachmentLabel && i === 0 && c.at === 0) features.attachmentList = 1;
      let local = 0;
      for (const f in features) local += f === 'reject' ? REJECT : weights[f as Feature] * features[f as Feature]!;
      out.push({ style: c.style, ordinal: c.ordinal, raw: c.raw, length: c.length, decimal: c.decimal, at: c.at, para, features, local });
    }
  });
  // an attachment list runs on over its lines: 附件：1.… / 2.… / 3.…
  for (let i = 0; i < out.length; i++) {
    const c = out[i];
    if (!c.features.attachmentList) continue;
    for (let j = i + 1; j < out.length && j <= i + 3; j++) {
      const n = out[j];
      if (n.style !== c.style || n.ordinal !== c.ordinal + 1 || n.para > c.para + 3) continue;
      if (!n.features.attachmentList) {
        n.features = { ...n.features, attachmentList: 1 };
        n.local += weights.attachmentList;
      }
      break;
    }
  }
  return out;
}

/** The chosen candidates, in order. */
export function decode(candidates: Candidate[], options: DecodeOptions = {}): Candidate[] {
  const weights = options.weights ?? WEIGHTS;
  const minSeq = minSequence(weights);
  let beam: State[] = [{ last: new Int32Array(STYLES.length), higher: new Uint8Array(STYLES.length), score: 0, prevAccepted: -1, decisions: null }];
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i];
    // a vetoed candidate changes no state: record the rejection and move on
    if (c.local <= ACCEPT_FLOOR) {
      for (const st of beam) st.decisions = { index: i, accepted: false, seq: null, gain: 0, prev: st.decisions };
      continue;
    }
    const next: State[] = [];
    // taken in every state whatever the sequence says (a marker opening its own line): no rejecting branch to keep
    const certain = c.local + minSeq > 0;
    for (const st of beam) {
      if (!certain) next.push({ last: st.last, higher: st.higher, score: st.score, prevAccepted: st.prevAccepted, decisions: { index: i, accepted: false, seq: null, gain: 0, prev: st.decisions } });
      const seq = sequenceFeature(st, c);
      let gain = c.local + weights[seq];
      const prev = st.prevAccepted >= 0 ? candidates[st.prevAccepted] : undefined;
      const glued = !!prev && prev.para === c.para && gluedHeading(prev, c);
      if (glued) gain += weights.gluedHeading;
      next.push(accept(st, c, i, gain, seq, glued));
    }
    // keep the best state per outline position (same running numbers, same open paragraph)
    next.sort((a, b) => b.score - a.score);
    beam = [];
    for (const st of next) {
      if (beam.some((b) => sameState(b, st, candidates, c.para))) continue;
      beam.push(st);
      if (beam.length >= BEAM) break;
    }
  }
  const best = beam[0];
  const decisions: Decision[] = [];
  for (let d = best.decisions; d; d = d.prev) decisions.push(d);
  decisions.reverse();
  const chosen: Candidate[] = [];
  for (const d of decisions) {
    const c = candidates[d.index];
    if (d.accepted) chosen.push(c);
    if (options.trace) {
      const features: TraceEntry['features'] = { ...(c.features as TraceEntry['features']) };
      if (d.seq) features[d.seq] = 1;
      if (d.glued) features.gluedHeading = 1;
      // a rejected candidate shows its local evidence; an accepted one all it added to the path
      options.trace.push({ para: c.para, at: c.at, marker: c.raw, accepted: d.accepted, score: d.accepted ? d.gain : c.local, features });
    }
  }
  return chosen;
}

const SEQUENCE_FEATURES: Feature[] = ['continues', 'firstOfStyle', 'restartAfterHigher', 'repeats', 'outOfSequence'];
const minSequence = (w: Weights) => Math.min(...SEQUENCE_FEATURES.map((f) => w[f]));

function sameState(a: State, b: State, candidates: Candidate[], para: number): boolean {
  for (let k = 0; k < a.last.length; k++) if (a.last[k] !== b.last[k] || a.higher[k] !== b.higher[k]) return false;
  const pa = a.prevAccepted >= 0 && candidates[a.prevAccepted].para === para ? a.prevAccepted : -1;
  const pb = b.prevAccepted >= 0 && candidates[b.prevAccepted].para === para ? b.prevAccepted : -1;
  return pa === pb;
}

/** `（一）经营指标提升1.明确…`: the text between two markers is a short heading with no sentence end. */
function gluedHeading(prev: Candidate, c: Candidate): boolean {
  const gap = c.at - (prev.at + prev.length);
  return gap > 0 && gap <= 30 && RANK_OF_STYLE[c.style] > RANK_OF_STYLE[prev.style] && !c.features.afterSentenceEnd;
}
