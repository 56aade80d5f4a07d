// Entry point: runs the CLI and sets the exit code (stdout is flushed before exiting).
import { main } from './main.js';

process.exitCode = await main(process.argv.slice(2));
