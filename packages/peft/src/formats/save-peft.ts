// Saving a trained method as the two files Hugging Face PEFT uses (docs/decisions ADR
// "peft-prefix-layout"; docs/formats/peft-adapters.md):
//   prefix, prefix-flat  adapter_config.json (peft_type PREFIX_TUNING) + adapter_model.safetensors
//                        holding only `prompt_embeddings` [P, 2*L*C]: the MLP is dropped, as PEFT
//                        does (get_prompt_embedding_to_save), in the paper's / PEFT's order.
//   lora                 PEFT's LORA layout (base_model.model.<module>.lora_A.weight, ...).
//   others               our layout: adapter_config.json {format: "prefixkit-peft", ...} + the
//                        module-local tensor names.

import type { LoraConfig } from '../lora/lora';
import type { HostTensor } from '../parameter-store';
import type { PeftModel } from '../peft-model';
import type { PrefixTuningModel } from '../prefix-tuning/prefix-tuning';
import { tensorsToSafetensors } from './tensor-files';

/** The files of a saved method: name -> text (JSON) or bytes (safetensors). */
export interface PeftFiles {
  readonly 'adapter_config.json': string;
  readonly 'adapter_model.safetensors': Uint8Array;
}

export interface SaveOptions {
  /** Written as base_model_name_or_path (e.g. "openai-community/gpt2-medium"). */
  readonly baseModelNameOrPath?: string;
}

/** Our format's name and version, checked on load. */
export const prefixkitFormat = { name: 'prefixkit-peft', version: 1 } as const;

function json(value: object): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** LoRA target names as PEFT matches them (module-name suffixes). */
export const loraPeftPrefix = 'base_model.model.';

/**
 * Serialises a method's trained state.
 * @example const files = await savePeft(peft, { baseModelNameOrPath: 'openai-community/gpt2-medium' });
 */
export async function savePeft(peft: PeftModel, options: SaveOptions = {}): Promise<PeftFiles> {
  const base = peft.base.config;
  const baseName =
    options.baseModelNameOrPath ??
    (typeof base._name_or_path === 'string' ? base._name_or_path : null);
  if (peft.method === 'prefix' || peft.method === 'prefix-flat') {
    const prefix = peft as PrefixTuningModel;
    const activations = prefix.exportActivations();
    const data = Float32Array.from(await activations.data());
    activations.dispose();
    const config = {
      auto_mapping: null,
      base_model_name_or_path: baseName,
      encoder_hidden_size: prefix.config.method === 'prefix' ? prefix.config.midDim : base.n_embd,
      inference_mode: true,
      num_attention_heads: base.n_head,
      num_layers: base.n_layer,
      num_transformer_submodules: 1,
      num_virtual_tokens: prefix.config.prefixLength,
      peft_type: 'PREFIX_TUNING',
      prefix_projection: prefix.config.method === 'prefix',
      revision: null,
      task_type: 'CAUSAL_LM',
      token_dim: base.n_embd,
    };
    const tensors = {
      prompt_embeddings: {
        shape: [prefix.config.prefixLength, 2 * base.n_layer * base.n_embd],
        data,
      },
    };
    return {
      'adapter_config.json': json(config),
      'adapter_model.safetensors': tensorsToSafetensors(tensors),
    };
  }
  const host = await peft.parameters.toHost();
  if (peft.method === 'lora') {
    const lora = peft.config as LoraConfig;
    const config = {
      base_model_name_or_path: baseName,
      bias: 'none',
      fan_in_fan_out: true,
      inference_mode: true,
      init_lora_weights: true,
      lora_alpha: lora.alpha,
      lora_dropout: 0,
      modules_to_save: null,
      peft_type: 'LORA',
      r: lora.r,
      revision: null,
      target_modules: lora.targetModules,
      task_type: 'CAUSAL_LM',
    };
    const tensors: Record<string, HostTensor> = {};
    for (const [name, value] of Object.entries(host)) tensors[`${loraPeftPrefix}${name}`] = value;
    return {
      'adapter_config.json': json(config),
      'adapter_model.safetensors': tensorsToSafetensors(tensors),
    };
  }
  const config = {
    format: prefixkitFormat.name,
    format_version: prefixkitFormat.version,
    base_model_name_or_path: baseName,
    base_model: {
      n_layer: base.n_layer,
      n_head: base.n_head,
      n_embd: base.n_embd,
      vocab_size: base.vocab_size,
    },
    method: peft.config,
  };
  return {
    'adapter_config.json': json(config),
    'adapter_model.safetensors': tensorsToSafetensors(host, {
      format: 'pt',
      prefixkit_method: peft.method,
    }),
  };
}
