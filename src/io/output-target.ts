// What writing to an output path does, decided once for the up-front check (writable.ts) and the
// write itself (write-atomic.ts), so they cannot disagree:
// - a symlink is followed: the file it names is replaced and the link stays;
// - a path that exists and is neither a regular file nor a directory (a fifo, /dev/null, a socket)
//   is a stream, written in place: a temporary file renamed over it would replace the device or
//   fifo with a plain file;
// - /dev/stdout, /dev/fd/N, /proc/self/fd/N name a descriptor this process holds: written through
//   it, so `--out /dev/stdout >> log` appends as the shell set it up (reopening the path would
//   start at offset 0, renaming over the file it resolves to would drop what the log held).
import { lstatSync, readlinkSync, realpathSync, type Stats, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from '../errors.js';

export type OutputTarget =
  /** A regular file, or none yet: written atomically at `path` (symlinks already followed). */
  | { readonly kind: 'file'; readonly path: string }
  /** Something that exists and is not a file: written in place, at the path as given. */
  | { readonly kind: 'stream'; readonly path: string }
  /** One of this process's open descriptors (e.g. 1 for /dev/stdout): written through it. */
  | { readonly kind: 'descriptor'; readonly fd: number };

/** Links followed before giving up on a chain (Linux's own limit). */
const MAX_LINKS = 40;

const OWN_FD = new RegExp(`^/proc/(?:self|${process.pid})/fd/(\\d+)$`);

function statOf(path: string, stat: (p: string) => Stats): Stats | undefined {
  try {
    return stat(path);
  } catch {
    return undefined;
  }
}

/** Where the symlink `path` points, or undefined when it is not a (readable) link. */
function linkTarget(path: string): string | undefined {
  if (statOf(path, lstatSync)?.isSymbolicLink() !== true) return undefined;
  try {
    return resolve(dirname(path), readlinkSync(path));
  } catch {
    return undefined;
  }
}

/** `path` with its folder's real path, when the folder exists. */
function inRealFolder(path: string): string {
  try {
    return join(realpathSync(dirname(path)), basename(path));
  } catch {
    return path;
  }
}

/** The descriptor of this process that `path` (through its links) names, if it names one. */
function ownDescriptor(path: string): number | undefined {
  let p = resolve(path);
  for (let hops = 0; hops <= MAX_LINKS; hops++) {
    p = inRealFolder(p);
    const fd = OWN_FD.exec(p)?.[1];
    if (fd !== undefined) return Number(fd);
    const next = linkTarget(p);
    if (next === undefined) return undefined;
    p = next;
  }
  return undefined;
}

/**
 * The file a write to `path` replaces: its real path when it exists; for a new file, or a dangling
 * link, the path the link chain ends at, in its folder's real path (so two spellings of one new
 * file compare equal).
 */
function finalPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    // Nothing there yet (or a dangling link): follow the links by hand below.
  }
  let p = resolve(path);
  for (let hops = 0; ; hops++) {
    // A link's target is relative to the folder it really sits in, not to a symlinked spelling.
    p = inRealFolder(p);
    const next = linkTarget(p);
    if (next === undefined) return p;
    // A loop of links: write where the user said; the write reports the loop.
    if (hops === MAX_LINKS) return resolve(path);
    p = next;
  }
}

/** Where a write to `path` lands (see above). */
export function outputTarget(path: string): OutputTarget {
  // '' resolves to the working directory, so it would be refused as "is a directory".
  if (path === '') throw new InputError('an output path is empty; expected a file name');
  const fd = ownDescriptor(path);
  if (fd !== undefined) return { kind: 'descriptor', fd };
  const stats = statOf(path, statSync);
  if (stats !== undefined && !stats.isFile() && !stats.isDirectory()) return { kind: 'stream', path };
  return { kind: 'file', path: finalPath(path) };
}

/**
 * Whether two output paths land in one file (through symlinks and `..`), so the second write
 * would silently replace the first. Streams are left alone: `--out /dev/null --report /dev/null`
 * throwing both away is fine.
 */
export function sameFile(a: string, b: string): boolean {
  const [x, y] = [outputTarget(a), outputTarget(b)];
  return x.kind === 'file' && y.kind === 'file' && x.path === y.path;
}

/** A file the command reads: no output may be written over it. */
export interface CommandInput {
  /** What it is, for the message: 'the scenario', 'the result file', … */
  readonly what: string;
  readonly path: string;
}
