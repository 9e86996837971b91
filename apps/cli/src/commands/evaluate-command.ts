// `prefixkit evaluate`: scores a hypotheses file (one line per unique input, in first-appearance
// order of the references) against the data set's official references with the official metrics,
// printing each score with its signature. Scales are the official scripts' (E2E BLEU 0-1).
import { officialMetricNames } from '@prefixkit/metrics/tasks';
import { defineCommand } from '../command';
import { allMetricNames, evaluateTasks } from '../evaluate/task-metrics';
import type { EvaluateOptions, EvaluateResult } from './evaluate';

export const evaluateCommand = defineCommand<EvaluateOptions, EvaluateResult>({
  name: 'evaluate',
  summary: "Score hypotheses against a data set's references with its official metrics.",
  description: [
    'Official metrics per task (default: all of them):',
    ...evaluateTasks.map((task) => `  ${task.padEnd(7)} ${officialMetricNames(task).join(', ')}`),
    'References: the E2E CSV, WebNLG/DART XML or JSON, or a multi-reference text file',
    "(one input's references on consecutive lines, a blank line between inputs).",
    'E2E hypotheses may also be a system-output TSV (MR<TAB>output); its MRs are checked against the references.',
  ].join('\n'),
  schema: {
    type: 'object',
    properties: {
      task: {
        type: 'string',
        description: 'The data set, which fixes the metrics and their conventions.',
        enum: evaluateTasks,
      },
      hypotheses: {
        type: 'string',
        description:
          'One output per line, one line per unique input in first-appearance order of the references.',
        'x-path': true,
        'x-placeholder': 'FILE',
      },
      references: {
        type: 'string',
        description:
          'The official references file (E2E CSV, WebNLG/DART XML or JSON) or a multi-reference text file.',
        'x-path': true,
        'x-placeholder': 'FILE',
      },
      metrics: {
        type: 'array',
        description: "Metrics to compute, comma-separated (default: the task's official set).",
        items: { type: 'string', enum: allMetricNames },
        maxItems: allMetricNames.length,
        'x-placeholder': 'LIST',
      },
      segments: {
        type: 'boolean',
        description: 'Include per-segment scores in the --json result.',
        default: false,
      },
      every: {
        type: 'integer',
        description:
          'Score only every K-th unique input of the references: the 1st, the (K+1)-th, ... (as generate --every K decodes them; before --max-inputs).',
        minimum: 1,
        maximum: 100_000_000,
        'x-placeholder': 'K',
      },
      maxInputs: {
        type: 'integer',
        description:
          'Score only the first N unique inputs of the references, of those --every keeps (as generate --max-inputs N decodes them).',
        minimum: 1,
        maximum: 100_000_000,
        'x-placeholder': 'N',
      },
      subsets: {
        type: 'boolean',
        description:
          "Also score the task's official test subsets from the one hypotheses file (webnlg: seen and unseen categories, from the XML or JSON references).",
        default: false,
      },
      meteorParaphrases: {
        type: 'string',
        description:
          "METEOR 1.5's English paraphrase table (paraphrase-en.gz, not shipped); without it METEOR runs exact, stem and synonym matching only.",
        'x-path': true,
        'x-placeholder': 'FILE',
      },
    },
    required: ['task', 'hypotheses', 'references'],
    additionalProperties: false,
  },
  examples: [
    'prefixkit evaluate --task e2e --hypotheses outputs.txt --references ../shared/data/e2e/testset_w_refs.csv',
    'prefixkit evaluate --config e2e-official --hypotheses tgen.tsv --references testset_w_refs.csv --json',
    'prefixkit evaluate --task webnlg --hypotheses outputs.txt --references ../shared/data/webnlg/test/testdata_with_lex.xml --subsets',
    'prefixkit evaluate --task e2e --hypotheses dev-outputs.txt --references ../shared/data/e2e/devset.csv --max-inputs 50',
    'prefixkit evaluate --task xsum --hypotheses summaries.txt --references gold.txt --metrics rouge-1,rouge-2',
  ],
  load: async () => (await import('./evaluate')).evaluateRun,
});
