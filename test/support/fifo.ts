// A fifo with a reader, for tests of writing to something that is not a regular file.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';

/** A fifo at `path`, and a child `cat` reading it (a killable reader: a fifo open blocks). */
export function fifoWithReader(path: string): { reader: ChildProcess; received: Promise<string> } {
  execFileSync('mkfifo', [path]);
  const reader = spawn('cat', [path], { stdio: ['ignore', 'pipe', 'ignore'] });
  let text = '';
  reader.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    text += chunk;
  });
  return { reader, received: new Promise((done) => reader.on('close', () => done(text))) };
}
