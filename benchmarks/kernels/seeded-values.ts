// Seeded operand values for the benchmarks: they need data, not statistics.

/** `length` values in [-1, 1) from a small LCG seeded with `seed`. */
export function seededValues(length: number, seed: number): Float32Array<ArrayBuffer> {
  const values = new Float32Array(length);
  let state = seed >>> 0;
  for (let index = 0; index < length; index++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    values[index] = state / 2 ** 31 - 1;
  }
  return values;
}
