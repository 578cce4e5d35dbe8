/** 文号, dates, 主送, signature and 版记 lines. */
import { DOC_NUMBER_CANDIDATE, parseDocNumber } from '../../grammars/doc-number/doc-number.js';
import { parseDate } from '../../grammars/date/date.js';
import type { DocNumber } from '../schema/document.js';
import type { Line } from '../structure/segment.js';
import { PRINTED } from '../structure/roles.js';
import type { FieldContext } from './context.js';

export function readDocNumber(line: Line, ctx: FieldContext): DocNumber | undefined {
  const m = DOC_NUMBER_CANDIDATE.exec(line.text);
  const parsed = m ? parseDocNumber(m[0]) : null;
  if (!m || !parsed) return undefined;
  const at = m.index;
  const span = ctx.span(line, at, at + m[0].length);
  if (parsed.repairs.includes('missing-open-bracket') || parsed.repairs.includes('missing-close-bracket')) {
    ctx.warn('DOC_NUMBER_REPAIRED', `文号 “${m[0]}” is garbled (${parsed.repairs.join(', ')}); read as ${parsed.normalized}.`, line, m[0]);
  }
  return { raw: m[0].trim(), prefix: parsed.prefix, year: parsed.year, serial: parsed.serial, normalized: parsed.normalized, span };
}

/** A date line; a garbled one (2024年72) gives a diagnostic and no date. */
export function readDate(line: Line | undefined, ctx: FieldContext, what: string): string | undefined {
  if (!line) return undefined;
  const raw = line.text.trim();
  const r = parseDate(raw);
  if (r.ok) return r.iso;
  ctx.warn('DATE_GARBLED', `${what} “${raw}” is not a valid date (${r.reason}); left empty rather than guessed.`, line, raw);
  return undefined;
}

export function readPrinted(line: Line | undefined, ctx: FieldContext): { by?: string; date?: string } {
  if (!line) return {};
  const m = PRINTED.exec(line.text.trim());
  if (!m) return {};
  const r = parseDate(m[2]);
  if (!r.ok) ctx.warn('DATE_GARBLED', `印发日期 “${m[2]}” is not a valid date (${r.reason}).`, line, m[2]);
  const by = m[1].trim();
  return { by: by || undefined, date: r.ok ? r.iso : undefined };
}

/** 主送 line → recipients, split at ，,；; (the 、 inside a group is one addressee group). */
export function readRecipients(line: Line | undefined): string[] {
  if (!line) return [];
  return line.text
    .trim()
    .replace(/[：:]$/, '')
    .split(/[，,；;]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** 抄送：A，B，C。 → [A, B, C] */
export function readCopyTo(lines: Line[]): string[] {
  const out: string[] = [];
  for (const l of lines) {
    const body = l.text.trim().replace(/^(?:抄送|抄报)[\s\u3000]*[:：]/, '').replace(/[。.\s]+$/, '');
    for (const u of body.split(/[，,、；;]/)) if (u.trim()) out.push(u.trim());
  }
  return out;
}

export function readPublicity(lines: Line[], statements: Line[]): { attribute?: string; statement?: string; raw: string[]; notes: string[] } | undefined {
  const raw: string[] = [];
  const notes: string[] = [];
  let attribute: string | undefined;
  let statement: string | undefined;
  for (const l of lines) {
    raw.push(l.text.trim());
    attribute ??= l.text.trim().replace(/^公开属性[\s\u3000]*[:：][\s\u3000]*/, '').replace(/[。.\s]+$/, '');
  }
  for (const l of statements) {
    const inner = l.text.trim().replace(/^[（(]|[）)]$/g, '');
    if (/公开|发布/.test(inner)) {
      statement ??= inner;
      raw.push(l.text.trim());
    } else notes.push(inner);
  }
  if (!attribute && !statement) return notes.length ? { raw, notes } : undefined;
  return { attribute, statement, raw, notes };
}
