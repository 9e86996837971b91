// prefixkit's side of a training case: one Trainer optimiser step of prefix-tuning (MLP
// reparameterisation) over a frozen GPT-2 (forward, backward, clip to norm 1, AdamW), the step
// the CLI's `train` runs.
import type { Gpt2Model } from '@prefixkit/gpt2';
import { createPeftModel, Trainer } from '@prefixkit/peft';
import type { Backend } from '@prefixkit/tensor';
import type { TrainCase } from './cases';
import { repeat } from './timing';
import type { TrainingRows } from './workload';

/** The learning rate of both sides (its value does not change the work). */
export const TRAIN_LEARNING_RATE = 1e-4;

export async function prefixkitTrain(
  base: Gpt2Model,
  backend: Backend,
  trainCase: TrainCase,
  rows: TrainingRows,
  repetitions: { warmup: number; reps: number },
): Promise<{ stepMs: number[] }> {
  const peft = await createPeftModel(
    base,
    { method: 'prefix', prefixLength: trainCase.prefixLength, midDim: trainCase.midDim },
    { seed: 1 },
  );
  try {
    const trainer = new Trainer(peft, {
      config: {
        learningRate: TRAIN_LEARNING_RATE,
        batchSize: trainCase.batch,
        maxSteps: 1_000_000,
        padTokenId: 0,
        seed: 1,
      },
      // One batch of exactly these rows: every step trains on the same 8 x 128 tokens.
      train: rows.ids.map((inputIds, row) => ({ inputIds, labels: rows.labels[row] as number[] })),
    });
    const stepMs = await repeat(async () => {
      await trainer.optimizerStep();
      await backend.synchronize();
    }, repetitions);
    return { stepMs };
  } finally {
    peft.dispose();
  }
}
