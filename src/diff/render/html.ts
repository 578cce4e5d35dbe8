/**
 * Self-contained HTML page: a side-by-side redline, old plan left, new plan
 * right, one row per aligned entry; deletions struck through on the left,
 * insertions underlined on the right; each side's marker links to its
 * counterpart. No scripts, no external assets; "hide unchanged" is pure CSS.
 * A Content-Security-Policy allows only the page's own stylesheet (by hash):
 * no script, no network, no forms, so hostile text that ever got past the
 * escaping still could not run or phone home.
 */
import type { DiffItem, ItemRef, PlanDiff, TextDiff, UnitChange } from '../schema.js';
import { sha256Hex } from '../../platform/crypto-node.js';
import { TYPE_LABEL, TYPE_ORDER, deadlineLine } from './common.js';

/** HTML-escape text and attribute values; control characters (not allowed in HTML text) are shown as `\xNN`. */
const esc = (s: string) =>
  s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`)
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
const anchor = (side: 'old' | 'new', r: ItemRef) => `${side}-${r.path}`;

function sideHtml(d: TextDiff, side: 'old' | 'new'): string {
  return d.ops
    .map((o) => {
      if (o.op === 'equal') return esc(side === 'old' ? (o.old ?? o.text) : o.text);
      if (o.op === 'delete') return side === 'old' ? `<del>${esc(o.text)}</del>` : '';
      return side === 'new' ? `<ins>${esc(o.text)}</ins>` : '';
    })
    .join('')
    .replace(/\n/g, '<br>');
}

function unitsHtml(label: string, u: UnitChange, side: 'old' | 'new'): string {
  const list = side === 'old' ? u.old : u.new;
  const gone = new Set(side === 'old' ? u.removed : u.added);
  if (!list.length) return '';
  const eqOf = (x: string) => u.equivalent.find((e) => (side === 'old' ? e.old : e.new).includes(x));
  const items = list.map((x) => {
    if (!gone.has(x)) return esc(x);
    const e = eqOf(x);
    const title = e ? ` title="probably the same as ${esc((side === 'old' ? e.new : e.old).join('、'))}"` : '';
    return side === 'old' ? `<del class="${e ? 'same' : ''}"${title}>${esc(x)}</del>` : `<ins class="${e ? 'same' : ''}"${title}>${esc(x)}</ins>`;
  });
  return `<div class="units"><span class="label">${label}</span>${items.join('、')}</div>`;
}

function cell(it: DiffItem, side: 'old' | 'new'): string {
  const refs = side === 'old' ? it.old : it.new;
  const other = side === 'old' ? it.new : it.old;
  const otherSide = side === 'old' ? 'new' : 'old';
  if (!refs.length) return `<td class="side ${side} empty"></td>`;
  const markers = refs
    .map((r) => {
      const link = other.length ? `<a href="#${esc(anchor(otherSide, other[0]))}" title="go to the ${otherSide} side">${esc(r.marker)}</a>` : esc(r.marker);
      return `<span class="marker" id="${esc(anchor(side, r))}">${link}</span><span class="path">${esc(r.path)}</span>`;
    })
    .join(' + ');
  const level = Math.min(refs[0].level, 5);
  const body = it.text.ops.length ? sideHtml(it.text, side) : sideHtml(it.heading, side);
  const dl = side === 'old' ? it.deadline.old : it.deadline.new;
  return `<td class="side ${side} l${level}"><div class="head">${markers}</div><div class="text">${body}</div>${unitsHtml('牵头', it.lead, side)}${unitsHtml('责任', it.responsible, side)}${
    dl ? `<div class="units"><span class="label">时限</span>${it.deadline.changed ? `<mark>${esc(dl.raw)}</mark>` : esc(dl.raw)}</div>` : ''
  }</td>`;
}

const CSS = `
body{font:15px/1.6 system-ui,"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:0;color:#1d1d1f;background:#fafafa}
header{padding:16px 24px;background:#fff;border-bottom:1px solid #ddd;position:sticky;top:0;z-index:2}
h1{font-size:18px;margin:0 0 6px}
.counts span{display:inline-block;margin-right:10px}
table{border-collapse:collapse;width:100%;table-layout:fixed}
td,th{vertical-align:top;padding:8px 12px;border-bottom:1px solid #e5e5e5}
th{background:#f0f0f0;text-align:left;position:sticky;top:86px}
col.type{width:120px}
.side.empty{background:repeating-linear-gradient(135deg,#f6f6f6,#f6f6f6 6px,#fff 6px,#fff 12px)}
.head{font-weight:600}.path{color:#888;font-weight:400;font-size:12px;margin-left:6px}
.marker a{color:inherit;text-decoration:none;border-bottom:1px dotted #888}
.l1 .text{font-weight:700}
del{background:#ffe3e3;color:#a11;text-decoration:line-through}
ins{background:#dcf5dc;color:#064;text-decoration:underline}
del.same,ins.same{background:#fff3c4;color:#6a5300}
mark{background:#fff3c4}
.units{font-size:13px;color:#444;margin-top:4px}.label{display:inline-block;min-width:2.5em;color:#888;margin-right:4px}
.badge{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12px;background:#eee}
.added .badge{background:#c8efc8}.removed .badge{background:#ffd0d0}.moved .badge,.split .badge,.merged .badge{background:#d8d0ff}
.renumbered .badge{background:#d0e8ff}.modified .badge{background:#fff0b3}
.changes{font-size:11px;color:#777;margin-top:4px}
tr:target td,td:target{outline:2px solid #4a90e2}
#hide:checked ~ main tr.unchanged{display:none}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:8px 0 0;font-size:13px}
dl.meta dt{color:#666}
label.toggle{cursor:pointer;text-decoration:underline}
`;

/** CSP source for an inline block: base64 SHA-256 of its exact text (hex from the platform hash, so the browser build works too). */
function hashSource(text: string): string {
  const hex = sha256Hex(text);
  let bin = '';
  for (let i = 0; i < hex.length; i += 2) bin += String.fromCharCode(parseInt(hex.slice(i, i + 2), 16));
  return `'sha256-${btoa(bin)}'`;
}

/**
 * The report's Content-Security-Policy: nothing by default, its one inline
 * stylesheet by hash, no script (the page has none), no network, no forms,
 * no `<base>`.
 */
export const HTML_REPORT_CSP = `default-src 'none'; style-src ${hashSource(CSS)}; script-src 'none'; img-src 'none'; font-src 'none'; connect-src 'none'; base-uri 'none'; form-action 'none'`;

/**
 * A self-contained HTML page for a {@link PlanDiff}: a side-by-side redline,
 * old plan left and new plan right, one table row per {@link DiffItem} with
 * its change type; deletions struck through on the left, insertions
 * underlined on the right, unit and deadline changes marked, and each side's
 * marker linking to its counterpart. No scripts or external assets; a CSS-only
 * toggle hides unchanged rows. The page carries {@link HTML_REPORT_CSP} and
 * escapes every piece of document text.
 *
 * @param d - The diff to render.
 * @returns A complete HTML document (`<!doctype html>` …).
 */
export function renderHtml(d: PlanDiff): string {
  const counts = TYPE_ORDER.filter((t) => d.counts[t]).map((t) => `<span class="${t}"><span class="badge">${TYPE_LABEL[t]}</span> ${d.counts[t]}</span>`);
  const v = (x: unknown) => (x === undefined ? '—' : Array.isArray(x) ? x.join('；') : String(x));
  const meta = d.metadata.map((m) => `<dt>${m.field}</dt><dd><del>${esc(v(m.old))}</del> → <ins>${esc(v(m.new))}</ins></dd>`);
  if (d.preamble.changed) meta.push(`<dt>preamble</dt><dd>${sideHtml(d.preamble, 'old')}<br>→ ${sideHtml(d.preamble, 'new')}</dd>`);
  const rows = d.items.map(
    (it) =>
      `<tr class="${it.type}" id="${esc(it.id)}"><td><span class="badge">${TYPE_LABEL[it.type]}</span>${
        it.changes.length ? `<div class="changes">${esc(it.changes.join(', '))}</div>` : ''
      }${it.old.length && it.new.length ? `<div class="changes">sim ${it.similarity}</div>` : ''}${
        deadlineLine(it) ? `<div class="changes">${esc(deadlineLine(it) as string)}</div>` : ''
      }</td>${cell(it, 'old')}${cell(it, 'new')}</tr>`,
  );
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${HTML_REPORT_CSP}"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(d.old.title)} → ${esc(d.new.title)}</title><style>${CSS}</style></head>
<body><input type="checkbox" id="hide" hidden>
<header><h1>${esc(d.old.title)} → ${esc(d.new.title)}</h1><div class="counts">${counts.join('')} <label for="hide" class="toggle">hide/show unchanged</label></div>${
    meta.length ? `<dl class="meta">${meta.join('')}</dl>` : ''
  }</header>
<main><table><colgroup><col class="type"><col><col></colgroup>
<thead><tr><th>change</th><th>${esc(d.old.title)}</th><th>${esc(d.new.title)}</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody></table></main></body></html>
`;
}
