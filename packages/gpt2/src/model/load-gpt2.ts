// loadGpt2: config + safetensors -> a Gpt2Model on a backend, streaming tensor by tensor through
// the checkpoint reader (openGpt2Checkpoint validates names and shapes before any data moves).
import { type Gpt2CheckpointSource, openGpt2Checkpoint } from '../checkpoint/read-gpt2-checkpoint';
import { Gpt2Model, type Gpt2ModelOptions } from './model';

/**
 * Loads a Hugging Face GPT-2 checkpoint onto `options.backend`.
 * @example
 * const model = await loadGpt2({ config: configText, weights: bufferByteSource(bytes) }, { backend });
 */
export async function loadGpt2(
  source: Gpt2CheckpointSource,
  options: Gpt2ModelOptions,
): Promise<Gpt2Model> {
  const stream = await openGpt2Checkpoint(source);
  try {
    return await Gpt2Model.fromCheckpoint(stream, options);
  } finally {
    await stream.close();
  }
}
