/** gongwen diff — placeholder until the command lands; says so instead of pretending. */
import { fail } from '../io.js';

export const usage = 'gongwen diff … (not available in this build yet)';

export async function run(_args: string[]): Promise<number> {
  return fail('the diff command is not available in this build yet');
}
