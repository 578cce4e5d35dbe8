#!/usr/bin/env node
/**
 * gongwen CLI: one module per command in ./commands, loaded on demand.
 * Exit codes: 0 ok; 1 a GongwenError (its code is printed on stderr);
 * 2 bad usage; 70 an unexpected internal error.
 */
import { isGongwenError } from '../errors.js';
import { escapeTerminal } from '../diff/render/escape.js';
import { EXIT, UsageError } from './io.js';

interface Command {
  usage: string;
  run(args: string[]): Promise<number>;
}

const COMMANDS: Record<string, () => Promise<Command>> = {
  parse: () => import('./commands/parse.js'),
  diff: () => import('./commands/diff.js'),
  tasks: () => import('./commands/tasks.js'),
  convert: () => import('./commands/convert.js'),
};

async function usage(): Promise<string> {
  const parts = await Promise.all(Object.values(COMMANDS).map(async (load) => (await load()).usage));
  return `Usage:\n${parts.map((p) => '  ' + p.replace(/\n/g, '\n  ')).join('\n')}\n\nExit codes: 0 ok, 1 the input could not be processed (error code on stderr), 2 bad usage, 70 internal error.`;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write((await usage()) + '\n');
    return command ? EXIT.OK : EXIT.USAGE;
  }
  const load = COMMANDS[command];
  if (!load) {
    process.stderr.write(`gongwen: unknown command “${escapeTerminal(command)}”\n${await usage()}\n`);
    return EXIT.USAGE;
  }
  const cmd = await load();
  try {
    return await cmd.run(rest);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`gongwen ${command}: ${escapeTerminal(err.message)}\n${cmd.usage}\n`);
      return EXIT.USAGE;
    }
    if (isGongwenError(err)) {
      // messages quote file names and document text: never let them drive the terminal
      process.stderr.write(`gongwen: ${err.code}: ${escapeTerminal(err.message)}\n`);
      return EXIT.INPUT;
    }
    process.stderr.write(`gongwen: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    return EXIT.INTERNAL;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`gongwen: internal error: ${String(err)}\n`);
    process.exitCode = EXIT.INTERNAL;
  },
);
