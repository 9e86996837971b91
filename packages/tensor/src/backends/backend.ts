// The one interface every backend implements (tinygrad's "backends behind one small
// interface"). Tensor ops only ever talk to this: allocate, write, read, run a named kernel,
// release. The CPU backend runs each kernel's reference function synchronously; the WebGPU
// backend encodes the dispatch into a pending command encoder and submits lazily, so many ops
// go to the GPU in few command buffers and nothing is read back unless asked.

import type { AnyTypedArray } from '../kernels/cpu-kernel';
import type { KernelName } from '../kernels/kernel-names';
import type { DType, UniformValues } from '../kernels/kernel-spec';

export type { AnyTypedArray };

export type TypedArrayFor<D extends DType> = D extends 'f32'
  ? Float32Array
  : D extends 'f64'
    ? Float64Array
    : Int32Array;

/** What a new buffer holds: zeros, or (for outputs a kernel writes whole) anything. */
export type BufferContents = 'zeros' | 'unspecified';

/** An opaque handle to a backend's buffer of `length` elements of `dtype`. */
export interface BackendBuffer {
  readonly length: number;
  readonly dtype: DType;
}

export interface KernelCall {
  readonly inputs: readonly BackendBuffer[];
  readonly outputs: readonly BackendBuffer[];
  readonly uniforms?: UniformValues;
  /** Specialisation constants (see KernelSpec.wgsl); ignored by the CPU backend. */
  readonly constants?: UniformValues;
}

export interface Backend {
  readonly kind: 'cpu' | 'webgpu';
  /**
   * The most storage buffers one kernel may bind (WebGPU's maxStorageBuffersPerShaderStage: 8
   * by default, 10 in Chromium; unbounded on the CPU). An op whose fused kernel binds more runs
   * its unfused ops instead.
   */
  readonly maxStorageBuffersPerStage: number;
  /**
   * A zero-filled buffer; with `contents: 'unspecified'` its contents are whatever they are
   * (for an output the next kernel writes whole, so a recycled buffer need not be cleared).
   */
  allocate(length: number, dtype: DType, contents?: BufferContents): BackendBuffer;
  /** Copies host data into the buffer, starting at element `offset` (default 0). */
  write(buffer: BackendBuffer, data: AnyTypedArray, offset?: number): void;
  /** Copies `length` elements from `source[sourceOffset]` to `target[targetOffset]`. */
  copy(
    source: BackendBuffer,
    sourceOffset: number,
    target: BackendBuffer,
    targetOffset: number,
    length: number,
  ): void;
  /** Runs (or enqueues) a kernel. Outputs are fully overwritten unless the kernel says otherwise. */
  run(kernel: KernelName, call: KernelCall): void;
  /** Waits for pending work and returns a copy of the buffer's contents. */
  read(buffer: BackendBuffer): Promise<AnyTypedArray>;
  /** Returns the buffer to the backend (pooled on WebGPU). Using it afterwards is an error. */
  release(buffer: BackendBuffer): void;
  /** Buffers allocated and not yet released: a training step must leave this unchanged. */
  liveBufferCount(): number;
  /**
   * Starts the work enqueued so far without waiting for it (a no-op where run() computes at
   * once): the host can then prepare the next work while the device runs this.
   */
  flush(): void;
  /** Submits pending work and waits until the device is idle. */
  synchronize(): Promise<void>;
  /** Frees everything; the backend is unusable afterwards. */
  destroy(): void;
}
