import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CheckpointFormatError } from '../errors';
import { bufferByteSource } from './byte-source';
import { openSafetensors } from './safetensors-reader';
import { serializeSafetensors } from './safetensors-writer';

const fixture = new URL('../../test/fixtures/tiny/model.safetensors', import.meta.url);

/** A safetensors file from a header object and a data length (data bytes are zeros). */
function rawFile(
  header: unknown,
  dataBytes: number,
  headerText = JSON.stringify(header),
): Uint8Array {
  const json = new TextEncoder().encode(headerText);
  const out = new Uint8Array(8 + json.byteLength + dataBytes);
  new DataView(out.buffer).setBigUint64(0, BigInt(json.byteLength), true);
  out.set(json, 8);
  return out;
}

async function open(bytes: Uint8Array, name = 'bad.safetensors') {
  return openSafetensors(bufferByteSource(bytes, name));
}

describe('safetensors writer', () => {
  it('pads the header to 8 bytes, orders by element size then name, keeps metadata', async () => {
    const bytes = serializeSafetensors(
      {
        b: { dtype: 'F16', shape: [3], data: new Float32Array([1, 2, 3]) },
        a: { dtype: 'F16', shape: [1], data: new Float32Array([0.5]) },
        z: { dtype: 'F32', shape: [], data: new Float32Array([7]) },
        n: { dtype: 'I64', shape: [2], data: new BigInt64Array([1n, -2n]) },
      },
      { format: 'pt' },
    );
    const headerLength = Number(new DataView(bytes.buffer).getBigUint64(0, true));
    expect((8 + headerLength) % 8).toBe(0);
    const reader = await open(bytes);
    expect(reader.metadata).toEqual({ format: 'pt' });
    expect(reader.tensors.map((t) => t.name)).toEqual(['n', 'z', 'a', 'b']);
    expect(Array.from(await reader.readFloat32('b'))).toEqual([1, 2, 3]);
    expect(Array.from(await reader.readFloat32('z'))).toEqual([7]);
    expect(reader.info('z')!.shape).toEqual([]);
    const n = await reader.readBytes('n');
    expect(new DataView(n.buffer, n.byteOffset).getBigInt64(8, true)).toBe(-2n);
  });

  it('reproduces the Python fixture writer byte for byte', async () => {
    const file = new Uint8Array(readFileSync(fixture));
    const reader = await open(file, 'model.safetensors');
    const tensors = Object.fromEntries(
      await Promise.all(
        reader.tensors.map(async (t) => [
          t.name,
          { dtype: 'F32' as const, shape: t.shape, data: await reader.readFloat32(t.name) },
        ]),
      ),
    );
    expect(
      Buffer.from(serializeSafetensors(tensors, reader.metadata)).equals(Buffer.from(file)),
    ).toBe(true);
  });

  it('stores BF16 rounded to nearest even and reads it back widened', async () => {
    const values = new Float32Array([1.00390625, 1.01171875, -3.5]);
    const reader = await open(
      serializeSafetensors({ w: { dtype: 'BF16', shape: [3], data: values } }),
    );
    expect(Array.from(await reader.readFloat32('w'))).toEqual([1, 1.015625, -3.5]);
  });

  it('reads F16 and BF16 from bytes at an odd memory offset', async () => {
    const values = new Float32Array([0.5, -2, 3.25, 65504]);
    const file = serializeSafetensors({
      h: { dtype: 'F16', shape: [4], data: values },
      b: { dtype: 'BF16', shape: [4], data: values },
    });
    const shifted = new Uint8Array(file.byteLength + 1);
    shifted.set(file, 1);
    const reader = await openSafetensors(bufferByteSource(shifted.subarray(1), 'odd.safetensors'));
    expect(Array.from(await reader.readFloat32('h'))).toEqual([0.5, -2, 3.25, 65504]);
    expect(Array.from(await reader.readFloat32('b'))).toEqual([0.5, -2, 3.25, 65536]);
  });

  it('rejects data that does not match the shape', () => {
    expect(() =>
      serializeSafetensors({ w: { dtype: 'F32', shape: [2, 2], data: new Float32Array(3) } }),
    ).toThrow(/tensor w: shape \[2,2\] has 4 elements, data has 3/);
  });
});

describe('safetensors reader validation', () => {
  const entry = (dtype: string, shape: number[], offsets: [number, number]) => ({
    dtype,
    shape,
    data_offsets: offsets,
  });
  const cases: [string, Uint8Array, RegExp][] = [
    [
      'fewer than 8 bytes',
      new Uint8Array(5),
      /bad\.safetensors: truncated: expected at least 8 bytes/,
    ],
    [
      'a header length past the limit',
      (() => {
        const bytes = new Uint8Array(16);
        new DataView(bytes.buffer).setBigUint64(0, 200_000_000n, true);
        return bytes;
      })(),
      /exceeds the limit of 100000000 bytes/,
    ],
    [
      'a header longer than the file',
      rawFile({}, 0).subarray(0, 9),
      /truncated: header length 2 needs 10 bytes/,
    ],
    ['a header that is not JSON', rawFile(null, 0, '{"a":'), /header is not valid JSON/],
    ['a header that is not an object', rawFile([1], 0), /header must be a JSON object/],
    [
      'an unknown dtype',
      rawFile({ w: entry('F12', [1], [0, 4]) }, 4),
      /tensor w: unknown dtype "F12"/,
    ],
    [
      'a byte count that disagrees with dtype and shape',
      rawFile({ w: entry('F32', [2], [0, 4]) }, 4),
      /tensor w: F32 \[2\] needs 8 bytes, data_offsets \[0, 4\] span 4/,
    ],
    [
      'a gap between tensors',
      rawFile({ a: entry('F32', [1], [0, 4]), b: entry('F32', [1], [8, 12]) }, 12),
      /tensor b: data_offsets do not tile the data \(gap\): expected begin 4, got 8/,
    ],
    [
      'overlapping tensors',
      rawFile({ a: entry('F32', [2], [0, 8]), b: entry('F32', [1], [4, 8]) }, 8),
      /data_offsets do not tile the data \(overlap\)/,
    ],
    [
      'trailing bytes',
      rawFile({ a: entry('F32', [1], [0, 4]) }, 6),
      /2 trailing bytes after the last tensor/,
    ],
    [
      'truncated data',
      rawFile({ a: entry('F32', [4], [0, 16]) }, 10),
      /truncated: tensors need 16 data bytes, file has 10/,
    ],
    [
      'non-string metadata',
      rawFile({ __metadata__: { format: 1 } }, 0),
      /__metadata__\.format must be a string/,
    ],
    [
      'negative shape entries',
      rawFile({ a: entry('F32', [-1], [0, 0]) }, 0),
      /tensor a: shape must be an array of non-negative integers/,
    ],
    ['reversed offsets', rawFile({ a: entry('U8', [0], [4, 0]) }, 4), /end before they begin/],
  ];
  it.each(cases)('names the file (and tensor) for %s', async (_what, bytes, message) => {
    const error = await open(bytes).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CheckpointFormatError);
    expect((error as Error).message).toMatch(message);
    expect((error as CheckpointFormatError).file).toBe('bad.safetensors');
  });

  it('refuses to widen integer tensors to float32, naming the tensor', async () => {
    const reader = await open(
      serializeSafetensors({ ids: { dtype: 'I32', shape: [1], data: new Int32Array([3]) } }),
    );
    await expect(reader.readFloat32('ids')).rejects.toThrow(
      /tensor ids: dtype I32 cannot be read as float32/,
    );
    await expect(reader.readFloat32('nope')).rejects.toThrow(/tensor nope: no such tensor/);
  });
});
