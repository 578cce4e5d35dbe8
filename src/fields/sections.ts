/**
 * Section drafts → Section: heading, text without marker and clause, 牵头 /
 * 责任 units (union over the item's paragraphs), deadline, path, and the
 * ordinal checks (a repeated （二十） is kept and reported, never merged).
 */
import { LEVEL_OF_STYLE } from '../../grammars/marker/marker.js';
import { numberToCjk } from '../../grammars/shared/numerals.js';
import type { Deadline, Section } from '../schema/document.js';
import type { SectionDraft } from '../structure/draft.js';
import type { Line } from '../structure/segment.js';
import { slicePara } from '../normalise/para.js';
import { columnHeaderLine, columnRole, type ColumnRole } from '../shared/task-columns.js';
import { isCollective, isUnitList } from '../../grammars/unit/unit.js';
import { findClauses } from './responsibility.js';
import { splitUnits, unionUnits, unitDoubts } from './units.js';
import { deadlineFromClause, deadlinesInText, dueDeadline, taskDeadlines } from './deadline.js';
import type { FieldContext } from './context.js';

const FIRST_SENTENCE = /^[^。；！？!?]*/;

/**
 * Words a level-1 heading ends with (总体要求, 保障措施, 考核对象, 实施…行动).
 * A dump glues the section's first paragraph to its heading
 * (`一、指导思想全面贯彻…`); the heading ends after the last such word in its first 20 chars that
 * is not continued by 和/及/与/、/的 (主要任务和责任分工 stays whole).
 */
const HEADING_END = /(?:指导思想|总体要求|基本原则|工作目标|主要目标|目标任务|主要任务|重点任务|工作任务|工作要求|保障措施|组织保障|工作措施|实施步骤|工作步骤|时间安排|进度安排|组织形式|考核对象|考核内容|职责分工|责任分工|工作机制|适用范围|行动|要求|原则|措施|步骤|安排|对象|形式|方法|分值|范围|依据)(?=[^和及与、的，,。；（(]|$)/g;
/** A heading that ends in a score or note in brackets: 林长制责任体系建立及运行情况（8分）考核… */
const SCORED_HEADING = /^[^。；，,（(]{2,30}?[（(][0-9０-９.]+分[）)]/;

function headingOf(text: string, level: number): string {
  const first = (FIRST_SENTENCE.exec(text)?.[0] ?? '').trim();
  const scored = SCORED_HEADING.exec(first);
  if (scored && scored[0].length < first.length) return scored[0];
  if (level !== 1 || first.length <= 8) return first;
  // the last heading word within the first 20 chars: 目标任务缺项计分方法 ends at 方法, not 目标任务
  let cut = 0;
  HEADING_END.lastIndex = 0;
  for (let m = HEADING_END.exec(first); m; m = HEADING_END.exec(first)) {
    const end = m.index + m[0].length;
    if (end > 20 || end >= first.length) break;
    if (end >= 4) cut = end;
  }
  return cut ? first.slice(0, cut) : first;
}

export function buildSections(drafts: SectionDraft[], ctx: FieldContext, planYear: number | undefined, parentPath = '', parentLevel = 0): Section[] {
  const out: Section[] = [];
  drafts.forEach((d, i) => {
    const path = parentPath ? `${parentPath}.${i + 1}` : String(i + 1);
    out.push(d.head.kind === 'table-row' ? rowSection(d, ctx, planYear, path, parentLevel) : itemSection(d, ctx, planYear, path));
  });
  checkOrdinals(drafts, out, ctx);
  return out;
}

function itemSection(d: SectionDraft, ctx: FieldContext, planYear: number | undefined, path: string): Section {
  const marker = d.head.marker!;
  const headBody = slicePara(d.head, marker.length);
  const paras: Line[] = [headBody, ...d.paras];
  const texts: string[] = [];
  const leads: string[][] = [];
  const resps: string[][] = [];
  const coops: string[][] = [];
  const clauses: string[] = [];
  let clauseDeadline: Deadline | undefined;
  const bodies: Array<{ p: Line; pieces: Array<[number, number]> }> = [];
  const unitCells: Line[] = [];
  for (const p of paras) {
    // a bare unit line under an item of a collapsed task table: a unit cell, not text
    // the table's header again (a page break in the source table) is neither text nor units
    if (ctx.columns && p !== headBody && columnHeaderLine(p.text)) continue;
    if (ctx.columns && p !== headBody && isUnitList(p.text.replace(/[\s\u3000]+/g, ''))) {
      unitCells.push(p);
      continue;
    }
    const found = findClauses(p.text);
    // the text is what lies between the clauses
    const pieces: Array<[number, number]> = [];
    let from = 0;
    for (const c of found) {
      pieces.push([from, c.start]);
      from = c.end;
    }
    pieces.push([from, p.text.length]);
    bodies.push({ p, pieces });
    texts.push(pieces.map(([a, b]) => p.text.slice(a, b).trim()).filter(Boolean).join(''));
    for (const c of found) {
      clauses.push(c.raw);
      if (!c.closed) ctx.warn('CLAUSE_UNCLOSED', 'Responsibility clause has no closing bracket; read to the end of the paragraph.', slicePara(p, c.start, c.end), c.raw);
      if (!c.parsed) {
        ctx.warn('CLAUSE_UNPARSED', 'A parenthetical names units but could not be read as a responsibility clause; it is kept in `clauses`.', slicePara(p, c.start, c.end), c.raw);
        continue;
      }
      for (const label of c.parsed.missingColon)
        ctx.info('CLAUSE_LABEL_MISSING_COLON', `Clause label ${label} has no colon; read as a label.`, slicePara(p, c.start, c.end), c.raw);
      const lead = c.parsed.lead.flatMap(splitUnits);
      const resp = c.parsed.responsible.flatMap(splitUnits);
      const coop = c.parsed.cooperating.flatMap(splitUnits);
      // truncated names and names run together, flagged here once (the ledger says how it resolved them)
      for (const g of [...c.parsed.lead, ...c.parsed.responsible, ...c.parsed.cooperating].flatMap(unitDoubts)) ctx.info(g.code, g.message, slicePara(p, c.start, c.end), g.text);
      leads.push(lead);
      resps.push(resp);
      coops.push(coop);
      if (c.parsed.deadline && !clauseDeadline) {
        clauseDeadline = deadlineFromClause(c.parsed.deadline, planYear, ctx.span(p, c.start, c.end));
        if (clauseDeadline.kind === 'unknown')
          ctx.warn('DEADLINE_UNKNOWN', `完成时限 “${c.parsed.deadline}” is not a form the parser knows; kept as raw.`, slicePara(p, c.start, c.end), c.parsed.deadline);
        else if (clauseDeadline.kind === 'by' && !clauseDeadline.date)
          ctx.warn('DEADLINE_UNRESOLVED', `完成时限 “${c.parsed.deadline}” needs the plan's year, which is unknown.`, slicePara(p, c.start, c.end));
      }
    }
  }
  if (unitCells.length) {
    const cells = assignUnitCells(unitCells.map((p) => p.text.replace(/[\s\u3000]+/g, '')), ctx.columns!);
    leads.push(cells.lead.flatMap(splitUnits));
    resps.push(cells.responsible.flatMap(splitUnits));
    coops.push(cells.cooperating.flatMap(splitUnits));
  }
  const text = texts.filter(Boolean).join('\n');
  const textDeadlines: Deadline[] = [];
  for (const { p, pieces } of bodies)
    for (const [a, b] of pieces)
      textDeadlines.push(...deadlinesInText(p.text.slice(a, b), planYear, (at, len) => ctx.span(p, a + at, a + at + len)));
  const deadlines = taskDeadlines(clauseDeadline, textDeadlines);
  const headingSource = texts[0] ?? '';
  const heading = headingOf(headingSource, LEVEL_OF_STYLE[marker.style]);
  const lastLine = lastLineOf(d);
  const section: Section = {
    marker: marker.raw,
    markerStyle: marker.style,
    level: LEVEL_OF_STYLE[marker.style],
    ordinal: marker.ordinal,
    path,
    heading,
    text,
    lead: unionUnits(leads),
    responsible: unionUnits(resps),
    cooperating: unionUnits(coops),
    clauses,
    deadlines,
    children: buildSections(d.children, ctx, planYear, path, LEVEL_OF_STYLE[marker.style]),
    span: ctx.spanOfRange(d.head, lastLine),
  };
  const due = dueDeadline(deadlines); // the one deadline rule (fields/deadline.ts), shared with the ledger's due
  if (due) section.deadline = due;
  return section;
}

/**
 * Unit cells of a collapsed table, in order, to the unit columns its header
 * names. Empty cells leave no line, so position alone cannot say which column
 * a cell was in: a collective (各有关处室) is the 责任/配合 column's, a named
 * body the 牵头 column's; with several lines, the trailing collectives are
 * the second column's and the rest the first's.
 */
export function assignUnitCells(cells: string[], columns: ColumnRole[]): { lead: string[]; responsible: string[]; cooperating: string[] } {
  const out = { lead: [] as string[], responsible: [] as string[], cooperating: [] as string[] };
  const unitCols = columns.filter((c): c is 'lead' | 'responsible' | 'cooperating' => c === 'lead' || c === 'responsible' || c === 'cooperating');
  if (unitCols.length === 0) return out;
  if (unitCols.length === 1) {
    out[unitCols[0]].push(...cells);
    return out;
  }
  const [first, second] = unitCols;
  let k = cells.length;
  while (k > 0 && isCollective(cells[k - 1])) k--;
  out[first].push(...cells.slice(0, k));
  out[second].push(...cells.slice(k));
  return out;
}

function lastLineOf(d: SectionDraft): Line {
  if (d.children.length) return lastLineOf(d.children[d.children.length - 1]);
  return d.paras.length ? d.paras[d.paras.length - 1] : d.head;
}

/** A row of a task ledger table: columns by their header names. */
function rowSection(d: SectionDraft, ctx: FieldContext, planYear: number | undefined, path: string, parentLevel: number): Section {
  const cells = d.head.cells ?? [];
  const header = (d.head.header ?? []).map((h) => h.replace(/[\s\u3000]+/g, ''));
  const roles = header.map((h) => columnRole(h));
  // by role (src/shared/task-columns.ts), else by the old name patterns
  const col = (re: RegExp, role?: ColumnRole) => {
    let k = role ? roles.indexOf(role) : -1;
    if (k < 0) k = header.findIndex((h) => re.test(h));
    return k >= 0 ? (cells[k] ?? '').trim() : '';
  };
  // a <br> inside a unit cell separates units
  const unitsOf = (cell: string) => [...splitUnits(cell.replace(/(?<=[\u3400-\u9fff])[\s\u3000]+(?=[\u3400-\u9fff])/g, '\n'))];
  const serial = col(/^(?:序号|编号)$/, 'seq');
  const task = col(/任务|内容|事项|工作/, 'task') || cells.filter((c, k) => !/序号|牵头|责任|配合|时限|时间/.test(header[k] ?? '')).join(' ');
  const lead = unitsOf(col(/牵头/, 'lead'));
  const responsible = unitsOf(col(/责任/, 'responsible'));
  // 配合单位 is its own role (a supporting unit is not accountable for the task)
  const cooperating = unitsOf(col(/配合|参与|协办/, 'cooperating'));
  const deadlineRaw = col(/时限|时间|期限|节点/, 'deadline');
  const deadlines = taskDeadlines(deadlineRaw ? deadlineFromClause(deadlineRaw, planYear, ctx.span(d.head)) : undefined, deadlinesInText(task, planYear));
  const n = Number(serial.replace(/[^0-9]/g, ''));
  const section: Section = {
    marker: serial,
    markerStyle: 'table-row',
    // one below the item the table hangs under; a table of its own (an attachment) is the top level
    level: Math.min(5, parentLevel + 1),
    // a serial that is no row number (a pasted ID, 20 digits): the row's position instead
    ordinal: Number.isSafeInteger(n) && n > 0 && n < 100000 ? n : Number(path.split('.').pop()),
    path,
    heading: (FIRST_SENTENCE.exec(task)?.[0] ?? '').trim(),
    text: task,
    lead,
    responsible,
    cooperating,
    clauses: [],
    deadlines,
    children: buildSections(d.children, ctx, planYear, path),
    span: ctx.span(d.head),
  };
  const due = dueDeadline(deadlines);
  if (due) section.deadline = due;
  return section;
}

/** Duplicates (three （二十）) and gaps are reported; the items stay as written. */
function checkOrdinals(drafts: SectionDraft[], sections: Section[], ctx: FieldContext) {
  for (let i = 1; i < sections.length; i++) {
    const prev = sections[i - 1];
    const cur = sections[i];
    if (cur.markerStyle !== prev.markerStyle || cur.markerStyle === 'table-row') continue;
    if (cur.ordinal === prev.ordinal) {
      ctx.warn(
        'DUPLICATE_ORDINAL',
        `Marker ${cur.marker} repeats the previous item's number; kept as a separate item at path ${cur.path} (expected ${expectedMarker(cur, prev.ordinal + 1)}).`,
        drafts[i].head,
        cur.marker,
      );
    } else if (cur.ordinal !== prev.ordinal + 1) {
      ctx.warn(
        'ORDINAL_SEQUENCE',
        `Marker ${cur.marker} follows ${prev.marker}: numbering skips or goes back (expected ${expectedMarker(cur, prev.ordinal + 1)}).`,
        drafts[i].head,
        cur.marker,
      );
    }
  }
}

function expectedMarker(s: Section, n: number): string {
  switch (s.markerStyle) {
    case 'cjk-dun':
      return `${numberToCjk(n)}、`;
    case 'cjk-paren':
      return `（${numberToCjk(n)}）`;
    case 'arabic-dot':
      return `${n}.`;
    case 'arabic-paren':
      return `（${n}）`;
    case 'chapter':
      return `第${numberToCjk(n)}章`;
    case 'part':
      return `第${numberToCjk(n)}节`;
    case 'article':
      return `第${numberToCjk(n)}条`;
    default:
      return String(n);
  }
}
