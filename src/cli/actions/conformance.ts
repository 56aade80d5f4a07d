// What `orchlab conformance` does (its options are in ../commands/conformance.ts).
import { conformanceCases } from '../../runner/conformance-cases.js';
import { runConformance } from '../../runner/conformance.js';
import type { ConformanceFlags } from '../commands/conformance.js';
import { formatTable, num } from '../format-table.js';
import { checkOutputs, emit } from '../output.js';

export async function conformanceAction(flags: ConformanceFlags): Promise<void> {
  // Before the runs (several seconds): an --out that cannot be written fails at once.
  checkOutputs(flags);
  const progress = process.stderr.isTTY && flags.quiet !== true;
  const cases = conformanceCases(flags.quick === true);
  const verdicts = runConformance(cases, (name, i, total) => {
    if (progress) process.stderr.write(`\r\x1b[K[${i + 1}/${total}] ${name}`);
  });
  if (progress) process.stderr.write('\r\x1b[K');
  const failed = verdicts.filter((v) => !v.pass).length;
  await emit(flags, { format: 'orchlab.conformance/1', failed, verdicts }, () => {
    const rows = verdicts.map((v) => [
      v.case,
      v.check,
      num(v.theory),
      num(v.mean),
      `[${num(v.ci[0])}, ${num(v.ci[1])}]`,
      v.pass ? 'pass' : 'FAIL',
    ]);
    const level = verdicts[0] ? `${(verdicts[0].level * 100).toFixed(2)}%` : '';
    return [
      formatTable(['case', 'figure', 'theory', 'simulated', `${level} CI`], rows),
      '',
      `${verdicts.length - failed} passed, ${failed} failed (${verdicts[0]?.replications ?? 0} replications per case; intervals Bonferroni-corrected over ${verdicts.length} checks)`,
    ].join('\n');
  });
  if (failed > 0) process.exitCode = 1;
}
