// Embedding lookup (wte[ids], wpe[pos]) with the scatter-add gradient into the table.
import { record } from '../autograd/tape';
import { ShapeMismatchError } from '../errors';
import type { Tensor } from '../tensor';
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
