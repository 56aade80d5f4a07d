// Temporary trace files for the trace tests: one directory per test file, removed afterwards.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TempDir {
  readonly dir: string;
  /** Writes `content` to `name` in the directory and returns `name` (a path relative to `dir`). */
  write(name: string, content: string | Uint8Array): string;
  remove(): void;
}

export function tempDir(): TempDir {
  const dir = mkdtempSync(join(tmpdir(), 'orchlab-trace-'));
  return {
    dir,
    write(name, content) {
      writeFileSync(join(dir, name), content);
      return name;
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
