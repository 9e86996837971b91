// The one table that maps prefixkit error codes to process exit codes.
// apps/cli/README.md ("Exit codes") documents the same table; a test checks the two agree.
// Codes are matched exactly first, then by prefix (`DATA_` covers every data-format error a
// package defines), so a package that adds a code in a known family needs no change here.
import { PrefixkitError } from '@prefixkit/errors';

export interface ExitCodeEntry {
  /** The process exit code. */
  readonly exitCode: number;
  /** What it means, as the README table says it. */
  readonly meaning: string;
  /** Error codes (exact) and code prefixes (ending in `_` or `*`) that map here. */
  readonly codes: readonly string[];
}

export const EXIT_OK = 0;
/** A bug or an error that is not a prefixkit error: the one line says to rerun with --verbose. */
export const EXIT_INTERNAL = 1;

export const exitCodeTable: readonly ExitCodeEntry[] = [
  { exitCode: 0, meaning: 'success', codes: [] },
  {
    exitCode: 1,
    meaning: 'internal error (a bug; rerun with --verbose and report it)',
    codes: ['INTERNAL'],
  },
  {
    exitCode: 2,
    meaning: 'usage: unknown command or option, bad or missing option value',
    codes: [
      'CLI_UNKNOWN_COMMAND',
      'CLI_UNKNOWN_OPTION',
      'CLI_BAD_OPTION_VALUE',
      'CLI_MISSING_OPTION',
      'CLI_UNEXPECTED_ARGUMENT',
      'GENERATE_OPTIONS',
    ],
  },
  { exitCode: 3, meaning: 'invalid config file or preset', codes: ['CONFIG_INVALID', 'CONFIG_*'] },
  {
    exitCode: 4,
    meaning: 'file or folder not found or not readable; --resume of a run with no checkpoint',
    codes: ['FILE_NOT_FOUND', 'DATASET_NOT_FOUND', 'CHECKPOINT_NOT_FOUND', 'FILE_*'],
  },
  {
    exitCode: 5,
    meaning:
      'input data invalid: malformed data set, hypotheses/references mismatch, bad checkpoint',
    codes: [
      'CLI_INPUT_MISMATCH',
      'CLI_INPUT_FORMAT',
      'DATA_*',
      'DATASET_*',
      'METRIC_*',
      'CHECKPOINT_*',
      'SAFETENSORS_*',
      'TOKENIZER_*',
      'PREFIX_*',
    ],
  },
  {
    exitCode: 6,
    meaning: 'WebGPU unavailable or device failure (run `bash scripts/setup-webgpu.sh`)',
    codes: ['WEBGPU_*', 'GPU_*', 'SHADER_*', 'DEVICE_*', 'DTYPE_UNSUPPORTED'],
  },
  {
    exitCode: 7,
    meaning: 'network: offline without a cached copy, or download failed',
    codes: ['DATASET_DOWNLOAD', 'NETWORK_*', 'HUB_*', 'DOWNLOAD_*'],
  },
  { exitCode: 10, meaning: 'any other prefixkit error (its code is printed)', codes: [] },
  {
    exitCode: 11,
    meaning:
      'file system: a folder where a file is expected (or the reverse), missing output folder, permission denied, read-only or full disk',
    codes: ['FS_*'],
  },
  {
    exitCode: 12,
    meaning:
      'output refused: it would replace a link, FIFO or device, an input of the same command, or an existing run',
    codes: ['OUTPUT_*'],
  },
  { exitCode: 130, meaning: 'interrupted by Ctrl-C (SIGINT)', codes: ['CLI_INTERRUPTED'] },
  { exitCode: 143, meaning: 'stopped by SIGTERM', codes: ['CLI_TERMINATED'] },
];

/** Exit code for prefixkit errors whose code no entry names. */
export const EXIT_OTHER_PREFIXKIT_ERROR = 10;

function matches(pattern: string, code: string): boolean {
  return pattern.endsWith('*') ? code.startsWith(pattern.slice(0, -1)) : pattern === code;
}

/** The exit code for anything thrown out of a command. */
export function exitCodeFor(error: unknown): number {
  if (!PrefixkitError.isInstance(error)) return EXIT_INTERNAL;
  const exact = exitCodeTable.find((entry) => entry.codes.includes(error.code));
  if (exact) return exact.exitCode;
  const byPrefix = exitCodeTable.find((entry) => entry.codes.some((p) => matches(p, error.code)));
  return byPrefix?.exitCode ?? EXIT_OTHER_PREFIXKIT_ERROR;
}
