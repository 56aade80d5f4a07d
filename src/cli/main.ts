// The `orchlab` command. Every user mistake surfaces as one message and exit code 2; a policy
// that breaks its contract as exit code 3; runs that crashed with nothing to write (a worker
// thread that died, a policy that called process.exit) as one message and exit code 1; anything
// else is a bug and prints its stack (exit 1).
// commands/ only declares each command's options; its action imports the implementation
// (actions/) when that command runs, so --help, --version and every other command start fast.
import { Command, CommanderError } from 'commander';
import { InputError, OutputError, PolicyError } from '../errors.js';
import { VERSION } from '../version.js';
import { registerCompare } from './commands/compare.js';
import { registerConformance } from './commands/conformance.js';
import { registerPolicies } from './commands/policies.js';
import { registerReport } from './commands/report.js';
import { registerRun } from './commands/run.js';
import { registerSweep } from './commands/sweep.js';
import { registerTrace } from './commands/trace.js';
import { registerValidate } from './commands/validate.js';
import { RunsFailed } from './execution-options.js';
import { printable } from './printable.js';
import { refuseRepeatedOptions } from './repeated-options.js';

export function buildProgram(): Command {
  const program = new Command('orchlab')
    .description('deterministic simulation lab for routing, coordinating and scaling fleets of agents')
    .version(VERSION)
    .showHelpAfterError('(run with --help for usage)')
    // commander quotes an unknown option or a bad value as given. Set before the commands are
    // added: they copy it.
    .configureOutput({ outputError: (text, write) => write(printable(text)) })
    .exitOverride();
  registerRun(program);
  registerCompare(program);
  registerSweep(program);
  registerReport(program);
  registerValidate(program);
  registerConformance(program);
  registerPolicies(program);
  registerTrace(program);
  for (const c of program.commands) c.exitOverride();
  refuseRepeatedOptions(program);
  return program;
}

export async function main(argv: readonly string[]): Promise<number> {
  try {
    await buildProgram().parseAsync([...argv], { from: 'user' });
    return process.exitCode === undefined ? 0 : Number(process.exitCode);
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and --version end through here too, with exit code 0.
      return err.exitCode === 0 ? 0 : 2;
    }
    if (
      err instanceof InputError ||
      err instanceof OutputError ||
      err instanceof PolicyError ||
      err instanceof RunsFailed
    ) {
      process.stderr.write(`orchlab: ${printable(err.message)}\n`);
      return err.exitCode;
    }
    process.stderr.write(`orchlab: internal error (a bug; please report it with the command you ran)\n`);
    process.stderr.write(`${printable(err instanceof Error ? (err.stack ?? err.message) : String(err))}\n`);
    return 1;
  }
}
