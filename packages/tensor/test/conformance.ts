// Conformance of one WGSL kernel with its CPU reference (docs/reference/STYLE.md "chain of trust", step 2):
// the same seeded inputs go through cpuKernels[name] (f32 arrays) and the WebGPU backend; every
// output must agree within the kernel's own tolerance. Mismatches print like llm.c check_tensor.
// No vitest import at module level, so test/device-check.ts can reuse it outside vitest.
import type { AnyTypedArray, Backend } from '../src/backends/backend';
import { cpuKernels } from '../src/backends/cpu/cpu-kernels';
import type { KernelName } from '../src/kernels/kernel-names';
import type { KernelTolerance, UniformValues } from '../src/kernels/kernel-spec';
import { kernelSpecs } from '../src/kernels/kernel-specs';
import { randomValues } from './helpers';

export interface KernelCase {
  /** Shown on failure. */
  readonly label: string;
  readonly inputs: readonly (Float32Array | Int32Array)[];
  /** Output lengths, or initial contents for kernels that update outputs in place. */
  readonly outputs: readonly (number | Float32Array | Int32Array)[];
  readonly uniforms: UniformValues;
  readonly constants?: UniformValues;
  /** Overrides the spec's tolerance (looser only with a reason at the call site). */
  readonly tolerance?: KernelTolerance;
}

/** Seeded f32 values in [min, max). */
export function f32(count: number, seed: number, min = -1, max = 1): Float32Array {
  return Float32Array.from(randomValues(count, seed, min, max));
}

function initial(output: number | Float32Array | Int32Array): Float32Array | Int32Array {
  return typeof output === 'number' ? new Float32Array(output) : output.slice();
}

/** Runs `kernel` on the CPU reference and on `gpu`; 'ok' or a report of the mismatches. */
export async function kernelMismatch(
  gpu: Backend,
  kernel: KernelName,
  testCase: KernelCase,
): Promise<string> {
  const inputs = testCase.inputs.map((values) => values.slice());
  const expected = testCase.outputs.map(initial);
  cpuKernels[kernel](inputs, expected, testCase.uniforms, testCase.constants ?? {});

  const inputBuffers = testCase.inputs.map((values) => {
    const buffer = gpu.allocate(values.length, values instanceof Int32Array ? 'i32' : 'f32');
    gpu.write(buffer, values);
    return buffer;
  });
  const outputBuffers = testCase.outputs.map((output) => {
    const values = initial(output);
    const buffer = gpu.allocate(values.length, values instanceof Int32Array ? 'i32' : 'f32');
    if (typeof output !== 'number') gpu.write(buffer, values);
    return buffer;
  });
  gpu.run(kernel, {
    inputs: inputBuffers,
    outputs: outputBuffers,
    uniforms: testCase.uniforms,
    ...(testCase.constants ? { constants: testCase.constants } : {}),
  });
  const got: AnyTypedArray[] = [];
  for (const buffer of outputBuffers) got.push(await gpu.read(buffer));
  for (const buffer of [...inputBuffers, ...outputBuffers]) gpu.release(buffer);

  const tolerance = testCase.tolerance ?? kernelSpecs[kernel].tolerance;
  const reports = got.map((values, k) => {
    const mismatch = compare(values, expected[k]!, tolerance);
    return mismatch === 'ok' ? 'ok' : `${kernel} ${testCase.label}, output ${k}:\n${mismatch}`;
  });
  return reports.find((report) => report !== 'ok') ?? 'ok';
}

/** Runs `kernel` on the CPU reference and on `gpu`; asserts every output agrees. */
export async function expectKernelMatches(
  gpu: Backend,
  kernel: KernelName,
  testCase: KernelCase,
): Promise<void> {
  const { expect } = await import('vitest');
  expect(await kernelMismatch(gpu, kernel, testCase)).toBe('ok');
}

function compare(
  got: AnyTypedArray,
  expected: Float32Array | Int32Array,
  tolerance: KernelTolerance,
): string {
  if (got.length !== expected.length) return `length ${got.length}, expected ${expected.length}`;
  const lines: string[] = [];
  let bad = 0;
  let maxDiff = 0;
  for (let i = 0; i < got.length; i++) {
    const diff = Math.abs(got[i]! - expected[i]!);
    maxDiff = Math.max(maxDiff, Number.isNaN(diff) ? Infinity : diff);
    if (!(diff <= tolerance.atol + tolerance.rtol * Math.abs(expected[i]!))) {
      bad++;
      if (lines.length < 5) lines.push(`  [${i}] gpu ${got[i]}, reference ${expected[i]}`);
    }
  }
  return bad === 0
    ? 'ok'
    : `${bad} of ${got.length} differ, max diff ${maxDiff}\n${lines.join('\n')}`;
}

/** The odd sizes every element-wise kernel is tried on (not multiples of the workgroup). */
export const ODD_SIZES = [1, 3, 7, 33, 65, 257, 1023] as const;
