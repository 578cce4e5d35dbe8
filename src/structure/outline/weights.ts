/**
 * The outline decoder's weights, in one place. A candidate's score is the sum
 * of the weights of the evidence it shows; the decoder keeps the set of
 * candidates whose total is highest. Positive: evidence that a marker opens an
 * item here; negative: evidence against. `REJECT` is a veto.
 *
 * The ablation test (outline.ablation.test.ts) zeroes each weight in turn and
 * checks that the real set scores worse without it.
 */
export const REJECT = -1000;

export const WEIGHTS = {
  // where the candidate stands
  /** At the start of a paragraph: the source itself broke the line here. */
  lineStart: 12,
  /** After 。；！？ — a sentence ended. */
  afterSentenceEnd: 4,
  /** After a space inside a paragraph (dumps write lost line breaks as spaces). */
  afterSpace: 4,
  /** After ）」” — a clause or quotation closed. */
  afterClose: 3,
  /** After ：: — the start of a list: weak for headings, see inlineEnumeration. */
  afterColon: 1,
  /** Glued to a unit name (…各区属国企（二）…, a collapsed table's last unit cell). */
  afterUnitName: 3,
  /** Glued to a Han char that is not a unit name's end: usually inside a word (多证合一、一照一码). */
  afterHan: -7,
  /** Right after a labelled field's value (…完成时限：2019年11月底三、…): fields glued to the next item. */
  afterLabelledField: 6,
  /** A bracketed marker （二） is rarely anything else. */
  bracketed: 3,
  /** A short heading with no sentence end since the previous marker: （一）经营指标提升1.明确… */
  gluedHeading: 3,
  /** 1.2017年…, 7.365天…: reads as a decimal too. */
  decimalLike: -6,
  /** （1）…；（2）… or 1.…；2.… inside one running sentence. */
  inlineEnumeration: -20,
  /** The list after 附件：, which names files. */
  attachmentList: -30,

  // how the candidate fits the outline so far
  /** The next number of its style. */
  continues: 6,
  /** The first of its style, numbered 1. */
  firstOfStyle: 3,
  /** Back to 1 after a higher level opened. */
  restartAfterHigher: 4,
  /** The same number again (a repeated （二十）): kept, reported later. */
  repeats: -3,
  /** Any other number: a skip, a step back, a first item not numbered 1. */
  outOfSequence: -9,
} as const;

export type Feature = keyof typeof WEIGHTS;
export type Weights = Record<Feature, number>;

/** Below this a candidate is never taken, whatever it would allow later. */
export const ACCEPT_FLOOR = -40;
