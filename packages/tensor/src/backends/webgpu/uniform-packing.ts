// Packs a kernel's scalar uniforms into its WGSL uniform struct: each field 4 bytes, in the
// order of KernelSpec.uniforms (kernel-spec.ts), little-endian as WebGPU requires.
import { assert } from '@prefixkit/errors';
import type { KernelSpec, UniformValues } from '../../kernels/kernel-spec';

/** Bytes of the uniform binding: 4 per field, rounded up to 16 (uniform struct alignment). */
export function uniformBytes(spec: KernelSpec): number {
  return Math.ceil((spec.uniforms.length * 4) / 16) * 16;
}

/** Writes `values` into `view` in the spec's field order; a missing value is a caller bug. */
export function encodeUniforms(spec: KernelSpec, values: UniformValues, view: DataView): void {
  spec.uniforms.forEach((uniform, index) => {
    const value = values[uniform.name];
    // f32 uniforms may be +-Infinity (mask values); integer ones must be integers.
    const valid =
      value !== undefined &&
      (uniform.type === 'f32' ? !Number.isNaN(value) : Number.isInteger(value));
    assert(valid, () => `${spec.name}: uniform ${uniform.name} is ${value}`);
    if (value === undefined) return;
    if (uniform.type === 'f32') view.setFloat32(index * 4, value, true);
    else if (uniform.type === 'i32') view.setInt32(index * 4, value, true);
    else view.setUint32(index * 4, value, true);
  });
}
