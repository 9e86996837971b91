// Weights must be finite: a single NaN or infinity in a base model or a trained prefix turns
// every logit into NaN, and decoding then silently emits token 0 ("!") forever. Loaders run
// this once over each tensor as it is read (one pass, no copy), so bad files are refused at load.
import { type CheckpointLocation, NonFiniteWeightError } from '../errors';

/** Index of the first NaN or ±infinity in `data`, or -1 when every value is finite. */
export function firstNonFinite(data: Float32Array): number {
  for (let index = 0; index < data.length; index++) {
    const value = data[index]!;
    // x - x is 0 for every finite x and NaN for NaN and ±infinity: one subtraction per value.
    if (value - value !== 0) return index;
  }
  return -1;
}

/**
 * Throws NonFiniteWeightError naming the file, tensor and element when `data` holds a NaN or an
 * infinity; returns `data` otherwise.
 */
export function requireFiniteWeights(
  data: Float32Array,
  location: Required<CheckpointLocation>,
): Float32Array {
  const index = firstNonFinite(data);
  if (index !== -1) throw new NonFiniteWeightError(location, index, data[index]!);
  return data;
}
