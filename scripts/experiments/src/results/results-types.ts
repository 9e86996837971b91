// results.json (format `prefixkit-experiment-results`, version 1): every row with its learning
// rate sweep and its scored runs, the settings and plan, and each invocation (session) with the
// machine it ran on. The Markdown table is rendered from this alone.
import type { Settings } from '../experiments/experiment';
import type { Flags, TableLayout } from '../plan/plan-types';
import type { EvaluateResult, TrainResult } from '../run/run-files';

export interface TrainSummary extends TrainResult {
  /** Wall time of the invocation that finished the training. */
  readonly seconds: number;
  /** Parameters stored in final/ (the prefix activations, the adapters, the whole model). */
  readonly keptParameters: number | null;
}

export interface ScoreSummary extends EvaluateResult {
  /** Wall time of decoding (when this session decoded) and scoring. */
  readonly seconds: number;
}

export interface RunResult {
  /** Relative to the run folder. */
  readonly dir: string;
  readonly learningRate?: number;
  readonly replicate?: string;
  readonly train?: TrainSummary;
  readonly dev?: ScoreSummary;
  readonly test?: ScoreSummary;
}

export interface LearningRateResult {
  /** How it was set: chosen on the dev subset, given (one rate), or taken from another row. */
  readonly how: 'sweep' | 'fixed' | 'row';
  readonly chosen?: number;
  readonly from?: string;
  readonly tried: readonly number[];
  readonly atGridEdge?: boolean;
}

export interface RowResult {
  readonly id: string;
  readonly family: string;
  readonly label: string;
  readonly cells?: Readonly<Record<string, string | number>>;
  /** Absent for the model alone. */
  learningRate?: LearningRateResult;
  /** The runs that compared learning rates, scored on the dev subset. */
  readonly sweep: RunResult[];
  /** The runs at the chosen rate (one per replicate), scored on the test set. */
  readonly runs: RunResult[];
}

export interface Machine {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGiB: number;
  readonly os: string;
  readonly node: string;
  /** The backend prefixkit used, and the WebGPU adapter (from `prefixkit doctor --json`). */
  readonly backend: string | null;
  readonly adapter: string | null;
}

export interface Session {
  readonly command: string;
  readonly started: string;
  updated: string;
  readonly machine: Machine;
}

export interface ExperimentResults {
  readonly format: 'prefixkit-experiment-results';
  readonly formatVersion: 1;
  readonly experiment: string;
  readonly title: string;
  readonly summary: string;
  readonly task: string;
  readonly settings: Settings;
  readonly plan: {
    readonly train: Flags;
    readonly decode: Flags;
    readonly dev: string;
    readonly test: string;
    readonly table: TableLayout;
  };
  status: 'complete' | 'partial';
  readonly sessions: Session[];
  readonly rows: RowResult[];
  readonly notes: readonly string[];
}
