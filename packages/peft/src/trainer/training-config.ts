// Training settings: JSON schema (help text + defaults = the paper's E2E settings from
// gpt2/train_e2e.py: lr 5e-5, 5 epochs, batch 10, no warm-up, weight decay 0, seed 101) and type.
import { validateConfig } from '../config/validate-config';

export interface TrainingConfig {
  learningRate: number;
  warmupSteps: number;
  epochs: number;
  /** When set, training stops after this many optimiser steps (and the schedule spans them). */
  maxSteps?: number;
  batchSize: number;
  gradientAccumulationSteps: number;
  /** Global gradient-norm clip; null = none. */
  maxGradNorm: number | null;
  weightDecay: number;
  seed: number;
  lossReduction: 'mean' | 'sum-per-sequence';
  padTokenId: number;
  /** Evaluate the held-out loss every N optimiser steps (0 = only at the end). */
  evalEvery: number;
  /** Stop after this many evaluations without a lower held-out loss (0 = never). */
  earlyStoppingPatience: number;
  /** When early stopping ends training, put back the weights of the best evaluation. */
  restoreBestOnEarlyStop: boolean;
  /** Write a checkpoint every N optimiser steps (0 = only when stopped or at the end). */
  checkpointEvery: number;
}

export const trainingConfigSchema = {
  $id: 'prefixkit/peft/training',
  type: 'object',
  additionalProperties: false,
  properties: {
    learningRate: {
      type: 'number',
      exclusiveMinimum: 0,
      default: 5e-5,
      description: 'Peak AdamW learning rate (the paper: 5e-5 for table-to-text).',
    },
    warmupSteps: {
      type: 'integer',
      minimum: 0,
      maximum: 100_000_000,
      default: 0,
      description:
        'Linear warm-up steps before the linear decay to 0 (the paper: 0; 100 in low-data runs).',
    },
    epochs: {
      type: 'integer',
      minimum: 1,
      maximum: 10_000,
      default: 5,
      description: 'Passes over the training data (the paper: 5 for E2E).',
    },
    maxSteps: {
      type: 'integer',
      minimum: 1,
      maximum: 100_000_000,
      description: 'Stop after this many optimiser steps instead of after `epochs`.',
    },
    batchSize: {
      type: 'integer',
      minimum: 1,
      maximum: 4_096,
      default: 10,
      description: 'Examples per micro-batch (the paper: 10; 5 for WebNLG).',
    },
    gradientAccumulationSteps: {
      type: 'integer',
      minimum: 1,
      maximum: 10_000,
      default: 1,
      description: 'Micro-batches whose gradients are summed (averaged) per optimiser step.',
    },
    maxGradNorm: {
      type: ['number', 'null'],
      exclusiveMinimum: 0,
      default: 1,
      description:
        'Clip the global gradient norm to this (HF Trainer default 1.0); null disables clipping.',
    },
    weightDecay: {
      type: 'number',
      minimum: 0,
      default: 0,
      description: 'AdamW decoupled weight decay (the paper: 0).',
    },
    seed: {
      type: 'integer',
      minimum: 0,
      maximum: 4_294_967_295,
      default: 101,
      description: 'Seed of data order and dropout (the paper: 101).',
    },
    lossReduction: {
      enum: ['mean', 'sum-per-sequence'],
      default: 'mean',
      description:
        "mean: HF's token mean; sum-per-sequence: the paper's objective (per-row sums, averaged over rows).",
    },
    padTokenId: {
      type: 'integer',
      minimum: 0,
      maximum: 999_999,
      default: 50256,
      description: 'Token id written into padded positions (masked out of the loss).',
    },
    evalEvery: {
      type: 'integer',
      minimum: 0,
      maximum: 100_000_000,
      default: 0,
      description: 'Evaluate every N optimiser steps (0: at the end only).',
    },
    earlyStoppingPatience: {
      type: 'integer',
      minimum: 0,
      maximum: 1_000_000,
      default: 0,
      description: 'Stop after this many evaluations without improvement (0: never).',
    },
    restoreBestOnEarlyStop: {
      type: 'boolean',
      default: true,
      description:
        "When early stopping ends training, restore the weights of the best evaluation (HF's load_best_model_at_end); false keeps the last weights.",
    },
    checkpointEvery: {
      type: 'integer',
      minimum: 0,
      maximum: 100_000_000,
      default: 0,
      description: 'Checkpoint every N optimiser steps (0: only at the end or when stopped).',
    },
  },
} as const;

/** Validates training settings and fills in defaults; errors name `file` and the field. */
export function parseTrainingConfig(json: unknown = {}, file = 'training config'): TrainingConfig {
  return validateConfig<TrainingConfig>(trainingConfigSchema, json, file);
}
