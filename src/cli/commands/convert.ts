/** gongwen convert — placeholder until the command lands; says so instead of pretending. */
import { fail } from '../io.js';

export const usage = 'gongwen convert … (not available in this build yet)';

export async function run(_args: string[]): Promise<number> {
  return fail('the convert command is not available in this build yet');
}
