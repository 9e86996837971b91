// The paper's settings as presets (docs/reference/LINEARIZATION.md "Hyper-parameters found in the
// repo": gpt2/train_e2e.py defaults and README commands). The paper's per-dataset appendix table
// could not be retrieved, so only these recorded values are used.
import type { PrefixTuningConfig } from '../prefix-tuning/prefix-config';
import type { TrainingConfig } from './training-config';

export interface PaperPreset {
  readonly method: Pick<PrefixTuningConfig, 'method' | 'prefixLength' | 'midDim' | 'dropout'>;
  readonly training: Partial<TrainingConfig>;
  /** Decoding as gpt2/gen.py: beam 5, up to 100 new tokens. */
  readonly decoding: {
    readonly numBeams: number;
    readonly maxNewTokens: number;
    readonly minLength: number;
  };
}

const decoding = { numBeams: 5, maxNewTokens: 100, minLength: 5 } as const;

export const paperPresets = {
  /** E2E: train_e2e.py defaults. */
  e2e: {
    method: { method: 'prefix', prefixLength: 10, midDim: 512, dropout: 0 },
    training: {
      learningRate: 5e-5,
      epochs: 5,
      batchSize: 10,
      warmupSteps: 0,
      weightDecay: 0,
      seed: 101,
    },
    decoding,
  },
  /** WebNLG: the README's example command (prefix length 5, batch 5). */
  webnlg: {
    method: { method: 'prefix', prefixLength: 5, midDim: 512, dropout: 0 },
    training: {
      learningRate: 5e-5,
      epochs: 5,
      batchSize: 5,
      warmupSteps: 0,
      weightDecay: 0,
      seed: 101,
    },
    decoding,
  },
  /** DART: the run shipped with the repo (prefix 20, batch 10, 10 epochs). */
  dart: {
    method: { method: 'prefix', prefixLength: 20, midDim: 512, dropout: 0 },
    training: {
      learningRate: 5e-5,
      epochs: 10,
      batchSize: 10,
      warmupSteps: 0,
      weightDecay: 0,
      seed: 101,
    },
    decoding,
  },
} as const satisfies Record<string, PaperPreset>;
