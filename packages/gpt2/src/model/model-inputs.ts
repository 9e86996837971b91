// Checking and uploading the inputs of Gpt2Model.forward: token ids, labels, position ids,
// attention masks and the per-layer past. Host arrays are validated element by element (an id
// outside the vocabulary or a position past n_positions is a Gpt2InputError, never a silent
// zero row); tensors are checked by shape and dtype only, since reading them back would stall.
import { type Backend, concat, ones, type Tensor, tensor } from '@prefixkit/tensor';
import type { Gpt2Config } from '../config/gpt2-config';
import type { LayerKeyValue } from './attention';
import { Gpt2InputError } from './model-errors';
import type { ModelDType } from './model-parameters';

/** A [rows][columns] array of integers, or a tensor holding one. */
export type IntMatrix = Tensor | readonly (readonly number[])[];

function shapeText(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}

/** Checks a host matrix is rectangular with integer entries in [min, max]; returns its flat copy. */
function flatInts(
  argument: string,
  rows: readonly (readonly number[])[],
  range: { min: number; max: number; allow?: number },
): Int32Array {
  const width = rows[0]?.length ?? 0;
  const flat = new Int32Array(rows.length * width);
  rows.forEach((row, r) => {
    if (row.length !== width)
      throw new Gpt2InputError(
        `${argument}[${r}]`,
        `${width} entries like row 0 (rectangular)`,
        `${row.length}`,
      );
    row.forEach((value, c) => {
      const ok =
        Number.isInteger(value) &&
        ((value >= range.min && value <= range.max) || value === range.allow);
      if (!ok)
        throw new Gpt2InputError(
          `${argument}[${r}][${c}]`,
          `an integer in [${range.min}, ${range.max}]`,
          String(value),
        );
      flat[r * width + c] = value;
    });
  });
  return flat;
}

/** ids [B, T] as an i32 tensor (and the host copy, when given as rows); host ids must lie in [0, vocab_size). */
export function idsTensor(
  ids: IntMatrix,
  config: Gpt2Config,
  backend: Backend,
): { ids: Tensor; host: Int32Array | null } {
  if (!Array.isArray(ids)) {
    const t = ids as Tensor;
    if (t.rank !== 2 || t.dtype !== 'i32')
      throw new Gpt2InputError('ids', 'an i32 tensor [B, T]', `${t.dtype} ${shapeText(t.shape)}`);
    return { ids: t, host: null };
  }
  const rows = ids as readonly (readonly number[])[];
  if (rows.length === 0 || rows[0]!.length === 0)
    throw new Gpt2InputError(
      'ids',
      'at least one row of at least one token',
      shapeText([rows.length, rows[0]?.length ?? 0]),
    );
  const flat = flatInts('ids', rows, { min: 0, max: config.vocab_size - 1 });
  return {
    ids: tensor(flat, [rows.length, rows[0]!.length], { backend, dtype: 'i32' }),
    host: flat,
  };
}

/** labels [B, T] as an i32 tensor; host labels lie in [0, V) or are -100 (ignored). */
export function labelsTensor(
  labels: IntMatrix,
  shape: readonly [number, number],
  config: Gpt2Config,
  backend: Backend,
): Tensor {
  if (!Array.isArray(labels)) {
    const t = labels as Tensor;
    if (t.dtype !== 'i32' || t.shape.join() !== shape.join())
      throw new Gpt2InputError(
        'labels',
        `an i32 tensor ${shapeText(shape)}`,
        `${t.dtype} ${shapeText(t.shape)}`,
      );
    return t;
  }
  return tensor(hostLabels(labels, shape, config, 'labels'), shape, { backend, dtype: 'i32' });
}

/**
 * Host labels [B, T], checked like labelsTensor's, as a flat row-major copy. Callers that must
 * choose rows by label on the host (the loss without logits) refuse tensors here: reading one
 * back would stall the device and make forward asynchronous.
 */
export function hostLabels(
  labels: IntMatrix,
  shape: readonly [number, number],
  config: Gpt2Config,
  why: string,
): Int32Array {
  if (!Array.isArray(labels))
    throw new Gpt2InputError('labels', `host rows [B, T] (${why})`, 'a tensor');
  const rows = labels as readonly (readonly number[])[];
  if (rows.length !== shape[0] || (rows[0]?.length ?? 0) !== shape[1])
    throw new Gpt2InputError(
      'labels',
      shapeText(shape),
      shapeText([rows.length, rows[0]?.length ?? 0]),
    );
  return flatInts('labels', rows, { min: 0, max: config.vocab_size - 1, allow: -100 });
}

/**
 * Checks the per-layer past and returns its length P (0 without a past). With `rowOrder`, the
 * past may hold any number R of rows (the same in every layer) and row b reads past row
 * rowOrder[b], each an integer in [0, R).
 */
export function pastLength(
  past: readonly LayerKeyValue[] | undefined,
  config: Gpt2Config,
  batch: number,
  dtype: ModelDType,
  rowOrder?: readonly number[],
): number {
  if (rowOrder !== undefined) checkRowOrder(rowOrder, past, batch);
  if (!past) return 0;
  if (past.length !== config.n_layer)
    throw new Gpt2InputError('past', `${config.n_layer} layers (n_layer)`, `${past.length}`);
  const H = config.n_head;
  const D = config.n_embd / H;
  const P = past[0]!.key.shape[2] ?? -1;
  past.forEach((layer, index) => {
    for (const [name, t] of [
      ['key', layer.key],
      ['value', layer.value],
    ] as const) {
      const rows = rowOrder
        ? t.shape[0] === past[0]!.key.shape[0]
        : t.shape[0] === 1 || t.shape[0] === batch;
      const ok = t.rank === 4 && rows && t.shape[1] === H && t.shape[2] === P && t.shape[3] === D;
      if (!ok)
        throw new Gpt2InputError(
          `past[${index}].${name}`,
          `[${rowOrder ? 'R' : `${batch} or 1`}, ${H}, ${P}, ${D}] (rows, n_head, past length, head size)`,
          shapeText(t.shape),
        );
      if (t.dtype !== dtype)
        throw new Gpt2InputError(`past[${index}].${name}`, `dtype ${dtype} (the model's)`, t.dtype);
    }
  });
  return P;
}

/** Each of `indices` an integer row in [0, rows), named `${argument}[n]` (of `what`) when not. */
export function checkRowIndices(
  argument: string,
  indices: readonly number[],
  rows: number,
  what: string,
): void {
  indices.forEach((row, n) => {
    if (!Number.isInteger(row) || row < 0 || row >= rows)
      throw new Gpt2InputError(
        `${argument}[${n}]`,
        `a row of ${what} in [0, ${rows - 1}]`,
        String(row),
      );
  });
}

/** pastRowOrder: one integer per row of the batch, each a row of the past. */
function checkRowOrder(
  rowOrder: readonly number[],
  past: readonly LayerKeyValue[] | undefined,
  batch: number,
): void {
  const rows = past?.[0]?.key.shape[0];
  if (rows === undefined) throw new Gpt2InputError('pastRowOrder', 'a past to reorder', 'no past');
  if (rowOrder.length !== batch)
    throw new Gpt2InputError('pastRowOrder', `${batch} rows (the batch)`, `${rowOrder.length}`);
  checkRowIndices('pastRowOrder', rowOrder, rows, 'the past');
}

/**
 * Position ids [B, T] (or [T] when shared by every row) as an i32 tensor: `positionIds` when
 * given, else start, start+1, ... Every id must be < n_positions.
 */
export function positionsTensor(
  positionIds: readonly (readonly number[])[] | undefined,
  shape: readonly [number, number],
  start: number,
  config: Gpt2Config,
  backend: Backend,
): Tensor {
  const limit = config.n_positions - 1;
  if (positionIds) {
    if (positionIds.length !== shape[0] || (positionIds[0]?.length ?? 0) !== shape[1]) {
      throw new Gpt2InputError(
        'positionIds',
        shapeText(shape),
        shapeText([positionIds.length, positionIds[0]?.length ?? 0]),
      );
    }
    return tensor(flatInts('positionIds', positionIds, { min: 0, max: limit }), shape, {
      backend,
      dtype: 'i32',
    });
  }
  const T = shape[1];
  if (!Number.isInteger(start) || start < 0 || start + T - 1 > limit) {
    throw new Gpt2InputError(
      'positionOffset',
      `positions ${start}..${start + T - 1} below n_positions ${config.n_positions}`,
      `start ${start} with ${T} tokens`,
    );
  }
  return tensor(
    Int32Array.from({ length: T }, (_, t) => start + t),
    [T],
    { backend, dtype: 'i32' },
  );
}

/**
 * The attention mask widened to [B, P+T] in the model's dtype: a mask of width T gets P leading
 * ones (the past is always visible), as HF does.
 */
export function maskTensor(
  mask: Tensor | readonly (readonly number[])[],
  shape: { batch: number; past: number; tokens: number },
  dtype: ModelDType,
  backend: Backend,
): Tensor {
  const { batch, past, tokens } = shape;
  const expected = `[${batch}, ${tokens}] or [${batch}, ${past + tokens}] of 0/1`;
  if (!Array.isArray(mask)) {
    const t = mask as Tensor;
    const width = t.shape[1];
    if (t.rank !== 2 || t.shape[0] !== batch || (width !== tokens && width !== past + tokens))
      throw new Gpt2InputError('attentionMask', expected, shapeText(t.shape));
    if (t.dtype !== dtype)
      throw new Gpt2InputError('attentionMask', `dtype ${dtype} (the model's)`, t.dtype);
    if (width === past + tokens) return t;
    return concat([ones([batch, past], { backend, dtype }), t], 1); // (B, P+T)
  }
  const rows = mask as readonly (readonly number[])[];
  const width = rows[0]?.length ?? 0;
  if (rows.length !== batch || (width !== tokens && width !== past + tokens))
    throw new Gpt2InputError('attentionMask', expected, shapeText([rows.length, width]));
  const flat = flatInts('attentionMask', rows, { min: 0, max: 1 });
  const lead = past + tokens - width;
  const values = new Float64Array(batch * (past + tokens));
  for (let b = 0; b < batch; b++) {
    values.fill(1, b * (past + tokens), b * (past + tokens) + lead);
    for (let j = 0; j < width; j++) values[b * (past + tokens) + lead + j] = flat[b * width + j]!;
  }
  return tensor(values, [batch, past + tokens], { backend, dtype });
}
