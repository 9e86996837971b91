// The machine an invocation ran on, for the results' "times and machine": CPU, memory, OS and
// Node from node:os, the backend and WebGPU adapter from `prefixkit doctor --json` (as training
// will open them). Without an adapter doctor fails; the record then says so, and the first
// training step fails with the CLI's own hint.
import { cpus, platform, release, totalmem } from 'node:os';
import type { PrefixkitRunner } from '../run/prefixkit';
import type { Machine } from './results-types';

interface DoctorResult {
  backend?: { name?: string };
  adapter?: { description?: string; isFallbackAdapter?: boolean } | null;
}

/** `backend`: the one the experiment passes to every command (--backend), when it does. */
export async function describeMachine(
  prefixkit: PrefixkitRunner,
  backend?: string,
): Promise<Machine> {
  const processors = cpus();
  let doctor: DoctorResult = {};
  const result = await prefixkit(['doctor', '--json']);
  if (result.code === 0) doctor = (JSON.parse(result.stdout) as { result: DoctorResult }).result;
  const adapter = doctor.adapter?.description;
  return {
    cpu: processors[0]?.model.trim() ?? 'unknown',
    cores: processors.length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    os: `${platform()} ${release()}`,
    node: process.version,
    backend: backend ?? doctor.backend?.name ?? null,
    adapter: adapter
      ? `${adapter}${doctor.adapter?.isFallbackAdapter ? ' (fallback adapter)' : ''}`
      : null,
  };
}

/** "Intel Xeon x 2 cores, 7.8 GiB; webgpu on llvmpipe ...". */
export function formatMachine(machine: Machine): string {
  const device =
    machine.backend === 'cpu'
      ? 'cpu backend'
      : `${machine.backend ?? 'no backend'} on ${machine.adapter ?? 'no adapter'}`;
  return `${machine.cpu} x ${machine.cores} cores, ${machine.memoryGiB} GiB, ${machine.os}, Node ${machine.node}; ${device}`;
}
