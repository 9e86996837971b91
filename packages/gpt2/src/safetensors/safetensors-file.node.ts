// Node helpers for safetensors files: open one for streaming reads, write one tensor at a time
// to a temporary file that is renamed into place.
import { writeFileAtomicWith } from '@prefixkit/errors/node';
import { fileByteSource } from './file-byte-source.node.js';
import { openSafetensors, type SafetensorsReader } from './safetensors-reader';
import {
  encodeTensorData,
  planSafetensors,
  type SafetensorsTensorInput,
} from './safetensors-writer';

/** Opens a safetensors file: validates the header now, reads tensors on demand. */
export async function openSafetensorsFile(path: string): Promise<SafetensorsReader> {
  const source = await fileByteSource(path);
  try {
    return await openSafetensors(source);
  } catch (error) {
    await source.close?.();
    throw error;
  }
}

/** Writes a safetensors file atomically, encoding and writing one tensor at a time. */
export async function writeSafetensorsFile(
  path: string,
  tensors: Record<string, SafetensorsTensorInput>,
  metadata: Record<string, string> = {},
): Promise<void> {
  const layout = planSafetensors(tensors, metadata, path);
  await writeFileAtomicWith(path, async (handle) => {
    await handle.write(layout.header);
    for (const { name } of layout.order) await handle.write(encodeTensorData(tensors[name]!));
  });
}
