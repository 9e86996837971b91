// Frozen weights held as IEEE binary16, two per 32-bit word, for products that only read them:
// a checkpoint stored in float16 (the embedded model's) loses nothing in this form, and the
// product loads half the bytes. Only values that binary16 holds exactly are packed, so the
// product equals the f32 one up to summation order; anything else stays f32 with its caller.

import { recordsGradient } from '../autograd/tape';
import type { Backend } from '../backends/backend';
import { getDefaultBackend } from '../backends/default-backend';
import { tensor, zeros } from '../create';
import { DTypeMismatchError, InvalidArgumentError, ShapeMismatchError } from '../errors';
import { f16ToFloat32, float32ToF16 } from '../float-conversion';
import { matmulTileConstants } from '../kernels/matmul';
import { sizeOf } from '../shape';
import type { Tensor } from '../tensor';
import { checkFloat, commonBackend, newOutput, runKernel, viewOf } from './op-utils';

/**
 * `values` (row-major) as binary16 words, element e in word e / 2 (low half first), or null when
 * some value is not exactly a binary16 value (NaN and infinities included: they stay f32).
 */
export function packHalfIfExact(values: ArrayLike<number>): Int32Array | null {
  const floats = values instanceof Float32Array ? values : Float32Array.from(values);
  if (floats !== values)
    for (let index = 0; index < values.length; index++)
      if (floats[index] !== values[index]) return null; // not even an f32 value (or NaN)
  const bits = new Uint32Array(floats.buffer, floats.byteOffset, floats.length);
  const words = new Int32Array(Math.ceil(floats.length / 2));
  for (let index = 0; index < floats.length; index++) {
    const word = bits[index]!;
    const exponent = (word >>> 23) & 0xff;
    let half: number;
    if (exponent >= 113 && exponent <= 142 && (word & 0x1fff) === 0) {
      // A binary16 normal number: same sign, rebiased exponent, the top 10 mantissa bits.
      half = ((word >>> 16) & 0x8000) | ((exponent - 112) << 10) | ((word >>> 13) & 0x3ff);
    } else {
      // Zeros and binary16 subnormals convert exactly; anything else is refused.
      const value = floats[index]!;
      half = float32ToF16(value);
      if (f16ToFloat32(half) !== value || !Number.isFinite(value)) return null;
    }
    words[index >> 1]! |= index & 1 ? half << 16 : half;
  }
  return words;
}

/**
 * The k-major form of a [rows, cols] matrix packed row-major as binary16 `words`: column k of it
 * (the matrix transposed) as a row of 8 * ceil(rows / 8) halves, zero-padded, so that eight
 * adjacent rows' values at one k fill one 16-byte group (matmulHalfColumns reads them so).
 */
export function kMajorHalfWords(
  words: Int32Array,
  [rows, cols]: readonly [number, number],
): Int32Array {
  const width = Math.ceil(rows / 8) * 8;
  const out = new Int32Array((width * cols) / 2);
  // The halves themselves, element e at index e: "low half first" is little-endian order, as
  // the safetensors reader's float16 views assume too.
  const halves = new Uint16Array(words.buffer, words.byteOffset, rows * cols);
  const transposed = new Uint16Array(out.buffer);
  for (let row = 0; row < rows; row++)
    for (let col = 0; col < cols; col++) transposed[col * width + row] = halves[row * cols + col]!;
  return out;
}

/**
 * Rows of `a` up to which a @ w^T reads w's k-major form (one pass over the weights per row);
 * more rows share each load of the row-major form in the tuned matmul's tiles.
 */
export const HALF_COLUMNS_MAX_ROWS = 1;

/** A [rows, cols] matrix of binary16 values on a backend (see packHalfIfExact), in two forms. */
export class HalfMatrix {
  private constructor(
    /** The packed words, ceil(rows * cols / 2) of them, as an i32 tensor. */
    readonly words: Tensor,
    /** The same values k-major (kMajorHalfWords), for products with a single row. */
    readonly columnWords: Tensor,
    readonly shape: readonly [number, number],
  ) {}

  /**
   * The matrix of `values` [rows, cols] when binary16 holds every value exactly, else null.
   * @example const head = HalfMatrix.packIfExact(wteValues, [V, C], { backend });
   */
  static packIfExact(
    values: ArrayLike<number>,
    shape: readonly [number, number],
    options: { backend?: Backend } = {},
  ): HalfMatrix | null {
    const [rows, cols] = shape;
    if (!Number.isSafeInteger(rows) || !Number.isSafeInteger(cols) || rows < 0 || cols < 0)
      throw new InvalidArgumentError('HalfMatrix', 'shape', 'two integers >= 0', shape);
    if (values.length !== rows * cols)
      throw new ShapeMismatchError('HalfMatrix', 'values', `${rows * cols} values`, [
        values.length,
      ]);
    const words = packHalfIfExact(values);
    if (!words) return null;
    const backend = options.backend ?? getDefaultBackend();
    const columns = kMajorHalfWords(words, [rows, cols]);
    return new HalfMatrix(
      tensor(words, [words.length], { backend, dtype: 'i32' }),
      tensor(columns, [columns.length], { backend, dtype: 'i32' }),
      [rows, cols],
    );
  }

  dispose(): void {
    this.words.dispose();
    this.columnWords.dispose();
  }
}

/**
 * a [..., K] @ w^T for w [N, K] held as binary16: [..., N], summed in f32 like `matmul(a, w32,
 * { transposeB: true })`. For inference: it records no gradient, and refuses an `a` that would
 * need one.
 */
export function matmulHalfTransposed(a: Tensor, w: HalfMatrix): Tensor {
  const op = 'matmulHalfTransposed';
  commonBackend(op, { a, w: w.words });
  checkFloat(op, 'a', a);
  if (a.dtype !== 'f32') throw new DTypeMismatchError(op, 'a', 'f32', a.dtype);
  if (recordsGradient([a]))
    throw new InvalidArgumentError(op, 'a', 'a tensor without gradient (inference only)', a);
  const [N, K] = w.shape;
  if (a.rank < 1 || a.shape[a.rank - 1] !== K)
    throw new ShapeMismatchError(op, 'a', `[..., ${K}]`, a.shape);
  const M = sizeOf(a.shape.slice(0, -1));
  if (K === 0) return zeros([...a.shape.slice(0, -1), N], { backend: a.backend });
  const out = newOutput(a.backend, [...a.shape.slice(0, -1), N], 'f32');
  if (M * N === 0) return out;
  const a2 = viewOf(a, [M, K]);
  if (M <= HALF_COLUMNS_MAX_ROWS) {
    runKernel(op, 'matmulHalfColumns', [a2, w.columnWords], [out], { M, N, K });
    a2.dispose();
    return out;
  }
  runKernel(
    op,
    'matmulHalfB',
    [a2, w.words],
    [out],
    { batch: 1, M, N, K, transposeA: 0, transposeB: 1, strideA: 0, strideB: 0, strideC: M * N },
    matmulTileConstants(M),
  );
  a2.dispose();
  return out;
}
