// What the benchmark ran on, recorded beside the figures so results from different machines
// (2-core lavapipe here, a lent NVIDIA GPU through Dawn on Vulkan) are never mixed up.
import os from 'node:os';
import type { AdapterDescription } from '@prefixkit/tensor/node';

export interface MachineDescription {
  readonly slug: string;
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGiB: number;
  readonly platform: string;
  readonly node: string;
  readonly adapter: AdapterDescription;
  readonly features: readonly string[];
  readonly environment: Readonly<Record<string, string>>;
  /** 1-minute load average when the benchmark started: other work on the machine skews timings. */
  readonly loadAverageAtStart: number;
}

/**
 * A file-name-safe label: the adapter's device name where the driver gives a real one
 * (`nvidia-h200`), else the first word of its description (`llvmpipe`), plus the core count
 * for software adapters, whose speed depends on the CPU.
 */
function slugOf(adapter: AdapterDescription, cores: number): string {
  const slug = (text: string) =>
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
  if (!adapter.isFallbackAdapter && adapter.device) return slug(adapter.device).slice(0, 40);
  const first = slug(adapter.description || adapter.device || adapter.vendor || 'gpu').split(
    '-',
  )[0];
  return `${first || 'gpu'}-${cores}cpu`;
}

export function describeMachine(
  adapter: AdapterDescription,
  features: readonly string[],
): MachineDescription {
  const cpus = os.cpus();
  const environment: Record<string, string> = {};
  for (const name of ['LP_NUM_THREADS', 'VK_ICD_FILENAMES', 'VK_DRIVER_FILES', 'OMP_NUM_THREADS']) {
    const value = process.env[name];
    if (value !== undefined) environment[name] = value;
  }
  return {
    slug: slugOf(adapter, cpus.length),
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    node: process.version,
    adapter,
    features,
    environment,
    loadAverageAtStart: Math.round((os.loadavg()[0] ?? 0) * 100) / 100,
  };
}
