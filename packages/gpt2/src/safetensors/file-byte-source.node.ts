// A ByteSource over a file on disk (Node): positioned reads through one file handle, so the
// safetensors reader can read the header and then each tensor without loading the whole file.
import { open } from 'node:fs/promises';
import { FileNotFoundError } from '@prefixkit/errors';
import { assertRegularFile } from '@prefixkit/errors/node';
import { CheckpointFormatError } from '../errors';
import type { ByteSource } from './byte-source';

/** Opens `path` for random-access reads; close the source when done. */
export async function fileByteSource(path: string): Promise<ByteSource> {
  let handle: Awaited<ReturnType<typeof open>>;
  assertRegularFile(path, 'Expected a safetensors file.');
  try {
    handle = await open(path, 'r');
  } catch (cause) {
    throw new FileNotFoundError(path, 'Expected a safetensors file.', { cause });
  }
  const { size } = await handle.stat();
  return {
    name: path,
    size,
    async read(offset, length, into) {
      const target = into ?? new Uint8Array(length);
      let done = 0;
      while (done < length) {
        const { bytesRead } = await handle.read(target, done, length - done, offset + done);
        if (bytesRead === 0) {
          throw new CheckpointFormatError(
            `unexpected end of file at byte ${offset + done} (file changed while reading?)`,
            { file: path },
          );
        }
        done += bytesRead;
      }
      return target;
    },
    close: () => handle.close(),
  };
}
