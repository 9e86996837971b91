// Reads safetensors files from any ByteSource: the header is validated first, then tensors
// are read one at a time, converted to Float32Array directly (F32 is read straight into the
// result's buffer). Format: huggingface/safetensors; rules: docs/reference/REFERENCE-SPEC.md.

import {
  bf16ArrayToFloat32,
  bf16ToFloat32,
  f16ArrayToFloat32,
  f16ToFloat32,
} from '@prefixkit/tensor';
import { CheckpointFormatError } from '../errors';
import type { ByteSource } from './byte-source';
import { shapeSize } from './dtype';
import {
  parseSafetensorsHeader,
  readHeaderLength,
  type SafetensorsHeader,
  type SafetensorsTensorInfo,
} from './header';

/** The dtypes readFloat32 widens to float32 (exactly, except F64). */
export const float32ReadableDtypes: ReadonlySet<string> = new Set(['F32', 'F16', 'BF16', 'F64']);

const littleEndianHost = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** An open safetensors file: its validated header and methods that read single tensors. */
export interface SafetensorsReader extends SafetensorsHeader {
  readonly file: string;
  /** The tensor's entry, or undefined. */
  info(name: string): SafetensorsTensorInfo | undefined;
  /** The raw little-endian bytes of one tensor. */
  readBytes(name: string): Promise<Uint8Array>;
  /** One tensor widened to float32 (F32, F16, BF16, F64; exact except F64). */
  readFloat32(name: string): Promise<Float32Array>;
  close(): Promise<void>;
}

/**
 * Opens a safetensors source: reads and validates the header only.
 * @example const reader = await openSafetensors(bufferByteSource(bytes, 'a.safetensors'));
 *          const wte = await reader.readFloat32('transformer.wte.weight');
 */
export async function openSafetensors(source: ByteSource): Promise<SafetensorsReader> {
  const file = source.name;
  const prefix = await source.read(0, Math.min(8, source.size));
  const headerLength = readHeaderLength(prefix, source.size, file);
  const headerBytes = await source.read(8, headerLength);
  const header = parseSafetensorsHeader(headerBytes, source.size, file);
  const byName = new Map(header.tensors.map((tensor) => [tensor.name, tensor]));

  const entry = (name: string): SafetensorsTensorInfo => {
    const tensor = byName.get(name);
    if (tensor === undefined)
      throw new CheckpointFormatError('no such tensor', { file, tensor: name });
    return tensor;
  };

  const readFloat32 = async (name: string): Promise<Float32Array> => {
    const tensor = entry(name);
    const count = shapeSize(tensor.shape);
    const out = new Float32Array(count);
    if (tensor.dtype === 'F32' && littleEndianHost) {
      await source.read(tensor.byteOffset, tensor.byteLength, new Uint8Array(out.buffer));
      return out;
    }
    const bytes = await source.read(tensor.byteOffset, tensor.byteLength);
    if ((tensor.dtype === 'F16' || tensor.dtype === 'BF16') && littleEndianHost) {
      // A Uint16Array view needs an even offset; a file without 8-byte header padding may not
      // give one, so such bytes are copied once into a fresh (aligned) buffer.
      const aligned = bytes.byteOffset % 2 === 0 ? bytes : bytes.slice();
      const bits = new Uint16Array(aligned.buffer, aligned.byteOffset, count);
      return tensor.dtype === 'F16' ? f16ArrayToFloat32(bits, out) : bf16ArrayToFloat32(bits, out);
    }
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    switch (tensor.dtype) {
      case 'F32':
        for (let index = 0; index < count; index++) out[index] = view.getFloat32(index * 4, true);
        return out;
      case 'F16':
        for (let index = 0; index < count; index++)
          out[index] = f16ToFloat32(view.getUint16(index * 2, true));
        return out;
      case 'BF16':
        for (let index = 0; index < count; index++)
          out[index] = bf16ToFloat32(view.getUint16(index * 2, true));
        return out;
      case 'F64':
        for (let index = 0; index < count; index++) out[index] = view.getFloat64(index * 8, true);
        return out;
      default:
        throw new CheckpointFormatError(
          `dtype ${tensor.dtype} cannot be read as float32; expected F32, F16, BF16 or F64`,
          { file, tensor: name },
        );
    }
  };

  return {
    ...header,
    file,
    info: (name) => byName.get(name),
    readBytes: async (name) => {
      const tensor = entry(name);
      return source.read(tensor.byteOffset, tensor.byteLength);
    },
    readFloat32,
    close: async () => {
      await source.close?.();
    },
  };
}
