// The parameters a trained method keeps: the elements stored in its final/
// adapter_model.safetensors, read from the file's JSON header alone. For prefix-tuning this is
// the prefix's activations (the MLP is dropped after training, as the paper and PEFT do), the
// number behind the paper's "0.1%"; for FT-FULL the whole model.
import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';

/** Elements stored in `final`'s adapter_model.safetensors; undefined when there is no file. */
export function keptParameters(final: string): number | undefined {
  const file = join(final, 'adapter_model.safetensors');
  if (!existsSync(file)) return undefined;
  const handle = openSync(file, 'r');
  try {
    const lengthBytes = Buffer.alloc(8);
    readSync(handle, lengthBytes, 0, 8, 0);
    const headerLength = Number(lengthBytes.readBigUInt64LE(0));
    const headerBytes = Buffer.alloc(headerLength);
    readSync(handle, headerBytes, 0, headerLength, 8);
    const header = JSON.parse(headerBytes.toString('utf8')) as Record<string, { shape?: number[] }>;
    return Object.entries(header)
      .filter(([name]) => name !== '__metadata__')
      .reduce((sum, [, tensor]) => sum + (tensor.shape ?? []).reduce((n, d) => n * d, 1), 0);
  } finally {
    closeSync(handle);
  }
}
