// Prepares a GPT-2 checkpoint for saving in Hugging Face's layout: config.json text and
// safetensors tensors named `transformer.*` (lm_head omitted: tied), with `{"format": "pt"}`.
import { type Gpt2Config, stringifyGpt2Config } from '../config/gpt2-config';
import { CheckpointMismatchError } from '../errors';
import type { SafetensorsTensorInput } from '../safetensors/safetensors-writer';
import { gpt2ParameterSpecs } from './gpt2-parameters';

export interface Gpt2CheckpointToWrite {
  config: Gpt2Config;
  /** Canonical name -> float32 data (every parameter of gpt2ParameterSpecs). */
  parameters: ReadonlyMap<string, Float32Array> | Record<string, Float32Array>;
  /** Stored dtype (default F32); F16/BF16 round to nearest even. */
  dtype?: 'F32' | 'F16' | 'BF16';
}

/** Checks every parameter against the config and returns config text + safetensors inputs. */
export function prepareGpt2Checkpoint(
  checkpoint: Gpt2CheckpointToWrite,
  file = 'model.safetensors',
): {
  configJson: string;
  tensors: Record<string, SafetensorsTensorInput>;
  metadata: Record<string, string>;
} {
  const given =
    checkpoint.parameters instanceof Map
      ? checkpoint.parameters
      : new Map(Object.entries(checkpoint.parameters));
  const dtype = checkpoint.dtype ?? 'F32';
  const specs = gpt2ParameterSpecs(checkpoint.config);
  const tensors: Record<string, SafetensorsTensorInput> = {};
  for (const spec of specs) {
    const data = given.get(spec.name);
    if (data === undefined) {
      throw new CheckpointMismatchError('missing', 'parameter to save is missing', {
        file,
        tensor: spec.name,
      });
    }
    const count = spec.shape.reduce((a, b) => a * b, 1);
    if (data.length !== count) {
      throw new CheckpointMismatchError(
        'shape',
        `expected ${count} values for shape [${spec.shape}], got ${data.length}`,
        { file, tensor: spec.name },
      );
    }
    tensors[spec.name] = { dtype, shape: spec.shape, data };
  }
  for (const name of given.keys()) {
    if (!(name in tensors)) {
      throw new CheckpointMismatchError('unexpected', 'not a parameter of this GPT-2 config', {
        file,
        tensor: name,
      });
    }
  }
  const torchDtype = { F32: 'float32', F16: 'float16', BF16: 'bfloat16' }[dtype];
  const config = { ...checkpoint.config, torch_dtype: torchDtype };
  return { configJson: stringifyGpt2Config(config), tensors, metadata: { format: 'pt' } };
}
