// Parsing and validation of a safetensors header (format: huggingface/safetensors README;
// rules: docs/reference/REFERENCE-SPEC.md "safetensors"). A header that passes here describes tensors
// whose byte ranges tile the data section exactly, so reads never overlap or run past the end.
import { CheckpointFormatError } from '../errors';
import {
  isSafetensorsDtype,
  type SafetensorsDtype,
  safetensorsDtypeSizes,
  shapeSize,
} from './dtype';

/** Headers above this size are refused before they are read (the Rust crate uses 100 MB too). */
export const maxSafetensorsHeaderBytes = 100_000_000;

/** One tensor as the header describes it; offsets are absolute positions in the file. */
export interface SafetensorsTensorInfo {
  name: string;
  dtype: SafetensorsDtype;
  shape: number[];
  /** Absolute byte offset of the first byte in the file. */
  byteOffset: number;
  byteLength: number;
}

export interface SafetensorsHeader {
  /** `__metadata__`, string to string (empty when absent). */
  metadata: Record<string, string>;
  /** Tensors in file order (ascending offsets). */
  tensors: SafetensorsTensorInfo[];
  /** Absolute offset where the data section starts (8 + header length). */
  dataOffset: number;
}

/** Reads the u64 little-endian header length from the first 8 bytes and checks its bounds. */
export function readHeaderLength(prefix: Uint8Array, fileSize: number, file: string): number {
  if (fileSize < 8 || prefix.byteLength < 8) {
    throw new CheckpointFormatError(
      `truncated: expected at least 8 bytes (the header length), got ${fileSize}`,
      { file },
    );
  }
  const view = new DataView(prefix.buffer, prefix.byteOffset, 8);
  const length = view.getBigUint64(0, true);
  if (length > BigInt(maxSafetensorsHeaderBytes)) {
    throw new CheckpointFormatError(
      `header length ${length} exceeds the limit of ${maxSafetensorsHeaderBytes} bytes`,
      { file },
    );
  }
  const headerLength = Number(length);
  if (8 + headerLength > fileSize) {
    throw new CheckpointFormatError(
      `truncated: header length ${headerLength} needs ${8 + headerLength} bytes, file has ${fileSize}`,
      { file },
    );
  }
  return headerLength;
}

function fail(what: string, file: string, tensor?: string): never {
  throw new CheckpointFormatError(what, tensor === undefined ? { file } : { file, tensor });
}

function parseJson(bytes: Uint8Array, file: string): unknown {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (cause) {
    throw new CheckpointFormatError('header is not valid UTF-8', { file }, { cause });
  }
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new CheckpointFormatError(
      `header is not valid JSON (${String(cause)})`,
      { file },
      {
        cause,
      },
    );
  }
}

function parseMetadata(value: unknown, file: string): Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    fail(`__metadata__ must be an object of strings, got ${JSON.stringify(value)}`, file);
  }
  for (const [key, entry] of Object.entries(value)) {
    if (typeof entry !== 'string') {
      fail(`__metadata__.${key} must be a string, got ${JSON.stringify(entry)}`, file);
    }
  }
  return { ...(value as Record<string, string>) };
}

function parseTensor(name: string, value: unknown, dataOffset: number, file: string) {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    fail('entry must be an object {dtype, shape, data_offsets}', file, name);
  }
  const { dtype, shape, data_offsets: offsets } = value as Record<string, unknown>;
  if (!isSafetensorsDtype(dtype)) {
    fail(
      `unknown dtype ${JSON.stringify(dtype)}; expected one of ${Object.keys(safetensorsDtypeSizes).join(', ')}`,
      file,
      name,
    );
  }
  const isCount = (x: unknown): x is number => Number.isSafeInteger(x) && (x as number) >= 0;
  if (!Array.isArray(shape) || !shape.every(isCount)) {
    fail(
      `shape must be an array of non-negative integers, got ${JSON.stringify(shape)}`,
      file,
      name,
    );
  }
  if (!Array.isArray(offsets) || offsets.length !== 2 || !offsets.every(isCount)) {
    fail(`data_offsets must be [begin, end], got ${JSON.stringify(offsets)}`, file, name);
  }
  const [begin, end] = offsets as [number, number];
  if (end < begin) fail(`data_offsets [${begin}, ${end}] end before they begin`, file, name);
  const expected = shapeSize(shape) * safetensorsDtypeSizes[dtype];
  if (end - begin !== expected) {
    fail(
      `${dtype} ${JSON.stringify(shape)} needs ${expected} bytes, data_offsets [${begin}, ${end}] span ${end - begin}`,
      file,
      name,
    );
  }
  return {
    name,
    dtype,
    shape: [...shape],
    byteOffset: dataOffset + begin,
    byteLength: end - begin,
  };
}

/**
 * Parses and validates the JSON header bytes of a safetensors file of `fileSize` bytes.
 * Throws CheckpointFormatError naming the file (and tensor) on any violation.
 */
export function parseSafetensorsHeader(
  headerBytes: Uint8Array,
  fileSize: number,
  file: string,
): SafetensorsHeader {
  const json = parseJson(headerBytes, file);
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    fail('header must be a JSON object', file);
  }
  const dataOffset = 8 + headerBytes.byteLength;
  let metadata: Record<string, string> = {};
  const tensors: SafetensorsTensorInfo[] = [];
  for (const [name, value] of Object.entries(json)) {
    if (name === '__metadata__') metadata = parseMetadata(value, file);
    else tensors.push(parseTensor(name, value, dataOffset, file));
  }
  // Offsets must tile [0, dataLength) exactly: no gap, no overlap, nothing left over.
  tensors.sort((a, b) => a.byteOffset - b.byteOffset || a.byteLength - b.byteLength);
  let cursor = dataOffset;
  for (const tensor of tensors) {
    if (tensor.byteOffset !== cursor) {
      const relative = cursor - dataOffset;
      const what = tensor.byteOffset > cursor ? 'gap' : 'overlap';
      fail(
        `data_offsets do not tile the data (${what}): expected begin ${relative}, got ${tensor.byteOffset - dataOffset}`,
        file,
        tensor.name,
      );
    }
    cursor += tensor.byteLength;
  }
  if (cursor !== fileSize) {
    const dataLength = fileSize - dataOffset;
    const described = cursor - dataOffset;
    fail(
      cursor > fileSize
        ? `truncated: tensors need ${described} data bytes, file has ${dataLength}`
        : `${dataLength - described} trailing bytes after the last tensor (data has ${dataLength}, tensors use ${described})`,
      file,
    );
  }
  return { metadata, tensors, dataOffset };
}
