// What `prefixkit quickstart` returns (its --json result and what the table is rendered from):
// one row per scored model, the data, the decoding and the training settings.
import type { ShippedPrefixTraining } from './shipped-prefix';

export interface QuickstartRow {
  name: string;
  /** 'none' for the model without a prefix. */
  method: string;
  learningRate?: number;
  steps?: number;
  trainableParameters: number;
  percentOfBase: number;
  scores: Record<string, number>;
  devLoss: number;
  seconds: number;
  outputs: string[];
}

export interface QuickstartResult {
  model: {
    name: string;
    kind: 'embedded' | 'given';
    parameters: number;
    seconds: number;
  };
  backend: string;
  data: { train: number; evalMrs: number; evalReferences: number; source: string };
  decoding: {
    numBeams: number;
    maxNewTokens: number;
    /** End-of-text is banned for this many new tokens (HF min_new_tokens). */
    minNewTokens: number;
    bannedTokenIds: readonly number[];
    noRepeatNgramSize: number;
  };
  /** The first trained method's run (the prefix by default). */
  training: {
    steps: number;
    epochs: number;
    batchSize: number;
    learningRate: number;
    warmupSteps: number;
    method: string;
    prefixLength?: number;
    initWords?: string;
  };
  /** The model without a prefix, one row per method of --methods, then the shipped prefix. */
  rows: QuickstartRow[];
  /** The shipped prefix's folder and how it was trained, when its row is in the table. */
  shippedPrefix?: { directory: string; training: ShippedPrefixTraining };
  signatures: Record<string, string>;
  seconds: number;
}
