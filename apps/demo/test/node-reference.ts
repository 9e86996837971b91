// The Node side of the browser tests: prefixkit-tiny and its shipped prefix on the CPU backend,
// decoded with the same options as the page's worker, so tokens can be compared one for one.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  bufferByteSource,
  type Gpt2Model,
  type Gpt2Tokenizer,
  generate,
  loadGpt2,
  loadGpt2Tokenizer,
} from '@prefixkit/gpt2';
import {
  generateWithPeft,
  loadPeft,
  type PeftModel,
  type PrefixTuningModel,
} from '@prefixkit/peft';
import { CpuBackend } from '@prefixkit/tensor';
import { e2eDecoding, streamingDecoding } from '../src/decode/e2e-decoding';
import { e2ePrompt } from '../src/decode/e2e-prompt';

const modelDir = fileURLToPath(new URL('../../../models/prefixkit-tiny/', import.meta.url));

export interface NodeReference {
  readonly model: Gpt2Model;
  readonly tokenizer: Gpt2Tokenizer;
  readonly shipped: PrefixTuningModel;
}

export async function loadNodeReference(): Promise<NodeReference> {
  const backend = new CpuBackend();
  const model = await loadGpt2(
    {
      config: readFileSync(`${modelDir}config.json`, 'utf8'),
      weights: bufferByteSource(readFileSync(`${modelDir}model.safetensors`)),
    },
    { backend },
  );
  const shipped = await loadPeft(model, {
    config: readFileSync(`${modelDir}prefixes/e2e/adapter_config.json`, 'utf8'),
    weights: readFileSync(`${modelDir}prefixes/e2e/adapter_model.safetensors`),
  });
  return { model, tokenizer: await loadGpt2Tokenizer(), shipped: shipped as PrefixTuningModel };
}

/** Greedy tokens for `source`, exactly as the Generate panel decodes with numBeams 1. */
export async function greedyTokens(
  reference: NodeReference,
  peft: PeftModel | null,
  source: string,
  maxNewTokens: number,
): Promise<number[]> {
  const { model, tokenizer } = reference;
  const options = streamingDecoding({ numBeams: 1, maxNewTokens }, () => {});
  const prompt = e2ePrompt(tokenizer, source);
  const [row] = peft
    ? await generateWithPeft(peft, [prompt], options)
    : await generate(model, [prompt], options);
  return row!.tokens;
}

/** Beam-search tokens for `source`, as the Generate panel decodes with numBeams > 1. */
export async function beamTokens(
  reference: NodeReference,
  peft: PeftModel,
  source: string,
  settings: { numBeams: number; maxNewTokens: number },
): Promise<number[]> {
  const prompt = e2ePrompt(reference.tokenizer, source);
  const [row] = await generateWithPeft(peft, [prompt], e2eDecoding(settings));
  return row!.tokens;
}
