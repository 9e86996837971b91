// What a command is: a name, a JSON schema for its options (validated with ajv, and the source of
// its --help), and a run function that returns one JSON-able result plus its human rendering.
import type { Interrupt } from './interrupt';

/** The JSON schema of one option. `description` is the --help text. */
export interface OptionSchema {
  /** 'object' values come from config files, or from the command line as a JSON object. */
  type: 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'object';
  description: string;
  enum?: readonly string[];
  items?: {
    type: 'string' | 'integer';
    enum?: readonly string[];
    minimum?: number;
    maximum?: number;
    minLength?: number;
    maxLength?: number;
  };
  default?: unknown;
  minimum?: number;
  exclusiveMinimum?: number;
  maximum?: number;
  maxItems?: number;
  /** Annotation: the value is a file-system path (resolved against a config file's folder). */
  'x-path'?: boolean;
  /** Annotation: the value's name in --help (`FILE`, `N`). */
  'x-placeholder'?: string;
}

/** The JSON schema of a command's options: a closed object. */
export interface OptionsSchema {
  type: 'object';
  properties: Record<string, OptionSchema>;
  required?: readonly string[];
  additionalProperties: false;
}

/** Where a command writes: stderr only; stdout belongs to the CLI (--json). */
export interface CommandContext {
  /** Human output, progress and warnings, on stderr. Silent lines are never written to stdout. */
  log(line: string): void;
  /** A warning line on stderr (`warning: ...`). */
  warn(line: string): void;
  /**
   * A progress line on stderr: redrawn in place on a terminal, otherwise written as a line
   * (callers throttle). `done` ends the line on a terminal.
   */
  progress(line: string, done?: boolean): void;
  /**
   * Data on stdout (generate's outputs without --output). Only without --json: with --json the
   * CLI owns stdout, and this throws.
   */
  stdout(text: string): void;
  /** True under --verbose. */
  readonly verbose: boolean;
  /** True under --json (the result is printed by the CLI; keep stderr terse). */
  readonly json: boolean;
  /** Ctrl-C: long commands register a handler here to stop cleanly (save, then return). */
  readonly interrupt: Interrupt;
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
}

export interface CommandResult<Result = unknown> {
  /** The machine-readable result, printed under --json. */
  value: Result;
  /** The human rendering, printed on stderr without --json. */
  text: string;
}

export interface CommandDefinition<Options = Record<string, unknown>, Result = unknown> {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** Longer --help text, printed under the usage line. */
  description?: string;
  schema: OptionsSchema;
  /** Option filled by the first bare argument (`prefixkit inspect PATH`). */
  positional?: string;
  /** Usage examples shown by --help. */
  examples?: readonly string[];
  /**
   * Loads the command's code (its one dynamic import): --help and the other commands never load
   * the packages a command needs, and everything below this level is imported statically.
   */
  load(): Promise<CommandRun<Options, Result>>;
}

/** What a command does once its options are resolved. */
export type CommandRun<Options = Record<string, unknown>, Result = unknown> = (
  options: Options,
  context: CommandContext,
) => Promise<CommandResult<Result>>;

/** Lets a command file declare its options type while the registry holds them uniformly. */
export function defineCommand<Options, Result>(
  definition: CommandDefinition<Options, Result>,
): CommandDefinition<Record<string, unknown>, unknown> {
  return definition as unknown as CommandDefinition<Record<string, unknown>, unknown>;
}
