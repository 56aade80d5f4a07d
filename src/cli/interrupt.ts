// Ctrl-C while runs are under way: the first SIGINT aborts them (the pool is destroyed, no new run
// starts, no output is written, exit code 130); a second one ends the process the default way.

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
