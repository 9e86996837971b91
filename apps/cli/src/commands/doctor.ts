// The code of `prefixkit doctor`, loaded only when the command runs: Dawn's native addon and the
// cache lookups are not needed for `--help` or the other commands.
import type { CommandRun } from '../command';
import { dawnLimitWarningNote } from '../doctor/dawn-limit-warnings';
import type { DataReport, HubCacheReport } from '../doctor/find-paths';
import { findHubCache, findSharedData } from '../doctor/find-paths';
import type { AdapterReport } from '../doctor/probe-adapter';
import { probeAdapter } from '../doctor/probe-adapter';
import { NoWebGpuAdapterError } from '../errors';
import { repoRootGuess } from '../paths';
import { formatBytes, table } from '../render';

export interface DoctorOptions {
  limits: boolean;
}

export interface DoctorResult {
  node: string;
  platform: string;
  adapter: AdapterReport | null;
  backend: { name: 'webgpu' | 'cpu'; reason: string };
  hubCache: HubCacheReport;
  data: DataReport;
}

// The limits that decide what prefixkit can run; --limits prints all of them.
const keyLimits = [
  'maxBufferSize',
  'maxStorageBufferBindingSize',
  'maxComputeWorkgroupStorageSize',
  'maxComputeInvocationsPerWorkgroup',
  'maxComputeWorkgroupsPerDimension',
];

function renderLimit(name: string, value: number): string {
  return /Size$/.test(name) ? `${name} ${formatBytes(value)}` : `${name} ${value}`;
}

/** Comma-separated items in lines of at most `width` characters. */
function wrap(items: readonly string[], width = 80): string[] {
  const lines: string[] = [];
  let line = '';
  for (const item of items) {
    const next = line ? `${line}, ${item}` : item;
    if (next.length > width && line) {
      lines.push(`${line},`);
      line = item;
    } else {
      line = next;
    }
  }
  lines.push(line || '(none)');
  return lines;
}

function render(result: DoctorResult, allLimits: boolean): string {
  const rows: [string, string][] = [];
  const adapter = result.adapter;
  if (adapter) {
    const name = [adapter.vendor || '?', adapter.architecture || '?'].join(' / ');
    const description = adapter.description ? ` (${adapter.description})` : '';
    rows.push([
      'WebGPU adapter',
      `${name}${description}${adapter.isFallbackAdapter ? ' [fallback]' : ''}`,
    ]);
    for (const [index, line] of wrap(adapter.features).entries()) {
      rows.push([index === 0 ? 'features' : '', line]);
    }
    rows.push(['device features', adapter.deviceFeatures.join(', ') || '(none)']);
    const names = allLimits
      ? Object.keys(adapter.limits)
      : keyLimits.filter((key) => key in adapter.limits);
    for (const [index, key] of names.entries()) {
      rows.push([index === 0 ? 'limits' : '', renderLimit(key, adapter.limits[key]!)]);
    }
    if (!allLimits) rows.push(['', `(--limits shows all ${Object.keys(adapter.limits).length})`]);
    rows.push(['Dawn warnings', dawnLimitWarningNote]);
  } else {
    rows.push(['WebGPU adapter', 'none']);
  }
  rows.push(['backend', `${result.backend.name} (${result.backend.reason})`]);
  rows.push(['node', `${result.node} ${result.platform}`]);
  const hub = result.hubCache;
  rows.push([
    'HF hub cache',
    `${hub.path} (${hub.from}${hub.exists ? '' : ', not created yet'}${hub.offline ? ', offline' : ''})`,
  ]);
  rows.push(['cached models', hub.models.join(', ') || '(none)']);
  const data = result.data;
  rows.push(['shared data', `${data.path} (${data.from}${data.exists ? '' : ', not found'})`]);
  if (data.exists) rows.push(['data sets', data.datasets.join(', ') || '(none)']);
  return table(rows);
}

export const doctorRun: CommandRun<DoctorOptions, DoctorResult> = async (options, context) => {
  const probe = await probeAdapter();
  const requested = context.env.PREFIXKIT_BACKEND;
  if (!probe.ok && requested !== 'cpu') {
    throw new NoWebGpuAdapterError(probe.reason, { cause: probe.cause });
  }
  const backend: DoctorResult['backend'] =
    requested === 'cpu'
      ? { name: 'cpu', reason: 'PREFIXKIT_BACKEND=cpu' }
      : {
          name: 'webgpu',
          reason: requested ? 'PREFIXKIT_BACKEND=webgpu' : 'default: an adapter was found',
        };
  if (requested && requested !== 'cpu' && requested !== 'webgpu') {
    context.warn(`PREFIXKIT_BACKEND=${requested} is not cpu or webgpu; it is ignored`);
  }
  const result: DoctorResult = {
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    adapter: probe.ok ? probe.adapter : null,
    backend,
    hubCache: findHubCache(context.env),
    data: findSharedData(context.env, repoRootGuess),
  };
  return { value: result, text: render(result, options.limits) };
};
