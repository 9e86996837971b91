// `prefixkit generate`: outputs of a GPT-2, plain or with a trained prefix/adapter, for one
// input, a file of inputs or a whole data set split, with every decoding option of
// @prefixkit/gpt2 (defaults: the paper's beam 5, newlines banned, 100 new tokens, min_length 5).
// One output per line, in input order; --json adds token ids and per-token log-probabilities.
import { defineCommand } from '../command';
import { type GenerateCliOptions, generateSchema } from '../generate/generate-options';
import type { GenerateResult } from './generate';

export const generateCommand = defineCommand<GenerateCliOptions, GenerateResult>({
  name: 'generate',
  summary: 'Generate outputs with a GPT-2 and an optional trained prefix/adapter.',
  description: [
    'Inputs: --input TEXT, --inputs FILE (one per line) or --task NAME [--split test] (unique inputs in order).',
    'Each output is cut at the first <|endoftext|> and stripped; an empty one is written as "Error".',
    'Outputs go to --output FILE, else to stdout, one per line. --json: ids and log-probabilities too.',
  ].join('\n'),
  schema: generateSchema,
  examples: [
    'prefixkit generate --adapter runs/e2e-prefix/final --input "name : Aromi | Type : pub"',
    'prefixkit generate --adapter runs/e2e-prefix/final --task e2e --split test --output test.txt',
    'prefixkit generate --model gpt2 --template raw --input "Hello" --num-beams 1 --do-sample --top-p 0.9',
  ],
  load: async () => (await import('./generate')).generateRun,
});
