// The naming layer between Hugging Face GPT-2 checkpoints and prefixkit: the canonical parameter
// list with shapes per config (docs/reference/REFERENCE-SPEC.md "Parameters"), and the mapping of the
// names found in files (with or without `transformer.`, old buffers, an explicit lm_head).
import { type Gpt2Config, mlpHiddenSize } from '../config/gpt2-config';

export interface Gpt2ParameterSpec {
  /** Canonical HF name, e.g. `transformer.h.0.attn.c_attn.weight`. */
  name: string;
  /** Expected shape; Conv1D weights are [in, out]. */
  shape: number[];
}

/**
 * Every stored parameter of GPT2LMHeadModel in a fixed order (embeddings, blocks, final LN);
 * lm_head is tied to wte and not listed.
 */
export function gpt2ParameterSpecs(config: Gpt2Config): Gpt2ParameterSpec[] {
  const C = config.n_embd;
  const F = mlpHiddenSize(config);
  const specs: Gpt2ParameterSpec[] = [
    { name: 'transformer.wte.weight', shape: [config.vocab_size, C] },
    { name: 'transformer.wpe.weight', shape: [config.n_positions, C] },
  ];
  for (let layer = 0; layer < config.n_layer; layer++) {
    const prefix = `transformer.h.${layer}`;
    specs.push(
      { name: `${prefix}.ln_1.weight`, shape: [C] },
      { name: `${prefix}.ln_1.bias`, shape: [C] },
      { name: `${prefix}.attn.c_attn.weight`, shape: [C, 3 * C] },
      { name: `${prefix}.attn.c_attn.bias`, shape: [3 * C] },
      { name: `${prefix}.attn.c_proj.weight`, shape: [C, C] },
      { name: `${prefix}.attn.c_proj.bias`, shape: [C] },
      { name: `${prefix}.ln_2.weight`, shape: [C] },
      { name: `${prefix}.ln_2.bias`, shape: [C] },
      { name: `${prefix}.mlp.c_fc.weight`, shape: [C, F] },
      { name: `${prefix}.mlp.c_fc.bias`, shape: [F] },
      { name: `${prefix}.mlp.c_proj.weight`, shape: [F, C] },
      { name: `${prefix}.mlp.c_proj.bias`, shape: [C] },
    );
  }
  specs.push(
    { name: 'transformer.ln_f.weight', shape: [C] },
    { name: 'transformer.ln_f.bias', shape: [C] },
  );
  return specs;
}

/** What a tensor name found in a checkpoint file stands for. */
export type CheckpointName =
  | { kind: 'parameter'; name: string }
  /** HF's old causal-mask buffers (`attn.bias`, `attn.masked_bias`): not weights, skipped. */
  | { kind: 'buffer' }
  /** An explicit `lm_head.weight`: accepted only when equal to wte (tied). */
  | { kind: 'lm_head' }
  | { kind: 'unknown' };

const bufferPattern = /^h\.\d+\.attn\.(bias|masked_bias)$/;

/** Maps a file's tensor name to its canonical meaning (does not check layer bounds). */
export function resolveCheckpointName(fileName: string): CheckpointName {
  if (fileName === 'lm_head.weight') return { kind: 'lm_head' };
  // The original `gpt2` upload stores GPT2Model names, without the `transformer.` prefix.
  const bare = fileName.startsWith('transformer.')
    ? fileName.slice('transformer.'.length)
    : fileName;
  if (bufferPattern.test(bare)) return { kind: 'buffer' };
  return { kind: 'parameter', name: `transformer.${bare}` };
}
