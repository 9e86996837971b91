// The trainable tensors of one method under module-local names (the paper's / PEFT's state-dict
// names), in a fixed order. Loading writes into the existing tensors, so an optimiser that
// already holds them keeps working after a resume.
import type { Tensor } from '@prefixkit/tensor';
import { PeftFormatError } from './errors';

/** A tensor's host copy, as saved: float32 data, row-major, with its shape. */
export interface HostTensor {
  readonly shape: readonly number[];
  readonly data: Float32Array;
}

export class ParameterStore {
  private readonly tensors: Map<string, Tensor>;

  constructor(entries: readonly (readonly [string, Tensor])[]) {
    this.tensors = new Map(entries);
  }

  /** [name, tensor] pairs in a fixed order. */
  entries(): [string, Tensor][] {
    return [...this.tensors.entries()];
  }

  get(name: string): Tensor | undefined {
    return this.tensors.get(name);
  }

  get names(): string[] {
    return [...this.tensors.keys()];
  }

  /** The trainable tensors in order (what the optimiser steps). */
  list(): Tensor[] {
    return [...this.tensors.values()];
  }

  /** Total number of scalars. */
  count(): number {
    let total = 0;
    for (const t of this.tensors.values()) total += t.size;
    return total;
  }

  /** Host copies of every tensor (waits for the device). */
  async toHost(): Promise<Record<string, HostTensor>> {
    const out: Record<string, HostTensor> = {};
    for (const [name, t] of this.tensors)
      out[name] = { shape: [...t.shape], data: Float32Array.from(await t.data()) };
    return out;
  }

  /**
   * Overwrites every tensor in place from `values` (all names required, shapes checked);
   * `file` names the source in errors.
   */
  load(values: Readonly<Record<string, HostTensor>>, file: string): void {
    for (const [name, t] of this.tensors) {
      const value = values[name];
      if (!value)
        throw new PeftFormatError(
          file,
          `tensor ${name}`,
          `present (shape [${t.shape.join(', ')}])`,
          'missing',
        );
      if (value.shape.join() !== t.shape.join()) {
        throw new PeftFormatError(
          file,
          `tensor ${name}`,
          `shape [${t.shape.join(', ')}]`,
          `[${value.shape.join(', ')}]`,
        );
      }
      writeInto(t, value.data);
    }
    for (const name of Object.keys(values)) {
      if (!this.tensors.has(name))
        throw new PeftFormatError(
          file,
          `tensor ${name}`,
          `one of ${this.names.join(', ')}`,
          'an unknown tensor',
        );
    }
  }

  dispose(): void {
    for (const t of this.tensors.values()) t.dispose();
  }
}

/** Copies host data into a tensor's own buffer (same object, new values). */
export function writeInto(target: Tensor, data: Float32Array): void {
  target.write(target.dtype === 'f64' ? Float64Array.from(data) : data);
}
