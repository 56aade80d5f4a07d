// The fleet's state as typed arrays indexed by agent. The orchestrator core writes it; policies
// read it through FleetView, a window over the same arrays (never a copy per decision).

/** What a routing policy may see of the fleet. Arrays are indexed by agent. */
export interface FleetView {
  /** Number of agents (indices 0 .. size-1). */
  readonly size: number;
  /** Concurrency slots per agent. */
  readonly slots: Int32Array;
  /** Tasks in service at the agent. */
  readonly busy: Int32Array;
  /** Tasks waiting in the agent's local queue. */
  readonly queued: Int32Array;
  /** busy + queued: tasks at the agent. */
  readonly load: Int32Array;
  /** Advertised speed in work units per second (what the agent claims, not what it does). */
  readonly speed: Float64Array;
  /** Local queue capacity; Infinity when unbounded. */
  readonly queueCapacity: Float64Array;
  /** Agent group index. */
  readonly group: Int32Array;
  /** Cost per busy slot-second. */
  readonly costPerSecond: Float64Array;
  /** Cost per work unit served. */
  readonly costPerUnit: Float64Array;
  /** Free slots summed over the agents that have each skill. */
  readonly freeBySkill: Int32Array;
  /** Skill indices each agent has. */
  readonly skillsOf: readonly Int32Array[];
  /** Agents that have each skill, in index order. */
  readonly agentsWithSkill: readonly Int32Array[];
  /** Whether agent `a` has skill `s`. */
  canServe(a: number, s: number): boolean;
}

export interface AgentSpec {
  group: number;
  slots: number;
  speed: number; // advertised
  queueCapacity: number; // Infinity when unbounded
  skills: readonly number[];
  costPerSecond: number;
  costPerUnit: number;
}

export class Fleet implements FleetView {
  readonly size: number;
  readonly slots: Int32Array;
  readonly busy: Int32Array;
  readonly queued: Int32Array;
  readonly load: Int32Array;
  readonly speed: Float64Array;
  readonly queueCapacity: Float64Array;
  readonly group: Int32Array;
  readonly costPerSecond: Float64Array;
  readonly costPerUnit: Float64Array;
  readonly freeBySkill: Int32Array;
  readonly skillsOf: readonly Int32Array[];
  readonly agentsWithSkill: readonly Int32Array[];
  private readonly skillMatrix: Uint8Array;
  /** The agent's skill when it has exactly one, else -1 (a shortcut for occupy/vacate). */
  private readonly onlySkill: Int32Array;
  private readonly skillCount: number;

  constructor(agents: readonly AgentSpec[], skillCount: number) {
    const n = agents.length;
    this.size = n;
    this.skillCount = skillCount;
    this.slots = Int32Array.from(agents, (a) => a.slots);
    this.busy = new Int32Array(n);
    this.queued = new Int32Array(n);
    this.load = new Int32Array(n);
    this.speed = Float64Array.from(agents, (a) => a.speed);
    this.queueCapacity = Float64Array.from(agents, (a) => a.queueCapacity);
    this.group = Int32Array.from(agents, (a) => a.group);
    this.costPerSecond = Float64Array.from(agents, (a) => a.costPerSecond);
    this.costPerUnit = Float64Array.from(agents, (a) => a.costPerUnit);
    this.skillsOf = agents.map((a) => Int32Array.from(a.skills));
    this.onlySkill = Int32Array.from(agents, (a) => (a.skills.length === 1 ? a.skills[0]! : -1));
    this.skillMatrix = new Uint8Array(n * skillCount);
    this.freeBySkill = new Int32Array(skillCount);
    const members: number[][] = Array.from({ length: skillCount }, () => []);
    agents.forEach((a, i) => {
      for (const s of a.skills) {
        this.skillMatrix[i * skillCount + s] = 1;
        this.freeBySkill[s]! += a.slots;
        members[s]!.push(i);
      }
    });
    this.agentsWithSkill = members.map((m) => Int32Array.from(m));
  }

  canServe(a: number, s: number): boolean {
    return this.skillMatrix[a * this.skillCount + s] === 1;
  }

  /** A task enters service at `a`: one slot fewer free for each of its skills. */
  occupy(a: number): void {
    this.busy[a]!++;
    const only = this.onlySkill[a]!;
    if (only >= 0) {
      this.freeBySkill[only]!--;
      return;
    }
    const skills = this.skillsOf[a]!;
    for (let i = 0; i < skills.length; i++) this.freeBySkill[skills[i]!]!--;
  }

  /** A task leaves service at `a`. */
  vacate(a: number): void {
    this.busy[a]!--;
    const only = this.onlySkill[a]!;
    if (only >= 0) {
      this.freeBySkill[only]!++;
      return;
    }
    const skills = this.skillsOf[a]!;
    for (let i = 0; i < skills.length; i++) this.freeBySkill[skills[i]!]!++;
  }
}
