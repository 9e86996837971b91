// Embedding lookup (wte[ids], wpe[pos]) with the scatter-add gradient into the table, and the
// sum of a token and a position lookup (GPT-2's input), one kernel where nothing needs a gradient.
import { record, recordsGradient } from '../autograd/tape';
import { ShapeMismatchError } from '../errors';
import type { Tensor } from '../tensor';
import { add } from './elementwise';
import { checkFloat, checkInt, commonBackend, newOutput, newTensor, runKernel } from './op-utils';

/** Rows of `table` [V, C] picked by `ids` (i32, any shape) -> [...ids.shape, C]. */
export function embedding(ids: Tensor, table: Tensor): Tensor {
  const op = 'embedding';
  commonBackend(op, { ids, table });
  checkInt(op, 'ids', ids);
  checkFloat(op, 'table', table);
  if (table.rank !== 2) throw new ShapeMismatchError(op, 'table', '[V, C]', table.shape);
  const [vocab, cols] = table.shape as [number, number];
  const rows = ids.size;
  const out = newOutput(table.backend, [...ids.shape, cols], table.dtype);
  if (out.size > 0) runKernel(op, 'embeddingForward', [ids, table], [out], { rows, vocab, cols });
  return record(op, out, [ids, table], (g, needs) => {
    if (!needs[1]) return [null, null];
    const dTable = newTensor(g.backend, table.shape, table.dtype);
    if (out.size > 0)
      runKernel(`${op}.backward`, 'embeddingBackward', [ids, g], [dTable], { rows, vocab, cols });
    return [null, dTable];
  });
}

/**
 * table[ids] + positionTable[positions] -> [...ids.shape, C]. `positions` has ids' shape, or the
 * shape of its last axes (one row of positions shared by every sequence, broadcast). Without a
 * gradient to record it is one kernel; otherwise the two lookups and their add.
 * @example const x = embeddingSum(ids, wte, positions, wpe); // GPT-2's input embeddings
 */
export function embeddingSum(
  ids: Tensor,
  table: Tensor,
  positions: Tensor,
  positionTable: Tensor,
): Tensor {
  const op = 'embeddingSum';
  commonBackend(op, { ids, table, positions, positionTable });
  checkInt(op, 'ids', ids);
  checkInt(op, 'positions', positions);
  checkFloat(op, 'table', table);
  checkFloat(op, 'positionTable', positionTable);
  if (table.rank !== 2) throw new ShapeMismatchError(op, 'table', '[V, C]', table.shape);
  const [vocab, cols] = table.shape as [number, number];
  if (
    positionTable.rank !== 2 ||
    positionTable.shape[1] !== cols ||
    positionTable.dtype !== table.dtype
  )
    throw new ShapeMismatchError(
      op,
      'positionTable',
      `[P, ${cols}] (${table.dtype})`,
      positionTable.shape,
    );
  const suffix = ids.shape.slice(ids.rank - positions.rank);
  if (positions.rank > ids.rank || suffix.some((d, axis) => d !== positions.shape[axis]))
    throw new ShapeMismatchError(
      op,
      'positions',
      `[${ids.shape.join(', ')}] or a suffix of it`,
      positions.shape,
    );
  if (recordsGradient([table, positionTable]))
    return add(embedding(ids, table), embedding(positions, positionTable));
  const out = newOutput(table.backend, [...ids.shape, cols], table.dtype);
  if (out.size > 0)
    runKernel(op, 'embeddingSum', [ids, positions, table, positionTable], [out], {
      rows: ids.size,
      vocab,
      cols,
      positionRows: Math.max(1, positions.size),
      positionVocab: positionTable.shape[0]!,
    });
  return out;
}
