// The routing policy registry: a name-to-definition table, nothing else.
import jsq from './jsq.js';
import powerOfD from './power-of-d.js';
import random from './random.js';
import roundRobin from './round-robin.js';
import sharedQueue from './shared-queue.js';
import type { PolicyDefinition } from './types.js';

export const routingPolicies: ReadonlyMap<string, PolicyDefinition> = new Map<string, PolicyDefinition>(
  [sharedQueue, random, roundRobin, jsq, powerOfD].map((p) => [p.name, p as PolicyDefinition]),
);

export const routingPolicyNames: readonly string[] = [...routingPolicies.keys()];
