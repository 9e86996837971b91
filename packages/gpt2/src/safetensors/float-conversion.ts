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
