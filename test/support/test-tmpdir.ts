// vitest's globalSetup: every test run gets a temporary directory of its own, which os.tmpdir()
// returns in the test workers and in the CLI processes they start (TMPDIR), removed when the run
// ends. Tests make hundreds of scratch directories, and a run left them all in /tmp (3,500 after
// a day's work) where a test that failed or was stopped did not clean up after itself.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'orchlab-tests-'));
  // As /tmp: world-writable and sticky, so a test running a command as another user (nobody)
  // reaches the directories it makes there.
  chmodSync(root, 0o1777);
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = root;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    try {
      rmSync(root, { recursive: true, force: true });
    } catch (err) {
      console.warn(`test temporary directory ${root} not removed: ${(err as Error).message}`);
    }
  };
}
