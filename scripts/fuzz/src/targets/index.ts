// The fuzzers, by name: the one list the worker, the command and the test read.
import { adapterTarget } from './adapter-target';
import { cliFlagsTarget } from './cli-flags-target';
import type { FuzzTarget } from './fuzz-target';
import { recordsTarget } from './records-target';
import { safetensorsTarget } from './safetensors-target';

export const fuzzTargets = {
  safetensors: safetensorsTarget,
  adapter: adapterTarget,
  records: recordsTarget,
  'cli-flags': cliFlagsTarget,
  // biome-ignore lint/suspicious/noExplicitAny: each fuzzer has its own context type
} satisfies Record<string, FuzzTarget<any>>;

export type FuzzTargetName = keyof typeof fuzzTargets;

export const fuzzTargetNames = Object.keys(fuzzTargets) as FuzzTargetName[];
