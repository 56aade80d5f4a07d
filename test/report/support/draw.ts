// Runs a Vega-Lite spec in vega's headless View, to read what it draws: a scale's domain, the
// title, a mark's items, and what vega warned about while drawing it (e.g. a log scale whose
// domain includes zero, an infinite extent).
import type { TopLevelSpec } from 'vega-lite';

export interface Drawn {
  /** The domain of a scale by its vega name (`x`, `y`, `color`). */
  domain(scale: string): unknown[];
  /** The items of the marks named `<name>` (vega-lite names them `layer_1_marks`, `marks`, ...). */
  items(name: string): Record<string, unknown>[];
  /** Warnings and errors vega logged while running the view. */
  readonly warnings: string[];
}

export async function draw(spec: TopLevelSpec): Promise<Drawn> {
  const [vega, { compile }] = await Promise.all([import('vega'), import('vega-lite')]);
  const warnings: string[] = [];
  const text = (args: unknown[]) => args.map(String).join(' ');
  const logger = {
    level() {
      return this;
    },
    warn: (...args: unknown[]) => warnings.push(text(args)),
    error: (...args: unknown[]) => warnings.push(`error: ${text(args)}`),
    info() {},
    debug() {},
  };
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none', logger: logger as never });
  await view.runAsync();
  const scene = (view.scenegraph() as unknown as { root: SceneNode }).root;
  const drawn: Drawn = {
    warnings,
    domain: (scale) => [...(view.scale(scale) as { domain(): unknown[] }).domain()],
    items: (name) => {
      const out: Record<string, unknown>[] = [];
      const walk = (node: SceneNode) => {
        if (node.name === name && node.marktype !== 'group') out.push(...(node.items ?? []));
        for (const item of node.items ?? []) for (const child of item.items ?? []) walk(child);
      };
      walk(scene);
      return out;
    },
  };
  view.finalize();
  return drawn;
}

interface SceneNode {
  readonly name?: string;
  readonly marktype?: string;
  readonly items?: (Record<string, unknown> & { items?: SceneNode[] })[];
}
