// import() of modules named at run time: user policies and tsx (which loads TypeScript ones).
// The bundled worker runs inside a vm.Script built from V8's code cache, where Node 20 drops
// import()'s callback ("A dynamic import callback was not specified"); its loader, a real
// module, installs an importer under a global symbol before the bundle runs.
type Importer = (specifier: string) => Promise<unknown>;

const HOOK = Symbol.for('orchlab.import');

export function installImporter(importer: Importer): void {
  (globalThis as Record<symbol, unknown>)[HOOK] = importer;
}

export function importModule(specifier: string): Promise<unknown> {
  const hook = (globalThis as Record<symbol, unknown>)[HOOK] as Importer | undefined;
  return hook !== undefined ? hook(specifier) : import(specifier);
}
