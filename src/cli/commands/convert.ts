/**
 * gongwen convert <dir|files|globs...> --out <dir> [options]: batch conversion
 * of an archive with a pool of worker threads (src/batch).
 * Exit codes: 0 every input converted or already up to date; 1 some inputs
 * failed (see the manifest); 2 bad usage; 130 stopped by Ctrl-C/SIGTERM
 * (finished outputs kept, manifest consistent, re-run to resume).
 */
import { availableParallelism } from 'node:os';
import { relative } from 'node:path';
import cliProgress from 'cli-progress';
import { convertArchive, type ConvertOptions, type ConvertPlan, type ConvertSummary } from '../../batch/index.js';
import { isGongwenError } from '../../errors.js';
import { escapeTerminal } from '../../diff/render/escape.js';
import { FORMAT_EXTENSIONS } from '../../extract/registry.js';
import { EXIT, fail, type CommandResult } from '../io.js';

export const usage = `gongwen convert <dir|files|globs...> --out <dir> [--jobs N] [--format json|jsonl] [--force]
                [--shard K/N] [--timeout SECONDS] [--max-memory MB] [--follow-symlinks[=anywhere]] [--ocr] [--pretty] [--quiet]
  Convert every supported file (${FORMAT_EXTENSIONS.map((e) => e.slice(1)).join(', ')}; folders walked recursively) to JSON
  under --out, mirroring the folder tree (json) or as one documents.jsonl stream (jsonl), with
  one line per input in --out/_manifest.jsonl. Re-running skips inputs whose output is up to date.
    --jobs N          worker threads (default: available cores, here ${availableParallelism()})
    --shard K/N       convert only shard K of N (K = 0 … N-1, stable by path hash)
    --timeout S       per-file time limit in seconds (default 60)
    --max-memory MB   heap limit per worker (default 1024)
    --follow-symlinks follow symbolic links inside the input folders (default: list them in the
                      manifest as ignored); =anywhere also follows links pointing outside them
    --ocr             read PDF pages without a text layer (scans) through OCR (system tesseract);
                      slow (seconds per page): give it a larger --timeout
  Paths not converted (symlinks, other extensions, hidden, unreadable folders) are listed in the
  manifest with status "ignored" and a reason, and counted in the summary.
  Exit: 0 all converted, 1 some failed (see the manifest), 2 bad usage, 130 interrupted.`;

const EXIT_INTERRUPTED = 130;

function positiveInt(flag: string, value: string | undefined): number {
  if (value === undefined || !/^\d+$/.test(value) || Number(value) < 1) return fail(`${flag} needs a positive integer (got ${value ?? 'nothing'})`);
  return Number(value);
}

export async function run(args: string[]): Promise<CommandResult> {
  const inputs: string[] = [];
  let out: string | undefined;
  const options: Partial<ConvertOptions> = {};
  let quiet = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => inline ?? args[++i];
    if (flag === '--out' || flag === '-o') out = value();
    else if (flag === '--jobs' || flag === '-j') options.jobs = positiveInt('--jobs', value());
    else if (flag === '--format') {
      const f = value();
      if (f !== 'json' && f !== 'jsonl') return fail(`--format must be json or jsonl (got ${f ?? 'nothing'})`);
      options.format = f;
    } else if (flag === '--force') options.force = true;
    else if (flag === '--ocr') options.parse = { ...options.parse, ocr: true };
    else if (flag === '--pretty') options.pretty = true;
    else if (flag === '--quiet' || flag === '-q') quiet = true;
    else if (flag === '--follow-symlinks') {
      if (inline !== undefined && inline !== 'anywhere') return fail(`--follow-symlinks takes no value or =anywhere (got ${inline})`);
      options.followSymlinks = inline === 'anywhere' ? 'anywhere' : true;
    }
    else if (flag === '--timeout') options.timeoutMs = positiveInt('--timeout', value()) * 1000;
    else if (flag === '--max-memory') options.maxMemoryMb = positiveInt('--max-memory', value());
    else if (flag === '--shard') {
      const v = value() ?? '';
      const m = /^(\d+)\/(\d+)$/.exec(v);
      if (!m) return fail(`--shard needs K/N, e.g. 0/4 (got ${v || 'nothing'})`);
      const index = Number(m[1]);
      const count = Number(m[2]);
      if (count < 1 || index >= count) return fail(`--shard ${v}: K must be 0 … N-1 (shards are numbered from 0)`);
      options.shard = { index, count };
    } else if (a === '--') inputs.push(...args.slice(i + 1)), (i = args.length);
    else if (a.startsWith('-') && a !== '-') return fail(`unknown option ${a}`);
    else inputs.push(a);
  }
  if (inputs.length === 0) return fail('convert needs at least one folder, file or glob');
  if (!out) return fail('convert needs --out <dir>');

  const stop = new AbortController();
  const kill = new AbortController();
  let progress: Progress | undefined;
  const onSignal = () => {
    if (!stop.signal.aborted) {
      progress?.note('stopping: no new files; finishing the ones in progress (Ctrl-C again to stop them now)');
      stop.abort();
    } else kill.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const batch = convertArchive({
      ...options,
      inputs,
      out,
      signal: stop.signal,
      killSignal: kill.signal,
      onStart: (plan) => {
        progress = quiet ? undefined : new Progress(plan);
      },
    });
    for await (const entry of batch) progress?.tick(entry.status === 'failed');
    progress?.stop();
    const summary = batch.summary;
    if (!quiet) process.stderr.write(formatSummary(summary, options.jobs ?? availableParallelism()));
    if (summary.interrupted) return EXIT_INTERRUPTED;
    return summary.failed > 0 ? EXIT.INPUT : EXIT.OK;
  } catch (error) {
    progress?.stop();
    if (isGongwenError(error) && error.code === 'INVALID_OPTIONS') return fail(error.message);
    throw error;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

/** A cli-progress bar on a TTY; a plain line every 10 s otherwise. */
class Progress {
  private done = 0;
  private failed = 0;
  private readonly started = Date.now();
  private bar?: cliProgress.SingleBar;
  private readonly timer?: NodeJS.Timeout;
  constructor(private readonly plan: ConvertPlan) {
    const shard = plan.otherShards > 0 ? ` (this shard; ${plan.otherShards} in other shards)` : '';
    process.stderr.write(`gongwen convert: ${plan.total} files${shard} from ${escapeTerminal(plan.root)} → ${escapeTerminal(plan.out)}, jobs ${plan.jobs}\n`);
    if (process.stderr.isTTY) {
      this.bar = new cliProgress.SingleBar(
        {
          stream: process.stderr,
          format: ' {bar} {percentage}% | {value}/{total} | {rate} files/s | ETA {eta_formatted} | failed {failed}',
          hideCursor: true,
          etaBuffer: 200,
          fps: 5,
        },
        cliProgress.Presets.shades_classic,
      );
      this.bar.start(plan.total, 0, { rate: '0.0', failed: 0 });
    } else {
      this.timer = setInterval(() => this.log(), 10_000);
      this.timer.unref();
    }
  }
  private rate(): number {
    return this.done / Math.max(0.001, (Date.now() - this.started) / 1000);
  }
  tick(failed: boolean): void {
    this.done++;
    if (failed) this.failed++;
    this.bar?.update(this.done, { rate: this.rate().toFixed(1), failed: this.failed });
  }
  note(message: string): void {
    this.bar?.stop();
    this.bar = undefined; // plain lines from here on
    process.stderr.write(`gongwen convert: ${message}\n`);
  }
  private log(): void {
    const rate = this.rate();
    const left = this.plan.total - this.done;
    const eta = rate > 0 ? `${Math.ceil(left / rate)} s` : '?';
    const pct = this.plan.total ? ((100 * this.done) / this.plan.total).toFixed(0) : '100';
    process.stderr.write(`gongwen convert: ${this.done}/${this.plan.total} (${pct}%), ${rate.toFixed(1)} files/s, ETA ${eta}, ${this.failed} failed\n`);
  }
  stop(): void {
    this.bar?.stop();
    if (this.timer) clearInterval(this.timer);
  }
}

function formatSummary(s: ConvertSummary, jobs: number): string {
  const secs = s.ms / 1000;
  const processed = s.converted + s.failed;
  const lines = [
    `gongwen convert: ${s.total} inputs in ${secs.toFixed(1)} s (${(processed / Math.max(secs, 0.001)).toFixed(1)} files/s processed), jobs ${jobs}${s.interrupted ? ' — INTERRUPTED, re-run to resume' : ''}`,
    `  converted ${s.converted}, skipped (up to date) ${s.skipped}, failed ${s.failed}${s.pending ? `, not reached ${s.pending}` : ''}, not converted ${s.ignored}`,
  ];
  const reasons = Object.entries(s.ignoredByReason).sort((a, b) => b[1] - a[1]);
  if (reasons.length) lines.push(`  not converted by reason: ${reasons.map(([r, n]) => `${r} ${n}`).join(', ')} (listed in the manifest)`);
  const codes = Object.entries(s.failedByCode).sort((a, b) => b[1] - a[1]);
  if (codes.length) lines.push(`  failed by code: ${codes.map(([c, n]) => `${c} ${n}`).join(', ')}`);
  lines.push(`  documents ${s.documents}, tasks ${s.tasks}`);
  lines.push(`  manifest: ${escapeTerminal(relative(process.cwd(), s.manifest) || s.manifest)}`);
  return lines.join('\n') + '\n';
}
