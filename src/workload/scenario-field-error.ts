// A scenario field whose value cannot be used, found after validation (a fit to a trace column
// the trace lacks, a trace that cannot be fitted): parseScenario names the file, line and field,
// as for any invalid field.
import { InputError } from '../errors.js';

export class ScenarioFieldError extends InputError {
  constructor(
    readonly path: readonly (string | number)[],
    readonly reason: string,
  ) {
    super(`${path.join('.')}: ${reason}`);
    this.name = 'ScenarioFieldError';
  }
}
