// The CPU backend: plain typed arrays, each kernel run synchronously by its reference function.
// It is the oracle every WGSL kernel is tested against, the f64 path of the gradient checks,
// and a fallback where there is no WebGPU.
import { InternalError } from '@prefixkit/errors';
import type { KernelName } from '../../kernels/kernel-names';
import type { DType } from '../../kernels/kernel-spec';
import type { AnyTypedArray, Backend, BackendBuffer, KernelCall } from '../backend';
import { cpuKernels } from './cpu-kernels';

class CpuBuffer implements BackendBuffer {
  released = false;
  constructor(
    readonly dtype: DType,
    readonly data: AnyTypedArray,
  ) {}
  get length(): number {
    return this.data.length;
  }
}

function arrayFor(dtype: DType, length: number): AnyTypedArray {
  if (dtype === 'f64') return new Float64Array(length);
  if (dtype === 'i32') return new Int32Array(length);
  return new Float32Array(length);
}

export class CpuBackend implements Backend {
  readonly kind = 'cpu' as const;
  readonly maxStorageBuffersPerStage = Number.POSITIVE_INFINITY;
  private live = 0;

  allocate(length: number, dtype: DType): BackendBuffer {
    this.live++;
    return new CpuBuffer(dtype, arrayFor(dtype, length));
  }

  write(buffer: BackendBuffer, data: AnyTypedArray, offset = 0): void {
    this.data(buffer).set(data, offset);
  }

  copy(
    source: BackendBuffer,
    sourceOffset: number,
    target: BackendBuffer,
    targetOffset: number,
    length: number,
  ): void {
    this.data(target).set(
      this.data(source).subarray(sourceOffset, sourceOffset + length),
      targetOffset,
    );
  }

  run(kernel: KernelName, call: KernelCall): void {
    const inputs = call.inputs.map((buffer) => this.data(buffer));
    const outputs = call.outputs.map((buffer) => this.data(buffer));
    cpuKernels[kernel](inputs, outputs, call.uniforms ?? {}, call.constants ?? {});
  }

  async read(buffer: BackendBuffer): Promise<AnyTypedArray> {
    return this.data(buffer).slice();
  }

  /** Synchronous read (CPU only), for gradient checks. */
  readSync(buffer: BackendBuffer): AnyTypedArray {
    return this.data(buffer).slice();
  }

  release(buffer: BackendBuffer): void {
    const cpu = this.own(buffer);
    if (cpu.released) throw new InternalError('CpuBackend.release: buffer released twice');
    cpu.released = true;
    this.live--;
  }

  liveBufferCount(): number {
    return this.live;
  }

  /** Kernels run when enqueued: nothing is pending. */
  flush(): void {}

  async synchronize(): Promise<void> {}

  destroy(): void {
    this.live = 0;
  }

  private own(buffer: BackendBuffer): CpuBuffer {
    if (!(buffer instanceof CpuBuffer))
      throw new InternalError('CpuBackend got a buffer of another backend');
    return buffer;
  }

  private data(buffer: BackendBuffer): AnyTypedArray {
    const cpu = this.own(buffer);
    if (cpu.released) throw new InternalError('CpuBackend: use of a released buffer');
    return cpu.data;
  }
}
