// The Tensor: a shape, an element type and a buffer on a backend, plus the autograd fields.
// Tensors are always contiguous (row-major); reshape shares the buffer through a reference-
// counted Storage, every other op writes a new buffer. GPU memory is freed by dispose() or by
// the tidy() scope that created the tensor, never by the garbage collector (docs/reference/STYLE.md Autograd).

import type { GradNode } from './autograd/grad-node';
import { track } from './autograd/scope';
import type { AnyTypedArray, Backend, BackendBuffer } from './backends/backend';
import {
  DTypeMismatchError,
  InvalidArgumentError,
  ShapeMismatchError,
  TensorDisposedError,
} from './errors';
import { debugEnabled } from './flags';
import type { DType } from './kernels/kernel-spec';
import { type Shape, sizeOf } from './shape';

/** A backend buffer shared by a tensor and its reshaped views; released when the last goes. */
export class Storage {
  private refs = 1;
  /**
   * Counts writes into the buffer (the kernels that write it, host writes, optimiser steps):
   * derived copies of a tensor (packed or blocked forms of frozen weights) record the version
   * they were made from and are stale once it moves.
   */
  version = 0;
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

  /** How many times the values were written in place since creation (see Storage.version). */
  get version(): number {
    return this.storage.version;
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

  /**
   * Overwrites this tensor's values in place with host data (row-major), starting at element
   * `offset` (default 0; without it `data` must fill the tensor). The write is ordered after
   * every op already issued, shared with reshaped views of the same storage, and not recorded
   * by autograd (like torch's `with no_grad(): t.copy_(...)`). f32/f64 tensors take Float32Array,
   * Float64Array or numbers; i32 tensors take Int32Array or integer numbers.
   * @example weight.write(Float32Array.from(saved)); // load a checkpoint into a parameter
   */
  write(data: AnyTypedArray | ArrayLike<number>, options: { offset?: number } = {}): void {
    const buffer = this.bufferFor('write', 'this');
    const offset = options.offset ?? 0;
    if (!Number.isInteger(offset) || offset < 0)
      throw new InvalidArgumentError('write', 'offset', 'an integer >= 0', offset);
    const expected =
      options.offset === undefined
        ? `${this.size} values for shape [${this.shape.join(', ')}]`
        : `at most ${this.size - offset} values after offset ${offset} (shape [${this.shape.join(', ')}])`;
    const fits =
      options.offset === undefined ? data.length === this.size : offset + data.length <= this.size;
    if (!fits) throw new ShapeMismatchError('write', 'data', expected, `${data.length} values`);
    if (data.length === 0) return;
    this.storage.backend.write(buffer, hostValuesFor(this.dtype, data), offset);
    this.storage.version++;
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

/** `data` as the typed array of `dtype`, refusing conversions that would change values. */
function hostValuesFor(dtype: DType, data: AnyTypedArray | ArrayLike<number>): AnyTypedArray {
  if (dtype === 'i32') {
    if (data instanceof Int32Array) return data;
    if (data instanceof Float32Array || data instanceof Float64Array)
      throw new DTypeMismatchError(
        'write',
        'data',
        'Int32Array or integers (tensor is i32)',
        data.constructor.name,
      );
    for (let i = 0; i < data.length; i++) {
      const value = data[i]!;
      if (!Number.isInteger(value) || value < -2147483648 || value > 2147483647)
        throw new InvalidArgumentError(
          'write',
          `data[${i}]`,
          'a 32-bit integer (tensor is i32)',
          value,
        );
    }
    return Int32Array.from(data);
  }
  if (data instanceof Int32Array)
    throw new DTypeMismatchError(
      'write',
      'data',
      `Float32Array, Float64Array or numbers (tensor is ${dtype})`,
      'Int32Array',
    );
  if (dtype === 'f64') return data instanceof Float64Array ? data : Float64Array.from(data);
  return data instanceof Float32Array ? data : Float32Array.from(data);
}
