// The per-row lists of columns that may not be chosen (banned token ids), as the i32 table
// [rows, excludeCount] the device-side selection kernels read (-1 pads shorter lists; a row
// with none still has one slot). The WGSL side is kernels/exclusions.wgsl.ts.
import type { Backend } from '../backends/backend';
import { tensor } from '../create';
import { InvalidArgumentError } from '../errors';
import type { Tensor } from '../tensor';

/** `lists` (one per row, or undefined: none) as a device table; checks every column. */
export function exclusionTable(
  op: string,
  lists: readonly (readonly number[])[] | undefined,
  shape: { rows: number; cols: number; rowName: string },
  backend: Backend,
): { table: Tensor; excludeCount: number } {
  const { rows, cols, rowName } = shape;
  if (lists && lists.length !== rows)
    throw new InvalidArgumentError(
      op,
      'exclude',
      `one list per ${rowName} (${rows})`,
      lists.length,
    );
  const excludeCount = (lists ?? []).reduce((most, list) => Math.max(most, list.length), 1);
  const values = new Int32Array(rows * excludeCount).fill(-1);
  (lists ?? []).forEach((list, row) => {
    list.forEach((column, e) => {
      if (!Number.isInteger(column) || column < 0 || column >= cols)
        throw new InvalidArgumentError(
          op,
          `exclude[${row}][${e}]`,
          `a column in [0, ${cols})`,
          column,
        );
      values[row * excludeCount + e] = column;
    });
  });
  const table = tensor(values, [rows, excludeCount], { backend, dtype: 'i32' });
  return { table, excludeCount };
}
