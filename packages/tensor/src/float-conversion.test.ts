import { describe, expect, it } from 'vitest';
import {
  bf16ArrayToFloat32,
  bf16ToFloat32,
  f16ArrayToFloat32,
  f16ToFloat32,
  float32ToBf16,
  float32ToF16,
} from './float-conversion';

const f32 = (bits: number) => new Float32Array(new Uint32Array([bits]).buffer)[0]!;

describe('bfloat16', () => {
  it('widens exactly and round-trips every non-NaN bit pattern', () => {
    for (let bits = 0; bits < 0x10000; bits++) {
      const value = bf16ToFloat32(bits);
      if (Number.isNaN(value)) continue;
      expect(float32ToBf16(value)).toBe(bits);
    }
    expect(bf16ToFloat32(0x3f80)).toBe(1);
    expect(bf16ToFloat32(0xc000)).toBe(-2);
  });

  it('rounds to nearest, ties to even', () => {
    expect(float32ToBf16(f32(0x3f808000))).toBe(0x3f80); // tie, 0x3f80 is even: down
    expect(float32ToBf16(f32(0x3f818000))).toBe(0x3f82); // tie, 0x3f81 is odd: up
    expect(float32ToBf16(f32(0x3f808001))).toBe(0x3f81); // above the tie: up
    expect(float32ToBf16(f32(0x7f7fffff))).toBe(0x7f80); // max float rounds to infinity
    expect(Number.isNaN(bf16ToFloat32(float32ToBf16(Number.NaN)))).toBe(true);
  });
});

describe('float16', () => {
  it('widens exactly and round-trips every non-NaN bit pattern', () => {
    for (let bits = 0; bits < 0x10000; bits++) {
      const value = f16ToFloat32(bits);
      if (Number.isNaN(value)) continue;
      expect(float32ToF16(value)).toBe(bits);
    }
  });

  it('decodes known values', () => {
    expect(f16ToFloat32(0x3c00)).toBe(1);
    expect(f16ToFloat32(0x7bff)).toBe(65504);
    expect(f16ToFloat32(0x0001)).toBe(2 ** -24);
    expect(f16ToFloat32(0x03ff)).toBe(1023 * 2 ** -24);
    expect(f16ToFloat32(0xfc00)).toBe(Number.NEGATIVE_INFINITY);
    expect(Object.is(f16ToFloat32(0x8000), -0)).toBe(true);
  });

  it('rounds to nearest, ties to even, in the normal and subnormal ranges', () => {
    expect(float32ToF16(1 + 2 ** -11)).toBe(0x3c00); // tie between 1 and 1+2^-10: even (down)
    expect(float32ToF16(1 + 3 * 2 ** -11)).toBe(0x3c02); // tie: up to even
    expect(float32ToF16(65519)).toBe(0x7bff);
    expect(float32ToF16(65520)).toBe(0x7c00); // tie above the max rounds to infinity
    expect(float32ToF16(2 ** -25)).toBe(0x0000); // tie between 0 and the smallest subnormal
    expect(float32ToF16(3 * 2 ** -25)).toBe(0x0002); // tie between 1 and 2 subnormal units
    expect(float32ToF16(2 ** -14 - 2 ** -25)).toBe(0x0400); // rounds up into the normals
    expect(float32ToF16(-1e-10)).toBe(0x8000);
  });
});

describe('bulk widening', () => {
  it('agrees with the scalar conversions on every bit pattern', () => {
    const bits = Uint16Array.from({ length: 0x10000 }, (_, index) => index);
    const half = f16ArrayToFloat32(bits, new Float32Array(bits.length));
    const brain = bf16ArrayToFloat32(bits, new Float32Array(bits.length));
    const same = (a: number, b: number) => (Number.isNaN(b) ? Number.isNaN(a) : Object.is(a, b));
    const wrong: number[] = [];
    for (let index = 0; index < bits.length; index++) {
      if (!same(half[index]!, f16ToFloat32(index)) || !same(brain[index]!, bf16ToFloat32(index)))
        wrong.push(index);
    }
    expect(wrong).toEqual([]);
  });
});
