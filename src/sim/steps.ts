// Work done in steps: a generator yields where a caller may pause (to report progress, or to let
// the event loop run) and returns the result. Synchronous callers take the result directly.

/** Runs `steps` to the end, ignoring what it yields; returns its result. */
export function lastStep<R>(steps: Generator<unknown, R, void>): R {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}
