// A WGSL kernel described as data (webgpu-torch's KernelSpec): what it binds, which scalar
// uniforms it reads, how it is dispatched and how closely it must match its CPU reference.
// The WebGPU backend turns a spec into a cached pipeline; the CPU backend runs the reference
// function registered under the same name (see kernel-specs.ts and backends/cpu/).

/** Element types a buffer can hold. `f64` exists only on the CPU backend (gradient checks). */
export type DType = 'f32' | 'f64' | 'i32';

/**
 * WGSL element type of a storage binding; `vec4f` views an f32 buffer four floats at a time (the
 * backend binds sizes rounded up to 16 bytes, so the last vec4 is reachable).
 */
export type WgslElementType = 'f32' | 'i32' | 'u32' | 'vec4f';

export interface KernelBinding {
  /** The WGSL variable name. */
  readonly name: string;
  readonly type: WgslElementType;
}

export interface KernelUniform {
  readonly name: string;
  readonly type: 'u32' | 'i32' | 'f32';
}

export interface KernelTolerance {
  /** |gpu - reference| <= atol + rtol * |reference| element-wise. */
  readonly atol: number;
  readonly rtol: number;
}

/** Values of a kernel's uniforms, by name. */
export type UniformValues = Readonly<Record<string, number>>;

export interface KernelSpec {
  /** Unique, camelCase; also the pipeline and shader label. */
  readonly name: string;
  /**
   * The WGSL source. Storage bindings are @group(0) @binding(0..) in the order inputs then
   * outputs; when `uniforms` is non-empty they are packed (each 4 bytes, in order) into one
   * uniform struct at the next binding. `constants` are specialisation values that change the
   * shader text (tile sizes, flags); they are part of the pipeline cache key.
   */
  readonly wgsl: (constants: UniformValues) => string;
  readonly inputs: readonly KernelBinding[];
  readonly outputs: readonly KernelBinding[];
  readonly uniforms: readonly KernelUniform[];
  readonly workgroupSize: readonly [number, number, number];
  /** Workgroup counts for a call; each must be <= 65535 (kernels tile larger work in y/z). */
  readonly dispatch: (
    uniforms: UniformValues,
    constants: UniformValues,
  ) => readonly [number, number, number];
  readonly tolerance: KernelTolerance;
}
