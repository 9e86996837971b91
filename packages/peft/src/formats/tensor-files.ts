// Host tensors <-> safetensors bytes (via @prefixkit/gpt2's reader and writer), F32 throughout.
import {
  type ByteSource,
  bufferByteSource,
  openSafetensors,
  requireFiniteWeights,
  type SafetensorsTensorInput,
  serializeSafetensors,
} from '@prefixkit/gpt2';
import type { HostTensor } from '../parameter-store';

/** Serialises named float32 tensors (HF's `{"format": "pt"}` metadata unless given). */
export function tensorsToSafetensors(
  tensors: Readonly<Record<string, HostTensor>>,
  metadata: Record<string, string> = { format: 'pt' },
): Uint8Array {
  const inputs: Record<string, SafetensorsTensorInput> = {};
  for (const [name, { shape, data }] of Object.entries(tensors))
    inputs[name] = { dtype: 'F32', shape, data };
  return serializeSafetensors(inputs, metadata);
}

/** Reads every tensor of a safetensors file widened to float32; NaN or ±infinity is refused. */
export async function safetensorsToTensors(
  source: Uint8Array | ByteSource,
  file = 'adapter_model.safetensors',
): Promise<{ tensors: Record<string, HostTensor>; metadata: Record<string, string> }> {
  const reader = await openSafetensors(
    source instanceof Uint8Array ? bufferByteSource(source, file) : source,
  );
  try {
    const tensors: Record<string, HostTensor> = {};
    for (const info of reader.tensors) {
      const data = await reader.readFloat32(info.name);
      requireFiniteWeights(data, { file: reader.file, tensor: info.name });
      tensors[info.name] = { shape: info.shape, data };
    }
    return { tensors, metadata: reader.metadata ?? {} };
  } finally {
    await reader.close();
  }
}
