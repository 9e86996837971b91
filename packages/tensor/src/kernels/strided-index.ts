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
 * Elements of the innermost axis (s5) one thread of a strided kernel walks: on a software
 * adapter (the `softwareAdapter` device constant) 64, so the index arithmetic (integer
 * divisions, one lane at a time on lavapipe, most of such a kernel's time) is paid once per run
 * instead of per element; on a GPU 1 (a thread per element, neighbouring threads on neighbouring
 * elements).
 */
export function stridedRun(constants: Readonly<Record<string, number>>): number {
  return constants.softwareAdapter === 1 ? 64 : 1;
}

/** Threads of a strided kernel over `size` elements with innermost axis s5 (see stridedRun). */
export function stridedThreads(size: number, s5: number, run: number): number {
  return s5 === 0 ? 0 : (size / s5) * Math.ceil(s5 / run);
}

/**
 * WGSL prologue of a strided kernel (after MAIN_1D): thread i takes run `first`..`last` of the
 * innermost axis of row `row` (a flat index over s0..s4), or returns when past the last run.
 */
export function stridedRunWgsl(run: number): string {
  return `  let runs = (u.s5 + ${run - 1}u) / ${run}u;
  if (u.s5 == 0u || i >= (u.size / u.s5) * runs) { return; }
  let first = (i % runs) * ${run}u;
  let last = min(first + ${run}u, u.s5);
  let row = i / runs;`;
}

/**
 * WGSL statements that decompose the row index `row` (a flat index over s0..s4) and
 * accumulate, for each prefix p, the offset `off_p` of the row's first element (axis 5 at 0).
 */
export function rowOffsetsWgsl(prefixes: readonly string[]): string {
  const lines = [`var rest = row;`, ...prefixes.map((p) => `var off_${p} = 0u;`)];
  for (let k = STRIDED_RANK - 2; k >= 0; k--) {
    lines.push(`if (u.s${k} != 1u) { let c = rest % u.s${k}; rest = rest / u.s${k};`);
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
