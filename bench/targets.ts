// The performance targets and the verdict of one table row against them. The targets are the
// project's goals, not tuned to what this machine happens to reach.
import { LARGE, SCANS_ALL_AGENTS, SMALL } from './plan.js';

/** shared-queue and power-of-d: at least this many events per second, at every size... */
export const FAST_POLICIES: readonly string[] = ['shared-queue', 'power-of-d'];
export const FAST_MIN_EVENTS_PER_SECOND = 5e6;
/** ...and at least this fraction of the ceiling's speed measured in the same run. */
export const FAST_MIN_RATIO = 0.5;
/** Every policy at 10M tasks: peak RSS below this. */
export const LARGE_MAX_RSS_MB = 200;
/** Every policy at 1M tasks, except those in SCANS_ALL_AGENTS: at least this many events/s. */
export const SMALL_MIN_EVENTS_PER_SECOND = 2e6;

export interface RowFigures {
  readonly kind: 'ceiling' | 'orchlab';
  readonly tasks: number;
  readonly policy: string | undefined;
  readonly eventsPerSecond: number;
  readonly ratio: number;
  readonly peakRssMB: number;
}

export interface Check {
  /** The target, e.g. '>= 5M ev/s'. */
  readonly target: string;
  readonly met: boolean;
}

export function checksFor(row: RowFigures): Check[] {
  if (row.kind === 'ceiling' || row.policy === undefined) return [];
  const checks: Check[] = [];
  if (FAST_POLICIES.includes(row.policy)) {
    checks.push({ target: '>= 5M ev/s', met: row.eventsPerSecond >= FAST_MIN_EVENTS_PER_SECOND });
    checks.push({ target: '>= 0.5x ceiling', met: row.ratio >= FAST_MIN_RATIO });
  }
  if (row.tasks === SMALL && !SCANS_ALL_AGENTS.has(row.policy))
    checks.push({ target: '>= 2M ev/s', met: row.eventsPerSecond >= SMALL_MIN_EVENTS_PER_SECOND });
  if (row.tasks === LARGE) checks.push({ target: '< 200 MB', met: row.peakRssMB < LARGE_MAX_RSS_MB });
  return checks;
}

/** 'ok', 'MISS <targets missed>', or why no target applies. */
export function verdict(row: RowFigures, checks: readonly Check[]): string {
  if (row.kind === 'ceiling') return 'reference';
  if (checks.length === 0)
    return row.policy !== undefined && SCANS_ALL_AGENTS.has(row.policy)
      ? 'no target (scans all agents)'
      : '-';
  const missed = checks.filter((c) => !c.met).map((c) => c.target);
  return missed.length === 0 ? `ok (${checks.map((c) => c.target).join(', ')})` : `MISS ${missed.join(', ')}`;
}
