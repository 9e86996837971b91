// Options of an experiment command: the ones every experiment has (common-options.ts) and its
// own (sizes, lengths ...), each with a type, a range, a default and help text, so parsing and
// --help come from one table.

export type OptionValue = string | number | boolean | readonly number[] | readonly string[];

export interface OptionSpec {
  /** `integer`, `number`, `string`, a comma-separated list, or a flag without a value. */
  readonly type: 'integer' | 'number' | 'string' | 'integers' | 'numbers' | 'strings' | 'boolean';
  readonly description: string;
  readonly default?: OptionValue;
  /** Allowed strings (type string). */
  readonly choices?: readonly string[];
  /** Bounds of numbers and of every list item. */
  readonly minimum?: number;
  readonly maximum?: number;
  /** Shown after the flag in --help, e.g. `N`, `LIST`. */
  readonly placeholder?: string;
  /** May be given several times (each value kept), e.g. `--lr prefix=... --lr adapter-0.1=...`. */
  readonly repeatable?: boolean;
  /** A file or folder: made absolute against the folder the command was typed in. */
  readonly path?: boolean;
  /**
   * Says which rows or replicates the plan has (sizes, lengths, samples), not what any one of them
   * computes: like --rows, it may change between reruns of one run folder, to add to it.
   */
  readonly selectsRows?: boolean;
}

export type OptionTable = Readonly<Record<string, OptionSpec>>;

/** What a driver knows after parsing: camelCase option names, defaults filled in. */
export type OptionValues = Readonly<Record<string, OptionValue | undefined>>;
