/**
 * What a unit (agency) name looks like: the one recogniser that the core
 * (splitting unit lists, finding where a collapsed table's task cell ends,
 * flagging truncated names), the outline decoder (a marker glued to a unit
 * name) and diff (same body, other spelling) ask. The alias and region tables
 * that turn a name into a canonical body stay data in src/ledger/units/data.
 */

/** Endings of an organisation's name, longest first where one ends another. */
export const UNIT_SUFFIXES = [
  '管理委员会', '委员会', '办公室', '办公厅', '管委会', '工作队', '领导小组', '小组', '街道办事处', '办事处',
  '人民政府', '政府', '人民法院', '法院', '人民检察院', '检察院', '中心', '集团', '公司', '银行', '支行', '分行',
  '分局', '支局', '海关', '片区', '总队', '支队', '大队', '中队', '学校', '医院', '机关', '机构', '单位', '部门', '处室', '科室',
  '局', '委', '办', '厅', '院', '室', '处', '科', '部', '所', '队', '站', '馆', '司', '社', '会', '团', '行', '署',
  '国企', '企业', '街道', '街镇', '乡镇', '镇', '乡', '村', '社区', '党委', '党组', '工委', '团委', '妇联', '总工会', '残联', '政协', '人大',
] as const;

const SUFFIX_ALT = [...UNIT_SUFFIXES].sort((a, b) => b.length - a.length).join('|');
/** A name that ends like an organisation (a trailing 等 stays on its unit: 党群工作部等). */
export const UNIT_END = new RegExp(`(?:${SUFFIX_ALT})(?:等)?$`);
/** Phrases after a unit that say what it does, not who it is: dropped from the name. */
export const ROLE_PHRASE = /(?:按职责分工负责|按职责分工|按职责负责|分工负责|负责落实|负责[\u4e00-\u9fff]{1,12}工作|负责|配合|牵头)$/;

/** Does `text` end like an organisation's name? */
export function endsLikeUnit(text: string): boolean {
  // 区办公室（政策法规处）: a bracketed sub-unit or alias after the name
  return UNIT_END.test(text.replace(/[（(][^（()）]{1,30}[）)]$/, ''));
}

/** A unit written with a role phrase after it (区…政策法规处负责法制审查工作) → the name alone. */
export function stripRolePhrase(unit: string): string {
  const m = ROLE_PHRASE.exec(unit);
  if (!m || m.index === 0) return unit;
  const head = unit.slice(0, m.index);
  return endsLikeUnit(head) ? head : unit;
}

/** A name that does not end like an organisation (发改, 数据, 卫健) is probably truncated. */
export function looksTruncated(unit: string): boolean {
  return !endsLikeUnit(unit) && !/(?:县|区|市|州|旗|省)$/.test(unit);
}

/** Split a unit list at 、，,；; except inside brackets (区委宣传部（区文明办、区政府新闻办）). */
export function splitOutsideBrackets(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '（' || c === '(') depth++;
    else if ((c === '）' || c === ')') && depth > 0) depth--;
    else if (depth === 0 && /[、，,；;]/.test(c)) {
      out.push(text.slice(from, i));
      from = i + 1;
    }
  }
  out.push(text.slice(from));
  return out;
}

/** Units only: every entry of the text, split at 、，,, ends like an organisation (a table cell of units). */
export function isUnitList(text: string): boolean {
  if (text.length === 0 || text.length > 200 || /[。：:]/.test(text)) return false;
  const parts = splitOutsideBrackets(text)
    .map((s) => s.trim())
    .filter(Boolean);
  return parts.length > 0 && parts.every((p) => endsLikeUnit(p.replace(/等$/, '')) || /^各/.test(p));
}

/** A collective (各有关处室, 相关部门, 区直各单位): many bodies named at once. */
export function isCollective(unit: string): boolean {
  return /^(?:各|有关|相关|全体|其他)|[直属]各|各[\u4e00-\u9fff]{0,4}(?:单位|部门|处室|科室)$/.test(unit);
}
