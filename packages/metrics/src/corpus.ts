// One entry point over the built-in metrics: hypotheses + grouped references in, a JSON object
// of corpus and per-segment scores (with signatures) out.

import { bleuMteval, nistMteval } from './bleu/mteval';
import { multiBleu } from './bleu/multi-bleu';
import { ciderD } from './cider/cider-d';
import { MetricInputError } from './errors';
import { rougeLCoco } from './rouge/rouge-l-coco';
import { rougeScore } from './rouge/rouge-score';
import type { CorpusInput, CorpusResult } from './types';

/** Built-in metric names accepted by {@link scoreCorpus}. */
export const METRIC_NAMES = [
  'bleu-mteval',
  'nist-mteval',
  'bleu-multi-bleu-lc',
  'rouge-l-coco',
  'cider-d',
  'rouge1',
  'rouge2',
  'rougeL',
  'rougeLsum',
] as const;
export type MetricName = (typeof METRIC_NAMES)[number];

const SCORERS: Record<
  MetricName,
  (h: readonly string[], r: readonly (readonly string[])[]) => CorpusResult
> = {
  'bleu-mteval': (h, r) => bleuMteval(h, r),
  'nist-mteval': (h, r) => nistMteval(h, r),
  'bleu-multi-bleu-lc': (h, r) => multiBleu(h, r, { lowercase: true }),
  'rouge-l-coco': (h, r) => rougeLCoco(h, r),
  'cider-d': (h, r) => ciderD(h, r),
  rouge1: (h, r) => strip(rougeScore('rouge1', h, r)),
  rouge2: (h, r) => strip(rougeScore('rouge2', h, r)),
  rougeL: (h, r) => strip(rougeScore('rougeL', h, r)),
  rougeLsum: (h, r) => strip(rougeScore('rougeLsum', h, r)),
};

function strip(result: CorpusResult & { prf: unknown }): CorpusResult {
  const { prf: _prf, ...rest } = result;
  return rest;
}

/** Scores a corpus with the named metrics; the result is plain JSON. */
export function scoreCorpus(
  input: CorpusInput,
  metrics: readonly MetricName[],
): Record<string, CorpusResult> {
  const out: Record<string, CorpusResult> = {};
  for (const name of metrics) {
    const scorer = SCORERS[name];
    if (scorer === undefined) {
      throw new MetricInputError('scoreCorpus', 'metric name', {
        expected: METRIC_NAMES.join(', '),
        got: String(name),
      });
    }
    out[name] = scorer(input.hypotheses, input.references);
  }
  return out;
}
