/**
 * Parse one file (PDF, DOCX, TXT, Markdown or HTML) and print its header
 * fields and the task list with 牵头单位, 责任单位 and deadlines.
 *
 *   npx tsx examples/parse-file.ts [file]
 */
import { flattenTasks, isGongwenError, parse } from 'gongwen';

const file = process.argv[2] ?? new URL('../corpus/pdf-docx/jinchang-2023-2024-gongkai-yaodian.pdf', import.meta.url);

try {
  const result = await parse(file);
  console.log(`${result.source.name} (${result.source.format}${result.source.pages ? `, ${result.source.pages} pages` : ''})`);
  for (const doc of result.documents) {
    console.log(`\n${doc.kind}: ${doc.title}`);
    console.log(`  文号 ${doc.docNumber?.raw ?? '—'} · 发文机关 ${doc.issuer ?? '—'} · 成文日期 ${doc.dates.signed ?? '—'}`);
    for (const task of flattenTasks(doc, { leavesOnly: true })) {
      const units = [task.lead.length ? `牵头 ${task.lead.join('、')}` : '', task.responsible.length ? `责任 ${task.responsible.join('、')}` : ''].filter(Boolean).join('；');
      console.log(`  ${task.path.padEnd(5)} ${task.heading}${units ? `  [${units}]` : ''}${task.deadline ? `  ⏰ ${task.deadline.date ?? task.deadline.raw}` : ''}`);
    }
  }
  const warnings = [...result.diagnostics, ...result.documents.flatMap((d) => d.diagnostics)].filter((d) => d.severity !== 'info');
  console.log(`\n${warnings.length} warning(s)`);
  for (const d of warnings) console.log(`  ${d.code} (line ${d.span?.line ?? '?'}): ${d.message}`);
} catch (err) {
  // Every failure has a stable code: EMPTY_INPUT, PDF_NO_TEXT_LAYER, FILE_NOT_FOUND, …
  if (isGongwenError(err)) {
    console.error(`gongwen: ${err.code}: ${err.message}`);
    process.exit(1);
  }
  throw err;
}
