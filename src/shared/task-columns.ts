/**
 * The columns of a task table (序号 | 工作任务 | 牵头单位 | 责任单位 | 完成时限),
 * said once: the HTML, DOCX and PDF table adapters, the cell-per-paragraph
 * table recogniser and the fields pass (which column feeds which field) all
 * ask this module. Labels are compared with all whitespace removed
 * (`任 务 内 容` = `任务内容`).
 */
import { CLAUSE_LABELS } from '../../grammars/clause/clause.js';

export type ColumnRole = 'seq' | 'name' | 'task' | 'lead' | 'responsible' | 'cooperating' | 'deadline' | 'reference' | 'requirement';

const alt = (words: readonly string[]) => words.join('|');

// Order matters: the first role whose pattern matches a label wins.
const ROLES: ReadonlyArray<[ColumnRole, RegExp]> = [
  ['seq', /^(?:序号|编号|序)$/],
  ['lead', new RegExp(`^(?:${alt(CLAUSE_LABELS.lead)})$|牵头`)],
  ['cooperating', new RegExp(`^(?:${alt(CLAUSE_LABELS.cooperating)})$|配合|协办`)],
  ['responsible', new RegExp(`^(?:${alt(CLAUSE_LABELS.responsible)})$|责任单位|责任部门|责任处室|参与单位|主办单位|承办单位|责任人|责任领导`)],
  ['deadline', new RegExp(`^(?:${alt(CLAUSE_LABELS.deadline)})$|时限|时间节点|完成时间|时间安排|进度安排|完成期限|截止时间`)],
  // a short label naming a group of rows, not the task itself
  ['name', /^(?:任务名称|任务类型|工作类别|类别|项目名称|领域)$/],
  ['task', /工作任务|重点任务|主要任务|任务内容|重点内容|具体任务|工作内容|工作措施|重点工作|目标任务|主要内容|工作事项|任务事项|^任务$|^事项$|^内容$/],
  ['reference', /参考文件|依据|文件依据|政策依据/],
  ['requirement', /工作要求|工作目标|目标要求|备注/],
];

export const squash = (text: string | undefined): string => (text ?? '').replace(/[\s\u3000\u00a0]+/g, '');

/** The role of one header label, or undefined for a label that names no known column. */
export function columnRole(label: string): ColumnRole | undefined {
  const l = squash(label);
  if (l.length === 0 || l.length > 12) return undefined;
  for (const [role, re] of ROLES) if (re.test(l)) return role;
  return undefined;
}

/** Which label kinds (seq, task, unit, deadline) a header row's cells name: a task table has two or more. */
export function headerCategories(labels: string[]): Set<string> {
  const found = new Set<string>();
  for (const label of labels) {
    const role = columnRole(label);
    if (!role) continue;
    if (role === 'lead' || role === 'responsible' || role === 'cooperating') found.add('unit');
    else if (role === 'name') found.add('task');
    else found.add(role);
  }
  return found;
}

/**
 * A line that is nothing but column labels (`工作任务 牵头单位`, `责任单位 工 作 要 求`,
 * letter-spaced labels rejoined): the roles in order, or undefined.
 */
export function columnHeaderLine(text: string): ColumnRole[] | undefined {
  const tokens: string[] = [];
  let spaced = false;
  for (const t of text.trim().split(/[\s\u3000]+/)) {
    if (!t) continue;
    // 工 作 要 求: a run of one-char tokens is one letter-spaced label
    if (t.length === 1 && spaced) tokens[tokens.length - 1] += t;
    else tokens.push(t);
    spaced = t.length === 1;
  }
  const roles = tokens.map((t) => columnRole(t));
  return tokens.length > 0 && roles.every(Boolean) ? (roles as ColumnRole[]) : undefined;
}
