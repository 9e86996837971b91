// Typed errors of @prefixkit/gpt2. Each has one stable `code`; messages say what went wrong,
// where (file, tensor, field, URL), what was expected and what was found.
import { PrefixkitError, type PrefixkitErrorOptions } from '@prefixkit/errors';

/** Where in a checkpoint a problem is. */
export interface CheckpointLocation {
  /** The file name or path as the caller gave it. */
  file: string;
  /** The tensor, when the problem concerns one. */
  tensor?: string;
}

function where(location: CheckpointLocation): string {
  return location.tensor === undefined
    ? location.file
    : `${location.file}, tensor ${location.tensor}`;
}

/** A safetensors file whose bytes are malformed: bad header, offsets, dtype or truncation. */
export class CheckpointFormatError extends PrefixkitError {
  readonly file: string;
  readonly tensor: string | undefined;
  constructor(what: string, location: CheckpointLocation, options: PrefixkitErrorOptions = {}) {
    super('CHECKPOINT_FORMAT', `${where(location)}: ${what}`, options);
    this.file = location.file;
    this.tensor = location.tensor;
  }
}

/** A tensor holding NaN or ±infinity: the model or prefix it belongs to cannot produce text. */
export class NonFiniteWeightError extends PrefixkitError {
  readonly file: string;
  readonly tensor: string;
  /** Flat index of the first non-finite element. */
  readonly index: number;
  constructor(location: Required<CheckpointLocation>, index: number, value: number) {
    super(
      'CHECKPOINT_NON_FINITE',
      `${where(location)}: element ${index} is ${value}; expected finite weights (the file is corrupt or was saved from a diverged run)`,
    );
    this.file = location.file;
    this.tensor = location.tensor;
    this.index = index;
  }
}

/** Why a well-formed checkpoint does not fit the GPT-2 config it comes with. */
export type CheckpointMismatchKind =
  | 'missing'
  | 'unexpected'
  | 'duplicate'
  | 'shape'
  | 'dtype'
  | 'untied';

/** A checkpoint whose tensors do not match the config: missing, unknown or mis-shaped tensors. */
export class CheckpointMismatchError extends PrefixkitError {
  readonly file: string;
  readonly tensor: string;
  readonly kind: CheckpointMismatchKind;
  constructor(
    kind: CheckpointMismatchKind,
    what: string,
    location: Required<CheckpointLocation>,
    options: PrefixkitErrorOptions = {},
  ) {
    super('CHECKPOINT_MISMATCH', `${where(location)}: ${what}`, options);
    this.kind = kind;
    this.file = location.file;
    this.tensor = location.tensor;
  }
}

/** Vocabulary or merges files that cannot be read as GPT-2 BPE data. */
export class TokenizerFormatError extends PrefixkitError {
  readonly file: string;
  constructor(what: string, file: string, options: PrefixkitErrorOptions = {}) {
    super('TOKENIZER_FORMAT', `${file}: ${what}`, options);
    this.file = file;
  }
}

/** A tokenizer that does not fit its model (ids beyond the vocabulary, another end token). */
export class TokenizerMismatchError extends PrefixkitError {
  readonly source: string;
  constructor(source: string, expected: string, got: string, options: PrefixkitErrorOptions = {}) {
    super('TOKENIZER_MISMATCH', `${source}: expected ${expected}, got ${got}`, options);
    this.source = source;
  }
}

/** Input the tokenizer cannot process, such as a token id outside the vocabulary. */
export class TokenizerInputError extends PrefixkitError {
  constructor(what: string, options: PrefixkitErrorOptions = {}) {
    super('TOKENIZER_INPUT', what, options);
  }
}

/** What went wrong talking to the Hugging Face hub, or with its local cache. */
export type HubErrorCode =
  | 'HUB_NOT_FOUND'
  | 'HUB_UNAUTHORIZED'
  | 'HUB_HTTP'
  | 'HUB_OFFLINE'
  | 'HUB_INTEGRITY'
  | 'HUB_LOCKED';

/** A hub download failure; `code` says which kind, `url` or `path` where. */
export class HubError extends PrefixkitError {
  readonly url: string | undefined;
  readonly path: string | undefined;
  readonly status: number | undefined;
  constructor(
    code: HubErrorCode,
    message: string,
    details: { url?: string; path?: string; status?: number } = {},
    options: PrefixkitErrorOptions = {},
  ) {
    super(code, message, options);
    this.url = details.url;
    this.path = details.path;
    this.status = details.status;
  }
}
