// The machine line printed before the results: figures mean little without it.
import { cpus } from 'node:os';

export interface MachineInfo {
  readonly cpu: string;
  readonly cores: number;
  readonly node: string;
  /** ISO 8601, UTC. */
  readonly date: string;
}

export function machineInfo(): MachineInfo {
  const list = cpus();
  return {
    cpu: list[0]?.model.trim() ?? 'unknown CPU',
    cores: list.length,
    node: process.version,
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
  };
}

export function machineLine(m: MachineInfo): string {
  return `machine: ${m.cpu}, ${m.cores} cores, Node ${m.node}, ${m.date}`;
}
