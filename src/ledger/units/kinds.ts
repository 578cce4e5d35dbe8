/**
 * What a unit name is once its region prefix is off: a government (政府, or
 * nothing after a region name), a collective, or a known agency. Pure
 * lookups; the prefix choice and diagnostics are canonical.ts's job.
 */
import { COLLECTIVES, COLLECTIVE_FALLBACK, type CollectiveMembers } from './data/collectives.js';
import { agencyByAlias, type Agency } from './aliases.js';

export type Recognized =
  | { kind: 'government' }
  | { kind: 'collective'; name: string; members: CollectiveMembers; regionless?: boolean; short?: string }
  | { kind: 'agency'; agency: Agency };

const GOVERNMENT = /^(?:人民)?(?:政府)?$/;

/** Exact recognition only: a name the tables know. */
export function recognize(rest: string): Recognized | undefined {
  if (GOVERNMENT.test(rest)) return { kind: 'government' };
  for (const rule of COLLECTIVES) {
    const m = rule.pattern.exec(rest);
    if (m) return { kind: 'collective', name: rule.canonical(m), members: rule.members, regionless: rule.regionless, short: rule.regionless ? m[2] : undefined };
  }
  const agency = agencyByAlias(rest);
  if (agency) return { kind: 'agency', agency };
  return undefined;
}

/** A group named loosely (市政府各级…, 县级以上政务服务中心): a collective kept as written. */
export const looksCollective = (rest: string): boolean => COLLECTIVE_FALLBACK.test(rest);
