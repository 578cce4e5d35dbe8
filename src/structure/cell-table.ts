/**
 * Task tables dumped one cell per paragraph (Markdown and text dumps of a
 * Word table): a run of header labels (序号 / 任务名称 / 任务内容 / 牵头部门 /
 * 配合部门 / 时间节点), then rows that each open with their serial number.
 * Empty and merged cells leave no paragraph behind, so cells are assigned by
 * what they hold, not by position: a unit list goes to the unit columns, a
 * date to the time column, a citation to the reference column, a sentence
 * to the task column, a short label to the name column. The header tells
 * which columns exist; the unit recogniser tells where the units are.
 *
 * Rows come out as ordinary `table-row` paragraphs, as the HTML and DOCX
 * adapters make them, so the fields pass reads them the same way.
 */
import { columnRole, squash, type ColumnRole } from '../shared/task-columns.js';
import { isUnitList } from '../../grammars/unit/unit.js';
import { parseMarker } from '../../grammars/marker/marker.js';
import { joinParas, type Para } from '../normalise/para.js';
import { digitsToNumber } from '../../grammars/shared/numerals.js';

const MIN_COLUMNS = 3;
const SERIAL = /^[0-9０-９]{1,3}$/;
/** A row's 序号 cell (ASCII or full-width digits), or undefined. */
const serialOf = (text: string) => (SERIAL.test(squash(text)) ? digitsToNumber(squash(text)) : undefined);
const TIME = /^(?:(?:19|20)[0-9]{2}年(?:[0-9]{1,2}月)?(?:[上中下]旬|底|初|末)?(?:前|底前|以前)?|长期(?:坚持)?|持续(?:推进|开展)?|常态化|每[年季月周]|[0-9]{4}年?[-—至][0-9]{4}年?)[。]?$/;

type CellKind = 'units' | 'time' | 'reference' | 'text' | 'label';

function kindOf(text: string, roles: Set<ColumnRole>): CellKind {
  const t = squash(text);
  if (roles.has('deadline') && TIME.test(t)) return 'time';
  if (isUnitList(t)) return 'units';
  if (roles.has('reference') && (/^[《（(〈]/.test(t) || /[》〉]$/.test(t) || /号[）)]$/.test(t))) return 'reference';
  if (/[。；，,：:]/.test(t) || t.length > 16) return 'text';
  return 'label';
}

interface Header {
  roles: ColumnRole[];
  labels: string[];
  /** Paragraph index after the header. */
  end: number;
}

function headerAt(paras: Para[], i: number): Header | undefined {
  // a header starts with 序号: test that before anything (this runs on every paragraph)
  const first = paras[i].text;
  if (first.length > 8 || columnRole(first) !== 'seq') return undefined;
  const labels: string[] = [];
  const roles: ColumnRole[] = [];
  let j = i;
  while (j < paras.length && paras[j].kind === 'paragraph') {
    const role = columnRole(paras[j].text);
    if (!role || paras[j].text.length > 12) break;
    labels.push(squash(paras[j].text));
    roles.push(role);
    j++;
  }
  if (roles.length < MIN_COLUMNS || roles[0] !== 'seq') return undefined;
  if (!roles.some((r) => r === 'task') || !roles.some((r) => r === 'lead' || r === 'responsible' || r === 'cooperating')) return undefined;
  return { roles, labels, end: j };
}

export function recoverCellTables(paras: Para[]): Para[] {
  const out: Para[] = [];
  for (let i = 0; i < paras.length; i++) {
    const header = headerAt(paras, i);
    if (!header) {
      out.push(paras[i]);
      continue;
    }
    const rows = readRows(paras, header);
    if (rows.rows.length === 0) {
      out.push(paras[i]);
      continue;
    }
    out.push(...rows.rows);
    i = rows.end - 1;
  }
  return out;
}

function readRows(paras: Para[], header: Header): { rows: Para[]; end: number } {
  const roleSet = new Set(header.roles);
  const col = (role: ColumnRole) => header.roles.indexOf(role);
  const unitCols = header.roles.map((r, k) => [r, k] as const).filter(([r]) => r === 'lead' || r === 'responsible' || r === 'cooperating').map(([, k]) => k);
  const rows: Para[] = [];
  let i = header.end;
  let expect = 1;
  while (i < paras.length) {
    const p = paras[i];
    // the header again (a page break in the source table)
    const again = headerAt(paras, i);
    if (again && again.labels.join('|') === header.labels.join('|')) {
      i = again.end;
      continue;
    }
    if (p.kind !== 'paragraph' || serialOf(p.text) !== expect) break;
    const cells: string[][] = header.roles.map(() => []);
    const parts: Para[] = [p];
    cells[0].push(squash(p.text));
    let unitsSeen = 0;
    let j = i + 1;
    for (; j < paras.length; j++) {
      const q = paras[j];
      const t = q.text.trim();
      if (q.kind !== 'paragraph' || !t) break;
      if (serialOf(t) === expect + 1) break;
      if (headerAt(paras, j) || /^附件/.test(t) || parseMarker(t)) break;
      const kind = kindOf(t, roleSet);
      let k: number;
      if (kind === 'time') k = col('deadline');
      else if (kind === 'units' && unitCols.length > 0) {
        // the first unit paragraph is the first unit column; every further one the next (牵头 | 配合)
        k = unitCols[Math.min(unitsSeen, unitCols.length - 1)];
        unitsSeen++;
      } else if (kind === 'reference') k = col('reference');
      else if (kind === 'label' && col('name') >= 0 && cells[col('task')]?.length === 0) k = col('name');
      else k = cells[col('task')].length > 0 && col('requirement') >= 0 && kind === 'text' ? col('requirement') : col('task');
      if (k < 0) k = col('task');
      cells[k].push(t);
      parts.push(q);
    }
    const row = parts.slice(1).reduce((a, b) => joinParas(a, b, '\n'), parts[0]);
    rows.push({
      ...row,
      kind: 'table-row',
      cells: cells.map((c, k) => (unitCols.includes(k) ? c.join('、').replace(/([、，,])、/g, '$1') : c.join(''))),
      header: header.labels,
      gapBefore: true,
    });
    expect++;
    i = j;
  }
  return { rows, end: i };
}
