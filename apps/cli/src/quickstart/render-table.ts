// The quickstart's table, laid out like the paper's Table 1: one row per method with the
// trained parameter count, the five E2E metrics (the official script's scales), the held-out
// loss and the time taken.
import { relative } from 'node:path';
import { TASK_METRICS } from '@prefixkit/metrics/tasks';
import { repoRootGuess } from '../paths';
import { formatDuration } from '../runtime/progress-bar';
import type { QuickstartResult } from './quickstart-result';

const metricColumns = TASK_METRICS.e2e.map(({ name, label }) => [name, label] as const);

/** The table and the lines around it, for stderr. */
export function renderQuickstart(result: QuickstartResult): string {
  const header = [
    'method',
    'trained params',
    ...metricColumns.map(([, label]) => label),
    'dev loss',
    'time',
  ];
  const rows = result.rows.map((row) => [
    row.name,
    row.trainableParameters === 0
      ? '0'
      : `${row.trainableParameters.toLocaleString('en-US')} (${row.percentOfBase.toPrecision(3)}%)`,
    ...metricColumns.map(([metric]) => (row.scores[metric] ?? Number.NaN).toFixed(4)),
    row.devLoss.toFixed(3),
    formatDuration(row.seconds),
  ]);
  const widths = header.map((cell, column) =>
    rows.reduce((widest, row) => Math.max(widest, row[column]!.length), cell.length),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!),
      )
      .join('  ');
  const { model, data, decoding, training, shippedPrefix: shipped } = result;
  return [
    `prefixkit quickstart: E2E, shipped sample: ${data.train} training pairs; ${data.evalMrs} held-out dev MRs (${data.evalReferences} references)`,
    `model: ${model.name}, ${model.parameters.toLocaleString('en-US')} parameters (${model.kind}; ready in ${formatDuration(model.seconds)}; backend ${result.backend})`,
    '',
    line(header),
    ...rows.map(line),
    '',
    `decoding (every row): beam ${decoding.numBeams}, at most ${decoding.maxNewTokens} new tokens, min_new_tokens ${decoding.minNewTokens}, tokens ${decoding.bannedTokenIds.join(' and ')} banned${decoding.noRepeatNgramSize > 0 ? `, no_repeat_ngram_size ${decoding.noRepeatNgramSize}` : ''}`,
    ...result.rows
      .slice(1)
      .filter((row) => row.method !== 'shipped-prefix')
      .map(
        (row) =>
          `${row.method === 'prefix' ? `${training.method}${training.prefixLength ? ` (length ${training.prefixLength}${training.initWords ? `, init "${training.initWords}"` : ''})` : ''}` : row.method}: ${row.steps} steps on the sample (batch ${training.batchSize}, learning rate ${row.learningRate}, ${training.warmupSteps} warm-up)`,
      ),
    ...(shipped
      ? [
          `shipped prefix (${shipped.training.method}, ${relative(repoRootGuess, shipped.directory)}): ${shipped.training.steps} steps on the ${shipped.training.trainPairs.toLocaleString('en-US')} pairs of E2E's training set (batch ${shipped.training.batchSize}, learning rate ${shipped.training.learningRate}, ${shipped.training.warmupSteps} warm-up; command in its README)`,
        ]
      : []),
    `total ${formatDuration(result.seconds)}`,
    `dev loss: nats per reference token on the held-out MRs; metrics as e2e-metrics prints them (BLEU 0-1)`,
  ].join('\n');
}
