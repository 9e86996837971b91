// PEFT prefix files between the visitor's disk and the worker: the two files saved as downloads,
// and an upload's two files found by name.
import { FileNotFoundError } from '@prefixkit/errors';

export const peftFileNames = {
  config: 'adapter_config.json',
  weights: 'adapter_model.safetensors',
} as const;

/** Saves bytes under `name` through a temporary link (the browser's download). */
export function saveFile(name: string, bytes: BlobPart, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The config text and weight bytes of an upload; names the file that is missing. */
export async function readPeftUpload(
  files: readonly File[],
): Promise<{ config: string; weights: Uint8Array }> {
  const config = files.find((file) => file.name.endsWith('.json'));
  const weights = files.find((file) => file.name.endsWith('.safetensors'));
  if (!config || !weights) {
    throw new FileNotFoundError(
      config ? peftFileNames.weights : peftFileNames.config,
      `Select ${peftFileNames.config} and ${peftFileNames.weights} together (got: ${files.map((file) => file.name).join(', ') || 'no files'}).`,
    );
  }
  return { config: await config.text(), weights: new Uint8Array(await weights.arrayBuffer()) };
}
