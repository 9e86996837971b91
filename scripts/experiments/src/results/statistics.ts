// Mean and spread of a cell's replicate values (low-data samples): the sample standard deviation
// (n - 1; 0 for a single value) and the range, so a reader sees both with three samples.

export interface Spread {
  readonly n: number;
  readonly mean: number;
  /** Sample standard deviation (n - 1 in the denominator); 0 when n = 1. */
  readonly sd: number;
  readonly min: number;
  readonly max: number;
}

/** The spread of at least one finite value. */
export function spread(values: readonly number[]): Spread {
  if (values.length === 0) throw new Error('spread: no values');
  const n = values.length;
  const mean = values.reduce((sum, value) => sum + value, 0) / n;
  const squares = values.reduce((sum, value) => sum + (value - mean) ** 2, 0);
  return {
    n,
    mean,
    sd: n > 1 ? Math.sqrt(squares / (n - 1)) : 0,
    min: values.reduce((low, value) => Math.min(low, value)),
    max: values.reduce((high, value) => Math.max(high, value)),
  };
}
