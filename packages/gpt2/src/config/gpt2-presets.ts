// Configs of the released GPT-2 family, as their config.json files on the Hugging Face hub give
// them (all: vocab 50257, 1024 positions, gelu_new); the loader fills the other HF defaults.
import { type Gpt2Config, parseGpt2Config } from './gpt2-config';

/** Sizes of each released model and the hub repository it lives in. */
export const gpt2PresetSizes = {
  distilgpt2: { repoId: 'distilbert/distilgpt2', n_layer: 6, n_head: 12, n_embd: 768 },
  gpt2: { repoId: 'openai-community/gpt2', n_layer: 12, n_head: 12, n_embd: 768 },
  'gpt2-medium': { repoId: 'openai-community/gpt2-medium', n_layer: 24, n_head: 16, n_embd: 1024 },
  'gpt2-large': { repoId: 'openai-community/gpt2-large', n_layer: 36, n_head: 20, n_embd: 1280 },
  'gpt2-xl': { repoId: 'openai-community/gpt2-xl', n_layer: 48, n_head: 25, n_embd: 1600 },
} as const;

export type Gpt2PresetName = keyof typeof gpt2PresetSizes;

/**
 * The full config of a released GPT-2 model.
 * @example gpt2Preset('gpt2-medium').n_layer // 24
 */
export function gpt2Preset(name: Gpt2PresetName): Gpt2Config {
  const { n_layer, n_head, n_embd } = gpt2PresetSizes[name];
  return parseGpt2Config(
    {
      architectures: ['GPT2LMHeadModel'],
      model_type: 'gpt2',
      vocab_size: 50257,
      n_positions: 1024,
      n_ctx: 1024,
      n_layer,
      n_head,
      n_embd,
    },
    `preset ${name}`,
  );
}
