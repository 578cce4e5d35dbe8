/** Run the real set through the text pipeline with chosen outline weights (the ablation test). */
import { readFileSync } from 'node:fs';
import { extractTextual } from '../../src/extract/index.js';
import { runPipeline } from '../../src/pipeline.js';
import { realEntries, scoreReal, type RealEntry } from '../../scripts/lib/real.js';
import type { Weights } from '../../src/structure/outline/weights.js';

export function formatOf(path: string): 'text' | 'markdown' | 'html' {
  return path.endsWith('.md') ? 'markdown' : path.endsWith('.html') ? 'html' : 'text';
}

export function macro(weights: Weights | undefined, entries: RealEntry[] = realEntries()): number {
  let sum = 0;
  for (const e of entries) {
    const text = readFileSync(e.source, 'utf8');
    const ex = extractTextual(formatOf(e.source), text);
    try {
      const r = runPipeline({ blocks: ex.blocks, noise: ex.noise, text: ex.text, source: { format: formatOf(e.source), sha256: '0'.repeat(64) }, validate: false, weights });
      sum += scoreReal(r, e).fieldScore;
    } catch {
      // NOT_A_PLAN scores 0
    }
  }
  return sum / entries.length;
}

/** The Gansu corpus too (one line and as written): the same pipeline, scored with its reviewed expected output. */
import { corpusEntries } from '../../scripts/lib/corpus.js';
import { compare } from '../../scripts/lib/compare.js';
export function corpusMacro(weights: Weights | undefined): number {
  let sum = 0;
  let n = 0;
  for (const e of corpusEntries()) {
    const raw = readFileSync(e.source, 'utf8');
    const fmt = formatOf(e.source);
    for (const text of [raw, fmt === 'markdown' ? raw.replace(/^#+ /gm, '').replace(/^---$/gm, '').replace(/\s*\n\s*/g, '') : raw.replace(/\s*\n\s*/g, '')]) {
      const f = text === raw ? fmt : 'text';
      const ex = extractTextual(f, text);
      try {
        const r = runPipeline({ blocks: ex.blocks, noise: ex.noise, text: ex.text, source: { format: f, sha256: '0'.repeat(64) }, validate: false, weights });
        const { scores } = compare(r, e.expected);
        const fields = ['structure', 'heading', 'lead', 'responsible', 'deadline'] as const;
        sum += fields.reduce((a, k) => a + (scores[k].total ? scores[k].right / scores[k].total : 1), 0) / fields.length;
      } catch {
        // NOT_A_PLAN scores 0
      }
      n++;
    }
  }
  return sum / n;
}
