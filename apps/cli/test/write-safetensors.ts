// Writes small safetensors files byte by byte for the inspect tests (format: huggingface/
// safetensors README — u64 little-endian header length, JSON header, then the raw data), so the
// tests do not depend on the reader they exercise.
import { writeFileSync } from 'node:fs';

export interface TestTensor {
  dtype: 'F32' | 'F16' | 'I64';
  shape: number[];
}

const sizes = { F32: 4, F16: 2, I64: 8 } as const;

/** Writes `tensors` (zero-filled) and `metadata` to `path`; returns the file's size. */
export function writeTestSafetensors(
  path: string,
  tensors: Record<string, TestTensor>,
  metadata?: Record<string, string>,
): number {
  const header: Record<string, unknown> = metadata ? { __metadata__: metadata } : {};
  let offset = 0;
  for (const [name, tensor] of Object.entries(tensors)) {
    const bytes = tensor.shape.reduce((product, size) => product * size, 1) * sizes[tensor.dtype];
    header[name] = {
      dtype: tensor.dtype,
      shape: tensor.shape,
      data_offsets: [offset, offset + bytes],
    };
    offset += bytes;
  }
  let json = JSON.stringify(header);
  // The format pads the header with spaces to a multiple of 8 bytes.
  json += ' '.repeat((8 - ((8 + Buffer.byteLength(json)) % 8)) % 8);
  const headerBytes = Buffer.from(json, 'utf8');
  const length = Buffer.alloc(8);
  length.writeBigUInt64LE(BigInt(headerBytes.byteLength));
  const file = Buffer.concat([length, headerBytes, Buffer.alloc(offset)]);
  writeFileSync(path, file);
  return file.byteLength;
}
