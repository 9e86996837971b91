// What a safetensors file holds — tensor names, dtypes, shapes, sizes, metadata — read with
// @prefixkit/gpt2's validating reader (header only: no tensor data is loaded).
import { statSync } from 'node:fs';
import { openSafetensorsFile } from '@prefixkit/gpt2/node';

// h.2 before h.10: numbers inside names compare as numbers.
const naturalOrder = new Intl.Collator('en', { numeric: true });

export interface TensorSummary {
  name: string;
  dtype: string;
  shape: number[];
  parameters: number;
  bytes: number;
}

export interface SafetensorsSummary {
  kind: 'safetensors';
  path: string;
  /** File size in bytes. */
  bytes: number;
  metadata: Record<string, string>;
  /** Tensor count per dtype. */
  dtypes: Record<string, number>;
  parameters: number;
  /** Tensors in natural name order (h.2 before h.10). */
  tensors: TensorSummary[];
}

/** Reads the header of the safetensors file at `path` (validated: offsets, dtypes, sizes). */
export async function summarizeSafetensors(path: string): Promise<SafetensorsSummary> {
  const reader = await openSafetensorsFile(path);
  try {
    const tensors = reader.tensors
      .map((tensor) => ({
        name: tensor.name,
        dtype: tensor.dtype,
        shape: [...tensor.shape],
        parameters: tensor.shape.reduce((product, size) => product * size, 1),
        bytes: tensor.byteLength,
      }))
      .sort((a, b) => naturalOrder.compare(a.name, b.name));
    const dtypes: Record<string, number> = {};
    for (const tensor of tensors) dtypes[tensor.dtype] = (dtypes[tensor.dtype] ?? 0) + 1;
    return {
      kind: 'safetensors',
      path,
      bytes: statSync(path).size,
      metadata: { ...reader.metadata },
      dtypes,
      parameters: tensors.reduce((sum, tensor) => sum + tensor.parameters, 0),
      tensors,
    };
  } finally {
    await reader.close();
  }
}
