/**
 * Split the role-tagged lines into documents and place every line of each:
 * header (发文机关标志, 文号), transmittal notice (关于印发…的通知, 主送, body,
 * 署名, 成文日期), the plan's title and preamble, the outline, and the 版记.
 * Navigation junk before, between and after documents is returned as
 * unplaced, never dropped.
 */
import { RANK_OF_STYLE } from '../../grammars/marker/marker.js';
import type { Line } from './segment.js';
import { compact, isNavLike, TRANSMITTAL_TITLE, type Role } from './roles.js';
import { DOC_NUMBER_CANDIDATE } from '../../grammars/doc-number/doc-number.js';
import type { DocDraft, SectionDraft } from './draft.js';
import { columnHeaderLine } from '../shared/task-columns.js';
import { joinParas } from '../normalise/para.js';
import { isCollective, isUnitList } from '../../grammars/unit/unit.js';

/** A collective or a list of units (各有关处室, 局办公室、财务科): a table's unit cell, where a single name could be a menu entry (工作机构). */
const isUnitCell = (t: string) => isUnitList(t) && (isCollective(t) || /[、，,]/.test(t));

export interface SplitResult {
  docs: DocDraft[];
  unplaced: Array<{ line: Line; reason: string }>;
}

const PLAN_KIND = /(?:要点|方案|规划|计划|意见|办法|细则|指南|清单|纲要|制度|分解|分解表)[》」]?$/;
const RUNNING = /[。；;，,]/;
const ATTACHMENT_LABEL = /^附件[0-9０-９一二三四五六七八九十]*[：:]?$/;

function newDraft(): DocDraft {
  return { lines: [], meta: [], preamble: [], sections: [], closing: [], copyTo: [], publicity: [], statements: [] };
}

/** A table row is below every numbered level: the next numbered item closes it. */
function levelOf(s: SectionDraft): number {
  return s.head.marker ? RANK_OF_STYLE[s.head.marker.style] : 99;
}

/** A title opens a document only if body follows it (a menu entry such as 政府信息公开指南 does not). */
function bodyFollows(lines: Line[], roles: Role[], i: number): boolean {
  for (let j = i + 1; j < Math.min(lines.length, i + 5); j++) {
    const r = roles[j];
    if (r === 'doc-number' || r === 'recipients' || r === 'item' || r === 'table-row') return true;
    if (r === 'title' || r === 'issuer-mark') continue;
    if (r === 'meta') continue;
    if (r === 'text' || r === 'statement') {
      const t = compact(lines[j].text);
      if (t.length >= 20 && RUNNING.test(t)) return true;
      // 来源：…　浏览次数：… under a web page's title: look past it
      if (t.length <= 60 && !RUNNING.test(t) && /[：:]/.test(t)) continue;
      return false;
    }
    // the header of a task table whose borders were lost (工作任务 / 牵头单位 …)
    if (r === 'nav' && columnHeaderLine(lines[j].text)) continue;
    if (r === 'nav') return false;
  }
  return false;
}

/** The same title, one with its issuer in front (关于印发…的通知 / 某局关于印发…的通知). */
function sameTitle(a: string, b: string): boolean {
  return a === b || (Math.min(a.length, b.length) >= 8 && (a.endsWith(b) || b.endsWith(a)));
}

/** A 署名 and its date follow within a few lines of running text (no title or item between). */
function noticeFollows(roles: Role[], i: number): boolean {
  for (let j = i + 1; j < Math.min(roles.length - 1, i + 6); j++) {
    if (roles[j] === 'signature' && roles[j + 1] === 'date') return true;
    if (roles[j] !== 'text' && roles[j] !== 'nav') return false;
  }
  return false;
}

export function splitDocuments(lines: Line[], roles: Role[]): SplitResult {
  const docs: DocDraft[] = [];
  const unplaced: SplitResult['unplaced'] = [];
  let doc: DocDraft | undefined;
  let phase: 'head' | 'notice' | 'pre' | 'outline' | 'tail' = 'head';
  let stack: SectionDraft[] = [];
  const unplacedBefore: Line[] = [];

  let pendingMeta: Line[] = [];
  const start = () => {
    doc = newDraft();
    docs.push(doc);
    phase = 'head';
    stack = [];
    // a web page's metadata box (发文机关, 文号, 成文日期) sits above the article it describes
    doc.meta.push(...pendingMeta);
    doc.lines.push(...pendingMeta);
    pendingMeta = [];
  };
  const adoptDocNumber = (d: DocDraft) => {
    for (let k = unplacedBefore.length - 1; k >= 0 && k >= unplacedBefore.length - 3; k--) {
      const at = lines.indexOf(unplacedBefore[k]);
      if (at >= 0 && roles[at] === 'doc-number') {
        d.docNumber = unplacedBefore[k];
        d.lines.unshift(unplacedBefore[k]);
        const u = unplaced.findIndex((x) => x.line === unplacedBefore[k]);
        if (u >= 0) unplaced.splice(u, 1);
        unplacedBefore.splice(k, 1);
        return;
      }
    }
  };
  const appendText = (line: Line) => {
    if (!doc) return;
    if (phase === 'notice' && doc.notice) doc.notice.body.push(line);
    else if (phase === 'outline' && stack.length > 0) {
      const top = stack[stack.length - 1];
      top.paras.push(line);
    } else if (phase === 'tail') doc.closing.push(line);
    else doc.preamble.push(line);
  };

  let titleParts: Line[] = [];
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i];
    const role = roles[i];
    // the head lines of a title broken over lines: joined to the title line that ends it
    if (role === 'title-part') {
      titleParts.push(line);
      continue;
    }
    if (role === 'title' && titleParts.length) {
      line = [...titleParts, line].reduce((a, b) => joinParas(a, b) as Line);
      titleParts = [];
    }

    if (role === 'issuer-mark') {
      if (!doc || doc.title || doc.notice || doc.issuerMark || phase !== 'head') start();
      doc!.issuerMark = line;
      doc!.lines.push(line);
      continue;
    }
    // 附件1 / 某某任务清单: an attachment's own title stays in its document
    if (role === 'title' && doc && i > 0 && ATTACHMENT_LABEL.test(compact(lines[i - 1].text))) {
      doc.lines.push(line);
      appendText(line);
      continue;
    }
    // a page prints its title twice (page header, then the article): the repeat continues the same document
    const opened = doc?.notice?.title ?? doc?.title;
    if (role === 'title' && doc && opened && doc.sections.length === 0 && !doc.notice?.signature && sameTitle(compact(opened.text), compact(line.text))) {
      doc.lines.push(line);
      if (doc.notice) {
        doc.notice.title = line;
        doc.notice.body = [];
        phase = 'notice';
      } else doc.title = line;
      continue;
    }
    if (role === 'title' && (bodyFollows(lines, roles, i) || (doc && phase === 'notice' && !doc.title))) {
      const t = compact(line.text);
      const transmittal = TRANSMITTAL_TITLE.test(t);
      const awaitingPlan = doc && doc.notice && !doc.title && (phase === 'notice' || phase === 'head') && PLAN_KIND.test(t);
      const headerOnly = doc && phase === 'head' && !doc.title && !doc.notice;
      if (awaitingPlan) {
        doc!.title = line;
        doc!.lines.push(line);
        phase = 'pre';
        continue;
      }
      if (!headerOnly) {
        const hadDoc = !!doc;
        start();
        // the 文号 printed above the title (GB/T 9704) belongs to it, also when no document was open yet
        if (!hadDoc) adoptDocNumber(doc!);
      }
      if (transmittal) {
        doc!.notice = { title: line, body: [] };
        phase = 'notice';
      } else {
        doc!.title = line;
        phase = 'pre';
      }
      doc!.lines.push(line);
      continue;
    }
    if (role === 'meta') {
      if (!doc || phase === 'tail') pendingMeta.push(line);
      else {
        doc.meta.push(line);
        doc.lines.push(line);
      }
      continue;
    }
    // a notice whose title line the dump lost: 主送, body, 署名 and date, then the plan
    if (!doc && role === 'recipients' && noticeFollows(roles, i)) {
      start();
      doc!.notice = { recipients: line, body: [] };
      doc!.lines.push(line);
      phase = 'notice';
      continue;
    }
    if (!doc && (role === 'item' || role === 'table-row')) {
      // an outline with no title line: the document starts where its text does
      start();
      const lead = unplacedBefore.splice(0);
      for (const u of lead) {
        doc!.lines.push(u);
        doc!.preamble.push(u);
      }
      unplaced.splice(unplaced.length - lead.length, lead.length);
      phase = 'pre';
    }
    if (!doc) {
      unplacedBefore.push(line);
      unplaced.push({ line, reason: role === 'nav' ? 'navigation or page chrome before the first document' : 'text before the first document' });
      continue;
    }
    doc.lines.push(line);
    switch (role) {
      case 'doc-number':
        if (!doc.docNumber && (phase === 'head' || phase === 'notice' || (phase === 'pre' && doc.preamble.length === 0))) doc.docNumber = line;
        else appendText(line);
        break;
      case 'recipients':
        if (doc.notice && !doc.notice.recipients && phase === 'notice') doc.notice.recipients = line;
        else if (!doc.notice && !doc.recipients && phase === 'pre' && doc.preamble.length === 0) doc.recipients = line;
        else appendText(line);
        break;
      case 'signature': {
        // a joint 署名 runs over several lines: one signature, a line per row
        const joint = roles[i - 1] === 'signature';
        if (phase === 'notice' && doc.notice) doc.notice.signature = joint && doc.notice.signature ? (joinParas(doc.notice.signature, line, '\n') as Line) : line;
        else {
          doc.signature = joint && doc.signature ? (joinParas(doc.signature, line, '\n') as Line) : line;
          phase = 'tail';
        }
        break;
      }
      case 'date':
        if (phase === 'notice' && doc.notice && !doc.notice.date) doc.notice.date = line;
        else if (!doc.date && (phase === 'tail' || doc.signature)) doc.date = line;
        else appendText(line);
        break;
      case 'statement':
        doc.statements.push(line);
        break;
      case 'copy-to':
        doc.copyTo.push(line);
        phase = 'tail';
        break;
      case 'publicity':
        doc.publicity.push(line);
        phase = 'tail';
        break;
      case 'printed':
        doc.printed = line;
        phase = 'tail';
        break;
      case 'printed-by':
        doc.printedBy = line;
        phase = 'tail';
        break;
      case 'item': {
        if (phase === 'tail') {
          doc.closing.push(line);
          break;
        }
        // a numbered list inside the notice's own body (before its 署名) belongs to the notice
        if (phase === 'notice' && doc.notice && !doc.notice.signature) {
          doc.notice.body.push(line);
          break;
        }
        phase = 'outline';
        const level = RANK_OF_STYLE[line.marker!.style];
        const node: SectionDraft = { head: line, paras: [], children: [] };
        while (stack.length > 0 && levelOf(stack[stack.length - 1]) >= level) stack.pop();
        if (stack.length === 0) doc.sections.push(node);
        else stack[stack.length - 1].children.push(node);
        stack.push(node);
        break;
      }
      case 'table-row': {
        phase = 'outline';
        const node: SectionDraft = { head: line, paras: [], children: [] };
        // a table of its own (附件1 …任务清单): its rows are the top level, not children of the last item above
        const before = lines[i - 1];
        const before2 = lines[i - 2];
        if (before && before.kind !== 'table-row' && (/^附件/.test(compact(before.text)) || (before2 && roles[i - 1] === 'title' && ATTACHMENT_LABEL.test(compact(before2.text))))) stack = [];
        if (stack.length === 0) doc.sections.push(node);
        else {
          // rows hang under the deepest numbered item open above the table
          let top = stack[stack.length - 1];
          if (top.head.kind === 'table-row') {
            stack.pop();
            top = stack[stack.length - 1];
          }
          if (top) top.children.push(node);
          else doc.sections.push(node);
        }
        stack.push(node);
        break;
      }
      default:
        appendText(line);
    }
  }
  // a 文号 or a notice title is a document, even with no outline (a notice whose body is an attachment)
  if (docs.length === 0) {
    const metaTitle = pendingMeta.some((l) => {
      const c = compact(l.text);
      return /^(?:标题|文号|发文字号)/.test(c) && (TRANSMITTAL_TITLE.test(c) || DOC_NUMBER_CANDIDATE.test(c));
    });
    const anchor = lines.findIndex((l, k) => roles[k] === 'doc-number' || (roles[k] === 'title' && TRANSMITTAL_TITLE.test(compact(l.text))));
    if (anchor >= 0 || metaTitle) {
      const d = newDraft();
      pendingMeta = []; // they are among `lines`, placed below
      for (let k = 0; k < lines.length; k++) {
        const l = lines[k];
        if (roles[k] === 'meta') d.meta.push(l);
        else if (k === anchor && roles[k] === 'doc-number') d.docNumber = l;
        else if (k === anchor) d.notice = { title: l, body: [] };
        else if (d.notice) d.notice.body.push(l);
        else d.preamble.push(l);
        d.lines.push(l);
      }
      docs.push(d);
      unplaced.length = 0;
    }
  }
  for (const line of pendingMeta) unplaced.push({ line, reason: 'page metadata box with no document after it' });
  for (const d of docs) trimTrailingNav(d, unplaced);
  return { docs, unplaced };
}

/** Short menu-like lines at the very end of a document are page chrome, not content. */
function trimTrailingNav(doc: DocDraft, unplaced: SplitResult['unplaced']) {
  const lists: Line[][] = [];
  if (doc.closing.length) lists.push(doc.closing);
  else {
    let last: SectionDraft | undefined = doc.sections[doc.sections.length - 1];
    while (last && last.children.length) last = last.children[last.children.length - 1];
    if (last) lists.push(last.paras);
    else lists.push(doc.preamble);
  }
  for (const list of lists) {
    const cut: Line[] = [];
    // a unit list (the last row's unit cell of a collapsed table) is content, not a menu
    while (list.length > 0 && isNavLike(list[list.length - 1].text) && !isUnitCell(compact(list[list.length - 1].text))) cut.unshift(list.pop()!);
    for (const line of cut) {
      unplaced.push({ line, reason: 'navigation or page chrome after a document' });
      const k = doc.lines.indexOf(line);
      if (k >= 0) doc.lines.splice(k, 1);
    }
  }
}
