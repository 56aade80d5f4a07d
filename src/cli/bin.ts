// Entry point: runs the CLI and sets the exit code (stdout is flushed before exiting).
import { main } from './main.js';
import { watchStdout } from './output.js';

// Before anything is printed: a closed pipe (`| head`) or a full disk must not end in a stack trace.
const stdoutFailed = watchStdout();
// Whether the command is over: a process.exit() before then is not orchlab's.
let over = false;
const exit = process.exit;
// process.exit() called by a policy module outside a run in this thread (at its load, from a timer;
// one called during a run crashes that run: runner/executor.ts) would end orchlab silently, with
// whatever code it chose: one line says so, and the exit code is 1.
// Once the command is over, such a call (a policy's timer that fires late) ends the process with
// the command's own code, once stdout is flushed, as it would end with the timer on a worker thread.
process.exit = ((code?: number | string | null) => {
  if (over) {
    process.stdout.write('', () => exit());
    return undefined as never;
  }
  over = true;
  process.stderr.write(
    `orchlab: process.exit(${code ?? ''}) was called before the command finished (by a policy module?); exit code 1\n`,
  );
  return exit(1);
}) as typeof process.exit;
// What escapes every run (a policy module's timer or promise that throws; a bug) ends the process
// with a line that says so, not Node's bare dump; its stack follows, for whoever must fix it.
const escaped = (err: unknown) => {
  const text = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  const stack = err instanceof Error && err.stack !== undefined ? `\n${err.stack}` : '';
  process.stderr.write(
    `orchlab: an error escaped the runs (from a policy module's timer or promise, or a bug in orchlab): ${text}${stack}\n`,
  );
  over = true;
  exit(1);
};
process.on('uncaughtException', escaped);
process.on('unhandledRejection', escaped);
const code = await main(process.argv.slice(2));
over = true;
process.exitCode = code === 0 && stdoutFailed() ? 1 : code;
