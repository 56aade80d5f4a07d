// Ctrl-C from the first run until the output is written: the first SIGINT aborts the signal (the
// pool is destroyed, no new run starts, no output is written, exit code 130); a second one ends
// the process the default way. Node runs a SIGINT handler only when the event loop turns, so
// whatever works synchronously for long (summarising a big sweep, writing its JSON) must let it
// turn now and then (heardInterrupt, io/write-atomic.ts's writeAtomicAsync) to be stopped.
import { nextTurns } from '../io/write-atomic.js';
import { RunAborted } from '../runner/executor.js';

/** 128 + SIGINT, what shells report for a command stopped by Ctrl-C. */
export const INTERRUPTED_EXIT_CODE = 130;

/** Calls `fn` with a signal that SIGINT aborts; the handler is removed when `fn` settles. */
export async function withInterrupt<T>(fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.once('SIGINT', onSigint);
  try {
    return await fn(controller.signal);
  } finally {
    process.removeListener('SIGINT', onSigint);
  }
}

/**
 * Lets a Ctrl-C that came during synchronous work be heard (the event loop turns into a new
 * iteration, where a pending signal's handler runs), then throws RunAborted if there was one.
 */
export async function heardInterrupt(signal: AbortSignal): Promise<void> {
  await nextTurns();
  if (signal.aborted) throw new RunAborted();
}
