// A parsed YAML or JSON mapping (an object that is not an array): what scenario data, overrides
// and stored results walk through before any schema has checked them.
export function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
