// `--cache ""` would write hash-named files into the current directory: refused with exit 2
// before anything runs. A --cache DIR that can be read but not written is used read-only. Runs the
// built CLI (bin/orchlab.js over dist/; after editing src/, `npm run build`) in a scratch
// directory, so a regression shows as files left there.
import { execFileSync, type SpawnSyncOptions, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { FAST, fast } from '../support/run-cli.js';

const BIN = resolve('bin/orchlab.js');
const SMALL = resolve('test/fixtures/scenarios/small-mmc.yaml');

describe('--cache ""', () => {
  for (const args of [
    ['run', SMALL],
    ['compare', SMALL, '--policies', 'jsq'],
    ['sweep', SMALL, '--policies', 'jsq', '--vary', 'workload.arrivals.rate=2,3'],
  ])
    it(`\`orchlab ${args[0]} --cache ""\` exits 2 with one line and writes nothing`, () => {
      const cwd = mkdtempSync(join(tmpdir(), 'orchlab-cache-flag-'));
      for (const flag of [['--cache', ''], ['--cache=']]) {
        const r = spawnSync(
          process.execPath,
          [BIN, ...args, '--replications', '1', '--workers', '1', ...flag],
          {
            cwd,
            encoding: 'utf8',
          },
        );
        expect(r.stderr).toBe("orchlab: --cache: expected a directory, got ''\n");
        expect(r.status).toBe(2);
        expect(r.stdout).toBe('');
        expect(readdirSync(cwd)).toEqual([]);
      }
    });
});

/**
 * How a directory is made one this test's CLI can read but not write: chmod 0555 for a user other
 * than root; as root (who writes anywhere), the same run as `nobody` (65534) when that user can
 * read the CLI, else `chattr +i` (immutable: no one may add a file, root included; ext4 and the
 * like). A string says why none works here (the test is then skipped).
 */
interface ReadOnlyWay {
  readonly user: SpawnSyncOptions;
  readonly lock: (dir: string) => void;
  readonly unlock: (dir: string) => void;
  /** Whether chmod 000 stops this user reading (not for root). */
  readonly permissionsBind: boolean;
}

/** Whether `user` finds `dir` locked: it may read the CLI and may not make a file in `dir`. */
function lockedFor(user: SpawnSyncOptions, dir: string): string {
  const script = `const fs = require('node:fs');
    fs.accessSync(${JSON.stringify(BIN)}, fs.constants.R_OK);
    try { fs.writeFileSync(${JSON.stringify(join(dir, 'x'))}, ''); console.log('writable'); }
    catch (err) { console.log(err.code); }`;
  const r = spawnSync(process.execPath, ['-e', script], { ...user, encoding: 'utf8' });
  if (r.error !== undefined) return r.error.message;
  return r.stdout.trim() || r.stderr.trim();
}

function readOnlyWay(): ReadOnlyWay | string {
  const chmod = {
    lock: (dir: string) => chmodSync(dir, 0o555),
    unlock: (dir: string) => chmodSync(dir, 0o755),
    permissionsBind: true,
  };
  const root = process.getuid?.() === 0;
  const tried: string[] = [];
  const ways: ReadOnlyWay[] = root
    ? [
        { user: { uid: 65534, gid: 65534 }, ...chmod },
        {
          user: {},
          lock: (dir) => execFileSync('chattr', ['+i', dir]),
          unlock: (dir) => execFileSync('chattr', ['-i', dir]),
          permissionsBind: false,
        },
      ]
    : [{ user: {}, ...chmod }];
  for (const way of ways) {
    const dir = mkdtempSync(join(tmpdir(), 'orchlab-ro-probe-'));
    let locked = false;
    try {
      way.lock(dir);
      locked = true;
      const said = lockedFor(way.user, dir);
      if (said === 'EACCES' || said === 'EPERM') return way;
      tried.push(said);
    } catch (err) {
      tried.push((err as Error).message.split('\n')[0]!);
    } finally {
      // Unlocked before it is removed: an immutable directory cannot be.
      if (locked) way.unlock(dir);
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return `no way to make a directory read-only here (${tried.join('; ')})`;
}

const way = readOnlyWay();

describe('--cache DIR that can be read but not written', () => {
  /** The CLI as `user` in a scratch directory: status, stdout, stderr. */
  const orchlab = (user: SpawnSyncOptions, ...args: string[]) => {
    const r = spawnSync(process.execPath, [BIN, ...args], {
      ...user,
      cwd: tmpdir(),
      env: { ...process.env, HOME: tmpdir() },
      encoding: 'utf8',
    });
    return { status: r.status, stdout: String(r.stdout), stderr: String(r.stderr) };
  };
  const commands = [
    ['run', SMALL],
    ['compare', SMALL, '--policies', 'jsq'],
    ['sweep', SMALL, '--policies', 'jsq', '--vary', 'workload.arrivals.rate=2,3'],
  ];
  const title = 'reads its runs, runs the rest unstored, warns once, exits 0 with the results of no cache';
  it.skipIf(typeof way === 'string')(typeof way === 'string' ? `${title} (skipped: ${way})` : title, () => {
    const { user, lock, unlock, permissionsBind } = way as ReadOnlyWay;
    const dir = mkdtempSync(join(tmpdir(), 'orchlab-ro-cache-'));
    let locked = false;
    // Removed even when an assertion fails with the directory read-only.
    onTestFinished(() => {
      if (locked) unlock(dir);
      chmodSync(dir, 0o755);
      rmSync(dir, { recursive: true, force: true });
    });
    const four = [...fast('--replications', '4'), '--format', 'json'];
    // Two of run's four replications cached while the directory could be written, then made read-only.
    const filled = orchlab({}, 'run', SMALL, ...FAST, '--cache', dir, '--quiet');
    expect(filled.status, filled.stderr).toBe(0);
    for (const f of readdirSync(dir)) chmodSync(join(dir, f), 0o644);
    lock(dir);
    locked = true;
    const snapshot = () =>
      readdirSync(dir)
        .sort()
        .map((f) => [f, readFileSync(join(dir, f), 'utf8')]);
    const before = snapshot();
    expect(before).toHaveLength(2);
    const warning = `orchlab: --cache ${dir}: cannot write (permission denied); cached runs are read, new runs are not stored\n`;

    const withCache = orchlab(user, 'run', SMALL, ...four, '--cache', dir);
    expect(withCache.status, withCache.stderr).toBe(0);
    expect(withCache.stdout).toBe(orchlab({}, 'run', SMALL, ...four).stdout);
    // The warning first, then the summary counts the two runs read back.
    const [first, summary, ...rest] = withCache.stderr.split('\n');
    expect(`${first}\n`).toBe(warning);
    expect(summary).toMatch(/^4 runs \(2 from cache\) · /);
    expect(rest).toEqual(['']);

    // Every command takes it; --quiet keeps the warning.
    for (const args of commands) {
      const quiet = orchlab(user, ...args, ...four, '--cache', dir, '--quiet');
      expect(quiet.status, quiet.stderr).toBe(0);
      expect(quiet.stderr).toBe(warning);
      expect(quiet.stdout).toBe(orchlab({}, ...args, ...four, '--quiet').stdout);
    }
    expect(snapshot()).toEqual(before);

    // Still refused: a folder that cannot be made in it, and one that cannot be read either.
    const inside = join(dir, 'new');
    const cannotMake = orchlab(user, 'run', SMALL, ...four, '--cache', inside);
    expect([cannotMake.status, cannotMake.stdout, cannotMake.stderr]).toEqual([
      2,
      '',
      `orchlab: --cache ${inside}: cannot create it in ${dir} (permission denied)\n`,
    ]);
    expect(snapshot()).toEqual(before);
    if (!permissionsBind) return;
    chmodSync(dir, 0o000);
    const unreadable = orchlab(user, 'run', SMALL, ...four, '--cache', dir);
    chmodSync(dir, 0o555);
    expect([unreadable.status, unreadable.stdout, unreadable.stderr]).toEqual([
      2,
      '',
      `orchlab: --cache ${dir}: cannot read or write in ${dir}\n`,
    ]);
  });
});
