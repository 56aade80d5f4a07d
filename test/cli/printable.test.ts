// A message quoting what the user gave never writes control characters to the terminal raw.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { printable } from '../../src/cli/printable.js';
import { runCli } from '../support/run-cli.js';

describe('printable', () => {
  it('escapes C0 and C1 controls, DEL and bidi controls; keeps tabs, newlines and other text', () => {
    expect(printable('a\u0000b\u001b[31mc\rd\u007f\u0085\u202ee\tf\ng é \uFFFD')).toBe(
      'a\\x00b\\x1b[31mc\\x0dd\\x7f\\x85\\u202ee\tf\ng é \uFFFD',
    );
  });
});

describe('messages with control characters in the input', () => {
  it('a value with an ESC in it is quoted escaped (exit 2)', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'orchlab-printable-')), 'esc.yaml');
    writeFileSync(file, 'name: x\nstop: { time: 1 }\nagents: "\\e[31mred"\nworkload: {}\n');
    const r = await runCli('validate', file);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('\\x1b[31mred');
    expect(r.stderr).toBe(printable(r.stderr));
  });

  it("commander's own messages too (an unknown option)", async () => {
    const r = await runCli('validate', 'scenarios/mmc.yaml', '--\u001b[2J');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown option '--\\x1b[2J'");
  });
});
