// generate(): continuations of token-id prompts with a Gpt2Model, by greedy decoding, sampling
// or beam search (chosen from the options as HF generate does), with an optional prefix.
import type { Gpt2Model } from '../model/model';
import { beamSearch } from './beam-search';
import {
  checkInfixPrompts,
  checkPrompts,
  type GenerateOptions,
  resolveGenerateOptions,
} from './generate-options';
import { greedySearch } from './greedy-search';
import { checkPositionBudget } from './position-budget';

/** One prompt's continuation. */
export interface GeneratedRow {
  /** Generated tokens only (the prompt is not repeated), ending with the eos that ended them. */
  readonly tokens: number[];
  /** 'eos', 'stop-string' (greedy/sampling), or 'length' (maxNewTokens reached). */
  readonly finishReason: 'eos' | 'stop-string' | 'length';
  /** Beam search: the hypothesis score sum(logp) / (prompt + generated length) ** lengthPenalty. */
  readonly score?: number;
}

/**
 * Continues each prompt (rows of token ids; lengths may differ: they are left-padded).
 * @example
 * const [row] = await generate(model, [tokenizer.encode('name : Blue Spice | Type : pub')], {
 *   numBeams: 5, maxNewTokens: 100, bannedTokenIds: [198, 628], past: prefix,
 * });
 * console.log(tokenizer.decode(row.tokens));
 */
export async function generate(
  model: Gpt2Model,
  prompts: readonly (readonly number[])[],
  options: GenerateOptions = {},
): Promise<GeneratedRow[]> {
  const resolved = resolveGenerateOptions(options, model.config);
  checkPrompts(prompts, model.config.vocab_size);
  if (options.infix) checkInfixPrompts(prompts, options.infix.separatorTokenId);
  checkPositionBudget(prompts, resolved.maxNewTokens, options, model.config);
  const session = {
    past: options.past,
    positionsFromZero: options.positionsFromZero,
    hooks: options.hooks,
    inputEmbeddingsPrefix: options.inputEmbeddingsPrefix,
    infix: options.infix,
  };
  return resolved.numBeams > 1
    ? beamSearch(model, prompts, resolved, session)
    : greedySearch(model, prompts, resolved, session);
}
