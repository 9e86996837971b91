// Test helpers: seeded random tensors on a given backend, and element-wise comparison that
// prints the first mismatches and the max difference (llm.c check_tensor).
import type { Backend } from '../src/backends/backend';
import { seededUniform } from '../src/create';
import { tensor } from '../src/index';
import type { DType } from '../src/kernels/kernel-spec';
import type { Tensor } from '../src/tensor';

/** `count` uniform values in [min, max) from `seed`. */
export function randomValues(count: number, seed: number, min = -1, max = 1): Float64Array {
  const uniform = seededUniform(seed);
  return Float64Array.from({ length: count }, () => min + (max - min) * uniform());
}

export interface RandomOptions {
  seed: number;
  min?: number;
  max?: number;
  dtype?: DType;
  requiresGrad?: boolean;
}

export function randomTensor(
  backend: Backend,
  shape: readonly number[],
  options: RandomOptions,
): Tensor {
  const size = shape.reduce((n, d) => n * d, 1);
  return tensor(randomValues(size, options.seed, options.min, options.max), shape, {
    backend,
    dtype: options.dtype ?? 'f32',
    requiresGrad: options.requiresGrad ?? false,
  });
}

/** Random integer ids in [0, high), optionally with some set to `ignore`. */
export function randomIds(count: number, high: number, seed: number): Int32Array {
  const uniform = seededUniform(seed);
  return Int32Array.from({ length: count }, () => Math.floor(uniform() * high));
}

export interface Mismatch {
  readonly ok: boolean;
  readonly maxDiff: number;
  readonly report: string;
}

/** |got - expected| <= atol + rtol |expected| everywhere; a readable report otherwise. */
export function compareArrays(
  got: ArrayLike<number>,
  expected: ArrayLike<number>,
  tolerance: { atol: number; rtol: number },
): Mismatch {
  const lines: string[] = [];
  let maxDiff = 0;
  let bad = 0;
  if (got.length !== expected.length) {
    return {
      ok: false,
      maxDiff: Infinity,
      report: `length ${got.length}, expected ${expected.length}`,
    };
  }
  for (let i = 0; i < got.length; i++) {
    const g = got[i]!;
    const e = expected[i]!;
    const diff = Math.abs(g - e);
    const nanMismatch = Number.isNaN(g) !== Number.isNaN(e);
    if (!Number.isNaN(diff)) maxDiff = Math.max(maxDiff, diff);
    if (nanMismatch || diff > tolerance.atol + tolerance.rtol * Math.abs(e)) {
      bad++;
      if (lines.length < 5) lines.push(`  [${i}] got ${g}, expected ${e}`);
    }
  }
  const report =
    bad === 0 ? 'ok' : `${bad} of ${got.length} differ (max diff ${maxDiff}):\n${lines.join('\n')}`;
  return { ok: bad === 0, maxDiff, report };
}
