// What `orchlab policies` does (its options are in ../commands/policies.ts).
import { z } from 'zod';
import { routingPolicies } from '../../policies/routing/index.js';
import type { PoliciesFlags } from '../commands/policies.js';
import { formatTable } from '../format-table.js';
import { emit } from '../output.js';

export async function policiesAction(flags: PoliciesFlags): Promise<void> {
  const list = [...routingPolicies.values()].map((p) => ({
    name: p.name,
    summary: p.summary,
    params: z.toJSONSchema(p.params, { io: 'input' }),
  }));
  await emit(flags, list, () => {
    const rows = list.map((p) => {
      const props = (p.params as { properties?: Record<string, { default?: unknown }> }).properties ?? {};
      const params = Object.entries(props)
        .map(([k, v]) => `${k}${v.default !== undefined ? `=${String(v.default)}` : ''}`)
        .join(' ');
      return [p.name, params || '-', p.summary];
    });
    return formatTable(['policy', 'parameters', 'what it does'], rows, [1, 2]);
  });
}
