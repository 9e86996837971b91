// Shared WGSL text for the kernels written in this package: binding declarations generated from
// a spec's binding lists (so shader and spec cannot disagree), the 1-D launch prologue, and the
// dispatch rule that tiles more than 65535 workgroups into y.
import type { KernelBinding, KernelUniform } from './kernel-spec';

export interface KernelInterface {
  readonly inputs: readonly KernelBinding[];
  readonly outputs: readonly KernelBinding[];
  readonly uniforms: readonly KernelUniform[];
}

/** Declarations in the backend's binding order: inputs (read), outputs (read_write), uniforms `u`. */
export function declareBindings(kernel: KernelInterface): string {
  const lines: string[] = [];
  let binding = 0;
  for (const input of kernel.inputs) {
    lines.push(
      `@group(0) @binding(${binding++}) var<storage, read> ${input.name}: array<${input.type}>;`,
    );
  }
  for (const output of kernel.outputs) {
    lines.push(
      `@group(0) @binding(${binding++}) var<storage, read_write> ${output.name}: array<${output.type}>;`,
    );
  }
  if (kernel.uniforms.length > 0) {
    const fields = kernel.uniforms
      .map((uniform) => `  ${uniform.name}: ${uniform.type},`)
      .join('\n');
    lines.push(`struct Uniforms {\n${fields}\n}`);
    lines.push(`@group(0) @binding(${binding}) var<uniform> u: Uniforms;`);
  }
  return lines.join('\n');
}

/** Threads per workgroup of the 1-D kernels (8 lavapipe subgroups; fine on real GPUs). */
export const WORKGROUP_SIZE = 64;

/** Largest workgroup count per dimension WebGPU guarantees. */
export const MAX_WORKGROUPS_PER_DIM = 65535;

/** Workgroup counts for `groups` workgroups laid out x-first, tiled into y past 65535. */
export function tiledDispatch(groups: number): [number, number, number] {
  const count = Math.max(1, Math.ceil(groups));
  const x = Math.min(count, MAX_WORKGROUPS_PER_DIM);
  return [x, Math.ceil(count / x), 1];
}

/** Dispatch for one thread per element of `total`. */
export function elementDispatch(total: number): [number, number, number] {
  return tiledDispatch(Math.ceil(total / WORKGROUP_SIZE));
}

/** Entry point of a 1-D kernel; the body starts with `let i: u32` = the flat thread index. */
export const MAIN_1D = `@compute @workgroup_size(${WORKGROUP_SIZE})
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>,
        @builtin(local_invocation_index) lid: u32) {
  let i = (wid.x + wid.y * nwg.x) * ${WORKGROUP_SIZE}u + lid;`;

/** Entry point of a workgroup-per-item kernel: `group` = flat workgroup index, `lid` = lane. */
export const MAIN_GROUP = `@compute @workgroup_size(${WORKGROUP_SIZE})
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>,
        @builtin(local_invocation_index) lid: u32) {
  let group = wid.x + wid.y * nwg.x;`;

/** -FLT_MAX: torch.finfo(torch.float32).min, HF's masking value. */
export const F32_MIN_WGSL = '-3.4028234663852886e+38';
export const F32_MIN = -3.4028234663852886e38;

/** tanh that never overflows inside exp on drivers that build it from exp (|x| > 15 is ±1 in f32). */
export const SAFE_TANH_WGSL = `fn safe_tanh(x: f32) -> f32 { return tanh(clamp(x, -15.0, 15.0)); }`;

/** An element-wise kernel: `outputs[0][i] = expr` for i < u.size (expr reads inputs at [i]). */
export function mapKernelWgsl(kernel: KernelInterface, expr: string, helpers = ''): string {
  return `${declareBindings(kernel)}
${helpers}
${MAIN_1D}
  if (i >= u.size) { return; }
  ${kernel.outputs[0]!.name}[i] = ${expr};
}
`;
}
