// Making tensors from host data: tensor(), zeros(), ones(), full(), randn(). Random values come
// from a seeded host generator, so initialisations are reproducible on every backend.
import type { AnyTypedArray, Backend } from './backends/backend';
import { getDefaultBackend } from './backends/default-backend';
import { ShapeMismatchError } from './errors';
import type { DType } from './kernels/kernel-spec';
import { fullLike, newTensor } from './ops/op-utils';
import { checkShape, type Shape, sizeOf } from './shape';
import type { Tensor } from './tensor';

export interface TensorOptions {
  /** Element type; default f32 (i32 for Int32Array data). f64 exists on the CPU backend only. */
  dtype?: DType;
  /** Default: getDefaultBackend(). */
  backend?: Backend;
  /** Make this a leaf whose gradient backward() computes. */
  requiresGrad?: boolean;
}

function hostArray(dtype: DType, values: ArrayLike<number>): AnyTypedArray {
  if (dtype === 'f64') return Float64Array.from(values);
  if (dtype === 'i32') return Int32Array.from(values);
  return Float32Array.from(values);
}

/** A tensor holding `values` (row-major) with `shape`. */
export function tensor(
  values: ArrayLike<number>,
  shape: Shape,
  options: TensorOptions = {},
): Tensor {
  checkShape('tensor', shape);
  if (values.length !== sizeOf(shape)) {
    throw new ShapeMismatchError(
      'tensor',
      'values',
      `${sizeOf(shape)} values for shape [${shape.join(', ')}]`,
      `${values.length} values`,
    );
  }
  const dtype = options.dtype ?? (values instanceof Int32Array ? 'i32' : 'f32');
  const backend = options.backend ?? getDefaultBackend();
  const out = newTensor(backend, shape, dtype);
  if (values.length > 0) backend.write(out.bufferFor('tensor', 'out'), hostArray(dtype, values));
  out.requiresGrad = options.requiresGrad ?? false;
  return out;
}

/** A tensor of `shape` filled with `value`. */
export function full(shape: Shape, value: number, options: TensorOptions = {}): Tensor {
  checkShape('full', shape);
  const backend = options.backend ?? getDefaultBackend();
  const seed = newTensor(backend, [], options.dtype ?? 'f32');
  const out = fullLike(seed, value, shape);
  seed.dispose();
  out.requiresGrad = options.requiresGrad ?? false;
  return out;
}

export function zeros(shape: Shape, options: TensorOptions = {}): Tensor {
  return full(shape, 0, options);
}

export function ones(shape: Shape, options: TensorOptions = {}): Tensor {
  return full(shape, 1, options);
}

/** A small, fast, seedable generator (mulberry32): uniform in [0, 1). */
export function seededUniform(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface RandnOptions extends TensorOptions {
  seed: number;
  mean?: number;
  std?: number;
}

/** Normal(mean, std) values from a seeded generator (Box-Muller). */
export function randn(shape: Shape, options: RandnOptions): Tensor {
  const uniform = seededUniform(options.seed);
  const values = new Float64Array(sizeOf(shape));
  const { mean = 0, std = 1 } = options;
  for (let i = 0; i < values.length; i += 2) {
    const u1 = Math.max(uniform(), 1e-300);
    const u2 = uniform();
    const radius = Math.sqrt(-2 * Math.log(u1));
    values[i] = mean + std * radius * Math.cos(2 * Math.PI * u2);
    if (i + 1 < values.length) values[i + 1] = mean + std * radius * Math.sin(2 * Math.PI * u2);
  }
  return tensor(values, shape, { ...options, dtype: options.dtype ?? 'f32' });
}
