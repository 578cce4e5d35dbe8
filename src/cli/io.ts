/** Shared CLI plumbing: exit codes and usage errors. */
export type CommandResult = number;

/** Exit codes: 0 ok; 1 input could not be processed (GongwenError); 2 bad usage; 70 internal error. */
export const EXIT = { OK: 0, INPUT: 1, USAGE: 2, INTERNAL: 70 } as const;

export class UsageError extends Error {}

export function fail(message: string): never {
  throw new UsageError(message);
}
