// The routing policy registry: a name-to-definition table, nothing else.
import consistentHash from './consistent-hash.js';
import jiq from './jiq.js';
import jsq from './jsq.js';
import leastCost from './least-cost.js';
import leastWorkLeft from './least-work-left.js';
import peakEwma from './peak-ewma.js';
import powerOfD from './power-of-d.js';
import prefixAffinity from './prefix-affinity.js';
import prequal from './prequal.js';
import random from './random.js';
import roundRobin from './round-robin.js';
import sed from './sed.js';
import sharedQueue from './shared-queue.js';
import skillAware from './skill-aware.js';
import type { PolicyDefinition } from './types.js';
import weightedRandom from './weighted-random.js';
import weightedRoundRobin from './weighted-round-robin.js';

export const routingPolicies: ReadonlyMap<string, PolicyDefinition> = new Map<string, PolicyDefinition>(
  [
    sharedQueue,
    random,
    roundRobin,
    jsq,
    powerOfD,
    jiq,
    leastWorkLeft,
    sed,
    weightedRoundRobin,
    weightedRandom,
    consistentHash,
    leastCost,
    peakEwma,
    prequal,
    skillAware,
    prefixAffinity,
  ].map((p) => [p.name, p as PolicyDefinition]),
);

export const routingPolicyNames: readonly string[] = [...routingPolicies.keys()];
