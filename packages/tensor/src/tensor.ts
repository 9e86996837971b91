// The Tensor: a shape, an element type and a buffer on a backend, plus the autograd fields.
// Tensors are always contiguous (row-major); reshape shares the buffer through a reference-
// counted Storage, every other op writes a new buffer. GPU memory is freed by dispose() or by
// the tidy() scope that created the tensor, never by the garbage collector (STYLE.md Autograd).

import type { GradNode } from './autograd/grad-node';
import { track } from './autograd/scope';
import type { AnyTypedArray, Backend, BackendBuffer } from './backends/backend';
import { ShapeMismatchError, TensorDisposedError } from './errors';
import { debugEnabled } from './flags';
import type { DType } from './kernels/kernel-spec';
import { type Shape, sizeOf } from './shape';

/** A backend buffer shared by a tensor and its reshaped views; released when the last goes. */
export class Storage {
  private refs = 1;
  constructor(
    readonly backend: Backend,
    readonly buffer: BackendBuffer,
  ) {}

  retain(): this {
    this.refs++;
    return this;
  }

  releaseOne(): void {
    this.refs--;
    if (this.refs === 0) this.backend.release(this.buffer);
  }
}

export class Tensor {
  readonly shape: readonly number[];
  readonly dtype: DType;
  /** Whether backward() should produce a gradient for this tensor (leaves) or through it. */
  requiresGrad = false;
  /** The accumulated gradient of a leaf after backward(); disposed by zeroGrad(). */
  grad: Tensor | null = null;
  /** @internal How this tensor was computed, when it is part of a recorded graph. */
  gradNode: GradNode | null = null;
  /** @internal */
  readonly storage: Storage;
  private disposed = false;
  /** Where this tensor was made; kept only under PREFIXKIT_DEBUG. */
  private readonly creationStack: string | undefined;

  /** @internal Use tensor(), zeros() or an op to make tensors. */
  constructor(storage: Storage, shape: Shape, dtype: DType) {
    this.storage = storage;
    this.shape = Object.freeze([...shape]);
    this.dtype = dtype;
    this.creationStack = debugEnabled() ? new Error().stack : undefined;
    track(this);
  }

  get backend(): Backend {
    return this.storage.backend;
  }

  /** Number of elements. */
  get size(): number {
    return sizeOf(this.shape);
  }

  get rank(): number {
    return this.shape.length;
  }

  get isDisposed(): boolean {
    return this.disposed;
  }

  /** @internal The backend buffer; throws TensorDisposedError after dispose(). */
  bufferFor(op: string, argument: string): BackendBuffer {
    if (this.disposed) throw new TensorDisposedError(op, argument, this.creationStack);
    return this.storage.buffer;
  }

  /** Frees this tensor's hold on its buffer (and its gradient). Safe to call twice. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.storage.releaseOne();
    this.grad?.dispose();
    this.grad = null;
    this.gradNode = null;
  }

  /** Reads the values back to the host (waits for pending GPU work). */
  async data(): Promise<AnyTypedArray> {
    return this.storage.backend.read(this.bufferFor('data', 'this'));
  }

  /** The values as a plain number array (row-major). */
  async toArray(): Promise<number[]> {
    return Array.from(await this.data());
  }

  /** The single value of a one-element tensor. */
  async item(): Promise<number> {
    const values = await this.data();
    if (values.length !== 1)
      throw new ShapeMismatchError('item', 'this', 'one element', this.shape);
    return values[0]!;
  }

  toString(): string {
    return `Tensor(${this.dtype}, [${this.shape.join(', ')}], ${this.backend.kind}${this.requiresGrad ? ', requiresGrad' : ''})`;
  }
}
