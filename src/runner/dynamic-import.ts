// import() of modules named at run time: user policies and tsx (which loads TypeScript ones).
// The bundled worker runs inside a vm.Script, where Node 20 runs import() only with an
// experimental option (vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER, which warns, and fails
// when the script comes from cached data) or behind a flag; so its loader, a real module,
// installs an importer under a global symbol before the bundle runs.
type Importer = (specifier: string) => Promise<unknown>;

const HOOK = Symbol.for('orchlab.import');

export function installImporter(importer: Importer): void {
  (globalThis as Record<symbol, unknown>)[HOOK] = importer;
}

export function importModule(specifier: string): Promise<unknown> {
  const hook = (globalThis as Record<symbol, unknown>)[HOOK] as Importer | undefined;
  return hook !== undefined ? hook(specifier) : import(specifier);
}
