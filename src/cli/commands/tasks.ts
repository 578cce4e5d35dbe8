/** gongwen tasks — placeholder until the command lands; says so instead of pretending. */
import { fail } from '../io.js';

export const usage = 'gongwen tasks … (not available in this build yet)';

export async function run(_args: string[]): Promise<number> {
  return fail('the tasks command is not available in this build yet');
}
