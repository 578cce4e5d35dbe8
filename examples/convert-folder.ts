/**
 * Convert every PDF, DOCX, TXT, Markdown and HTML file under a folder to
 * JSON, in parallel worker threads, with a manifest (manifest.jsonl) that
 * says what happened to each input. Safe to re-run: converted files are
 * skipped.
 *
 *   npx tsx examples/convert-folder.ts [folder] [out-folder]
 */
import { convertArchive } from 'gongwen';
import { fileURLToPath } from 'node:url';

const folder = process.argv[2] ?? fileURLToPath(new URL('../corpus/pdf-docx/', import.meta.url));
const out = process.argv[3] ?? 'converted';

const run = convertArchive({ inputs: [folder], out, jobs: 2 });
for await (const entry of run) {
  console.log(`${entry.status.padEnd(9)} ${entry.input}${entry.code ? `  (${entry.code}: ${entry.message})` : `  → ${entry.output} (${entry.tasks} tasks)`}`);
}
const s = run.summary;
console.log(`\n${s.converted} converted, ${s.skipped} skipped, ${s.failed} failed; ${s.documents} documents, ${s.tasks} tasks; manifest: ${s.manifest}`);
