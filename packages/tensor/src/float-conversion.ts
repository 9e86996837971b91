// Exact conversions between float32 and the 16-bit floats (IEEE binary16 and bfloat16).
// Widening is exact; narrowing rounds to nearest, ties to even, as PyTorch's `.to(dtype)` and
// the safetensors spec ("saving BF16 rounds to nearest-even") require.

const float32 = new Float32Array(1);
const uint32 = new Uint32Array(float32.buffer);

/** bfloat16 bits -> float32 (exact: bf16 is the top half of a float32). */
export function bf16ToFloat32(bits: number): number {
  uint32[0] = (bits & 0xffff) << 16;
  return float32[0]!;
}

/** float32 -> bfloat16 bits, round to nearest even; NaN stays a (quiet) NaN. */
export function float32ToBf16(value: number): number {
  float32[0] = value;
  const bits = uint32[0]!;
  if ((bits & 0x7fffffff) > 0x7f800000) return ((bits >>> 16) | 0x0040) & 0xffff;
  const lsb = (bits >>> 16) & 1;
  return ((bits + 0x7fff + lsb) >>> 16) & 0xffff;
}

/** IEEE binary16 bits -> float32 (exact, subnormals included). */
export function f16ToFloat32(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >>> 10) & 0x1f;
  const fraction = bits & 0x3ff;
  if (exponent === 0) return sign * fraction * 2 ** -24;
  if (exponent === 0x1f) return fraction === 0 ? sign * Number.POSITIVE_INFINITY : Number.NaN;
  return sign * (1024 + fraction) * 2 ** (exponent - 25);
}

/** float32 -> IEEE binary16 bits, round to nearest even; overflow gives infinity. */
export function float32ToF16(value: number): number {
  float32[0] = value;
  const bits = uint32[0]!;
  const sign = (bits >>> 16) & 0x8000;
  const exponent = (bits >>> 23) & 0xff;
  const mantissa = bits & 0x7fffff;
  if (exponent === 0xff) return sign | 0x7c00 | (mantissa === 0 ? 0 : 0x200);
  // Unbiased exponent, rebiased for binary16 (bias 15).
  const halfExponent = exponent - 127 + 15;
  if (halfExponent >= 0x1f) return sign | 0x7c00;
  if (halfExponent <= 0) {
    // Subnormal half (or zero): shift the full 24-bit significand right, rounding to even.
    if (halfExponent < -10) return sign;
    const significand = mantissa | 0x800000;
    const shift = 14 - halfExponent;
    const half = significand >>> shift;
    const remainder = significand & ((1 << shift) - 1);
    const midpoint = 1 << (shift - 1);
    const roundUp = remainder > midpoint || (remainder === midpoint && (half & 1) === 1);
    return sign | (half + (roundUp ? 1 : 0));
  }
  const half = (halfExponent << 10) | (mantissa >>> 13);
  const remainder = mantissa & 0x1fff;
  const roundUp = remainder > 0x1000 || (remainder === 0x1000 && (half & 1) === 1);
  // A carry out of the mantissa correctly bumps the exponent (up to infinity).
  return sign | (half + (roundUp ? 1 : 0));
}

// Bulk widening for whole tensors: a 64 Ki-entry table of every binary16 value (256 KiB, built
// on first use) turns F16 loading into one lookup per element; bf16 is a 16-bit shift.
let f16Table: Float32Array | undefined;

/** Widens binary16 bits to float32 element by element into `out` (same length). */
export function f16ArrayToFloat32(bits: Uint16Array, out: Float32Array): Float32Array {
  if (f16Table === undefined) {
    f16Table = new Float32Array(65536);
    for (let value = 0; value < 65536; value++) f16Table[value] = f16ToFloat32(value);
  }
  const table = f16Table;
  for (let index = 0; index < bits.length; index++) out[index] = table[bits[index]!]!;
  return out;
}

/** Widens bfloat16 bits to float32 element by element into `out` (same length). */
export function bf16ArrayToFloat32(bits: Uint16Array, out: Float32Array): Float32Array {
  const words = new Uint32Array(out.buffer, out.byteOffset, out.length);
  for (let index = 0; index < bits.length; index++) words[index] = bits[index]! << 16;
  return out;
}
