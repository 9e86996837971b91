// The pending work of a WebGPU backend: one command encoder with one open compute pass into
// which many dispatches are recorded, plus an arena for their uniforms. Nothing reaches the GPU
// until submit(), which the backend calls on read()/synchronize() or when a threshold is hit:
// per-submit overhead, not arithmetic, is what makes small models slow on WebGPU.
//
// Uniforms: instead of one small buffer per dispatch, each dispatch's uniform struct is packed
// at an aligned offset of a host-side arena; submit() uploads the arena with one writeBuffer
// into a device buffer (pooled by the caller) that every bind group of the batch points into.
// Host data written while commands are pending (token ids, masks, a decoding step's small
// tensors) goes the same way: into an upload arena, copied to its tensor by a command recorded
// in stream order, the arena itself uploaded by submit() before the commands run.

export interface UniformSlot {
  readonly buffer: GPUBuffer;
  readonly offset: number;
  readonly size: number;
  /** The slot's bytes in the host arena, to be filled by the caller. */
  readonly view: DataView;
}

export class CommandBatch {
  private encoder: GPUCommandEncoder | undefined;
  private pass: GPUComputePassEncoder | undefined;
  private readonly arena: ArrayBuffer;
  private arenaUsed = 0;
  private uniformBuffer: GPUBuffer | undefined;
  private readonly uploads: ArrayBuffer;
  private uploadsUsed = 0;
  private uploadBuffer: GPUBuffer | undefined;
  private readonly afterSubmit: (() => void)[] = [];
  /** Dispatches recorded since the last submit. */
  dispatchCount = 0;

  constructor(
    private readonly device: GPUDevice,
    private readonly arenaBytes: number,
    private readonly acquireUniformBuffer: (bytes: number) => GPUBuffer,
    private readonly releaseUniformBuffer: (buffer: GPUBuffer) => void,
    private readonly uploadBytes: number,
    private readonly acquireUploadBuffer: (bytes: number) => GPUBuffer,
    private readonly releaseUploadBuffer: (buffer: GPUBuffer) => void,
  ) {
    this.arena = new ArrayBuffer(arenaBytes);
    this.uploads = new ArrayBuffer(uploadBytes);
  }

  /**
   * Records a copy of `bytes` (a multiple of 4) into `target` at `targetOffset`, through the
   * batch's upload arena: false when the arena cannot take them (the caller stages them itself).
   */
  upload(bytes: Uint8Array, target: GPUBuffer, targetOffset: number): boolean {
    const offset = Math.ceil(this.uploadsUsed / 16) * 16;
    if (offset + bytes.byteLength > this.uploadBytes) return false;
    this.uploadBuffer ??= this.acquireUploadBuffer(this.uploadBytes);
    new Uint8Array(this.uploads, offset, bytes.byteLength).set(bytes);
    this.uploadsUsed = offset + bytes.byteLength;
    this.commandEncoder().copyBufferToBuffer(
      this.uploadBuffer,
      offset,
      target,
      targetOffset,
      bytes.byteLength,
    );
    return true;
  }

  /** True when commands are recorded and not yet submitted. */
  get hasPending(): boolean {
    return this.encoder !== undefined;
  }

  /** The open compute pass (opening one if needed). */
  computePass(): GPUComputePassEncoder {
    this.pass ??= this.commandEncoder().beginComputePass();
    return this.pass;
  }

  /** The encoder for copies and clears; ends an open compute pass first, keeping order. */
  commandEncoder(): GPUCommandEncoder {
    if (this.pass) {
      this.pass.end();
      this.pass = undefined;
    }
    this.encoder ??= this.device.createCommandEncoder({ label: 'prefixkit batch' });
    return this.encoder;
  }

  /** Whether `bytes` more uniform bytes fit this batch's arena. */
  uniformsFit(bytes: number): boolean {
    const alignment = this.device.limits.minUniformBufferOffsetAlignment;
    return Math.ceil(this.arenaUsed / alignment) * alignment + bytes <= this.arenaBytes;
  }

  /** Reserves `size` bytes (a multiple of 16) of uniforms for one dispatch. */
  uniformSlot(size: number): UniformSlot {
    const alignment = this.device.limits.minUniformBufferOffsetAlignment;
    const offset = Math.ceil(this.arenaUsed / alignment) * alignment;
    this.arenaUsed = offset + size;
    this.uniformBuffer ??= this.acquireUniformBuffer(this.arenaBytes);
    return {
      buffer: this.uniformBuffer,
      offset,
      size,
      view: new DataView(this.arena, offset, size),
    };
  }

  /** Runs `callback` once the current batch has been submitted (e.g. to free a staging buffer). */
  onSubmitted(callback: () => void): void {
    this.afterSubmit.push(callback);
  }

  /** Uploads the uniforms and submits everything recorded; a no-op when nothing is pending. */
  submit(): void {
    if (!this.encoder) return;
    if (this.pass) {
      this.pass.end();
      this.pass = undefined;
    }
    const commands = this.encoder.finish();
    this.encoder = undefined;
    const queue = this.device.queue;
    if (this.uniformBuffer) {
      // Ordered before the submit on the queue, and after the previous batch that used the
      // same pooled buffer, so reusing it is safe.
      queue.writeBuffer(this.uniformBuffer, 0, this.arena, 0, Math.ceil(this.arenaUsed / 4) * 4);
      const buffer = this.uniformBuffer;
      this.afterSubmit.push(() => this.releaseUniformBuffer(buffer));
    }
    if (this.uploadBuffer) {
      queue.writeBuffer(this.uploadBuffer, 0, this.uploads, 0, this.uploadsUsed);
      const buffer = this.uploadBuffer;
      this.afterSubmit.push(() => this.releaseUploadBuffer(buffer));
    }
    queue.submit([commands]);
    this.uniformBuffer = undefined;
    this.arenaUsed = 0;
    this.uploadBuffer = undefined;
    this.uploadsUsed = 0;
    this.dispatchCount = 0;
    for (const callback of this.afterSubmit.splice(0)) callback();
  }
}
