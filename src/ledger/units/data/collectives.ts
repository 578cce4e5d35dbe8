/**
 * Collective units (市政府各部门、单位, 各县区政府, 中央、省属在金有关单位): patterns
 * over the name with its level/region prefix already taken off, and how to
 * spell the canonical form. Data, not logic: add a pattern here.
 * `members` says who a collective stands for, so the per-unit view can show an
 * office the tasks addressed to "all departments".
 */
export type CollectiveMembers = 'departments' | 'governments' | 'external' | 'other';

export interface CollectiveRule {
  pattern: RegExp;
  /** Canonical name without the region (the resolver puts the region in front, unless `regionless`). */
  canonical: (m: RegExpExecArray) => string;
  members: CollectiveMembers;
  /** The name already carries its place (在金, 驻庆): no region prefix. */
  regionless?: boolean;
}

const SUB_GOVERNMENTS: Record<string, string> = {
  县区: '县（区）',
  '县（区）': '县（区）',
  '县(区)': '县（区）',
  '县、区': '县（区）',
  市州: '市（州）',
  州市: '市（州）',
  '市（州）': '市（州）',
  '市、自治州': '市（州）',
  '市、州': '市（州）',
  市: '市',
  县: '县',
  区: '区',
  乡镇: '乡镇',
  '乡、镇': '乡镇',
  '乡镇（街道）': '乡镇（街道）',
};

const EXTERNAL_PREFIX: Record<string, string> = {
  中央: '中央',
  '中央、省': '中央、省属',
  '中央、省属': '中央、省属',
  '中、省': '中央、省属',
  中省: '中央、省属',
  省属: '省属',
};

export const COLLECTIVES: CollectiveRule[] = [
  // 市政府各部门、单位 / 县政府有关部门、单位 / 省政府各部门 / 政府各部门、单位
  {
    pattern: /^(?:人民)?政府(各|有关)(?:部门|单位)((?:、|（)单位）?)?$/,
    canonical: (m) => `人民政府${m[1]}部门${m[2] ? '、单位' : ''}`,
    members: 'departments',
  },
  // 市直各部门 / 县直有关单位
  { pattern: /^直(?:属)?(各|有关)?(部门|单位)(、单位)?$/, canonical: (m) => `直属${m[1] ?? '各'}${m[2]}${m[3] ?? ''}`, members: 'departments' },
  // 各部门、单位 (no level: the plan's own)
  { pattern: /^各(部门|单位)(、单位)?$/, canonical: (m) => `各${m[1]}${m[2] ?? ''}`, members: 'departments' },
  // 各县区政府 / 各县、区人民政府 / 各市州政府 / 各乡镇 / 各乡镇人民政府
  {
    pattern: /^各(县区|县（区）|县\(区\)|县、区|市州|州市|市（州）|市、自治州|市、州|市|县|区|乡镇（街道）|乡镇|乡、镇)(?:人民)?(?:政府)?$/,
    canonical: (m) => `各${SUB_GOVERNMENTS[m[1]]}人民政府`,
    members: 'governments',
  },
  // 中央、省属在金有关单位 / 中央在甘有关单位 / 中、省驻庆有关单位
  {
    pattern: /^(中央、省属|中央、省|中央|中、省|中省|省属)(?:在|驻)([\u4e00-\u9fff])有关单位$/,
    canonical: (m) => `${EXTERNAL_PREFIX[m[1]]}在${m[2]}有关单位`,
    members: 'external',
    regionless: true,
  },
];

/** Anything else that names a group rather than one body. */
export const COLLECTIVE_FALLBACK = /^各|各部门|有关部门|有关单位|各单位|各级|县级以上|市级以上|乡镇、|街道、/;
