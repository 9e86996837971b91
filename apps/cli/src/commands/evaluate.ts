// The code of `prefixkit evaluate`, loaded only when the command runs: the readers and metrics
// are not needed for `--help` or the other commands.
import { resolve } from 'node:path';
import { assertRegularFile } from '@prefixkit/errors/node';
import { scoreTask, type TaskScores } from '@prefixkit/metrics';
import { loadMeteorResources } from '@prefixkit/metrics/node';
import type { CommandRun } from '../command';
import { InputMismatchError } from '../errors';
import { readHypotheses } from '../evaluate/read-hypotheses';
import { readReferences } from '../evaluate/read-references';
import { chooseMetrics, type EvaluateTask, type MetricName } from '../evaluate/task-metrics';
import { table } from '../render';

export interface EvaluateOptions {
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
  assertRegularFile(path, `Check the --${option} path.`);
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

export const evaluateRun: CommandRun<EvaluateOptions, EvaluateResult> = async (
  options,
  context,
) => {
  const hypothesesPath = resolve(context.cwd, options.hypotheses);
  const referencesPath = resolve(context.cwd, options.references);
  requireFile(hypothesesPath, 'hypotheses');
  requireFile(referencesPath, 'references');
  const paraphrasesPath =
    options.meteorParaphrases && resolve(context.cwd, options.meteorParaphrases);
  if (paraphrasesPath) requireFile(paraphrasesPath, 'meteor-paraphrases');
  const metrics = chooseMetrics(options.task, options.metrics); // fail before reading files
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
};
