// Uniforms and WGSL for kernels that walk a collapsed shape of KERNEL_RANK (6) axes with one
// stride list per operand: shape axes s0..s5 and, per operand with prefix p, strides p0..p5.
import type { KernelUniform } from './kernel-spec';

export const STRIDED_RANK = 6;

export function shapeUniforms(): KernelUniform[] {
  return Array.from({ length: STRIDED_RANK }, (_, k) => ({ name: `s${k}`, type: 'u32' as const }));
}

export function strideUniforms(prefix: string): KernelUniform[] {
  return Array.from({ length: STRIDED_RANK }, (_, k) => ({
    name: `${prefix}${k}`,
    type: 'u32' as const,
  }));
}

/** Uniform values for a collapsed shape and its stride lists (prefix -> strides). */
export function stridedUniformValues(
  shape: readonly number[],
  strides: Readonly<Record<string, readonly number[]>>,
): Record<string, number> {
  const values: Record<string, number> = {};
  shape.forEach((dim, k) => {
    values[`s${k}`] = dim;
  });
  for (const [prefix, list] of Object.entries(strides)) {
    list.forEach((stride, k) => {
      values[`${prefix}${k}`] = stride;
    });
  }
  return values;
}

/**
 * WGSL statements that decompose the flat index `i` over s5..s0 and accumulate, for each
 * prefix p, the offset `off_p`.
 */
export function stridedOffsetsWgsl(prefixes: readonly string[]): string {
  const lines = [`var rest = i;`, ...prefixes.map((p) => `var off_${p} = 0u;`)];
  for (let k = STRIDED_RANK - 1; k >= 0; k--) {
    lines.push(`{ let c = rest % u.s${k}; rest = rest / u.s${k};`);
    for (const p of prefixes) lines.push(`  off_${p} = off_${p} + c * u.${p}${k};`);
    lines.push('}');
  }
  return lines.map((line) => `  ${line}`).join('\n');
}

/** The same decomposition on the CPU: calls `visit(i, offsets)` for every element. */
export function forEachStrided(
  uniforms: Readonly<Record<string, number>>,
  prefixes: readonly string[],
  visit: (i: number, offsets: number[]) => void,
): void {
  const size = uniforms.size ?? 0;
  const offsets = prefixes.map(() => 0);
  for (let i = 0; i < size; i++) {
    let rest = i;
    offsets.fill(0);
    for (let k = STRIDED_RANK - 1; k >= 0; k--) {
      const dim = uniforms[`s${k}`] ?? 1;
      const c = rest % dim;
      rest = Math.floor(rest / dim);
      prefixes.forEach((p, n) => {
        offsets[n] = offsets[n]! + c * (uniforms[`${p}${k}`] ?? 0);
      });
    }
    visit(i, offsets);
  }
}
