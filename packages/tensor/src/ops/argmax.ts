// The index of each row's largest value on the device, so that greedy decoding reads back one
// integer per row instead of a row of vocabulary logits. Columns listed in `exclude` count as
// -Infinity (banned tokens); ties go to the first index, NaN is never chosen (a row starting
// with NaN gives 0), exactly as a host loop `if (x[c] > x[best]) best = c` over the row.

import { ShapeMismatchError } from '../errors';
import type { Tensor } from '../tensor';
import { exclusionTable } from './exclusion-table';
import { checkFloat, commonBackend, newOutput, runKernel } from './op-utils';

export interface ArgmaxRowsOptions {
  /** Per row, columns that may not be chosen (each list may differ in length). */
  readonly exclude?: readonly (readonly number[])[];
}

/** x [rows, cols] (f32) -> [rows] (i32): each row's argmax. Not differentiable. */
export function argmaxRows(x: Tensor, options: ArgmaxRowsOptions = {}): Tensor {
  const op = 'argmaxRows';
  const backend = commonBackend(op, { x });
  checkFloat(op, 'x', x);
  if (x.rank !== 2) throw new ShapeMismatchError(op, 'x', '[rows, cols]', x.shape);
  const [rows, cols] = x.shape as [number, number];
  if (cols === 0) throw new ShapeMismatchError(op, 'x', '[rows, cols] with cols >= 1', x.shape);
  const { table: exclude, excludeCount } = exclusionTable(
    op,
    options.exclude,
    { rows, cols, rowName: 'row' },
    backend,
  );
  const out = newOutput(backend, [rows], 'i32');
  if (rows > 0)
    runKernel(op, 'argmaxRows', [x, exclude], [out], {
      rows,
      cols,
      excludeCount,
      negativeInfinity: Number.NEGATIVE_INFINITY,
    });
  exclude.dispose();
  return out;
}
