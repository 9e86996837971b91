// Training checkpoints (docs/formats/peft-adapters.md "Training checkpoints"):
//   trainer_state.json       format + version, method + config, training config, step, epoch,
//                            micro-batch, optimiser step count, RNG state, early-stopping state
//   trainable.safetensors    the trainable tensors under module-local names (the paper's names)
//   optimizer.safetensors    `<name>.exp_avg`, `<name>.exp_avg_sq` (torch's AdamW state names)
// The RNG state is the seed plus the position: data order and dropout masks derive from them.
import { PeftFormatError } from '../errors';
import { safetensorsToTensors, tensorsToSafetensors } from '../formats/tensor-files';
import { optimizerMoments, restoreOptimizer } from './optimizer-state';
import type { Trainer } from './trainer';

export interface CheckpointFiles {
  readonly 'trainer_state.json': string;
  readonly 'trainable.safetensors': Uint8Array;
  readonly 'optimizer.safetensors': Uint8Array;
}

export const checkpointFormat = { name: 'prefixkit-checkpoint', version: 1 } as const;
const stateFile = 'trainer_state.json';

export async function writeCheckpoint(trainer: Trainer): Promise<CheckpointFiles> {
  const named = trainer.peft.parameters.entries();
  const state = {
    format: checkpointFormat.name,
    format_version: checkpointFormat.version,
    method: trainer.peft.method,
    method_config: trainer.peft.config,
    training_config: trainer.config,
    step: trainer.step,
    epoch: trainer.epoch,
    batch_in_epoch: trainer.batchInEpoch,
    optimizer: { name: 'AdamW', step_count: trainer.optimizer.stepCount },
    rng: {
      algorithm: 'mulberry32-per-epoch',
      seed: trainer.config.seed,
      epoch: trainer.epoch,
      batch_in_epoch: trainer.batchInEpoch,
      dropout_step: trainer.step,
    },
    early_stopping: {
      best_eval_loss: trainer.bestEvalLoss,
      best_step: trainer.bestStep,
      evals_without_improvement: trainer.evalsWithoutImprovement,
    },
  };
  return {
    [stateFile]: `${JSON.stringify(state, null, 2)}\n`,
    'trainable.safetensors': tensorsToSafetensors(await trainer.peft.parameters.toHost()),
    'optimizer.safetensors': tensorsToSafetensors(await optimizerMoments(trainer.optimizer, named)),
  } as CheckpointFiles;
}

export async function readCheckpoint(trainer: Trainer, files: CheckpointFiles): Promise<void> {
  let state: Record<string, unknown>;
  try {
    state = JSON.parse(files[stateFile]) as Record<string, unknown>;
  } catch (error) {
    throw new PeftFormatError(stateFile, 'contents', 'JSON', 'unparsable text', { cause: error });
  }
  if (state.format !== checkpointFormat.name || state.format_version !== checkpointFormat.version) {
    throw new PeftFormatError(
      stateFile,
      'fields format / format_version',
      `${checkpointFormat.name} / ${checkpointFormat.version}`,
      `${JSON.stringify(state.format)} / ${JSON.stringify(state.format_version)}`,
    );
  }
  if (state.method !== trainer.peft.method)
    throw new PeftFormatError(
      stateFile,
      'field method',
      JSON.stringify(trainer.peft.method),
      JSON.stringify(state.method),
    );
  if ((state.training_config as { seed?: unknown }).seed !== trainer.config.seed) {
    throw new PeftFormatError(
      stateFile,
      'field training_config.seed',
      `${trainer.config.seed} (this trainer's seed)`,
      JSON.stringify((state.training_config as { seed?: unknown }).seed),
    );
  }
  const weights = await safetensorsToTensors(
    files['trainable.safetensors'],
    'trainable.safetensors',
  );
  trainer.peft.parameters.load(weights.tensors, 'trainable.safetensors');
  const moments = await safetensorsToTensors(
    files['optimizer.safetensors'],
    'optimizer.safetensors',
  );
  const optimizer = state.optimizer as { step_count: number };
  restoreOptimizer(
    trainer.optimizer,
    trainer.peft.parameters.entries(),
    moments.tensors,
    optimizer.step_count,
  );
  trainer.step = state.step as number;
  trainer.epoch = state.epoch as number;
  trainer.batchInEpoch = state.batch_in_epoch as number;
  const early = state.early_stopping as {
    best_eval_loss: number | null;
    best_step?: number | null;
    evals_without_improvement: number;
  };
  trainer.bestStep = early.best_step ?? null;
  trainer.bestEvalLoss = early.best_eval_loss;
  trainer.evalsWithoutImprovement = early.evals_without_improvement;
}
