// Prompt-prefix block ids for synthetic LLM tasks: a shared system prompt (one of a few, drawn
// from a Zipf) as its first blocks, then blocks unique to the task. Requests that share leading
// blocks can reuse an agent's cached prefill (as the Mooncake trace's hash_ids do).
import type { Rng } from '../sim/rng.js';
import { makeKeySampler } from './keys.js';
import type { PromptPrefix } from './scenario-schema.js';

/** Unique blocks are numbered from here up, far above shared prompt blocks. */
const UNIQUE_BASE = 1 << 30;

export class PrefixBlocks {
  private readonly pick: (rng: Rng) => number;
  private readonly promptBlocks: number;
  private readonly base: number;
  private nextUnique = UNIQUE_BASE;

  constructor(
    private readonly spec: PromptPrefix,
    classIndex: number,
  ) {
    this.pick = spec.s > 0 ? makeKeySampler({ zipf: { n: spec.prompts, s: spec.s } }) : makeKeySampler({ uniform: { n: spec.prompts } });
    this.promptBlocks = Math.ceil(spec.promptTokens / spec.blockTokens);
    // Prompts of different classes are different prompts.
    this.base = classIndex * 1_000_000;
  }

  /** The block ids of a task with `inputTokens` prompt tokens. */
  draw(inputTokens: number, rng: Rng): Int32Array {
    const total = Math.max(this.promptBlocks, Math.ceil(inputTokens / this.spec.blockTokens));
    const out = new Int32Array(total);
    const first = this.base + this.pick(rng) * this.promptBlocks;
    for (let i = 0; i < this.promptBlocks; i++) out[i] = first + i;
    for (let i = this.promptBlocks; i < total; i++) out[i] = this.nextUnique++;
    return out;
  }
}
