// Output files are written whole or not at all: write a temporary file beside the target,
// then rename it over the target (atomic on one file system). A path that cannot be written
// (a directory, no permission, a file where a folder should be) is the user's to fix: exit 2.
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { InputError, readFailure } from '../errors.js';

export function writeAtomic(path: string, content: string): void {
  const dir = dirname(path);
  const tmp = join(dir, `.${basename(path)}.${process.pid}.tmp`);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(tmp, content);
    renameSync(tmp, path);
  } catch (err) {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // Nothing was written there (its folder could not be made): the first error is the one to show.
    }
    if (typeof err === 'object' && err !== null && 'code' in err)
      throw new InputError(`${path}: cannot write (${readFailure(err)})`);
    throw err;
  }
}
