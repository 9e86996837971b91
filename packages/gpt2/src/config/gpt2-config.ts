// The GPT-2 config as Hugging Face writes it (`GPT2Config`), validated with ajv against
// gpt2-config.schema.json, which also holds every default (HF's). Field names stay HF's
// snake_case so a config round-trips to config.json unchanged.
import { ConfigValidationError } from '@prefixkit/errors';
import { Ajv, type ErrorObject } from 'ajv';
import schema from './gpt2-config.schema.json';

/** A normalized GPT-2 config: every field present (HF defaults filled in). */
export interface Gpt2Config {
  model_type: 'gpt2';
  vocab_size: number;
  n_positions: number;
  /** Only present when the source file had it (old configs). */
  n_ctx?: number;
  n_embd: number;
  n_layer: number;
  n_head: number;
  /** MLP hidden size; null means 4 * n_embd (use `mlpHiddenSize`). */
  n_inner: number | null;
  activation_function: 'gelu_new' | 'gelu_pytorch_tanh' | 'gelu' | 'relu';
  resid_pdrop: number;
  embd_pdrop: number;
  attn_pdrop: number;
  layer_norm_epsilon: number;
  initializer_range: number;
  summary_type: string;
  summary_use_proj: boolean;
  summary_activation: string | null;
  summary_proj_to_labels: boolean;
  summary_first_dropout: number;
  scale_attn_weights: true;
  scale_attn_by_inverse_layer_idx: false;
  reorder_and_upcast_attn: boolean;
  use_cache: boolean;
  bos_token_id: number | null;
  eos_token_id: number | null;
  architectures?: string[];
  torch_dtype?: string | null;
  /** Other fields of the file (`_name_or_path`, `task_specific_params`, ...), kept verbatim. */
  [extra: string]: unknown;
}

/** The JSON Schema of config.json (with descriptions and HF defaults). */
export const gpt2ConfigSchema = schema;

const ajv = new Ajv({ allErrors: false, strict: false, useDefaults: true });
const validate = ajv.compile(schema);

function describe(error: ErrorObject): { field: string; what: string } {
  if (error.keyword === 'enum' || error.keyword === 'const') {
    const allowed = error.params as { allowedValues?: unknown[]; allowedValue?: unknown };
    const expected = allowed.allowedValues ?? [allowed.allowedValue];
    return { field: error.instancePath, what: `expected one of ${JSON.stringify(expected)}` };
  }
  return { field: error.instancePath, what: error.message ?? error.keyword };
}

/**
 * Validates a parsed config.json and fills in HF's defaults; `file` names it in errors.
 * @example const config = parseGpt2Config(JSON.parse(text), 'gpt2/config.json');
 */
export function parseGpt2Config(json: unknown, file = 'config.json'): Gpt2Config {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new ConfigValidationError(`expected a JSON object, got ${JSON.stringify(json)}`, {
      file,
      field: '',
    });
  }
  const config: Record<string, unknown> = structuredClone(json as Record<string, unknown>);
  // Old configs (the original `gpt2` upload era) may give only n_ctx for the context size.
  if (config.n_positions === undefined && config.n_ctx !== undefined)
    config.n_positions = config.n_ctx;
  if (!validate(config)) {
    const { field, what } = describe(validate.errors![0]!);
    const got = field === '' ? '' : `, got ${JSON.stringify(valueAt(config, field))}`;
    throw new ConfigValidationError(`${what}${got}`, { file, field });
  }
  const typed = config as Gpt2Config;
  typed.model_type = 'gpt2';
  if (typed.n_embd % typed.n_head !== 0) {
    throw new ConfigValidationError(
      `n_head must divide n_embd: n_embd ${typed.n_embd} is not a multiple of n_head ${typed.n_head}`,
      { file, field: '/n_head' },
    );
  }
  return typed;
}

/** Parses config.json text, reporting malformed JSON as a ConfigValidationError. */
export function parseGpt2ConfigText(text: string, file = 'config.json'): Gpt2Config {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new ConfigValidationError(`not valid JSON (${String(cause)})`, { file }, { cause });
  }
  return parseGpt2Config(json, file);
}

function valueAt(object: Record<string, unknown>, pointer: string): unknown {
  return pointer
    .split('/')
    .slice(1)
    .reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], object);
}

/** The MLP hidden size F: n_inner, or 4 * n_embd when it is null. */
export function mlpHiddenSize(config: Gpt2Config): number {
  return config.n_inner ?? 4 * config.n_embd;
}

/** config.json text as HF writes it: sorted keys, 2-space indent, trailing newline. */
export function stringifyGpt2Config(config: Gpt2Config): string {
  const sorted = Object.fromEntries(
    Object.keys(config)
      .sort()
      .map((key) => [key, config[key]]),
  );
  return `${JSON.stringify(sorted, null, 2)}\n`;
}
