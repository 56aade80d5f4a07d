// Runs a fast-check property; on failure the error names the seed, the shrink path and one
// command that replays exactly that case. FC_SEED / FC_PATH in the environment replay it.
import fc from 'fast-check';

/**
 * `fixedSeed` pins statistical properties (those that compare with a confidence interval): with a
 * fresh seed every run they would fail now and then by chance alone.
 */
export function checkProperty<T>(testFile: string, property: fc.IProperty<T>, numRuns = 100, fixedSeed?: number): void {
  const seed = process.env.FC_SEED === undefined ? fixedSeed : Number(process.env.FC_SEED);
  const path = process.env.FC_PATH;
  const details = fc.check(property, {
    numRuns,
    ...(seed === undefined ? {} : { seed }),
    ...(path === undefined ? {} : { path }),
  });
  if (!details.failed) return;
  const replay = `FC_SEED=${details.seed} FC_PATH=${details.counterexamplePath ?? ''} npx vitest run ${testFile}`;
  throw new Error(
    [
      `property failed after ${details.numRuns} run(s): ${String(details.errorInstance ?? 'returned false')}`,
      `counterexample: ${fc.stringify(details.counterexample)}`,
      `replay: ${replay}`,
    ].join('\n'),
  );
}
