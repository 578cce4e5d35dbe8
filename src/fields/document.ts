/** A placed document draft → PolicyDocument, reading every field with the grammars. */
import type { PolicyDocument } from '../schema/document.js';
import type { DocDraft } from '../structure/draft.js';
import type { Line } from '../structure/segment.js';
import { FieldContext } from './context.js';
import { parseDate } from '../../grammars/date/date.js';
import { cleanTitle, kindOf, regionOf, yearsOf } from './title.js';
import { readCopyTo, readDate, readDocNumber, readPrinted, readPublicity, readRecipients } from './header.js';
import { columnHeaderLine, type ColumnRole } from '../shared/task-columns.js';
import { endsLikeUnit } from '../../grammars/unit/unit.js';
import { splitRunTogether } from '../../grammars/unit/run-together.js';
import { TRANSMITTAL_TITLE } from '../structure/roles.js';
import { buildSections } from './sections.js';

/**
 * Organs printed side by side in one row of a joint 署名 share their region
 * prefix (黄浦区…委员会黄浦区…委员会): a cut where the prefix comes again after a
 * name that ends like an organ; otherwise the unit recogniser's run-together split.
 */
function splitJointSignature(row: string): string[] {
  const prefix = /^[\u4e00-\u9fff]{1,8}?[省市县区州旗]/.exec(row)?.[0];
  if (prefix && prefix.length >= 2) {
    const out: string[] = [];
    let from = 0;
    for (let at = row.indexOf(prefix, 1); at > 0; at = row.indexOf(prefix, at + 1)) {
      if (at - from >= prefix.length + 2 && endsLikeUnit(row.slice(from, at))) {
        out.push(row.slice(from, at));
        from = at;
      }
    }
    out.push(row.slice(from));
    if (out.length > 1) return out;
  }
  return splitRunTogether(row);
}

const joinLines = (lines: Line[]) => lines.map((l) => l.text.trim()).join('\n');

/** 发文机关：… / 文号：… / 成文日期：… lines of a web page's metadata box. */
function readMeta(lines: Line[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const l of lines) {
    const m = /^([^：:]{1,12})[：:](.*)$/.exec(l.text.trim());
    if (m) out[m[1].replace(/[\s\u3000\u00a0]+/g, '')] = m[2].trim();
  }
  return out;
}

/** A metadata-box date (2025年03月28日 or 2025-04-02), through the date grammar. */
function isoFromMeta(value: string | undefined, label: string, ctx: FieldContext, lines: Line[]): string | undefined {
  if (!value) return undefined;
  // 发布时间：2025-04-02 10:30 — the date part only
  const r = parseDate(value.replace(/\s+\d{1,2}:\d{2}(?::\d{2})?$/, ''));
  if (r.ok) return r.iso;
  const line = lines.find((l) => l.text.includes(value));
  ctx.warn('DATE_GARBLED', `${label} “${value}” in the page's metadata box is not a valid date (${r.reason}); left empty.`, line, value);
  return undefined;
}

export function buildDocument(d: DocDraft, ctx: FieldContext): PolicyDocument {
  const meta = readMeta(d.meta);
  const noticeTitle = d.notice ? cleanTitle(d.notice.title?.text ?? (TRANSMITTAL_TITLE.test(meta['标题'] ?? '') ? meta['标题'] : '')) || undefined : undefined;
  // no title line: the page's own title (<meta name="ArticleTitle">, a dump's 标题: field)
  const title = d.title ? cleanTitle(d.title.text) : noticeTitle ?? cleanTitle(meta['标题'] ?? meta['名称'] ?? '');
  if ((!d.title && !d.notice) || (d.notice && !d.notice.title && !noticeTitle && !d.title)) ctx.warn('TITLE_MISSING', 'No title line was found for this document.', d.lines[0]);
  const metaDocNumberLine = d.meta.find((l) => /^(?:文号|发文字号)/.test(l.text.trim().replace(/[\s\u3000\u00a0]+/g, '')));
  const docNumber = d.docNumber ? readDocNumber(d.docNumber, ctx) : metaDocNumberLine ? readDocNumber(metaDocNumberLine, ctx) : undefined;
  const signed = readDate(d.notice?.date ?? d.date, ctx, '成文日期') ?? isoFromMeta(meta['成文日期'], '成文日期', ctx, d.meta);
  const published = isoFromMeta(meta['发布日期'] ?? meta['发布时间'], '发布日期', ctx, d.meta);
  const printed = readPrinted(d.printed, ctx);
  const printedBy = d.printedBy ? d.printedBy.text.trim() : printed.by;
  let years = yearsOf(title) ?? (d.title ? undefined : noticeTitle ? yearsOf(noticeTitle) : undefined) ?? (noticeTitle ? yearsOf(noticeTitle) : undefined);
  // no year in the title: the 文号's year, else the notice's date, said in a diagnostic
  if (!years && (docNumber || signed) && d.sections.length > 0) {
    const y = docNumber?.year ?? Number(signed!.slice(0, 4));
    years = { from: y, to: y };
    ctx.info('YEARS_ASSUMED', `The title names no year; the plan's years are taken from the ${docNumber ? `文号 ${docNumber.raw}` : `成文日期 ${signed}`}.`, d.docNumber ?? d.notice?.date ?? d.date ?? d.title, docNumber?.raw ?? signed);
  }
  const planYear = years?.to ?? docNumber?.year ?? (signed ? Number(signed.slice(0, 4)) : undefined);
  const issuerMark = d.issuerMark ? d.issuerMark.text.replace(/[\s\u3000]+/g, '') : undefined;
  // a joint 署名: organs printed side by side, several to a line (黄浦区发展和改革委员会黄浦区建设和管理委员会)
  const signature = (d.notice?.signature ?? d.signature)?.text
    .split('\n')
    .flatMap((row) => splitJointSignature(row.trim()))
    .filter(Boolean)
    .join('、');
  const issuer =
    signature ??
    // a portal's publisher field may hold a site label (中国平潭, 桌面): only a name that ends like an organ counts
    [meta['发文机关'], meta['发布机构'], meta['发布单位']].find((v) => v && endsLikeUnit(v)) ??
    issuerMark?.replace(/文件$/, '') ??
    (noticeTitle ? /^(.+?)关于/.exec(noticeTitle)?.[1] : undefined) ??
    (/^(.+?)关于/.exec(title)?.[1] || undefined);
  const publicity = readPublicity(d.publicity, d.statements);
  ctx.columns = collapsedHeader(d);
  const sections = buildSections(d.sections, ctx, planYear);
  const first = d.lines[0];
  const last = d.lines[d.lines.length - 1];

  const doc: PolicyDocument = {
    kind: kindOf(title),
    title,
    region: regionOf(title, noticeTitle, issuer),
    dates: {},
    recipients: readRecipients(d.notice?.recipients ?? d.recipients),
    sections,
    closing: d.closing.map((l) => l.text.trim()),
    copyTo: readCopyTo(d.copyTo),
    notes: publicity?.notes ?? [],
    duplicates: [],
    diagnostics: ctx.diagnostics,
    span: first ? ctx.spanOfRange(first, last) : { start: 0, end: 0, line: 1 },
  };
  if (issuer) doc.issuer = issuer;
  if (issuerMark) doc.issuerMark = issuerMark;
  if (years) doc.years = years;
  if (docNumber) doc.docNumber = docNumber;
  if (signed) doc.dates.signed = signed;
  if (printed.date) doc.dates.printed = printed.date;
  if (published) doc.dates.published = published;
  if (d.meta.length) doc.pageMeta = meta;
  if (printedBy) doc.printedBy = printedBy;
  if (d.preamble.length) doc.preamble = joinLines(d.preamble);
  if (publicity && (publicity.attribute || publicity.statement)) doc.publicity = { attribute: publicity.attribute, statement: publicity.statement, raw: publicity.raw };
  if (d.notice) {
    doc.notice = {
      // a notice whose title line was lost and not in the page's metadata either: an empty title, said in a diagnostic
      title: noticeTitle ?? '',
      recipients: readRecipients(d.notice.recipients),
      body: joinLines(d.notice.body),
      span: ctx.spanOfRange(d.notice.title ?? d.notice.recipients ?? d.lines[0], d.notice.date ?? d.notice.signature ?? d.notice.body[d.notice.body.length - 1] ?? d.notice.title ?? d.lines[0]),
    };
    if (d.notice.signature) doc.notice.issuer = d.notice.signature.text.trim();
    if (signed && d.notice.date) doc.notice.date = signed;
  }
  return doc;
}

/**
 * The header of a task table whose borders were lost, as lines before the
 * outline: `工作任务` / `牵头单位` / `责任单位 工 作 要 求` (letter-spaced
 * labels rejoined). Three or more labels, one of them a unit column.
 */
function collapsedHeader(d: DocDraft): ColumnRole[] | undefined {
  const roles: ColumnRole[] = [];
  for (const line of d.preamble.length ? d.preamble : d.lines) {
    const labels = columnHeaderLine(line.text);
    if (!labels) {
      if (roles.length >= 3) break;
      roles.length = 0;
      continue;
    }
    roles.push(...labels);
  }
  return roles.length >= 3 && roles.some((r) => r === 'lead' || r === 'responsible' || r === 'cooperating') ? roles : undefined;
}

