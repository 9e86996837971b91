// The messages between the page and the model worker. Requests carry an id when they get one
// reply; events without an id (load progress, training progress) are broadcasts.
import type { DecodingSettings } from '../decode/e2e-decoding';

/** A prefix the visitor can decode with; `none` is the frozen model alone. */
export type PrefixName = 'none' | 'shipped' | 'trained' | 'uploaded';

export interface DevGroup {
  readonly source: string;
  readonly references: readonly string[];
}

export interface TrainSettings {
  readonly steps: number;
  readonly learningRate: number;
  readonly batchSize: number;
}

export type WorkerRequest =
  | { readonly type: 'init'; readonly baseUrl: string }
  | {
      readonly type: 'generate';
      readonly id: number;
      readonly source: string;
      readonly prefix: PrefixName;
      readonly settings: DecodingSettings;
    }
  | { readonly type: 'stop-generate' }
  | {
      readonly type: 'compare';
      readonly id: number;
      readonly source: string;
      readonly prefixes: readonly PrefixName[];
      readonly references: readonly string[] | null;
      readonly maxNewTokens: number;
    }
  | { readonly type: 'train'; readonly settings: TrainSettings; readonly resume: boolean }
  | { readonly type: 'stop-train' }
  | { readonly type: 'download'; readonly id: number }
  | {
      readonly type: 'upload';
      readonly id: number;
      readonly config: string;
      readonly weights: Uint8Array;
    };

export interface AdapterFacts {
  readonly vendor: string;
  readonly architecture: string;
  readonly description: string;
  readonly isFallbackAdapter: boolean;
  readonly features: readonly string[];
  readonly adapterFeatures: readonly string[];
  readonly limits: Readonly<Record<string, number>>;
}

export interface CompareRow {
  readonly prefix: PrefixName;
  readonly tokens: readonly number[];
  readonly text: string;
  readonly bleu: number | null;
}

export type WorkerEvent =
  | {
      readonly type: 'load-progress';
      readonly file: string;
      readonly loaded: number;
      readonly total: number;
      readonly cached: boolean;
    }
  | {
      readonly type: 'ready';
      readonly adapter: AdapterFacts;
      readonly weightsDtype: string;
      readonly computeDtype: string;
      readonly loadMs: number;
      readonly devSet: readonly DevGroup[];
      readonly trainPairs: number;
      readonly heldOutPairs: number;
      readonly prefixes: readonly PrefixName[];
    }
  | {
      readonly type: 'tokens';
      readonly id: number;
      readonly tokens: readonly number[];
      readonly text: string;
      readonly tokensPerSecond: number;
      readonly firstTokenMs: number;
    }
  | {
      readonly type: 'generated';
      readonly id: number;
      readonly tokens: readonly number[];
      readonly text: string;
      readonly stopped: boolean;
      readonly firstTokenMs: number | null;
      readonly tokensPerSecond: number;
    }
  | {
      readonly type: 'compared';
      readonly id: number;
      readonly rows: readonly CompareRow[];
      readonly ms: number;
    }
  | {
      readonly type: 'train-progress';
      readonly step: number;
      readonly totalSteps: number;
      readonly loss: number;
      readonly stepsPerSecond: number;
    }
  | { readonly type: 'train-eval'; readonly step: number; readonly evalLoss: number }
  | {
      readonly type: 'train-ended';
      readonly step: number;
      readonly totalSteps: number;
      readonly stoppedBy: 'completed' | 'early-stopping' | 'aborted';
      readonly prefixes: readonly PrefixName[];
    }
  | {
      readonly type: 'downloaded';
      readonly id: number;
      readonly config: string;
      readonly weights: Uint8Array;
    }
  | { readonly type: 'uploaded'; readonly id: number; readonly prefixes: readonly PrefixName[] }
  | {
      readonly type: 'error';
      readonly id: number | null;
      readonly message: string;
      readonly code: string | null;
    };
