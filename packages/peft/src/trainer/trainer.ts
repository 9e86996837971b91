// The training loop over any method (the paper's trainer_prefix.py in spirit, HF Trainer's
// semantics): AdamW + linear schedule with warm-up, gradient accumulation, global-norm
// clipping, epochs or a step budget, periodic evaluation with early stopping, progress events,
// checkpoints and exact resume. Data order is a seeded shuffle per epoch and dropout seeds are
// derived from the step, so the position (epoch, micro-batch) and the step are the whole RNG
// state: a resumed run repeats the uninterrupted one bit for bit on the CPU backend.
// The trainer never needs logits: its forwards ask for the loss alone (logitsFor 'none'), so the
// LM head runs only on positions with a target, in chunks that fit one storage binding (full
// logits of an E2E batch of 10 exceed lavapipe's and browsers' 128 MiB binding limit).
import { type Batch, padBatch, type TokenizedExample } from '@prefixkit/datasets';
import {
  AdamW,
  backward,
  clipGradNorm,
  keep,
  linearSchedule,
  mean,
  noGrad,
  scale,
  type Tensor,
  tidy,
} from '@prefixkit/tensor';
import { NonFiniteLossError, TrainerError } from '../errors';
import type { HostTensor } from '../parameter-store';
import type { PeftModel } from '../peft-model';
import { SeededRandom } from '../random';
import { type CheckpointFiles, readCheckpoint, writeCheckpoint } from './checkpoint';
import type { EvaluationEvent, ProgressEvent, TrainResult } from './trainer-types';
import { parseTrainingConfig, type TrainingConfig } from './training-config';
import { yieldToEventLoop } from './yield-to-event-loop';

export interface TrainerOptions {
  /** Training settings (validated; defaults are the paper's). */
  readonly config?: Partial<TrainingConfig>;
  readonly train: readonly TokenizedExample[];
  /** Held-out examples for the evaluation loss. */
  readonly eval?: readonly TokenizedExample[];
  readonly onProgress?: (event: ProgressEvent) => void;
  readonly onEvaluate?: (event: EvaluationEvent) => void;
  /** Extra metrics at each evaluation (e.g. generate + BLEU); merged into the event. */
  readonly evaluate?: (peft: PeftModel, step: number) => Promise<Record<string, number>>;
  /** Receives checkpoint files (write them atomically: `checkpointDirectoryWriter` in ./node). */
  readonly saveCheckpoint?: (files: CheckpointFiles, step: number) => Promise<void>;
  /**
   * Abort (Ctrl-C, SIGTERM): the trainer finishes the current step, checkpoints and returns
   * 'aborted'. Checked at every step boundary, before the first step too.
   */
  readonly signal?: AbortSignal;
  /** Clock in ms (tests inject one). */
  readonly now?: () => number;
}

export class Trainer {
  readonly peft: PeftModel;
  readonly config: TrainingConfig;
  readonly optimizer: AdamW;
  /** Optimiser steps taken. */
  step = 0;
  /** Where the next micro-batch comes from. */
  epoch = 0;
  batchInEpoch = 0;
  bestEvalLoss: number | null = null;
  evalsWithoutImprovement = 0;
  /** Step of the best evaluation so far, and (with early stopping) its weights. */
  bestStep: number | null = null;
  private bestParameters: Record<string, HostTensor> | null = null;
  /** The step whose state was last checkpointed or restored (null: none yet). */
  private savedStep: number | null = null;
  private readonly options: TrainerOptions;
  private readonly schedule: (step: number) => number;

  constructor(peft: PeftModel, options: TrainerOptions) {
    this.peft = peft;
    this.options = options;
    this.config = parseTrainingConfig(options.config ?? {});
    if (options.train.length === 0)
      throw new TrainerError('Trainer: option train: expected at least one example, got none');
    requireTargets(options.train, 'train');
    if (options.eval) requireTargets(options.eval, 'eval');
    this.optimizer = new AdamW(peft.parameters.list(), {
      lr: this.config.learningRate,
      weightDecay: this.config.weightDecay,
    });
    this.schedule = linearSchedule({
      peakLr: this.config.learningRate,
      warmupSteps: this.config.warmupSteps,
      totalSteps: this.totalSteps,
    });
  }

  /** Micro-batches per epoch. */
  get batchesPerEpoch(): number {
    return Math.ceil(this.options.train.length / this.config.batchSize);
  }

  /** Optimiser steps of the whole run. */
  get totalSteps(): number {
    const perEpoch = Math.ceil(this.batchesPerEpoch / this.config.gradientAccumulationSteps);
    return this.config.maxSteps ?? this.config.epochs * perEpoch;
  }

  /** The padded micro-batch at (epoch, index): a seeded shuffle of the examples per epoch. */
  batchAt(epoch: number, index: number): Batch {
    const order = new SeededRandom(this.config.seed + 0x9e3779b9 * (epoch + 1)).shuffle(
      this.options.train.map((_, k) => k),
    );
    const picked = order
      .slice(index * this.config.batchSize, (index + 1) * this.config.batchSize)
      .map((k) => this.options.train[k]!);
    return padBatch(picked, { padTokenId: this.config.padTokenId });
  }

  /**
   * Runs until the step budget, early stopping or an abort; returns how it ended. The abort
   * signal is checked at every step boundary (also before the first step), after a turn of the
   * event loop, so a signal handler that aborts it runs even on the synchronous CPU backend.
   * Each step is checkpointed at most once: a state restored from a checkpoint is not saved again.
   */
  async train(): Promise<TrainResult> {
    const now = this.options.now ?? (() => performance.now());
    const evaluations: EvaluationEvent[] = [];
    const started = now();
    const startStep = this.step;
    let lastLoss: number | null = null;
    let stoppedBy: TrainResult['stoppedBy'] = (await this.stopRequested())
      ? 'aborted'
      : 'completed';
    while (stoppedBy === 'completed' && this.step < this.totalSteps) {
      const stepStart = now();
      const { loss, tokens, gradNorm } = await this.optimizerStep();
      lastLoss = loss;
      const elapsed = Math.max(1e-9, (now() - stepStart) / 1000);
      const perStep = (now() - started) / 1000 / (this.step - startStep);
      this.options.onProgress?.({
        step: this.step,
        totalSteps: this.totalSteps,
        epoch: this.epoch,
        loss,
        learningRate: this.schedule(this.step - 1),
        gradNorm,
        tokensPerSecond: tokens / elapsed,
        etaSeconds: perStep * (this.totalSteps - this.step),
      });
      const { evalEvery, checkpointEvery, earlyStoppingPatience } = this.config;
      if (evalEvery > 0 && this.step % evalEvery === 0 && this.options.eval) {
        const event = await this.evaluateNow();
        evaluations.push(event);
        if (earlyStoppingPatience > 0 && this.evalsWithoutImprovement >= earlyStoppingPatience) {
          stoppedBy = 'early-stopping';
          if (this.config.restoreBestOnEarlyStop && this.bestParameters)
            this.peft.parameters.load(
              this.bestParameters,
              `weights of the evaluation at step ${this.bestStep}`,
            );
          break;
        }
      }
      if (await this.stopRequested()) {
        stoppedBy = 'aborted';
        break;
      }
      // The last step is saved once, below, after the final evaluation.
      if (checkpointEvery > 0 && this.step % checkpointEvery === 0 && this.step < this.totalSteps)
        await this.saveCheckpoint();
    }
    // A restored checkpoint of the last step already holds the final evaluation and is on disk.
    const alreadySaved = this.step === this.savedStep;
    if (
      stoppedBy === 'completed' &&
      this.config.evalEvery === 0 &&
      this.options.eval &&
      !alreadySaved
    )
      evaluations.push(await this.evaluateNow());
    if (!alreadySaved) await this.saveCheckpoint();
    return {
      steps: this.step,
      stoppedBy,
      lastLoss,
      bestEvalLoss: this.bestEvalLoss,
      bestStep: this.bestStep,
      evaluations,
    };
  }

  /** True once `signal` is aborted; first lets pending events (signal handlers) run. */
  private async stopRequested(): Promise<boolean> {
    await yieldToEventLoop();
    return this.options.signal?.aborted === true;
  }

  /** One optimiser step over `gradientAccumulationSteps` micro-batches (fewer at an epoch's end). */
  async optimizerStep(): Promise<{ loss: number; tokens: number; gradNorm: number | null }> {
    const { gradientAccumulationSteps: accumulation, maxGradNorm } = this.config;
    const parameters = this.peft.parameters.list();
    const batches: Batch[] = [];
    while (batches.length < accumulation) {
      batches.push(this.batchAt(this.epoch, this.batchInEpoch));
      this.batchInEpoch++;
      if (this.batchInEpoch >= this.batchesPerEpoch) {
        this.epoch++;
        this.batchInEpoch = 0;
        break;
      }
    }
    let lossSum = 0;
    let tokens = 0;
    for (const [micro, batch] of batches.entries()) {
      const loss = tidy(() => {
        const value = this.batchLoss(batch, {
          training: true,
          dropoutSeed: this.step * 64 + micro,
        });
        backward(scale(value, 1 / batches.length));
        return keep(value);
      });
      const value = await loss.item();
      loss.dispose();
      if (!Number.isFinite(value)) {
        this.optimizer.zeroGrad();
        throw new NonFiniteLossError(
          this.step + 1,
          `the training loss of micro-batch ${micro + 1} is ${value}`,
        );
      }
      lossSum += value;
      tokens += batch.lengths.reduce((a, b) => a + b, 0);
    }
    let gradNorm: number | null = null;
    if (maxGradNorm !== null) {
      const norm = clipGradNorm(parameters, maxGradNorm);
      gradNorm = norm ? await norm.item() : 0;
      norm?.dispose();
      if (!Number.isFinite(gradNorm)) {
        this.optimizer.zeroGrad();
        throw new NonFiniteLossError(this.step + 1, `the gradient norm is ${gradNorm}`);
      }
    }
    noGrad(() => this.optimizer.step(this.schedule(this.step)));
    this.optimizer.zeroGrad();
    this.step++;
    return { loss: lossSum / batches.length, tokens, gradNorm };
  }

  /** The scalar training loss of one padded batch (the config's reduction). */
  batchLoss(batch: Batch, options: { training: boolean; dropoutSeed?: number }): Tensor {
    const { sequenceLength: T, batchSize: B } = batch;
    const ids = Array.from({ length: B }, (_, b) =>
      Array.from(batch.inputIds.subarray(b * T, (b + 1) * T)),
    );
    const labels = Array.from({ length: B }, (_, b) =>
      Array.from(batch.labels.subarray(b * T, (b + 1) * T)),
    );
    const { loss } = this.peft.forward(ids, {
      labels,
      lossReduction: this.config.lossReduction,
      logitsFor: 'none',
      ...options,
    });
    return this.config.lossReduction === 'mean' ? loss! : mean(loss!);
  }

  /** Held-out loss (token mean over the whole eval set) plus the caller's metrics. */
  async evaluateNow(): Promise<EvaluationEvent> {
    const examples = this.options.eval ?? [];
    let weighted = 0;
    let counted = 0;
    for (let start = 0; start < examples.length; start += this.config.batchSize) {
      const batch = padBatch(examples.slice(start, start + this.config.batchSize), {
        padTokenId: this.config.padTokenId,
      });
      const count = countTargets(batch);
      if (count === 0) continue;
      const loss = noGrad(() =>
        tidy(() =>
          keep(
            this.peft.forward(batchRows(batch, 'inputIds'), {
              labels: batchRows(batch, 'labels'),
              logitsFor: 'none',
            }).loss!,
          ),
        ),
      );
      weighted += (await loss.item()) * count;
      counted += count;
      loss.dispose();
    }
    const evalLoss = counted > 0 ? weighted / counted : Number.NaN;
    const improved = this.bestEvalLoss === null || evalLoss < this.bestEvalLoss;
    if (improved) {
      this.bestEvalLoss = evalLoss;
      this.bestStep = this.step;
      this.evalsWithoutImprovement = 0;
      // Kept in memory only (a resumed run restores the best weights seen since the resume).
      if (this.config.earlyStoppingPatience > 0 && this.config.restoreBestOnEarlyStop)
        this.bestParameters = await this.peft.parameters.toHost();
    } else this.evalsWithoutImprovement++;
    const metrics = this.options.evaluate ? await this.options.evaluate(this.peft, this.step) : {};
    const event = { step: this.step, evalLoss, metrics, improved };
    this.options.onEvaluate?.(event);
    return event;
  }

  /** The checkpoint of the current state (trainable weights, optimiser, position, RNG). */
  checkpoint(): Promise<CheckpointFiles> {
    return writeCheckpoint(this);
  }

  /** Restores a checkpoint written by checkpoint() for the same method and data. */
  async restore(files: CheckpointFiles): Promise<void> {
    await readCheckpoint(this, files);
    this.savedStep = this.step;
  }

  private async saveCheckpoint(): Promise<void> {
    if (this.options.saveCheckpoint)
      await this.options.saveCheckpoint(await this.checkpoint(), this.step);
    this.savedStep = this.step;
  }
}

function batchRows(batch: Batch, field: 'inputIds' | 'labels'): number[][] {
  const T = batch.sequenceLength;
  return Array.from({ length: batch.batchSize }, (_, b) =>
    Array.from(batch[field].subarray(b * T, (b + 1) * T)),
  );
}

/**
 * Every example must have a target: one whose labels are all -100 (a prompt cut off by the
 * context) adds nothing to the loss, and a batch of them makes a step with no loss at all.
 */
function requireTargets(examples: readonly TokenizedExample[], option: string): void {
  examples.forEach((example, index) => {
    if (!example.labels.some((label, t) => t > 0 && label !== -100))
      throw new TrainerError(
        `Trainer: option ${option}, example ${index + 1} (${example.inputIds.length} tokens): expected at least one target token (a label other than -100 after the first position), got none; drop or shorten examples whose prompt fills the context`,
      );
  });
}

/** Tokens the shifted loss counts: labels[t+1] != -100. */
function countTargets(batch: Batch): number {
  let count = 0;
  const T = batch.sequenceLength;
  for (let b = 0; b < batch.batchSize; b++)
    for (let t = 1; t < T; t++) if (batch.labels[b * T + t] !== -100) count++;
  return count;
}
