// Pretraining = full fine-tuning (FT-FULL) of a randomly initialised GPT-2 (random-gpt2.ts) on
// packed blocks of plain text (pack-blocks.ts), through the same Trainer as every other method:
// AdamW with weight decay, linear warm-up then linear decay to 0 (HF
// get_linear_schedule_with_warmup), global-norm clipping, periodic held-out loss, checkpoints
// and exact resume. What it adds is the bookkeeping a pretraining run needs: a loss curve, the
// number of tokens seen, and the trained weights as host arrays ready to save.
import type { TokenizedExample } from '@prefixkit/datasets';
import type { Gpt2Model } from '@prefixkit/gpt2';
import {
  type CheckpointFiles,
  createFineTune,
  type EvaluationEvent,
  type FineTuneModel,
  type ProgressEvent,
  Trainer,
  TrainerError,
  type TrainResult,
} from '@prefixkit/peft';

/** Pretraining settings (the Trainer's, with a step budget required). */
export interface PretrainConfig {
  readonly learningRate: number;
  readonly warmupSteps: number;
  /** Optimiser steps of the whole run; the schedule decays to 0 at this step. */
  readonly maxSteps: number;
  /** Blocks per micro-batch. */
  readonly batchSize: number;
  readonly gradientAccumulationSteps?: number;
  readonly weightDecay: number;
  readonly maxGradNorm?: number | null;
  readonly seed: number;
  /** Held-out loss every N steps (0: at the end only). */
  readonly evalEvery?: number;
  /** Checkpoint every N steps (0: only at the end or when stopped). */
  readonly checkpointEvery?: number;
}

/** One point of the loss curve: after step `step`, the training loss (and held-out loss). */
export interface LossPoint {
  readonly step: number;
  readonly loss: number;
  readonly learningRate: number;
  /** Training tokens consumed so far (over the whole run, resumes included). */
  readonly tokens: number;
  /** Seconds since this run (this process) started. */
  readonly seconds: number;
  readonly evalLoss?: number;
}

export interface PretrainOptions {
  /** The randomly initialised model (createRandomGpt2); its own tensors are never written. */
  readonly model: Gpt2Model;
  /** Packed training blocks, all of one length. */
  readonly train: readonly TokenizedExample[];
  /** Packed held-out blocks for the held-out loss. */
  readonly heldOut?: readonly TokenizedExample[];
  readonly config: PretrainConfig;
  /** A checkpoint of an earlier run with the same data and settings: training continues from it. */
  readonly resume?: CheckpointFiles;
  readonly saveCheckpoint?: (files: CheckpointFiles, step: number) => Promise<void>;
  /** Abort (a wall-clock budget, Ctrl-C): the step in flight finishes, then a checkpoint. */
  readonly signal?: AbortSignal;
  readonly onPoint?: (point: LossPoint) => void;
  readonly now?: () => number;
}

export interface PretrainResult extends TrainResult {
  /** The curve of this run (from the resumed step on). */
  readonly curve: readonly LossPoint[];
  readonly tokensSeen: number;
  /** Mean training loss of the last (up to) 50 steps of this run; null without steps. */
  readonly finalTrainLoss: number | null;
  /** Held-out loss of the final weights (null without held-out blocks). */
  readonly finalHeldOutLoss: number | null;
  readonly seconds: number;
  /** The trained weights (HF names) as host copies, for writing model.safetensors. */
  readonly parameters: Map<string, Float32Array>;
  /** The FT-FULL model being trained (its `tuned` model computes with the trained weights). */
  readonly fineTune: FineTuneModel;
}

/**
 * Pretrains `options.model` (full fine-tuning from its random init) on packed blocks.
 * @example
 * const model = await createRandomGpt2(config, { backend, seed: 1 });
 * const result = await pretrain({ model, train, heldOut, config: { learningRate: 1e-3, ... } });
 */
export async function pretrain(options: PretrainOptions): Promise<PretrainResult> {
  const { config, train } = options;
  const blockSize = train[0]?.inputIds.length ?? 0;
  if (train.some((block) => block.inputIds.length !== blockSize))
    throw new TrainerError('pretrain: option train: expected blocks of one length (packBlocks)');
  const fineTune = await createFineTune(options.model, { method: 'ft-full' });
  const now = options.now ?? (() => performance.now());
  const started = now();
  const curve: LossPoint[] = [];
  let trainer: Trainer | undefined;
  const tokensSoFar = () => tokensConsumed(trainer!, train.length, blockSize);
  const pending = new Map<number, ProgressEvent>();
  let lastEvaluation: EvaluationEvent | undefined;
  const emit = (point: LossPoint) => {
    curve.push(point);
    options.onPoint?.(point);
  };
  trainer = new Trainer(fineTune, {
    config: {
      learningRate: config.learningRate,
      warmupSteps: config.warmupSteps,
      maxSteps: config.maxSteps,
      batchSize: config.batchSize,
      gradientAccumulationSteps: config.gradientAccumulationSteps ?? 1,
      weightDecay: config.weightDecay,
      maxGradNorm: config.maxGradNorm === undefined ? 1 : config.maxGradNorm,
      seed: config.seed,
      evalEvery: config.evalEvery ?? 0,
      checkpointEvery: config.checkpointEvery ?? 0,
      lossReduction: 'mean',
    },
    train,
    ...(options.heldOut ? { eval: options.heldOut } : {}),
    ...(options.saveCheckpoint ? { saveCheckpoint: options.saveCheckpoint } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    now,
    onProgress: (event) => {
      // Held until the step's evaluation (if any) has run, so one point carries both losses.
      const evaluates =
        (config.evalEvery ?? 0) > 0 && event.step % config.evalEvery! === 0 && options.heldOut;
      if (evaluates) pending.set(event.step, event);
      else emit(pointOf(event, tokensSoFar(), (now() - started) / 1000));
    },
    onEvaluate: (event: EvaluationEvent) => {
      lastEvaluation = event;
      const progress = pending.get(event.step);
      pending.delete(event.step);
      if (progress)
        emit({
          ...pointOf(progress, tokensSoFar(), (now() - started) / 1000),
          evalLoss: event.evalLoss,
        });
    },
  });
  if (options.resume) await trainer.restore(options.resume);
  const result = await trainer.train();
  // The held-out loss of the final weights (evaluated once more unless the last step just was).
  if (options.heldOut && lastEvaluation?.step !== trainer.step) await trainer.evaluateNow();
  const window = curve.slice(-finalWindow);
  const parameters = new Map<string, Float32Array>();
  for (const [name, tensor] of fineTune.parameters.entries())
    parameters.set(name, Float32Array.from(await tensor.data()));
  return {
    ...result,
    curve,
    tokensSeen: tokensSoFar(),
    finalTrainLoss:
      window.length > 0 ? window.reduce((a, p) => a + p.loss, 0) / window.length : null,
    finalHeldOutLoss: options.heldOut ? (lastEvaluation?.evalLoss ?? null) : null,
    seconds: (now() - started) / 1000,
    parameters,
    fineTune,
  };
}

/** Steps averaged into `finalTrainLoss` (one step's loss is noisy). */
const finalWindow = 50;

function pointOf(event: ProgressEvent, tokens: number, seconds: number): LossPoint {
  return { step: event.step, loss: event.loss, learningRate: event.learningRate, tokens, seconds };
}

/** Tokens of the blocks consumed so far: whole epochs plus the batches of the current one. */
function tokensConsumed(trainer: Trainer, blocks: number, blockSize: number): number {
  const inEpoch = Math.min(blocks, trainer.batchInEpoch * trainer.config.batchSize);
  return (trainer.epoch * blocks + inEpoch) * blockSize;
}
