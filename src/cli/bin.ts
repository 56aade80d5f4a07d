// Entry point: runs the CLI and sets the exit code (stdout is flushed before exiting).
import { main } from './main.js';
import { watchStdout } from './output.js';

// Before anything is printed: a closed pipe (`| head`) or a full disk must not end in a stack trace.
const stdoutFailed = watchStdout();
const code = await main(process.argv.slice(2));
process.exitCode = code === 0 && stdoutFailed() ? 1 : code;
