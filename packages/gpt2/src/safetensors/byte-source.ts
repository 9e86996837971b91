// Random-access byte sources that the safetensors reader reads from, so a large file is read
// piece by piece (header first, then one tensor at a time) and never held twice in memory.
// In-memory buffers and browser Blobs/Files live here; the Node file source is in
// file-byte-source.node.ts.

/** A readable, sized sequence of bytes with a name used in error messages. */
export interface ByteSource {
  /** File name or path, as errors should show it. */
  readonly name: string;
  readonly size: number;
  /**
   * Reads `length` bytes at `offset`. With `into`, fills it (length = into.byteLength) and
   * returns it, so callers can read straight into a typed array they own.
   */
  read(offset: number, length: number, into?: Uint8Array): Promise<Uint8Array>;
  close?(): Promise<void>;
}

/** A ByteSource over bytes already in memory (reads are zero-copy views unless `into` is given). */
export function bufferByteSource(
  bytes: ArrayBuffer | Uint8Array,
  name = 'model.safetensors',
): ByteSource {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  return {
    name,
    size: view.byteLength,
    async read(offset, length, into) {
      const slice = view.subarray(offset, offset + length);
      if (into === undefined) return slice;
      into.set(slice);
      return into;
    },
  };
}

/** A ByteSource over a Blob or File (browser): only the requested ranges are loaded. */
export function blobByteSource(blob: Blob, name?: string): ByteSource {
  const fileName = name ?? ('name' in blob && typeof blob.name === 'string' ? blob.name : 'blob');
  return {
    name: fileName,
    size: blob.size,
    async read(offset, length, into) {
      const bytes = new Uint8Array(await blob.slice(offset, offset + length).arrayBuffer());
      if (into === undefined) return bytes;
      into.set(bytes);
      return into;
    },
  };
}
