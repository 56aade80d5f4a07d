import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createModuleHasher, localSpecifiers, resolveLocal } from '../../src/runner/module-graph.js';

/** A fresh directory holding `files` (path relative to it → contents). */
function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'orchlab-graph-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('localSpecifiers(source)', () => {
  it('finds every literal form of import, export … from and require, relative or absolute only', () => {
    const source = [
      "import a, { b } from './a.js';",
      'import {',
      '  c,',
      '} from "../c.ts";',
      "import type { T } from './types';",
      "export * from './d.mjs';",
      "export { e } from './e';",
      "import './side-effect.js';",
      "const f = await import('./f.js');",
      'const g = await import(`./g.js`);',
      "const h = require('./h.cjs');",
      "import x from 'zod';",
      "import y from 'node:fs';",
      'const z = await import(name);',
      // A template with a placeholder is computed: not followed.
      `const w = await import(\`./\${name}.js\`);`,
      "import abs from '/abs/x.js';",
      "import url from 'file:///abs/y.js';",
      "const again = require('./a.js');",
    ].join('\n');
    expect(localSpecifiers(source)).toEqual([
      './a.js',
      '../c.ts',
      './types',
      './d.mjs',
      './e',
      './side-effect.js',
      './f.js',
      './g.js',
      './h.cjs',
      '/abs/x.js',
      'file:///abs/y.js',
    ]);
  });
});

describe('resolveLocal(specifier, importer)', () => {
  it('resolves as Node and tsx do: .js naming .ts, extensionless, directory index, file: URLs', () => {
    const dir = tree({
      'p.ts': '',
      'helper.ts': '',
      'util.mts': '',
      'plain.mjs': '',
      'lib/index.ts': '',
      'data.json': '{}',
    });
    const importer = join(dir, 'p.ts');
    expect(resolveLocal('./helper.js', importer)).toEqual([join(dir, 'helper.ts')]);
    expect(resolveLocal('./helper', importer)).toEqual([join(dir, 'helper.ts')]);
    expect(resolveLocal('./util.mjs', importer)).toEqual([join(dir, 'util.mts')]);
    expect(resolveLocal('./plain.mjs', importer)).toEqual([join(dir, 'plain.mjs')]);
    expect(resolveLocal('./lib', importer)).toEqual([join(dir, 'lib', 'index.ts')]);
    expect(resolveLocal('./lib/', importer)).toEqual([join(dir, 'lib', 'index.ts')]);
    expect(resolveLocal('./data.json', importer)).toEqual([join(dir, 'data.json')]);
    expect(resolveLocal(pathToFileURL(join(dir, 'helper.ts')).href, importer)).toEqual([
      join(dir, 'helper.ts'),
    ]);
    expect(resolveLocal(join(dir, 'helper.ts'), importer)).toEqual([join(dir, 'helper.ts')]);
    expect(resolveLocal('./nothing.js', importer)).toEqual([]);
  });

  it('takes both files when x.js and x.ts exist (the loader decides which runs)', () => {
    const dir = tree({ 'p.ts': '', 'x.js': '', 'x.ts': '' });
    expect(resolveLocal('./x.js', join(dir, 'p.ts')).sort()).toEqual([join(dir, 'x.js'), join(dir, 'x.ts')]);
  });
});

describe('createModuleHasher()', () => {
  it('hashes the files a module imports, followed recursively; a change in the innermost changes the graph', () => {
    const files = {
      'policy.ts': "import { pick } from './helpers/pick.js';\nexport default { pick };\n",
      'helpers/pick.ts': "import { first } from '../inner.mjs';\nexport const pick = first;\n",
      'inner.mjs': 'export const first = (t) => t.eligible[0];\n',
      'unused.ts': 'export const never = 1;\n',
    };
    const dir = tree(files);
    const before = createModuleHasher()(join(dir, 'policy.ts'));
    expect(before.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(Object.keys(before.imports).sort()).toEqual(['helpers/pick.ts', 'inner.mjs']);

    writeFileSync(join(dir, 'inner.mjs'), 'export const first = (t) => t.eligible[1];\n');
    const after = createModuleHasher()(join(dir, 'policy.ts'));
    expect(after.hash).toBe(before.hash);
    expect(after.imports['helpers/pick.ts']).toBe(before.imports['helpers/pick.ts']);
    expect(after.imports['inner.mjs']).not.toBe(before.imports['inner.mjs']);
  });

  it('ends on an import cycle, and reads each file once per hasher', () => {
    const dir = tree({
      'a.ts': "import { b } from './b.js';\nexport const a = 1;\n",
      'b.ts': "import { a } from './a.js';\nimport { c } from './c.js';\nexport const b = a;\n",
      'c.ts': "import { b } from './b.js';\nexport const c = 3;\n",
    });
    const hash = createModuleHasher();
    const graph = hash(join(dir, 'a.ts'));
    expect(Object.keys(graph.imports).sort()).toEqual(['b.ts', 'c.ts']);
    // Within one command the files are not read again: an edit mid-command does not split the key.
    writeFileSync(join(dir, 'c.ts'), 'export const c = 4;\n');
    expect(hash(join(dir, 'a.ts'))).toEqual(graph);
    expect(hash(join(dir, 'b.ts')).imports['c.ts']).toBe(graph.imports['c.ts']);
  });

  it('gives no hash for a missing entry', () => {
    const dir = tree({});
    expect(createModuleHasher()(join(dir, 'gone.ts'))).toEqual({ hash: undefined, imports: {} });
  });
});
