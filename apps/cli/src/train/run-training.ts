// `prefixkit train`, the work itself: data -> tokens, the method over a frozen GPT-2, the
// @prefixkit/peft Trainer with progress on stderr, a JSONL log, checkpoints, the final
// prefix/adapter in PEFT layout and the loss plot. Ctrl-C (context.interrupt) makes the
// trainer finish its step and checkpoint (SIGTERM too); `--resume` restores that checkpoint
// (weights, optimiser moments, data position, RNG state), so the resumed run equals an
// uninterrupted one. The run folder is checked before any work (check-run-folder.ts): a previous
// run is replaced only with --overwrite, and never an input of the same run.
import { appendFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  type OverlongReport,
  sampleLowData,
  type TextPair,
  tokenizeTrainingSet,
} from '@prefixkit/datasets';
import { writeFileAtomic } from '@prefixkit/errors/node';
import type { Gpt2Model } from '@prefixkit/gpt2';
import * as peft from '@prefixkit/peft';
import { baseParameterCount, type PeftModel, parseTrainingConfig, Trainer } from '@prefixkit/peft';
import {
  checkpointDirectoryWriter,
  loadPeftDirectory,
  readLatestCheckpoint,
  savePeftDirectory,
} from '@prefixkit/peft/node';
import type { CommandContext } from '../command';
import { readPairs } from '../data/read-task-data';
import type { DataLocation } from '../data/task-data';
import { InterruptedError, UsageError } from '../errors';
import { modelInput, pathInput, refuseOutputOverInputs } from '../output-target';
import { loadModel, loadModelTokenizer } from '../runtime/load-model';
import { openBackend } from '../runtime/open-backend';
import { formatDuration, formatProgress, shouldReport } from '../runtime/progress-bar';
import { checkRunFolder, clearRunFolder } from './check-run-folder';
import {
  type LogRecord,
  logText,
  lossPlot,
  type RunConfig,
  readLog,
  readRunConfig,
  runFiles,
} from './run-folder';
import { type TrainOptions, trainingKeys } from './train-options';

export interface TrainResult {
  run: string;
  model: string;
  method: string;
  task: string;
  trainExamples: number;
  devExamples: number;
  /** Pairs longer than the context and what --overlong did with them. */
  overlong: { policy: TrainOptions['overlong']; train: OverlongReport; dev: OverlongReport };
  trainableParameters: number;
  baseParameters: number;
  steps: number;
  totalSteps: number;
  stoppedBy: 'completed' | 'early-stopping' | 'aborted';
  lastLoss: number | null;
  devLoss: number | null;
  bestDevLoss: number | null;
  seconds: number;
  final: string;
  backend: string;
}

async function writeAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await writeFileAtomic(path, data);
}

/** Training and dev pairs for the options (low-data sample and caps applied). */
async function readData(
  options: TrainOptions & { task: DataLocation['task'] },
  context: CommandContext,
) {
  const location: DataLocation = {
    task: options.task,
    data: options.data,
    cwd: context.cwd,
    env: context.env,
  };
  let train = await readPairs(location, 'train');
  let dev: TextPair[] = [];
  if (options.task === 'jsonl') {
    if (options.devData) dev = await readPairs({ ...location, data: options.devData }, 'dev');
  } else {
    dev = await readPairs(location, 'dev');
  }
  if (options.lowData !== undefined) {
    const subsets = await sampleLowData(train, dev, {
      sizes: [options.lowData],
      samples: options.lowDataSample + 1,
      seed: options.seed ?? 101,
    });
    const subset = subsets.find((s) => s.sample === options.lowDataSample)!;
    train = subset.train;
    dev = subset.dev.length > 0 ? subset.dev : dev;
  }
  if (options.maxTrainExamples !== undefined) train = train.slice(0, options.maxTrainExamples);
  return { train, dev: dev.slice(0, options.maxDevExamples) };
}

function methodJson(options: TrainOptions): Record<string, unknown> {
  const json: Record<string, unknown> = { ...options.methodOptions, method: options.method };
  if (options.prefixLength !== undefined) {
    if (options.method === 'infix') json.infixLength = options.prefixLength;
    else if (['prefix', 'prefix-flat', 'embedding-only'].includes(options.method))
      json.prefixLength = options.prefixLength;
    else
      throw new UsageError(
        'CLI_BAD_OPTION_VALUE',
        `--prefix-length: method ${options.method} has no prefix; drop the flag or pick prefix, prefix-flat, embedding-only or infix`,
      );
  }
  return json;
}

/** Positions the method itself takes (prefix slots, soft prompt rows, infix slots). */
function virtualTokens(peft: PeftModel): number {
  const config = peft.config as { prefixLength?: number; infixLength?: number; positions?: string };
  if (config.positions === 'from-zero') return 0;
  return config.prefixLength ?? config.infixLength ?? 0;
}

async function createMethod(
  base: Gpt2Model,
  options: TrainOptions,
  encode: (text: string) => number[],
  cwd: string,
): Promise<PeftModel> {
  if (options.init) {
    return loadPeftDirectory(base, resolve(cwd, options.init));
  }
  const json = methodJson(options);
  const definition = peft.methods[options.method] as {
    parse(json: unknown, file?: string): unknown;
  };
  definition.parse(json, 'method config (--method, --prefix-length, --method-options)');
  return peft.createPeftModel(base, json, { seed: options.seed ?? 101, encode });
}

/** Runs (or resumes) one training run; see the file header. */
export async function runTraining(
  given: TrainOptions,
  context: CommandContext,
): Promise<TrainResult> {
  if (!given.resume && given.task === undefined)
    throw new UsageError(
      'CLI_MISSING_OPTION',
      'missing --task e2e|webnlg|dart|xsum|jsonl (the data to train on)',
    );
  const run = resolve(context.cwd, given.output ?? join('runs', `${given.task}-${given.method}`));
  if (given.resume && given.output === undefined)
    throw new UsageError(
      'CLI_MISSING_OPTION',
      'missing --output RUN: --resume continues the run in that folder',
    );
  if (given.resume && given.overwrite)
    throw new UsageError(
      'CLI_BAD_OPTION_VALUE',
      '--resume and --overwrite: pick one (continue the run in --output, or replace it)',
    );
  let options = given as TrainOptions & { task: NonNullable<TrainOptions['task']> };
  if (given.resume) {
    const saved = readRunConfig(run).options as unknown as typeof options;
    options = {
      ...saved,
      // Runs saved before the option existed.
      keepCheckpoints: saved.keepCheckpoints ?? given.keepCheckpoints,
      resume: true,
      overwrite: false,
      output: run,
    };
    if (given.backend) options.backend = given.backend;
    context.log(`resuming ${run} with its saved options (other flags are ignored)`);
  }
  const replaced = checkRunFolder(run, options);
  if (!options.resume) {
    refuseOutputOverInputs({ flag: '--output', path: run, clears: true }, [
      ...modelInput(options.model, context.cwd),
      ...pathInput('--data', options.data, context.cwd),
      ...pathInput('--dev-data', options.devData, context.cwd),
      ...pathInput('--init', options.init, context.cwd),
    ]);
  }
  const started = performance.now();
  // Data first: a missing or malformed file fails before the device is opened.
  const data = await readData(options, context);
  const opened = await openBackend(options.backend, context.env);
  let removeHandler = () => {};
  try {
    const loaded = await loadModel(options.model, { backend: opened.backend, ...context });
    const tokenizer = await loadModelTokenizer(loaded);
    const encode = (text: string) => tokenizer.encode(text);
    const peft = await createMethod(loaded.model, options, encode, context.cwd);
    const blockSize = Math.min(1024, loaded.model.config.n_positions - virtualTokens(peft));
    // Saved options of runs from before --overlong existed lack it: the paper's truncation.
    const policy = options.overlong ?? 'truncate';
    const tokenize = (pairs: TextPair[], label: string) =>
      tokenizeTrainingSet(tokenizer, pairs, {
        blockSize,
        overlong: policy,
        label,
        ...(tokenizer.endOfTextId === undefined ? {} : { endOfTextId: tokenizer.endOfTextId }),
      });
    const trainSet = tokenize(data.train, `${options.task} training pairs`);
    const devSet = tokenize(data.dev, `${options.task} dev pairs`);
    const train = trainSet.examples;
    const dev = devSet.examples;
    const overlong = { policy, train: trainSet.report, dev: devSet.report };
    for (const [split, report] of [
      ['training', trainSet.report],
      ['dev', devSet.report],
    ] as const)
      if (report.overlong > 0)
        context.warn(
          `${report.overlong} of ${report.examples} ${split} pairs are longer than the context (${blockSize} tokens, longest ${report.longest}): ${policy === 'drop' ? 'dropped' : 'truncated'} (--overlong ${policy})`,
        );
    const trainingJson: Record<string, unknown> = {};
    for (const key of trainingKeys)
      if (options[key] !== undefined) trainingJson[key] = options[key];
    const training = parseTrainingConfig(trainingJson, 'training options');
    mkdirSync(run, { recursive: true });
    await clearRunFolder(run, replaced);
    const logPath = join(run, runFiles.log);
    const append = (record: LogRecord) => appendFileSync(logPath, `${JSON.stringify(record)}\n`);
    // From here a signal stops training at the next step boundary with a checkpoint. The handler
    // stays until the command returns: a signal after the last step lets the run finish.
    removeHandler = context.interrupt.onInterrupt(() => {});
    let firstStep = 1;
    const trainer = new Trainer(peft, {
      config: training,
      train,
      ...(dev.length > 0 ? { eval: dev } : {}),
      signal: context.interrupt.signal,
      saveCheckpoint: checkpointDirectoryWriter(join(run, runFiles.checkpoints), {
        keep: options.keepCheckpoints,
      }),
      onProgress: (event) => {
        append({
          event: 'step',
          step: event.step,
          epoch: event.epoch,
          loss: event.loss,
          learningRate: event.learningRate,
          gradNorm: event.gradNorm,
          tokensPerSecond: event.tokensPerSecond,
        });
        if (shouldReport(event.step, event.totalSteps, firstStep))
          context.progress(formatProgress(event), event.step >= event.totalSteps);
      },
      onEvaluate: (event) => {
        append({ event: 'eval', step: event.step, devLoss: event.evalLoss });
        context.log(`dev loss ${event.evalLoss.toFixed(4)} at step ${event.step}`);
      },
    });
    const baseParameters = baseParameterCount(loaded.model.config);
    const trainable = peft.parameters.count();
    if (options.resume) {
      await trainer.restore(await readLatestCheckpoint(join(run, runFiles.checkpoints)));
      await writeAtomic(logPath, logText(readLog(run, trainer.step)));
      firstStep = trainer.step + 1;
    } else {
      const config: RunConfig = {
        format: 'prefixkit-run',
        formatVersion: 1,
        // Paths absolute, so --resume works from any folder.
        options: {
          ...options,
          output: run,
          model:
            loaded.folder === resolve(context.cwd, options.model) ? loaded.folder : options.model,
          ...(options.data ? { data: resolve(context.cwd, options.data) } : {}),
          ...(options.devData ? { devData: resolve(context.cwd, options.devData) } : {}),
          ...(options.init ? { init: resolve(context.cwd, options.init) } : {}),
        } as unknown as Record<string, unknown>,
        model: { name: loaded.name, folder: loaded.folder, config: { ...loaded.model.config } },
        method: peft.config,
        training,
        data: { train: train.length, dev: dev.length, overlong },
      };
      await writeAtomic(join(run, runFiles.config), `${JSON.stringify(config, null, 2)}\n`);
      await writeAtomic(logPath, '');
    }
    context.log(
      `${options.resume ? 'resuming' : 'training'} ${peft.method} on ${loaded.name} (${opened.name}): ${trainable.toLocaleString('en-US')} trainable of ${baseParameters.toLocaleString('en-US')} base parameters; ${train.length} training / ${dev.length} dev examples; ${trainer.totalSteps} steps; run folder ${run}`,
    );
    if (!options.resume && dev.length > 0) await trainer.evaluateNow();
    const result = await trainer.train();
    const records = readLog(run);
    await writeAtomic(
      join(run, runFiles.plot),
      lossPlot(records, `${options.task} ${peft.method}: ${loaded.name}`),
    );
    const seconds = (performance.now() - started) / 1000;
    if (result.stoppedBy === 'aborted') {
      const signal = (context.interrupt.signal.reason as InterruptedError).stopSignal;
      throw new InterruptedError(
        signal,
        `${signal === 'SIGINT' ? 'interrupted' : 'terminated (SIGTERM)'} at step ${trainer.step} of ${trainer.totalSteps}; checkpoint saved in ${join(run, runFiles.checkpoints, `step-${trainer.step}`)}. Continue with: prefixkit train --output ${run} --resume`,
      );
    }
    const final = join(run, runFiles.final);
    await savePeftDirectory(peft, final, { baseModelNameOrPath: loaded.name });
    const lastEval = [...records].reverse().find((r) => r.event === 'eval');
    context.log(
      `done in ${formatDuration(seconds)}: ${result.stoppedBy}; final ${peft.method} in ${final}`,
    );
    return {
      run,
      model: loaded.name,
      method: peft.method,
      task: options.task,
      trainExamples: train.length,
      devExamples: dev.length,
      overlong,
      trainableParameters: trainable,
      baseParameters,
      steps: trainer.step,
      totalSteps: trainer.totalSteps,
      stoppedBy: result.stoppedBy,
      lastLoss: result.lastLoss,
      devLoss: lastEval?.event === 'eval' ? lastEval.devLoss : null,
      bestDevLoss: result.bestEvalLoss,
      seconds,
      final,
      backend: opened.name,
    };
  } finally {
    removeHandler();
    await opened.release();
  }
}
