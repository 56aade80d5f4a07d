// Jobs on a fixed number of lanes: each lane takes the next job when its last one ends, so jobs
// start in index order and no more than `lanes` are under way at once.
import { throwIfAborted } from './executor.js';

/**
 * Runs jobs 0 … count − 1. Once `stop` is aborted no lane takes another job (RunAborted); a job
 * that throws rejects the whole at once, and the other lanes take no job after theirs.
 */
export async function inLanes(
  count: number,
  lanes: number,
  job: (index: number) => Promise<void>,
  stop: AbortSignal,
): Promise<void> {
  let next = 0;
  let failed = false;
  const lane = async () => {
    while (next < count && !failed) {
      throwIfAborted(stop);
      try {
        await job(next++);
      } catch (err) {
        failed = true;
        throw err;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(lanes, count) }, lane));
}
