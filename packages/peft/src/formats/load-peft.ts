// Loading what savePeft (or Hugging Face PEFT) wrote: adapter_config.json + adapter_model.safetensors.
// A PEFT PREFIX_TUNING file holds only the activations, so it loads as a `prefix-flat` model
// (whatever prefix_projection says: the MLP is not in the file). LoRA loads from PEFT's LORA
// layout; our own layout carries the method config.
import type { ByteSource, Gpt2Model } from '@prefixkit/gpt2';
import { PeftFormatError } from '../errors';
import { createLora } from '../lora/lora';
import { createPeftModel } from '../methods';
import type { PeftModel } from '../peft-model';
import { createPrefixTuning } from '../prefix-tuning/prefix-tuning';
import { loraPeftPrefix, prefixkitFormat } from './save-peft';
import { safetensorsToTensors } from './tensor-files';

const configFile = 'adapter_config.json';
const weightsFile = 'adapter_model.safetensors';

function expectField(config: Record<string, unknown>, field: string, expected: unknown): void {
  if (config[field] !== expected)
    throw new PeftFormatError(
      configFile,
      `field ${field}`,
      JSON.stringify(expected),
      JSON.stringify(config[field]),
    );
}

/** Maps PEFT target_modules entries (suffixes such as "c_attn", "c_proj") to our module names. */
function loraTargets(
  targets: unknown,
): ('attn.c_attn' | 'attn.c_proj' | 'mlp.c_fc' | 'mlp.c_proj')[] {
  const all = ['attn.c_attn', 'attn.c_proj', 'mlp.c_fc', 'mlp.c_proj'] as const;
  const list = typeof targets === 'string' ? [targets] : Array.isArray(targets) ? targets : [];
  const found = all.filter((module) =>
    list.some(
      (target) =>
        typeof target === 'string' && (module === target || module.endsWith(`.${target}`)),
    ),
  );
  if (found.length === 0)
    throw new PeftFormatError(
      configFile,
      'field target_modules',
      'GPT-2 Conv1D modules (c_attn, c_proj, c_fc)',
      JSON.stringify(targets),
    );
  return found;
}

/**
 * Rebuilds a trained method over `base` from its two files.
 * @example const peft = await loadPeft(model, { config: text, weights: bytes });
 */
export async function loadPeft(
  base: Gpt2Model,
  files: { config: string; weights: Uint8Array | ByteSource },
): Promise<PeftModel> {
  let config: Record<string, unknown>;
  try {
    config = JSON.parse(files.config) as Record<string, unknown>;
  } catch (error) {
    throw new PeftFormatError(configFile, 'contents', 'JSON', 'unparsable text', { cause: error });
  }
  const { tensors } = await safetensorsToTensors(files.weights, weightsFile);
  const model = base.config;
  if (config.peft_type === 'PREFIX_TUNING') {
    expectField(config, 'task_type', 'CAUSAL_LM');
    expectField(config, 'num_layers', model.n_layer);
    expectField(config, 'token_dim', model.n_embd);
    expectField(config, 'num_attention_heads', model.n_head);
    const P = config.num_virtual_tokens;
    const embeddings = tensors.prompt_embeddings;
    const width = 2 * model.n_layer * model.n_embd;
    if (!embeddings || embeddings.shape.join() !== [P, width].join()) {
      throw new PeftFormatError(
        weightsFile,
        'tensor prompt_embeddings',
        `shape [${P}, ${width}] (num_virtual_tokens, 2*num_layers*token_dim)`,
        embeddings ? `[${embeddings.shape.join(', ')}]` : 'missing',
      );
    }
    const peft = await createPrefixTuning(base, { method: 'prefix-flat', prefixLength: P });
    peft.parameters.load({ control_trans: embeddings }, weightsFile);
    return peft;
  }
  if (config.peft_type === 'LORA') {
    expectField(config, 'task_type', 'CAUSAL_LM');
    expectField(config, 'fan_in_fan_out', true);
    const peft = await createLora(base, {
      method: 'lora',
      r: config.r,
      alpha: config.lora_alpha,
      targetModules: loraTargets(config.target_modules),
    });
    const renamed = Object.fromEntries(
      Object.entries(tensors).map(([name, value]) => [
        name.startsWith(loraPeftPrefix) ? name.slice(loraPeftPrefix.length) : name,
        value,
      ]),
    );
    peft.parameters.load(renamed, weightsFile);
    return peft;
  }
  expectField(config, 'format', prefixkitFormat.name);
  if (config.format_version !== prefixkitFormat.version) {
    throw new PeftFormatError(
      configFile,
      'field format_version',
      `${prefixkitFormat.version} (this version of @prefixkit/peft)`,
      JSON.stringify(config.format_version),
    );
  }
  const peft = await createPeftModel(base, config.method, { file: `${configFile} (field method)` });
  peft.parameters.load(tensors, weightsFile);
  return peft;
}
