/**
 * Long fuzz runs: `npm run fuzz -- --minutes N [--adapter pdf,docx] [--seed S]
 * [--timeout SECONDS] [--max-memory MB]`.
 *
 * Inputs come from test/fuzz/mutators.ts (structure-aware mutations of real
 * inputs, a pure function of adapter, seed and index). They are parsed in a
 * child process so that a hang, an exhausted heap or a dead process is caught
 * too: the parent times each input, kills and replaces the child when needed,
 * regenerates the input that was running and saves it. The invariant checked
 * is the library's: every input ends in a ParseResult or a GongwenError,
 * within the time and memory limits.
 *
 * Crashing inputs are saved as fixtures under test/fuzz/crashes/
 * (`<adapter>-<seed>-<index>.<ext>` and a `.json` saying what happened);
 * `npm test` replays every file there. Exit code 1 when anything crashed.
 * `--replay FILE` runs one saved input and prints its outcome (what the test
 * uses for inputs that hang, in a process it can kill).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ADAPTERS, REPO, fuzzInput, runInput, seeds, type Adapter, type Outcome } from '../test/fuzz/mutators.js';

interface Job {
  adapter: Adapter;
  seed: number;
  index: number;
}

// ---------------------------------------------------------------- child: parse what the parent asks for

if (process.argv.includes('--replay')) {
  // `tsx scripts/fuzz.ts --replay FILE`: one saved input, its outcome as JSON (the file name starts with its adapter)
  const file = process.argv[process.argv.indexOf('--replay') + 1];
  const name = file.split(/[\\/]/).pop()!;
  const adapter = (name.split('-')[0] in ADAPTERS ? name.split('-')[0] : 'text') as Adapter;
  process.stdout.write(JSON.stringify(await runInput(adapter, new Uint8Array(readFileSync(file)))) + '\n');
  process.exit(0);
} else if (process.argv.includes('--child')) {
  process.on('message', async (job: Job) => {
    const bytes = fuzzInput(job.adapter, job.seed, job.index);
    const outcome: Outcome = bytes ? await runInput(job.adapter, bytes) : { kind: 'error', code: 'NO_SEED' };
    process.send!({ index: job.index, outcome });
  });
  // warm up (compile and load the parser, pdf.js, the grammars) before saying ready, so that
  // an input's time limit measures parsing only, also on a busy machine
  for (const adapter of Object.keys(ADAPTERS) as Adapter[]) {
    const bytes = seeds(adapter)[0];
    if (bytes) await runInput(adapter, bytes);
  }
  process.send!({ ready: true });
} else {
  await main();
}

// ---------------------------------------------------------------- parent

function option(name: string): string | undefined {
  const args = process.argv.slice(2);
  const i = args.findIndex((a) => a === name || a.startsWith(`${name}=`));
  if (i < 0) return undefined;
  return args[i].includes('=') ? args[i].slice(args[i].indexOf('=') + 1) : args[i + 1];
}

interface Tally {
  inputs: number;
  results: number;
  errors: Record<string, number>;
  crashes: number;
}

async function main(): Promise<void> {
  const minutes = Number(option('--minutes') ?? 1);
  const seed = Number(option('--seed') ?? Date.now() % 2 ** 31);
  const timeoutMs = Number(option('--timeout') ?? 30) * 1000;
  const maxMemoryMb = Number(option('--max-memory') ?? 1024);
  const wanted = (option('--adapter')?.split(',') ?? Object.keys(ADAPTERS)) as Adapter[];
  for (const a of wanted) if (!(a in ADAPTERS)) throw new Error(`unknown adapter ${a}; one of ${Object.keys(ADAPTERS).join(', ')}`);
  if (!(minutes > 0)) throw new Error('--minutes needs a positive number');
  const adapters = wanted.filter((a) => seeds(a).length > 0);
  const crashDir = join(REPO, 'test/fuzz/crashes');
  const tally = Object.fromEntries(adapters.map((a) => [a, { inputs: 0, results: 0, errors: {}, crashes: 0 } as Tally])) as Record<Adapter, Tally>;
  const saved: string[] = [];
  console.log(`fuzz: ${adapters.join(', ')} for ${minutes} min, seed ${seed} (rerun with --seed ${seed}), ${timeoutMs / 1000} s and ${maxMemoryMb} MB per input`);

  const save = (job: Job, kind: string, error: string) => {
    mkdirSync(crashDir, { recursive: true });
    const name = `${job.adapter}-${job.seed}-${job.index}.${ADAPTERS[job.adapter]}`;
    writeFileSync(join(crashDir, name), fuzzInput(job.adapter, job.seed, job.index)!);
    writeFileSync(join(crashDir, `${name}.json`), JSON.stringify({ ...job, kind, error: error.slice(0, 4000) }, null, 2) + '\n');
    saved.push(name);
    console.log(`  CRASH ${name}: ${kind}: ${error.split('\n')[0].slice(0, 200)}`);
  };

  let child: ChildProcess | undefined;
  const spawn = () =>
    new Promise<ChildProcess>((resolve, reject) => {
      const c = fork(fileURLToPath(import.meta.url), ['--child'], {
        execArgv: ['--import', 'tsx', `--max-old-space-size=${maxMemoryMb}`, '--stack-size=984'],
        stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      });
      // keep the tail of the child's stderr: it says why a child died (and an unread pipe would block it)
      let tail = '';
      c.stderr?.on('data', (d: Buffer) => (tail = (tail + d.toString()).slice(-2000)));
      Object.defineProperty(c, 'stderrTail', { get: () => tail });
      c.once('message', () => resolve(c));
      c.once('error', reject);
    });
  // one input: its outcome, or a hang / a dead child
  const run = (job: Job) =>
    new Promise<Outcome | { kind: 'hang' } | { kind: 'died'; how: string }>((resolve) => {
      const c = child!;
      const onExit = (code: number | null, signal: string | null) =>
        done({ kind: 'died', how: `child exited (${signal ?? `code ${code}`}; heap limit ${maxMemoryMb} MB?)\n${(c as { stderrTail?: string }).stderrTail ?? ''}` });
      const onMessage = (m: { index: number; outcome: Outcome }) => m.index === job.index && done(m.outcome);
      const timer = setTimeout(() => done({ kind: 'hang' }), timeoutMs);
      function done(o: Outcome | { kind: 'hang' } | { kind: 'died'; how: string }) {
        clearTimeout(timer);
        c.off('exit', onExit);
        c.off('message', onMessage);
        resolve(o);
      }
      c.on('exit', onExit);
      c.on('message', onMessage);
      c.send(job);
    });

  const started = Date.now();
  const end = started + minutes * 60_000;
  let lastReport = started;
  let index = 0;
  child = await spawn();
  while (Date.now() < end) {
    for (const adapter of adapters) {
      const job = { adapter, seed, index };
      const o = await run(job);
      const t = tally[adapter];
      t.inputs++;
      if (o.kind === 'result') t.results++;
      else if (o.kind === 'error') t.errors[o.code] = (t.errors[o.code] ?? 0) + 1;
      else {
        t.crashes++;
        save(job, o.kind, o.kind === 'crash' ? o.error : o.kind === 'died' ? o.how : `no outcome within ${timeoutMs / 1000} s`);
        if (o.kind !== 'crash') {
          child.kill('SIGKILL');
          child = await spawn();
        }
      }
    }
    index++;
    if (Date.now() - lastReport > 30_000) {
      lastReport = Date.now();
      console.log(`  ${Math.round((Date.now() - started) / 1000)} s: ${adapters.map((a) => `${a} ${tally[a].inputs}`).join(', ')}`);
    }
  }
  child.kill();

  console.log('\nadapter    inputs  results  typed errors (by code)                          crashes');
  for (const a of adapters) {
    const t = tally[a];
    const codes = Object.entries(t.errors).sort((x, y) => y[1] - x[1]).map(([c, n]) => `${c} ${n}`).join(', ');
    console.log(`${a.padEnd(10)} ${String(t.inputs).padStart(6)} ${String(t.results).padStart(8)}  ${codes.padEnd(48)} ${t.crashes}`);
  }
  const total = adapters.reduce((n, a) => n + tally[a].inputs, 0);
  console.log(`\n${total} inputs, ${saved.length} crashing${saved.length ? `; saved under test/fuzz/crashes/: ${saved.join(', ')}` : ''}`);
  process.exitCode = saved.length ? 1 : 0;
}
