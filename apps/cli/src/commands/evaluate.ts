// The code of `prefixkit evaluate`, loaded only when the command runs: the readers and metrics
// are not needed for `--help` or the other commands.
import { resolve } from 'node:path';
import { assertRegularFile } from '@prefixkit/errors/node';
import { scoreTask, type TaskScore, type TaskScores } from '@prefixkit/metrics';
import { loadMeteorResources } from '@prefixkit/metrics/node';
import type { CommandRun } from '../command';
import { InputMismatchError } from '../errors';
import { readHypotheses } from '../evaluate/read-hypotheses';
import { type ReferenceSet, readReferences } from '../evaluate/read-references';
import {
  checkSubsetsTask,
  type SubsetName,
  type SubsetScores,
  scoreSubsets,
  subsetNames,
} from '../evaluate/score-subsets';
import { chooseMetrics, type EvaluateTask, type MetricName } from '../evaluate/task-metrics';
import { describeSelection, type InputSelection, selectInputs } from '../input-selection';
import { columns, table } from '../render';

export interface EvaluateOptions {
  task: EvaluateTask;
  hypotheses: string;
  references: string;
  metrics?: MetricName[];
  segments: boolean;
  meteorParaphrases?: string;
  every?: number;
  maxInputs?: number;
  subsets: boolean;
}

export interface EvaluateResult {
  task: EvaluateTask;
  hypotheses: string;
  references: string;
  referenceFormat: string;
  inputs: number;
  scores: TaskScores;
  /** With --subsets: the official test subsets, each scored on its own (`scores` is all). */
  subsets?: Record<SubsetName, SubsetScores>;
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
    const cut = describeSelection(options);
    throw new InputMismatchError(
      `${options.hypotheses} has ${hypotheses.lines.length} hypotheses but ${options.references} has ${expected} unique inputs${cut}; expected one hypothesis line per unique input, in first-appearance order of the references`,
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

/** The inputs of the references that `--every` and `--max-inputs` select (all without them). */
function selectedInputs(references: ReferenceSet, selection: InputSelection): ReferenceSet {
  if (selection.every === undefined && selection.maxInputs === undefined) return references;
  const { inputs, categories } = references;
  return {
    ...references,
    references: selectInputs(references.references, selection),
    ...(inputs ? { inputs: selectInputs(inputs, selection) } : {}),
    ...(categories ? { categories: selectInputs(categories, selection) } : {}),
  };
}

const formatScore = (score: TaskScore | undefined): string =>
  score === undefined ? '-' : score.score.toFixed(score.scale === '0-100' ? 2 : 4);

/** Metric rows with a column per subset and one for all inputs. */
function renderSubsets(result: EvaluateResult, subsets: Record<SubsetName, SubsetScores>): string {
  const counts = subsetNames.map((name) => `${name} ${subsets[name].inputs}`);
  const rows = Object.entries(result.scores).map(([metric, score]) => [
    score!.label,
    ...subsetNames.map((name) => formatScore(subsets[name].scores[metric as MetricName])),
    formatScore(score),
  ]);
  return `official subsets (inputs): ${counts.join(', ')}, all ${result.inputs}\n${columns([['', ...subsetNames, 'all'], ...rows])}`;
}

function render(result: EvaluateResult): string {
  const lines = [
    `${result.task}: ${result.inputs} inputs; references ${result.references} (${result.referenceFormat})`,
  ];
  const rows = Object.values(result.scores).map(
    (score) => [score!.label, `${formatScore(score)}  ${score!.signature}`] as [string, string],
  );
  lines.push(table(rows).trimEnd());
  if (result.subsets) lines.push(renderSubsets(result, result.subsets).trimEnd());
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
  if (options.subsets) checkSubsetsTask(options.task);
  const references = selectedInputs(await readReferences(referencesPath, options.task), options);
  const hypotheses = await readHypotheses(hypothesesPath, options.task);
  checkAlignment(options, hypotheses, references);
  const scoreOptions = {
    metrics,
    segments: options.segments,
    ...(metrics.includes('meteor')
      ? { meteor: loadMeteorResources(paraphrasesPath ? { paraphrases: paraphrasesPath } : {}) }
      : {}),
  };
  const scores = await scoreTask(
    options.task,
    { hypotheses: hypotheses.lines, references: references.references },
    scoreOptions,
  );
  const result: EvaluateResult = {
    task: options.task,
    hypotheses: options.hypotheses,
    references: options.references,
    referenceFormat: references.format,
    inputs: references.references.length,
    scores,
  };
  if (options.subsets) {
    result.subsets = await scoreSubsets(
      options.task,
      hypotheses.lines,
      references,
      options.references,
      scoreOptions,
    );
  }
  return { value: result, text: render(result) };
};
