// Temporary files as a killed orchlab leaves them (`.NAME.PID.tmp`), for the tests of their sweep.
import { spawnSync } from 'node:child_process';
import { utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The process id of a process that has ended, as a killed orchlab's is. */
export function deadPid(): number {
  return Number(
    spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' })
      .stdout,
  );
}

/**
 * Writes `name` in `dir` as a half-written temporary file, last written 20 minutes ago when
 * `stale` (past the sweep's 10), else now. Returns the name.
 */
export function leaveTemp(dir: string, name: string, stale = true): string {
  writeFileSync(join(dir, name), '{"half');
  const old = new Date(Date.now() - 20 * 60 * 1000);
  if (stale) utimesSync(join(dir, name), old, old);
  return name;
}

/** `sh` arguments that run `argv` with files limited to `blocks` 512-byte blocks, a write past it failing with EFBIG. */
export function underFileLimit(blocks: number, argv: readonly string[]): string[] {
  // SIGXFSZ ignored, so a write past the limit fails with EFBIG instead of killing node.
  return ['-c', `trap '' XFSZ; ulimit -f ${blocks}; exec "$@"`, 'sh', ...argv];
}
