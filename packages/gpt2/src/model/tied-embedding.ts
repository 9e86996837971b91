// The token embedding wte [V, C], used twice (HF ties lm_head to it): as the lookup table of
// the input and, transposed, as the LM head. Normally both use the one wte tensor. Some WebGPU
// devices cannot bind a buffer as large as GPT-2's wte (lavapipe: 128 MiB per storage binding,
// wte is 154 MB in f32); there the table is also held as row blocks that each fit, copied once
// from wte on the device (a buffer copy binds nothing), and lookup / head run block by block:
//   wte[ids] = sum_k block_k[ids - start_k]   (ids outside a block give its zero row)
//   logits   = concat_k(h @ block_k^T)        along V
// Gradients then reach the blocks, not wte, so a trainable wte needs the single-table path.
// A model loaded from a float16 checkpoint may also hold wte as binary16 (HalfMatrix, exact):
// the head reads that form when nothing needs wte's gradient and wte is unchanged since it was
// packed (its storage version), half the bytes for the same logits.
import {
  add,
  concat,
  embedding,
  type HalfMatrix,
  matmul,
  matmulHalfTransposed,
  recordsGradient,
  type Tensor,
  tensor,
  zeros,
} from '@prefixkit/tensor';
import { Gpt2InputError, Gpt2ModelError } from './model-errors';

/** The device's largest storage binding in bytes, when the backend has such a limit. */
function maxBindingBytes(table: Tensor): number {
  const device = (
    table.backend as { device?: { limits?: { maxStorageBufferBindingSize?: number } } }
  ).device;
  return device?.limits?.maxStorageBufferBindingSize ?? Number.POSITIVE_INFINITY;
}

/** Bytes of one element of `table` on the device (f32 and i32: 4; f64 on the CPU backend: 8). */
function elementBytes(table: Tensor): number {
  return table.dtype === 'f64' ? 8 : 4;
}

export class TiedEmbedding {
  /** Row blocks [start, rows] of wte, or null when wte itself fits in one binding. */
  private readonly blocks: { start: number; table: Tensor }[] | null;

  /** wte's version when the binary16 head was packed from the same values. */
  private readonly halfVersion: number;

  constructor(
    readonly wte: Tensor,
    private readonly halfHead: HalfMatrix | null = null,
  ) {
    this.halfVersion = wte.version;
    const [V, C] = wte.shape as [number, number];
    const bytesPerRow = C * elementBytes(wte);
    const limit = maxBindingBytes(wte);
    if (V * bytesPerRow <= limit) {
      this.blocks = null;
      return;
    }
    const rowsPerBlock = Math.floor(limit / bytesPerRow);
    this.blocks = [];
    for (let start = 0; start < V; start += rowsPerBlock) {
      const rows = Math.min(rowsPerBlock, V - start);
      const table = zeros([rows, C], { backend: wte.backend, dtype: wte.dtype });
      wte.backend.copy(
        wte.bufferFor('TiedEmbedding', 'wte'),
        start * C,
        table.bufferFor('TiedEmbedding', 'block'),
        0,
        rows * C,
      );
      this.blocks.push({ start, table });
    }
  }

  /**
   * How many rows of logits [rows, V] one storage binding holds (Infinity without a limit): the
   * loss without full logits sizes its chunks by this, since the head's output, the
   * cross-entropy's input and its gradient are each bound whole.
   */
  get logitsRowsPerBinding(): number {
    const [V] = this.wte.shape as [number, number];
    return Math.floor(maxBindingBytes(this.wte) / (V * elementBytes(this.wte)));
  }

  /** Whether lookup() takes ids held on the device only (no host copy): not for blocked tables. */
  get looksUpDeviceIds(): boolean {
    return this.blocks === null;
  }

  /** wte[ids]: ids [...] (i32) -> [..., C]. Blocked tables need host ids (`hostIds`). */
  lookup(ids: Tensor, hostIds: Int32Array | null): Tensor {
    if (!this.blocks) return embedding(ids, this.wte); // (..., C)
    this.checkFrozen();
    if (!hostIds)
      throw new Gpt2InputError(
        'ids',
        'host rows of token ids on this device (wte exceeds one storage binding)',
        'a tensor',
      );
    let sum: Tensor | null = null;
    for (const { start, table } of this.blocks) {
      const rows = table.shape[0]!;
      const local = hostIds.map((id) => (id >= start && id < start + rows ? id - start : -1));
      const part = embedding(
        tensor(local, ids.shape, { backend: ids.backend, dtype: 'i32' }),
        table,
      ); // (..., C)
      sum = sum ? add(sum, part) : part;
    }
    return sum!;
  }

  /** The tied LM head: h [..., C] -> logits [..., V]. */
  logits(h: Tensor): Tensor {
    if (this.halfHeadUsable(h)) return matmulHalfTransposed(h, this.halfHead!); // (..., V)
    if (!this.blocks) return matmul(h, this.wte, { transposeB: true }); // (..., V)
    this.checkFrozen();
    return concat(
      this.blocks.map(({ table }) => matmul(h, table, { transposeB: true })),
      -1,
    ); // (..., V)
  }

  dispose(): void {
    for (const { table } of this.blocks ?? []) table.dispose();
    this.halfHead?.dispose();
  }

  /** Whether the head may read the binary16 form: no gradient through it, wte unchanged. */
  private halfHeadUsable(h: Tensor): boolean {
    if (!this.halfHead || this.wte.version !== this.halfVersion) return false;
    return !recordsGradient([h, this.wte]);
  }

  private checkFrozen(): void {
    if (this.wte.requiresGrad) {
      throw new Gpt2ModelError(
        'parameter transformer.wte.weight: training it needs a device that binds the whole table (it exceeds maxStorageBufferBindingSize here)',
      );
    }
  }
}
