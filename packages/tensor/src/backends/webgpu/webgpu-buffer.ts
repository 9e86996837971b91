// The WebGPU backend's buffer handle: a pooled GPUBuffer plus the element count and dtype the
// tensor sees. The GPU buffer may be larger (size classes); bindings use only `byteLength`.

import type { DType } from '../../kernels/kernel-spec';
import type { AnyTypedArray, BackendBuffer } from '../backend';
import { UnsupportedDTypeError } from './errors';

export class WebGpuBuffer implements BackendBuffer {
  released = false;
  constructor(
    readonly length: number,
    readonly dtype: DType,
    readonly gpuBuffer: GPUBuffer,
    /** The backend that created it: buffers never cross backends. */
    readonly owner: object,
  ) {}

  /** Bytes the tensor uses (4 per element), at least 4 because bindings cannot be empty. */
  get byteLength(): number {
    return Math.max(4, this.length * 4);
  }
}

/** `data` as the bytes a buffer of `dtype` holds, converting element values when the array type differs. */
export function toDeviceArray(data: AnyTypedArray, dtype: DType): Float32Array | Int32Array {
  if (dtype === 'f64') throw new UnsupportedDTypeError('write', dtype, ['f32', 'i32']);
  if (dtype === 'i32') return data instanceof Int32Array ? data : Int32Array.from(data);
  return data instanceof Float32Array ? data : Float32Array.from(data);
}
