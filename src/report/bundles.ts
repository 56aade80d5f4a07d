// The vega, vega-lite and vega-embed browser bundles, read from node_modules so a report needs
// no network: source-map comments stripped, `</script` escaped so a bundle cannot end its tag.
import { readFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Bundles {
  readonly vega: string;
  readonly vegaLite: string;
  readonly vegaEmbed: string;
}

/** The package's root folder (vega exports no ./package.json, so walk up from its entry). */
function packageRoot(pkg: string): string {
  let dir = dirname(fileURLToPath(import.meta.resolve(pkg)));
  while (!dir.endsWith(`${sep}node_modules${sep}${pkg}`)) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`cannot find the ${pkg} package folder`);
    dir = up;
  }
  return dir;
}

/** Script text safe to inline in <script>. Pure. */
export function inlineScript(source: string): string {
  return source.replace(/\/\/# sourceMappingURL=.*$/gm, '').replace(/<\/script/gi, '<\\/script');
}

const read = (pkg: string, file: string) => inlineScript(readFileSync(join(packageRoot(pkg), file), 'utf8'));

let cached: Bundles | undefined;

export function loadBundles(): Bundles {
  cached ??= {
    vega: read('vega', 'build/vega.min.js'),
    vegaLite: read('vega-lite', 'build/vega-lite.min.js'),
    vegaEmbed: read('vega-embed', 'build/vega-embed.min.js'),
  };
  return cached;
}
