// The dtypes of the safetensors format (huggingface/safetensors, `Dtype`) and their sizes.
// Every dtype listed here is validated on read (byte counts); only the float ones and the
// integer ones in `float32Decoders` can be converted to Float32Array.

/** Bytes per element of every dtype the safetensors format defines. */
export const safetensorsDtypeSizes = {
  BOOL: 1,
  U8: 1,
  I8: 1,
  F8_E5M2: 1,
  F8_E4M3: 1,
  I16: 2,
  U16: 2,
  F16: 2,
  BF16: 2,
  I32: 4,
  U32: 4,
  F32: 4,
  F64: 8,
  I64: 8,
  U64: 8,
} as const;

export type SafetensorsDtype = keyof typeof safetensorsDtypeSizes;

/** The dtypes our writer can produce from a Float32Array (and our reader widen to one). */
export type FloatDtype = 'F32' | 'F16' | 'BF16';

export function isSafetensorsDtype(value: unknown): value is SafetensorsDtype {
  return typeof value === 'string' && Object.hasOwn(safetensorsDtypeSizes, value);
}

/** Element count of a shape; `[]` (a scalar) has one element. */
export function shapeSize(shape: readonly number[]): number {
  let size = 1;
  for (const dimension of shape) size *= dimension;
  return size;
}
