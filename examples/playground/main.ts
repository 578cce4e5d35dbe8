/// <reference types="vite/client" />
/**
 * gongwen playground: drop one or two files, see the outline (units,
 * deadlines), the diagnostics and, for two files, the diff; download JSON or
 * the ledger as CSV. Plain DOM, no framework.
 */
import * as gongwen from 'gongwen/browser';
import { configurePdfJs, flattenTasks, parse, type ParseResult, type PolicyDocument, type Section } from 'gongwen/browser';
// pdfjs's worker, emitted by Vite as a separate file: PDF parsing stays off the UI thread.
import pdfWorkerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

configurePdfJs({
  workerSrc: pdfWorkerUrl,
  cMapUrl: './pdfjs/cmaps/',
  standardFontDataUrl: './pdfjs/standard_fonts/',
  wasmUrl: './pdfjs/wasm/',
});

// diff (issue 4) and the ledger (issue 5) are used when this build of gongwen has them.
type Api = Record<string, unknown>;
const api = gongwen as unknown as Api;
const fn = <T extends (...args: never[]) => unknown>(name: string): T | undefined => (typeof api[name] === 'function' ? (api[name] as T) : undefined);

interface Parsed {
  file: File;
  result: ParseResult;
}

const $ = <T extends HTMLElement>(sel: string) => document.querySelector(sel) as T;
const input = $<HTMLInputElement>('#files');
const drop = $<HTMLLabelElement>('#drop');
const status = $<HTMLParagraphElement>('#status');
const results = $<HTMLDivElement>('#results');
const diffBox = $<HTMLElement>('#diff');

function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...kids: (Node | string | undefined | false)[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  for (const kid of kids) if (kid !== undefined && kid !== false) el.append(kid);
  return el;
}

function setStatus(text: string, error = false): void {
  status.textContent = text;
  status.classList.toggle('error', error);
}

function download(name: string, type: string, body: string): void {
  const url = URL.createObjectURL(new Blob([body], { type }));
  const a = h('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const base = (name: string) => name.replace(/\.[^.]+$/, '');

/** The ledger as CSV: gongwen's toLedger + toCsv when present, else a flat task list. */
function ledgerCsv(result: ParseResult): string {
  const toLedger = fn<(r: ParseResult) => unknown[]>('toLedger');
  const toCsv = fn<(rows: unknown[]) => string>('toCsv');
  if (toLedger && toCsv) return toCsv(toLedger(result));
  const cell = (v: unknown) => {
    const s = Array.isArray(v) ? v.join('、') : v === undefined ? '' : String(v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const rows = [['document', 'path', 'marker', 'heading', 'lead', 'responsible', 'deadline']];
  for (const doc of result.documents) {
    for (const t of flattenTasks(doc)) rows.push([doc.title, t.path, t.marker, t.heading, cell(t.lead), cell(t.responsible), t.deadline?.date ?? t.deadline?.raw ?? ''].map(cell));
  }
  return '\uFEFF' + rows.map((r) => r.join(',')).join('\r\n') + '\r\n';
}

function sectionNode(s: Section): HTMLLIElement {
  const chips: (Node | undefined)[] = [
    s.lead.length ? h('span', { class: 'chip lead', title: '牵头单位' }, `牵头 ${s.lead.join('、')}`) : undefined,
    s.responsible.length ? h('span', { class: 'chip', title: '责任单位' }, `责任 ${s.responsible.join('、')}`) : undefined,
    s.deadline
      ? h('span', { class: `chip deadline ${s.deadline.kind}`, title: s.deadline.raw, 'data-testid': 'deadline' }, s.deadline.date ?? s.deadline.raw)
      : undefined,
  ];
  const label = [h('span', { class: 'marker' }, s.marker), s.heading || s.text.slice(0, 60), ...chips];
  const li = h('li', { class: 'item', 'data-testid': 'outline-item', 'data-path': s.path });
  if (s.children.length) {
    const details = h('details', { open: '' }, h('summary', {}, ...label), h('ul', { class: 'tree' }, ...s.children.map(sectionNode)));
    li.append(details);
  } else li.append(h('div', { class: 'leaf' }, ...label));
  return li;
}

function documentPanel(p: Parsed): HTMLElement {
  const { result, file } = p;
  const panel = h('section', { class: 'panel', 'data-testid': 'result' });
  panel.append(
    h('div', { class: 'actions' },
      button('Download JSON', () => download(`${base(file.name)}.json`, 'application/json', JSON.stringify(result, null, 2)), 'download-json'),
      button('Download ledger (CSV)', () => download(`${base(file.name)}.ledger.csv`, 'text/csv;charset=utf-8', ledgerCsv(result)), 'download-csv'),
    ),
  );
  result.documents.forEach((doc: PolicyDocument) => {
    const meta = [doc.kind, doc.docNumber?.raw, doc.issuer, doc.dates.signed && `成文 ${doc.dates.signed}`].filter(Boolean).join(' · ');
    panel.append(
      h('h2', { 'data-testid': 'title' }, doc.title),
      h('p', { class: 'meta' }, `${file.name} (${result.source.format}${result.source.pages ? `, ${result.source.pages} pages` : ''}) — ${meta}`),
      h('ul', { class: 'tree root', 'data-testid': 'outline' }, ...doc.sections.map(sectionNode)),
    );
  });
  const diags = [...result.diagnostics, ...result.documents.flatMap((d) => d.diagnostics)];
  const rows = diags.map((d) =>
    h('tr', { 'data-testid': 'diagnostic' }, h('td', { class: `sev-${d.severity}` }, d.severity), h('td', {}, d.code), h('td', {}, d.message), h('td', {}, d.span ? `L${d.span.line ?? '?'}${d.span.page ? ` p${d.span.page}` : ''}` : '')),
  );
  panel.append(
    h('details', { 'data-testid': 'diagnostics', ...(diags.some((d) => d.severity !== 'info') ? { open: '' } : {}) },
      h('summary', {}, `Diagnostics (${diags.length})`),
      h('table', {}, h('thead', {}, h('tr', {}, h('th', {}, 'severity'), h('th', {}, 'code'), h('th', {}, 'message'), h('th', {}, 'where'))), h('tbody', {}, ...rows)),
    ),
  );
  return panel;
}

function button(text: string, onClick: () => void, testid: string): HTMLButtonElement {
  const b = h('button', { type: 'button', 'data-testid': testid }, text);
  b.addEventListener('click', onClick);
  return b;
}

interface DiffRef { marker: string; heading: string; path: string }
interface DiffOp { op: 'equal' | 'insert' | 'delete'; text: string }
interface DiffRow { type: string; changes?: string[]; old: DiffRef[]; new: DiffRef[]; heading?: { ops: DiffOp[] } }

function refs(list: DiffRef[]): HTMLElement {
  return h('div', {}, ...list.flatMap((r, i) => [i ? h('br') : undefined, h('span', { class: 'marker' }, r.marker), r.heading]));
}

async function renderDiff(a: Parsed, b: Parsed): Promise<void> {
  diffBox.hidden = false;
  diffBox.replaceChildren(h('h2', {}, `Diff: ${a.file.name} → ${b.file.name}`));
  diffBox.setAttribute('data-testid', 'diff');
  const diffDocuments = fn<(x: PolicyDocument, y: PolicyDocument) => { items: DiffRow[] }>('diffDocuments');
  const diff = fn<(x: ParseResult, y: ParseResult) => Promise<{ items: DiffRow[] }>>('diff');
  if (!diffDocuments && !diff) {
    diffBox.append(h('p', { 'data-testid': 'diff-unavailable' }, 'This build of gongwen has no diff yet; the two outlines are shown above side by side.'));
    return;
  }
  const planDiff = diffDocuments ? diffDocuments(a.result.documents[0], b.result.documents[0]) : await diff!(a.result, b.result);
  const changed = planDiff.items.filter((i) => i.type !== 'unchanged');
  const counts = new Map<string, number>();
  for (const i of planDiff.items) counts.set(i.type, (counts.get(i.type) ?? 0) + 1);
  diffBox.append(h('p', { class: 'meta' }, [...counts].map(([t, n]) => `${t} ${n}`).join(' · ')));
  const grid = h('div', { class: 'diff-grid', 'data-testid': 'diff-grid' }, h('div', { class: 'head' }, 'change'), h('div', { class: 'head' }, a.file.name), h('div', { class: 'head' }, b.file.name));
  for (const item of changed) {
    const facets = item.type === 'modified' && item.changes?.length ? h('div', { class: 'meta' }, item.changes.join(', ')) : undefined;
    grid.append(h('div', { class: `t-${item.type}`, 'data-testid': 'diff-item' }, item.type, facets), refs(item.old), refs(item.new));
  }
  if (changed.length === 0) grid.append(h('div', {}, '—'), h('div', {}, 'No changes.'), h('div', {}));
  diffBox.append(grid);
}

async function handle(files: File[]): Promise<void> {
  if (files.length === 0) return;
  document.body.dataset.state = 'busy';
  if (files.length > 2) setStatus('Only the first two files are used.');
  results.replaceChildren();
  diffBox.hidden = true;
  diffBox.replaceChildren();
  const parsed: Parsed[] = [];
  for (const file of files.slice(0, 2)) {
    setStatus(`Parsing ${file.name}…`);
    const t0 = performance.now();
    try {
      parsed.push({ file, result: await parse(file) });
      results.append(documentPanel(parsed.at(-1)!));
      console.info(`parsed ${file.name} in ${Math.round(performance.now() - t0)} ms`);
    } catch (err) {
      const e = err as { code?: string; message?: string };
      setStatus(`${file.name}: ${e.code ?? 'ERROR'}: ${e.message ?? String(err)}`, true);
      results.append(h('section', { class: 'panel', 'data-testid': 'error' }, h('h2', {}, file.name), h('p', { class: 'sev-error' }, `${e.code ?? 'ERROR'}: ${e.message}`)));
      document.body.dataset.state = 'error';
      return;
    }
  }
  if (parsed.length === 2) await renderDiff(parsed[0], parsed[1]);
  const items = parsed.reduce((n, p) => n + p.result.documents.reduce((m, d) => m + flattenTasks(d).length, 0), 0);
  setStatus(`Done: ${parsed.length} file(s), ${items} outline items.`);
  document.body.dataset.state = 'done';
}

input.addEventListener('change', () => void handle(Array.from(input.files ?? [])));
drop.addEventListener('dragover', (e) => (e.preventDefault(), drop.classList.add('over')));
drop.addEventListener('dragleave', () => drop.classList.remove('over'));
drop.addEventListener('drop', (e) => {
  e.preventDefault();
  drop.classList.remove('over');
  void handle(Array.from(e.dataTransfer?.files ?? []));
});
document.body.dataset.state = 'ready';
