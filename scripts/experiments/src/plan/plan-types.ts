// What an experiment is, as data: rows of a results table, each a method trained per learning
// rate (the best on a dev subset is kept) and perhaps repeated (low-data samples), decoded and
// scored on the test set. Flags are the prefixkit CLI's options by their camelCase names; the
// driver turns them into `--kebab-case` arguments (flags.ts), so a plan never spells argv.

/** A CLI option's value: objects become JSON (`--method-options '{"midDim":512}'`). */
export type FlagValue = string | number | boolean | Readonly<Record<string, unknown>>;

/** CLI options by camelCase name, e.g. `{ method: 'adapter', maxSteps: 1000 }`. */
export type Flags = Readonly<Record<string, FlagValue>>;

/** One repetition of a row at its chosen learning rate (a low-data sample, a training seed). */
export interface Replicate {
  /** Folder name and key in results.json, e.g. `sample-0`. */
  readonly id: string;
  /** Train flags it adds, e.g. `{ lowDataSample: 0 }`. */
  readonly train: Flags;
  /**
   * The row's run as the plan has it (no flags added), kept in the row's folder rather than one
   * of its own: a run folder made before the row had replicates then counts as this replicate.
   */
  readonly inRowFolder?: boolean;
}

/** One row of the results table. */
export interface Row {
  /** Folder name, `--rows` and `--lr` key: lower-case letters, digits, `.` and `-`. */
  readonly id: string;
  /** Rows sharing a family share `--rows` and `--lr` keys (`prefix` for prefix-50, prefix-100). */
  readonly family: string;
  /** The row's name in the table. */
  readonly label: string;
  /** Train flags over the plan's common ones (method and its settings); absent: the model alone. */
  readonly train?: Flags;
  /** Learning rates to try; the best by dev BLEU is kept. A single one is used as it is. */
  readonly learningRates?: readonly number[];
  /** Take the learning rate chosen for this other row instead of trying any. */
  readonly learningRateFrom?: string;
  /** Repeats at the chosen learning rate; the learning rates are tried on the first. */
  readonly replicates?: readonly Replicate[];
  /** Labels of a pivoted table, e.g. `{ method: 'prefix', size: 50 }`. */
  readonly cells?: Readonly<Record<string, string | number>>;
}

/** How outputs for one split are made and scored. */
export interface Evaluation {
  /** `prefixkit generate` flags naming the inputs (task, data, split, maxInputs). */
  readonly generate: Flags;
  /** `prefixkit evaluate` flags naming the references (task, references, maxInputs, subsets). */
  readonly evaluate: Flags;
  /** In words, for the table's notes, e.g. `the first 50 dev MRs`. */
  readonly description: string;
}

/** How the results table is laid out. */
export type TableLayout =
  | { readonly kind: 'rows' }
  /** One table per metric: a row per `rows` cell value, a column per `columns` cell value. */
  | { readonly kind: 'pivot'; readonly rows: string; readonly columns: string };

/** Everything an experiment runs. */
export interface Plan {
  /** Flags of every `prefixkit train` (model, task, data, steps, batch, seed ...). */
  readonly train: Flags;
  /** Flags of every `prefixkit generate` (model, beams, lengths ...). */
  readonly decode: Flags;
  /** The dev subset that picks each row's learning rate. */
  readonly dev: Evaluation;
  readonly test: Evaluation;
  readonly rows: readonly Row[];
  readonly table: TableLayout;
  /** Lines for the Markdown's notes: what the reader must know to read the numbers. */
  readonly notes: readonly string[];
}
