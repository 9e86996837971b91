// `prefixkit quickstart`: the README's first command. Prefix-tunes the embedded default model
// (or any --model) on the shipped E2E sample and prints a table like the paper's: no prefix vs
// prefix-tuned (and, with --methods, adapter and FT-FULL rows), five E2E metrics, parameters, time.
import { defineCommand } from '../command';
import { type QuickstartOptions, quickstartSchema } from '../quickstart/quickstart-options';
import type { QuickstartResult } from '../quickstart/quickstart-result';

export const quickstartCommand = defineCommand<QuickstartOptions, QuickstartResult>({
  name: 'quickstart',
  summary: 'Prefix-tune the default model on the shipped E2E sample and compare with no prefix.',
  description:
    'Trains on the 202 pairs of packages/datasets/fixtures/e2e/trainset.csv, decodes the first --eval-mrs dev MRs\nwith beam search and scores them with BLEU, NIST, METEOR, ROUGE_L and CIDEr.\n--methods adds adapter (0.1%) and FT-FULL rows trained and decoded the same way.',
  schema: quickstartSchema,
  examples: [
    'prefixkit quickstart',
    'prefixkit quickstart --json --eval-mrs 5 --max-steps 10',
    'prefixkit quickstart --methods prefix,adapter,ft-full',
    'prefixkit quickstart --model gpt2-medium --epochs 5 --eval-mrs 50 --max-new-tokens 100',
  ],
  load: async () => (await import('./quickstart')).quickstartRun,
});
