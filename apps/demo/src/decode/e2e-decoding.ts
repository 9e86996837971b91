// How the demo decodes E2E, shared by the page's worker and the Node tests so both run the exact
// same options: the paper's decoding (@prefixkit/datasets' paperDecoding: newlines banned, eos
// held back for the first 5 new tokens), with the beam count and length the visitor picks.
import { paperDecoding } from '@prefixkit/datasets';
import type { PeftGenerateOptions } from '@prefixkit/peft';

export interface DecodingSettings {
  /** 1 = greedy (tokens stream in); more = beam search (the paper uses 5). */
  readonly numBeams: number;
  readonly maxNewTokens: number;
}

/** generate() options for one E2E decode. */
export function e2eDecoding(settings: DecodingSettings): PeftGenerateOptions {
  return {
    numBeams: settings.numBeams,
    maxNewTokens: settings.maxNewTokens,
    ...paperDecoding(settings.maxNewTokens),
  };
}

/** Greedy decoding that reports each row's tokens after every step (generate()'s onStep). */
export function streamingDecoding(
  settings: DecodingSettings,
  onTokens: (tokens: readonly number[]) => void,
): PeftGenerateOptions {
  return {
    ...e2eDecoding({ ...settings, numBeams: 1 }),
    onStep: (generated) => onTokens(generated[0]!),
  };
}
