// The WebGPU implementation of Backend (tfjs' backend_webgpu, split by concern): buffers come
// from a size-class pool, kernels from the pipeline cache, and every dispatch, copy and clear is
// recorded into one pending CommandBatch that is submitted only by read(), synchronize() or a
// threshold. Device-free: it receives an opened device from request-device.{node,browser}.ts.
import { assert } from '@prefixkit/errors';
import type { KernelName } from '../../kernels/kernel-names';
import type { DType, KernelSpec } from '../../kernels/kernel-spec';
import { kernelSpecs } from '../../kernels/kernel-specs';
import type { AnyTypedArray, Backend, BackendBuffer, BufferContents, KernelCall } from '../backend';
import { BindGroupCache, type BindGroupEntry } from './bind-group-cache';
import { BufferPool } from './buffer-pool';
import { CommandBatch } from './command-batch';
import { checkBindingSizes, checkWorkgroupCounts } from './dispatch-limits';
import { GpuLimitExceededError, UnsupportedDTypeError } from './errors';
import type { AdapterDescription, OpenedDevice } from './open-device';
import { PipelineCache } from './pipeline-cache';
import { type DeviceWatch, watchDevice } from './shader-errors';
import { encodeUniforms, uniformBytes } from './uniform-packing';
import { WaitPacer } from './wait-pacing';
import { toDeviceArray, WebGpuBuffer } from './webgpu-buffer';

// GPUBufferUsage / GPUMapMode values from the WebGPU spec, as literals so this file needs no
// globals (Dawn in Node does not install them unless asked).
const USAGE = { MAP_READ: 1, COPY_SRC: 4, COPY_DST: 8, UNIFORM: 64, STORAGE: 128 } as const;
const MAP_MODE_READ = 1;
/** Bytes of host writes a batch carries in its upload arena (larger ones get a staging buffer). */
const UPLOAD_ARENA_BYTES = 256 * 1024;

export interface WebGpuBackendOptions {
  /** Submit once this many dispatches are pending (default 256). */
  readonly maxPendingDispatches?: number;
  /** Bytes of free buffers kept for reuse after each submit (default 1 GiB). */
  readonly poolLimitBytes?: number;
  /**
   * Sleep through most of a read-back's expected wait instead of letting the binding poll
   * (WaitPacer; for Dawn in Node on a software adapter, where polling takes a core from the
   * device's own threads). Default false; createWebGpuBackend turns it on for such adapters.
   */
  readonly sleepWhileWaiting?: boolean;
  /** Called once by destroy(), after the backend's buffers are freed. */
  readonly onDestroy?: () => void;
}

export class WebGpuBackend implements Backend {
  readonly kind = 'webgpu' as const;
  readonly device: GPUDevice;
  readonly adapter: AdapterDescription;
  readonly features: readonly string[];
  private readonly storage: BufferPool;
  private readonly staging: BufferPool;
  private readonly uniformPool: BufferPool;
  private readonly uploadPool: BufferPool;
  private readonly pipelines: PipelineCache;
  private readonly bindGroups: BindGroupCache;
  private readonly batch: CommandBatch;
  private readonly watch: DeviceWatch;
  private readonly maxPendingDispatches: number;
  private readonly poolLimitBytes: number;
  /**
   * Facts about the device given to every kernel's wgsl() as constants (call constants win):
   * `subgroupSize` is the fixed subgroup width when the device has the subgroups feature and a
   * single subgroup size, else 0; `softwareAdapter` is 1 on a CPU implementation of WebGPU
   * (lavapipe, SwiftShader: the fallback adapter), where a thread should walk runs of elements
   * rather than one. Kernels that do not read them ignore them.
   */
  readonly deviceConstants: Readonly<Record<string, number>>;
  get maxStorageBuffersPerStage(): number {
    return this.device.limits.maxStorageBuffersPerShaderStage;
  }
  private readonly live = new Set<WebGpuBuffer>();
  private destroyed = false;
  private readonly onDestroy: (() => void) | undefined;
  /** Paces read-backs when sleepWhileWaiting is on. */
  private readonly pacer: WaitPacer | null;
  /** Dispatches recorded since the last wait on the device (the pacer's kind of batch). */
  private dispatchesSinceWait = 0;
  /** The latest paced wait (settled when it is over, errors or not). */
  private pacedWait: Promise<unknown> = Promise.resolve();

  constructor(opened: OpenedDevice, options: WebGpuBackendOptions = {}) {
    this.device = opened.device;
    this.adapter = opened.adapter;
    this.features = opened.features;
    this.maxPendingDispatches = options.maxPendingDispatches ?? 256;
    this.poolLimitBytes = options.poolLimitBytes ?? 2 ** 30;
    this.pacer = options.sleepWhileWaiting ? new WaitPacer() : null;
    this.onDestroy = options.onDestroy;
    const device = this.device;
    this.bindGroups = new BindGroupCache(device);
    const forget = (buffer: GPUBuffer) => this.bindGroups.forget(buffer);
    this.storage = new BufferPool(
      device,
      USAGE.STORAGE | USAGE.COPY_SRC | USAGE.COPY_DST,
      'prefixkit tensor',
      forget,
    );
    this.staging = new BufferPool(
      device,
      USAGE.MAP_READ | USAGE.COPY_DST,
      'prefixkit read staging',
    );
    this.uniformPool = new BufferPool(
      device,
      USAGE.UNIFORM | USAGE.COPY_DST,
      'prefixkit uniforms',
      forget,
    );
    this.uploadPool = new BufferPool(device, USAGE.COPY_SRC | USAGE.COPY_DST, 'prefixkit uploads');
    this.batch = new CommandBatch(
      device,
      64 * 1024,
      (bytes) => this.uniformPool.acquire(bytes).buffer,
      (buffer) => this.uniformPool.release(buffer),
      UPLOAD_ARENA_BYTES,
      (bytes) => this.uploadPool.acquire(bytes).buffer,
      (buffer) => this.uploadPool.release(buffer),
    );
    this.watch = watchDevice(device);
    const { subgroupMinSize, subgroupMaxSize } = opened.adapter;
    const fixedSubgroups =
      this.features.includes('subgroups') && subgroupMinSize === subgroupMaxSize;
    this.deviceConstants = {
      subgroupSize: fixedSubgroups && subgroupMinSize >= 4 ? subgroupMinSize : 0,
      softwareAdapter: opened.adapter.isFallbackAdapter ? 1 : 0,
    };
    this.pipelines = new PipelineCache(device, this.deviceConstants);
  }

  allocate(length: number, dtype: DType, contents: BufferContents = 'zeros'): BackendBuffer {
    this.checkUsable();
    if (dtype === 'f64') throw new UnsupportedDTypeError('allocate', dtype, ['f32', 'i32']);
    assert(Number.isInteger(length) && length >= 0, () => `allocate: bad length ${length}`);
    const bytes = Math.max(4, length * 4);
    if (bytes > this.device.limits.maxBufferSize) {
      throw new GpuLimitExceededError(
        `allocate(${length}, ${dtype})`,
        'maxBufferSize',
        this.device.limits.maxBufferSize,
        bytes,
      );
    }
    const { buffer, fresh } = this.storage.acquire(bytes);
    // New buffers are zeroed by WebGPU; recycled ones are cleared in stream order, unless the
    // caller overwrites them whole (a clear also ends the open compute pass).
    if (!fresh && contents === 'zeros') this.batch.commandEncoder().clearBuffer(buffer);
    const handle = new WebGpuBuffer(length, dtype, buffer, this);
    this.live.add(handle);
    return handle;
  }

  write(buffer: BackendBuffer, data: AnyTypedArray, offset = 0): void {
    const target = this.own(buffer, 'write');
    assert(
      offset >= 0 && offset + data.length <= target.length,
      () => `write: ${data.length} elements at ${offset} into ${target.length}`,
    );
    if (data.length === 0) return;
    const bytes = toDeviceArray(data, target.dtype);
    if (!this.batch.hasPending) {
      // Nothing recorded is waiting, so a queue write lands in order.
      this.device.queue.writeBuffer(
        target.gpuBuffer,
        offset * 4,
        bytes.buffer,
        bytes.byteOffset,
        bytes.byteLength,
      );
      return;
    }
    // Recorded commands may still read the old contents: copy in stream order, through the
    // batch's upload arena when it has room, else through a staging buffer of its own.
    const view = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (this.batch.upload(view, target.gpuBuffer, offset * 4)) return;
    const staging = this.device.createBuffer({
      label: 'prefixkit write staging',
      size: bytes.byteLength,
      usage: USAGE.COPY_SRC,
      mappedAtCreation: true,
    });
    new Uint8Array(staging.getMappedRange()).set(
      new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    );
    staging.unmap();
    this.batch
      .commandEncoder()
      .copyBufferToBuffer(staging, 0, target.gpuBuffer, offset * 4, bytes.byteLength);
    this.batch.onSubmitted(() => staging.destroy());
  }

  copy(
    source: BackendBuffer,
    sourceOffset: number,
    target: BackendBuffer,
    targetOffset: number,
    length: number,
  ): void {
    const from = this.own(source, 'copy');
    const to = this.own(target, 'copy');
    assert(
      sourceOffset >= 0 && sourceOffset + length <= from.length,
      () => `copy: source range ${sourceOffset}+${length} of ${from.length}`,
    );
    assert(
      targetOffset >= 0 && targetOffset + length <= to.length,
      () => `copy: target range ${targetOffset}+${length} of ${to.length}`,
    );
    if (length === 0) return;
    const encoder = this.batch.commandEncoder();
    if (from.gpuBuffer !== to.gpuBuffer) {
      encoder.copyBufferToBuffer(
        from.gpuBuffer,
        sourceOffset * 4,
        to.gpuBuffer,
        targetOffset * 4,
        length * 4,
      );
      return;
    }
    // WebGPU forbids copying a buffer onto itself: go through a temporary.
    const temporary = this.storage.acquire(length * 4).buffer;
    encoder.copyBufferToBuffer(from.gpuBuffer, sourceOffset * 4, temporary, 0, length * 4);
    encoder.copyBufferToBuffer(temporary, 0, to.gpuBuffer, targetOffset * 4, length * 4);
    this.storage.release(temporary);
  }

  run(kernel: KernelName, call: KernelCall): void {
    this.runSpec(kernelSpecs[kernel], call);
  }

  /** Records one dispatch of `spec` (run() looks the spec up by name; tests and benchmarks may pass one). */
  runSpec(spec: KernelSpec, call: KernelCall): void {
    this.checkUsable();
    const buffers = [...call.inputs, ...call.outputs].map((buffer) => this.own(buffer, spec.name));
    assert(
      call.inputs.length === spec.inputs.length && call.outputs.length === spec.outputs.length,
      () =>
        `${spec.name}: expected ${spec.inputs.length} inputs and ${spec.outputs.length} outputs, got ${call.inputs.length} and ${call.outputs.length}`,
    );
    const uniforms = call.uniforms ?? {};
    const constants = { ...this.deviceConstants, ...call.constants };
    const cached = this.pipelines.get(spec, call.constants);
    if (cached.error) throw cached.error;
    checkBindingSizes(spec.name, buffers, this.device.limits);
    const workgroups = spec.dispatch(uniforms, constants);
    checkWorkgroupCounts(spec.name, workgroups, this.device.limits);
    if (workgroups.some((count) => count === 0)) return;
    // Sizes are rounded up to 16 bytes (pool classes are larger) so a kernel may view an f32
    // buffer as array<vec4f> and still reach its last elements.
    const entries: BindGroupEntry[] = buffers.map((buffer) => ({
      buffer: buffer.gpuBuffer,
      offset: 0,
      size: Math.min(buffer.gpuBuffer.size, Math.ceil(buffer.byteLength / 16) * 16),
    }));
    if (spec.uniforms.length > 0) {
      const size = uniformBytes(spec);
      if (!this.batch.uniformsFit(size)) this.flush();
      const slot = this.batch.uniformSlot(size);
      encodeUniforms(spec, uniforms, slot.view);
      entries.push({ buffer: slot.buffer, offset: slot.offset, size });
    }
    const bindGroup = this.bindGroups.get(cached.layout, spec.name, entries);
    const pass = this.batch.computePass();
    pass.setPipeline(cached.pipeline);
    pass.setBindGroup(0, bindGroup);
    pass.dispatchWorkgroups(workgroups[0], workgroups[1], workgroups[2]);
    this.batch.dispatchCount += 1;
    this.dispatchesSinceWait += 1;
    if (this.batch.dispatchCount >= this.maxPendingDispatches) this.flush();
  }

  async read(buffer: BackendBuffer): Promise<AnyTypedArray> {
    const source = this.own(buffer, 'read');
    const bytes = source.length * 4;
    const staging = this.staging.acquire(Math.max(4, bytes)).buffer;
    if (bytes > 0)
      this.batch.commandEncoder().copyBufferToBuffer(source.gpuBuffer, 0, staging, 0, bytes);
    this.flush();
    try {
      await this.paced(() => staging.mapAsync(MAP_MODE_READ, 0, Math.max(4, bytes)));
      const range = staging.getMappedRange(0, Math.max(4, bytes)).slice(0, bytes);
      staging.unmap();
      await this.pipelines.checkAll();
      this.watch.throwPending();
      return source.dtype === 'i32' ? new Int32Array(range) : new Float32Array(range);
    } catch (error) {
      this.watch.throwIfLost();
      throw error;
    } finally {
      if (staging.mapState === 'unmapped') this.staging.release(staging);
    }
  }

  release(buffer: BackendBuffer): void {
    const owned = this.own(buffer, 'release');
    owned.released = true;
    this.live.delete(owned);
    this.storage.release(owned.gpuBuffer);
  }

  liveBufferCount(): number {
    return this.live.size;
  }

  /** Submits pending commands without waiting for them. */
  flush(): void {
    this.batch.submit();
    this.storage.trim(this.poolLimitBytes);
  }

  async synchronize(): Promise<void> {
    this.checkUsable();
    this.flush();
    await this.paced(() => this.device.queue.onSubmittedWorkDone());
    await this.pipelines.checkAll();
    this.watch.throwPending();
  }

  /** Waits on the device (after a flush), sleeping first when a pacer says so. */
  private async paced(wait: () => Promise<unknown>): Promise<void> {
    const dispatches = this.dispatchesSinceWait;
    this.dispatchesSinceWait = 0;
    if (!this.pacer) {
      await wait();
      return;
    }
    if (dispatches === 0) {
      // Nothing new to wait for but what an earlier wait covers (a second read of the same
      // step): let that one sleep and finish first, or this wait's polling would spin through it.
      await this.pacedWait;
      await wait();
      return;
    }
    const pacer = this.pacer;
    const run = (async () => {
      const start = performance.now();
      await pacer.beforeWait(dispatches);
      await wait();
      pacer.afterWait(dispatches, performance.now() - start);
    })();
    this.pacedWait = run.catch(() => undefined);
    await run;
  }

  /** Buffers created on the device by the storage pool and not destroyed (pool reuse checks). */
  gpuBufferCount(): number {
    return this.storage.createdCount;
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.bindGroups.clear();
    for (const buffer of this.live) buffer.gpuBuffer.destroy();
    this.live.clear();
    this.storage.destroyAll();
    this.staging.destroyAll();
    this.uniformPool.destroyAll();
    this.uploadPool.destroyAll();
    this.onDestroy?.();
  }

  private checkUsable(): void {
    assert(!this.destroyed, () => 'the WebGPU backend was used after destroy()');
    this.watch.throwIfLost();
  }

  private own(buffer: BackendBuffer, operation: string): WebGpuBuffer {
    this.checkUsable();
    assert(
      buffer instanceof WebGpuBuffer && buffer.owner === this,
      () => `${operation}: the buffer belongs to another backend`,
    );
    assert(!buffer.released, () => `${operation}: the buffer was released`);
    return buffer;
  }
}
