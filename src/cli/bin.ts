// Entry point: runs the CLI and sets the exit code (stdout is flushed before exiting).
// First: the JIT settings must be in place before the simulator's code gets hot.
import './v8-tuning.js';
import { main } from './main.js';

process.exitCode = await main(process.argv.slice(2));
