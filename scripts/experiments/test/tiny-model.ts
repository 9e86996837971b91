// A random GPT-2 with GPT-2's vocabulary (so the real tokenizer's ids fit) but one 16-wide layer:
// the CPU backend trains and decodes it in seconds, enough to run an experiment end to end.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseGpt2Config } from '@prefixkit/gpt2';
import { writeGpt2Checkpoint } from '@prefixkit/gpt2/node';
import { randomGpt2Parameters } from '@prefixkit/peft';

export async function writeTinyModel(seed = 3): Promise<string> {
  const folder = mkdtempSync(join(tmpdir(), 'prefixkit-experiments-model-'));
  const config = parseGpt2Config({
    model_type: 'gpt2',
    vocab_size: 50257,
    n_positions: 128,
    n_embd: 16,
    n_layer: 1,
    n_head: 2,
  });
  await writeGpt2Checkpoint(folder, { config, parameters: randomGpt2Parameters(config, { seed }) });
  return folder;
}
