/** Temporary archives for the batch tests: corpus copies, bad files, odd names. */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repo = fileURLToPath(new URL('../../', import.meta.url));
export const corpus = (p: string) => join(repo, 'corpus', p);

export function tempDir(prefix = 'gongwen-batch-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function put(root: string, rel: string, data: string | Uint8Array): void {
  const path = join(root, rel);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, data);
}

export function copy(root: string, rel: string, from: string): void {
  const path = join(root, rel);
  mkdirSync(dirname(path), { recursive: true });
  copyFileSync(from, path);
}

/** GBK bytes for a string, from a table built by inverting TextDecoder('gb18030') over 2-byte codes. */
export function encodeGbk(text: string): Uint8Array {
  const table = new Map<string, number>();
  const dec = new TextDecoder('gb18030');
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = dec.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, (lead << 8) | trail);
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) out.push(cp);
    else {
      const code = table.get(ch);
      if (code === undefined) throw new Error(`not in GBK: ${ch}`);
      out.push(code >> 8, code & 0xff);
    }
  }
  return new Uint8Array(out);
}

export const NOT_A_PLAN = '今天天气很好，我们去公园散步。\n晚上回家吃饭。\n';
export const DEEP = 'a/b/c/d/e/f/g/h/i/j/深层 目录/最深处 文件.txt';

/**
 * The mixed archive: good text/markdown/html/pdf/docx, bad files of every
 * kind, an empty file, a text that is not a plan, a GBK text, a deep folder,
 * names with spaces and Chinese; plus a file with an unsupported extension and
 * a hidden file, which are not inputs.
 */
export function mixedArchive(root: string): void {
  copy(root, '甘肃 2020 政务公开 方案.txt', corpus('gansu-2020-gongkai-fangan/source.txt'));
  copy(root, 'md/jinchang yaodian.md', corpus('jinchang-2023-2024-gongkai-yaodian/source.md'));
  copy(root, 'html/永昌 网页.html', corpus('html/yongchang-gov-page.html'));
  copy(root, 'html/task-table.html', corpus('html/task-table.html'));
  copy(root, 'pdf/wuwei.pdf', corpus('pdf-docx/wuwei-2023-gongkai-fangan.pdf'));
  copy(root, 'docx/wuwei.docx', corpus('pdf-docx/wuwei-2023-gongkai-fangan.docx'));
  copy(root, 'docx/numbered.docx', corpus('fixtures/numbered.docx'));
  copy(root, 'bad/truncated.pdf', corpus('fixtures/truncated.pdf'));
  copy(root, 'bad/encrypted.pdf', corpus('fixtures/encrypted.pdf'));
  copy(root, 'bad/scan.pdf', corpus('fixtures/no-text-layer.pdf'));
  copy(root, 'bad/not-a-docx.docx', corpus('fixtures/not-a-docx.zip'));
  copy(root, 'bad/truncated.docx', corpus('fixtures/truncated.docx'));
  copy(root, 'bad/bomb.docx', corpus('fixtures/bomb-ratio.docx'));
  put(root, 'bad/empty.txt', '');
  put(root, 'bad/not a plan 随笔.txt', NOT_A_PLAN);
  put(root, 'gbk/武威 方案 GBK.txt', encodeGbk(readFileSync(corpus('wuwei-2023-gongkai-fangan/source.txt'), 'utf8')));
  copy(root, DEEP, corpus('qingyang-2022-gongkai-yaodian/source.txt'));
  put(root, 'images/scan.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47]));
  put(root, '.hidden/notes.txt', NOT_A_PLAN);
}

/** n small text inputs (corpus copies) spread over a few folders. */
export function textArchive(root: string, n: number): void {
  const sources = [
    corpus('gansu-2020-gongkai-fangan/source.txt'),
    corpus('wuwei-2023-gongkai-fangan/source.txt'),
    corpus('qingyang-2022-gongkai-yaodian/source.txt'),
    corpus('jinchang-2023-2024-gongkai-yaodian/source.md'),
    corpus('html/task-table.html'),
  ];
  for (let i = 0; i < n; i++) {
    const src = sources[i % sources.length];
    const ext = src.slice(src.lastIndexOf('.'));
    copy(root, `年份${i % 4}/文件 ${i}${ext}`, src);
  }
}

/** Every file under dir (relative, `/`-separated) with its contents. */
export function snapshot(dir: string, filter: (rel: string) => boolean = (r) => r.endsWith('.json')): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else {
        const rel = relative(dir, p).split(sep).join('/');
        if (filter(rel)) out.set(rel, readFileSync(p, 'utf8'));
      }
    }
  };
  walk(dir);
  return out;
}

export function manifestLines(path: string): Record<string, unknown>[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

export function cleanup(...dirs: string[]): void {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
}
