// `prefixkit evaluate`: scores a hypotheses file (one line per unique input, in first-appearance
// order of the references) against the data set's official references with the official metrics,
// printing each score with its signature. Scales are the official scripts' (E2E BLEU 0-1).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { FileNotFoundError } from '@prefixkit/errors';
import type { TaskScores } from '@prefixkit/metrics';
import { officialMetricNames } from '@prefixkit/metrics/tasks';
import { defineCommand } from '../command';
import { InputMismatchError } from '../errors';
import {
  allMetricNames,
  chooseMetrics,
  type EvaluateTask,
  evaluateTasks,
  type MetricName,
} from '../evaluate/task-metrics';
import { table } from '../render';

interface EvaluateOptions {
  task: EvaluateTask;
  hypotheses: string;
  references: string;
  metrics?: MetricName[];
  segments: boolean;
  meteorParaphrases?: string;
}

export interface EvaluateResult {
  task: EvaluateTask;
  hypotheses: string;
  references: string;
  referenceFormat: string;
  inputs: number;
  scores: TaskScores;
}

function requireFile(path: string, option: string): void {
  if (!existsSync(path)) throw new FileNotFoundError(path, `Check the --${option} path.`);
}

function checkAlignment(
  options: EvaluateOptions,
  hypotheses: { lines: string[]; inputs?: string[] },
  references: { references: string[][]; inputs?: string[] },
): void {
  const expected = references.references.length;
  if (hypotheses.lines.length !== expected) {
    throw new InputMismatchError(
      `${options.hypotheses} has ${hypotheses.lines.length} hypotheses but ${options.references} has ${expected} unique inputs; expected one hypothesis line per unique input, in first-appearance order of the references`,
    );
  }
  if (!hypotheses.inputs || !references.inputs) return;
  const index = hypotheses.inputs.findIndex(
    (input, position) => input !== references.inputs![position],
  );
  if (index !== -1) {
    throw new InputMismatchError(
      `${options.hypotheses}, output ${index + 1}: expected MR '${references.inputs[index]}' (input ${index + 1} of ${options.references}), got '${hypotheses.inputs[index]}'; outputs must follow the references' order`,
    );
  }
}

function render(result: EvaluateResult): string {
  const lines = [
    `${result.task}: ${result.inputs} inputs; references ${result.references} (${result.referenceFormat})`,
  ];
  const rows = Object.values(result.scores).map(
    (score) =>
      [
        score!.label,
        `${score!.score.toFixed(score!.scale === '0-100' ? 2 : 4)}  ${score!.signature}`,
      ] as [string, string],
  );
  lines.push(table(rows).trimEnd());
  return `${lines.join('\n')}\n`;
}

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
        'x-placeholder': 'LIST',
      },
      segments: {
        type: 'boolean',
        description: 'Include per-segment scores in the --json result.',
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
    'prefixkit evaluate --task xsum --hypotheses summaries.txt --references gold.txt --metrics rouge-1,rouge-2',
  ],
  async run(options, context) {
    const hypothesesPath = resolve(context.cwd, options.hypotheses);
    const referencesPath = resolve(context.cwd, options.references);
    requireFile(hypothesesPath, 'hypotheses');
    requireFile(referencesPath, 'references');
    const paraphrasesPath =
      options.meteorParaphrases && resolve(context.cwd, options.meteorParaphrases);
    if (paraphrasesPath) requireFile(paraphrasesPath, 'meteor-paraphrases');
    const metrics = chooseMetrics(options.task, options.metrics); // fail before reading files
    // Loaded on use: the readers and metrics are not needed for --help or other commands.
    const { readReferences } = await import('../evaluate/read-references');
    const { readHypotheses } = await import('../evaluate/read-hypotheses');
    const { scoreTask } = await import('@prefixkit/metrics');
    const { loadMeteorResources } = await import('@prefixkit/metrics/node');
    const references = await readReferences(referencesPath, options.task);
    const hypotheses = await readHypotheses(hypothesesPath, options.task);
    checkAlignment(options, hypotheses, references);
    const scores = await scoreTask(
      options.task,
      { hypotheses: hypotheses.lines, references: references.references },
      {
        metrics,
        segments: options.segments,
        ...(metrics.includes('meteor')
          ? { meteor: loadMeteorResources(paraphrasesPath ? { paraphrases: paraphrasesPath } : {}) }
          : {}),
      },
    );
    const result: EvaluateResult = {
      task: options.task,
      hypotheses: options.hypotheses,
      references: options.references,
      referenceFormat: references.format,
      inputs: references.references.length,
      scores,
    };
    return { value: result, text: render(result) };
  },
});
