// The two steps of every run, each skipped when its product is there:
//   train:  final/ and train.json there -> nothing; a checkpoint -> --resume; a folder with
//           anything else (a run stopped before its first checkpoint) -> --overwrite; else new.
//   score:  <split>.json there -> nothing; else generate (unless <split>.txt is there), then
//           evaluate --json, recorded atomically in <split>.json.
import { existsSync, readdirSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { StepFailedError } from '../errors';
import type { RunSpec } from '../plan/expand-runs';
import { shellQuote } from '../plan/flags';
import type { Plan } from '../plan/plan-types';
import { formatScore, formatSeconds } from '../results/format';
import type { CommandResult, PrefixkitRunner } from './prefixkit';
import { recoverTrainRecord } from './recover-train-record';
import {
  type EvaluateResult,
  readJson,
  runFiles,
  type ScoreRecord,
  type Split,
  type TrainRecord,
  type TrainResult,
  writeJson,
} from './run-files';
import {
  evaluateArguments,
  generateArguments,
  type TrainMode,
  trainArguments,
} from './step-arguments';

export interface StepContext {
  readonly plan: Plan;
  readonly runDir: string;
  readonly backend?: string;
  readonly prefixkit: PrefixkitRunner;
  /** One line of what the driver does (stdout). */
  readonly log: (line: string) => void;
}

const command = (args: readonly string[]) => `prefixkit ${shellQuote(args)}`;

/** Runs a command; a failure stops the experiment with the CLI's own exit status. */
async function run(context: StepContext, args: readonly string[]): Promise<CommandResult> {
  const result = await context.prefixkit(args);
  if (result.code === 0) return result;
  const stopped = result.code === 130 || result.code === 143;
  const last = result.stderrTail.trim().split('\n').at(-1) ?? '';
  throw new StepFailedError(
    stopped
      ? `stopped during: ${command(args)}; finished steps are kept, rerun the same command to continue`
      : `${command(args)} failed (exit ${result.code}): ${last}`,
    result.code,
  );
}

function trainMode(trainFolder: string, latestCheckpoint: string): TrainMode {
  if (existsSync(latestCheckpoint)) return 'resume';
  if (existsSync(trainFolder) && readdirSync(trainFolder).length > 0) return 'overwrite';
  return 'new';
}

/** The record of a finished training run, or undefined; reads only. */
export function finishedTrain(context: StepContext, spec: RunSpec): TrainRecord | undefined {
  const files = runFiles(context.runDir, spec.dir);
  if (!existsSync(files.final)) return undefined;
  return readJson<TrainRecord>(files.trainRecord) ?? recoverTrainRecord(files.train);
}

/** The record of a scored split, or undefined; reads only. */
export function finishedScore(
  context: StepContext,
  spec: RunSpec,
  split: Split,
): ScoreRecord | undefined {
  return readJson<ScoreRecord>(runFiles(context.runDir, spec.dir).scoreRecord(split));
}

/** Trains a run unless it is finished; returns its record. */
export async function trainStep(context: StepContext, spec: RunSpec): Promise<TrainRecord> {
  const files = runFiles(context.runDir, spec.dir);
  const label = describeRun(spec);
  const finished = finishedTrain(context, spec);
  if (finished) {
    if (!existsSync(files.trainRecord)) await writeJson(files.trainRecord, finished);
    return finished;
  }
  const mode = trainMode(files.train, files.latestCheckpoint);
  const args = trainArguments(context.plan, context.runDir, spec, mode, context.backend);
  context.log(`${label}: train (${mode}) -> ${files.train}`);
  const result = await run(context, args);
  const json = JSON.parse(result.stdout) as { result: TrainResult };
  const record: TrainRecord = {
    command: command(args),
    seconds: result.seconds,
    resumed: mode === 'resume',
    result: {
      trainableParameters: json.result.trainableParameters,
      baseParameters: json.result.baseParameters,
      steps: json.result.steps,
      devLoss: json.result.devLoss,
    },
  };
  await writeJson(files.trainRecord, record);
  context.log(
    `${label}: trained in ${formatSeconds(result.seconds)}${record.result.devLoss === null ? '' : `, dev loss ${record.result.devLoss.toFixed(4)}`}`,
  );
  return record;
}

/** Decodes and scores a run on a split unless it is scored; returns the record. */
export async function scoreStep(
  context: StepContext,
  spec: RunSpec,
  split: Split,
): Promise<ScoreRecord> {
  const files = runFiles(context.runDir, spec.dir);
  const existing = finishedScore(context, spec, split);
  if (existing) return existing;
  const label = describeRun(spec);
  const generate = generateArguments(context.plan, context.runDir, spec, split);
  let generateSeconds: number | null = null;
  if (!existsSync(files.outputs(split))) {
    context.log(`${label}: ${split} outputs (${context.plan[split].description})`);
    await mkdir(files.root, { recursive: true }); // the model alone has no training folder
    generateSeconds = (await run(context, generate)).seconds;
  }
  const evaluate = evaluateArguments(context.plan, context.runDir, spec, split);
  const evaluated = await run(context, evaluate);
  const record: ScoreRecord = {
    generate: { command: command(generate), seconds: generateSeconds },
    evaluate: { command: command(evaluate), seconds: evaluated.seconds },
    result: (JSON.parse(evaluated.stdout) as { result: EvaluateResult }).result,
  };
  await writeJson(files.scoreRecord(split), record);
  const bleu = record.result.scores.bleu;
  context.log(
    `${label}: ${split} scored${bleu ? `, ${bleu.label} ${formatScore(bleu.score, bleu.scale)}` : ''}${generateSeconds === null ? '' : ` (decoded in ${formatSeconds(generateSeconds)})`}`,
  );
  return record;
}

/** `prefix-50 lr 0.003 sample-0`, for the driver's lines. */
export function describeRun(spec: RunSpec): string {
  const parts = [spec.row.id];
  if (spec.learningRate !== undefined) parts.push(`lr ${spec.learningRate}`);
  if (spec.replicate) parts.push(spec.replicate.id);
  return parts.join(' ');
}
