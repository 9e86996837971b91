// The Compare panel's work: one MR decoded without a prefix and with each chosen prefix as one
// mixed-prefix batch, each output scored with BLEU when the MR has references (dev set).
import { paperDecoding } from '@prefixkit/datasets';
import type { Gpt2Model, Gpt2Tokenizer } from '@prefixkit/gpt2';
import { e2ePrompt } from '../decode/e2e-prompt';
import { mixedPrefixGreedy } from '../decode/mixed-prefix-greedy';
import { outputText } from '../decode/output-text';
import { bleuAgainstReferences } from '../score/bleu-against-references';
import type { PrefixRegistry } from './prefix-registry';
import type { CompareRow, PrefixName } from './protocol';

export interface CompareJob {
  readonly model: Gpt2Model;
  readonly tokenizer: Gpt2Tokenizer;
  readonly registry: PrefixRegistry;
  readonly source: string;
  readonly prefixes: readonly PrefixName[];
  readonly references: readonly string[] | null;
  readonly maxNewTokens: number;
}

export async function runCompareJob(job: CompareJob): Promise<CompareRow[]> {
  const outputs = await mixedPrefixGreedy(
    job.model,
    e2ePrompt(job.tokenizer, job.source),
    job.prefixes.map((name) => job.registry.get(name)),
    {
      maxNewTokens: job.maxNewTokens,
      ...paperDecoding(job.maxNewTokens),
    },
  );
  return Promise.all(
    outputs.map(async (tokens, row) => {
      const text = outputText(job.tokenizer, tokens);
      return {
        prefix: job.prefixes[row]!,
        tokens,
        text,
        bleu: job.references ? await bleuAgainstReferences(text, job.references) : null,
      };
    }),
  );
}
