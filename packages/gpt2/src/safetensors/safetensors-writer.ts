// Writes the safetensors format per docs/reference/REFERENCE-SPEC.md: header JSON padded with spaces so
// the data starts at a multiple of 8, tensors laid out by (element size descending, name), and
// `__metadata__` first. Float32 data is narrowed to F16/BF16 with round-to-nearest-even.

import { float32ToBf16, float32ToF16 } from '@prefixkit/tensor';
import { CheckpointFormatError } from '../errors';
import { type SafetensorsDtype, safetensorsDtypeSizes, shapeSize } from './dtype';

/** A tensor to write: float32 data with a float dtype, integer arrays, or raw encoded bytes. */
export type SafetensorsTensorInput =
  | { dtype: 'F32' | 'F16' | 'BF16'; shape: readonly number[]; data: Float32Array }
  | { dtype: 'I32'; shape: readonly number[]; data: Int32Array }
  | { dtype: 'I64'; shape: readonly number[]; data: BigInt64Array }
  | { dtype: SafetensorsDtype; shape: readonly number[]; data: Uint8Array };

/** The header bytes (length prefix included) and the order in which the data must follow. */
export interface SafetensorsLayout {
  header: Uint8Array;
  order: { name: string; byteLength: number }[];
  totalBytes: number;
}

function elementCountOf(input: SafetensorsTensorInput): number {
  return input.data instanceof Uint8Array
    ? input.data.byteLength / safetensorsDtypeSizes[input.dtype]
    : input.data.length;
}

/** Computes the header and tensor order; validates that data lengths match the shapes. */
export function planSafetensors(
  tensors: Record<string, SafetensorsTensorInput>,
  metadata: Record<string, string> = {},
  file = 'model.safetensors',
): SafetensorsLayout {
  const names = Object.keys(tensors).sort((a, b) => {
    const sizeA = safetensorsDtypeSizes[tensors[a]!.dtype];
    const sizeB = safetensorsDtypeSizes[tensors[b]!.dtype];
    return sizeB - sizeA || (a < b ? -1 : a > b ? 1 : 0);
  });
  const json: Record<string, unknown> = {};
  if (Object.keys(metadata).length > 0) json.__metadata__ = metadata;
  const order: SafetensorsLayout['order'] = [];
  let offset = 0;
  for (const name of names) {
    if (name === '__metadata__') {
      throw new CheckpointFormatError('"__metadata__" is reserved', { file, tensor: name });
    }
    const tensor = tensors[name]!;
    const count = shapeSize(tensor.shape);
    if (elementCountOf(tensor) !== count) {
      throw new CheckpointFormatError(
        `shape ${JSON.stringify(tensor.shape)} has ${count} elements, data has ${elementCountOf(tensor)}`,
        { file, tensor: name },
      );
    }
    const byteLength = count * safetensorsDtypeSizes[tensor.dtype];
    json[name] = {
      dtype: tensor.dtype,
      shape: [...tensor.shape],
      data_offsets: [offset, offset + byteLength],
    };
    order.push({ name, byteLength });
    offset += byteLength;
  }
  let text = JSON.stringify(json);
  const unpadded = new TextEncoder().encode(text).byteLength;
  text += ' '.repeat((8 - (unpadded % 8)) % 8);
  const headerJson = new TextEncoder().encode(text);
  const header = new Uint8Array(8 + headerJson.byteLength);
  new DataView(header.buffer).setBigUint64(0, BigInt(headerJson.byteLength), true);
  header.set(headerJson, 8);
  return { header, order, totalBytes: header.byteLength + offset };
}

/** Encodes one tensor's data as little-endian bytes of its dtype. */
export function encodeTensorData(tensor: SafetensorsTensorInput): Uint8Array {
  const { data } = tensor;
  if (data instanceof Uint8Array) return data;
  const count = data.length;
  const out = new Uint8Array(count * safetensorsDtypeSizes[tensor.dtype]);
  const view = new DataView(out.buffer);
  if (data instanceof BigInt64Array) {
    for (let index = 0; index < count; index++) view.setBigInt64(index * 8, data[index]!, true);
  } else if (data instanceof Int32Array) {
    for (let index = 0; index < count; index++) view.setInt32(index * 4, data[index]!, true);
  } else if (tensor.dtype === 'F16') {
    for (let index = 0; index < count; index++)
      view.setUint16(index * 2, float32ToF16(data[index]!), true);
  } else if (tensor.dtype === 'BF16') {
    for (let index = 0; index < count; index++)
      view.setUint16(index * 2, float32ToBf16(data[index]!), true);
  } else {
    for (let index = 0; index < count; index++) view.setFloat32(index * 4, data[index]!, true);
  }
  return out;
}

/**
 * Serializes tensors into one safetensors buffer (in memory; use writeSafetensorsFile from
 * `@prefixkit/gpt2/node` to stream large files to disk).
 * @example serializeSafetensors({ w: { dtype: 'BF16', shape: [2], data: new Float32Array([1, 2]) } })
 */
export function serializeSafetensors(
  tensors: Record<string, SafetensorsTensorInput>,
  metadata: Record<string, string> = {},
): Uint8Array {
  const layout = planSafetensors(tensors, metadata);
  const out = new Uint8Array(layout.totalBytes);
  out.set(layout.header, 0);
  let offset = layout.header.byteLength;
  for (const { name, byteLength } of layout.order) {
    out.set(encodeTensorData(tensors[name]!), offset);
    offset += byteLength;
  }
  return out;
}
