// Reads a Hugging Face GPT-2 checkpoint (config.json + model.safetensors) into named float32
// parameters. Every name, shape and dtype, and so the count of tensors, is checked against the
// config from the header alone, before any tensor data is read or allocated; data then streams
// one tensor at a time.
import { type Gpt2Config, parseGpt2Config, parseGpt2ConfigText } from '../config/gpt2-config';
import { CheckpointMismatchError } from '../errors';
import type { ByteSource } from '../safetensors/byte-source';
import { requireFiniteWeights } from '../safetensors/finite-values';
import {
  float32ReadableDtypes,
  openSafetensors,
  type SafetensorsReader,
} from '../safetensors/safetensors-reader';
import {
  type Gpt2ParameterSpec,
  gpt2ParameterSpecs,
  resolveCheckpointName,
} from './gpt2-parameters';

/** Where a checkpoint comes from: its config (parsed JSON, text or a config) and its weights. */
export interface Gpt2CheckpointSource {
  /** config.json as text, as parsed JSON, or an already normalized Gpt2Config. */
  config: string | unknown;
  /** Name of the config file in errors (default `config.json`). */
  configFile?: string;
  /** The safetensors bytes: bufferByteSource, blobByteSource, or fileByteSource (Node). */
  weights: ByteSource;
}

/** One parameter as it streams out of a checkpoint. */
export interface Gpt2CheckpointTensor {
  name: string;
  shape: number[];
  data: Float32Array;
}

/** An opened, validated checkpoint whose tensors have not been read yet. */
export interface Gpt2CheckpointStream {
  config: Gpt2Config;
  /** `__metadata__` of the safetensors file. */
  metadata: Record<string, string>;
  /** Canonical parameters in order, with expected shapes. */
  parameters: Gpt2ParameterSpec[];
  /** Reads the parameters one by one in canonical order. */
  tensors(): AsyncGenerator<Gpt2CheckpointTensor>;
  close(): Promise<void>;
}

export interface Gpt2Checkpoint {
  config: Gpt2Config;
  metadata: Record<string, string>;
  /** Canonical name (`transformer.h.0.attn.c_attn.weight`) -> float32 data, in canonical order. */
  parameters: Map<string, Float32Array>;
}

function configHint(name: string, config: Gpt2Config): string {
  if (name.endsWith('wte.weight'))
    return ` (config: vocab_size ${config.vocab_size}, n_embd ${config.n_embd})`;
  if (name.endsWith('wpe.weight'))
    return ` (config: n_positions ${config.n_positions}, n_embd ${config.n_embd})`;
  if (name.includes('.mlp.'))
    return ` (config: n_embd ${config.n_embd}, n_inner ${config.n_inner})`;
  return ` (config: n_embd ${config.n_embd})`;
}

/** Maps canonical names to the names in the file; throws on unknown, duplicate or mis-shaped tensors. */
function matchTensors(reader: SafetensorsReader, config: Gpt2Config, specs: Gpt2ParameterSpec[]) {
  const file = reader.file;
  const expected = new Map(specs.map((spec) => [spec.name, spec]));
  const found = new Map<string, string>();
  let lmHead: string | undefined;
  for (const tensor of reader.tensors) {
    const resolved = resolveCheckpointName(tensor.name);
    if (resolved.kind === 'buffer') continue;
    // Checked here, from the header, so that no tensor is read before one proves unreadable.
    if (!float32ReadableDtypes.has(tensor.dtype)) {
      throw new CheckpointMismatchError(
        'dtype',
        `dtype ${tensor.dtype} cannot be read as float32; expected F32, F16, BF16 or F64`,
        { file, tensor: tensor.name },
      );
    }
    if (resolved.kind === 'lm_head') {
      lmHead = tensor.name;
      continue;
    }
    const spec = resolved.kind === 'parameter' ? expected.get(resolved.name) : undefined;
    if (spec === undefined) {
      throw new CheckpointMismatchError(
        'unexpected',
        `not a parameter of GPT-2 with n_layer ${config.n_layer}; expected names like transformer.h.{0..${config.n_layer - 1}}.attn.c_attn.weight`,
        { file, tensor: tensor.name },
      );
    }
    const previous = found.get(spec.name);
    if (previous !== undefined) {
      throw new CheckpointMismatchError('duplicate', `same parameter as ${previous}`, {
        file,
        tensor: tensor.name,
      });
    }
    if (tensor.shape.join() !== spec.shape.join()) {
      throw new CheckpointMismatchError(
        'shape',
        `expected shape [${spec.shape}]${configHint(spec.name, config)}, got [${tensor.shape}]`,
        { file, tensor: tensor.name },
      );
    }
    found.set(spec.name, tensor.name);
  }
  const missing = specs.filter((spec) => !found.has(spec.name));
  if (missing.length > 0) {
    throw new CheckpointMismatchError(
      'missing',
      `missing from the checkpoint${missing.length > 1 ? ` (and ${missing.length - 1} more)` : ''}; expected shape [${missing[0]!.shape}]`,
      { file, tensor: missing[0]!.name },
    );
  }
  return { found, lmHead };
}

/** An explicit lm_head.weight is accepted only if it is exactly wte (GPT-2 ties them). */
async function checkTiedHead(reader: SafetensorsReader, lmHead: string, wteName: string) {
  const head = reader.info(lmHead)!;
  const wte = reader.info(wteName)!;
  const location = { file: reader.file, tensor: lmHead };
  if (head.shape.join() !== wte.shape.join()) {
    throw new CheckpointMismatchError(
      'shape',
      `expected the shape of ${wteName} [${wte.shape}] (tied), got [${head.shape}]`,
      location,
    );
  }
  const [a, b] = await Promise.all([reader.readFloat32(lmHead), reader.readFloat32(wteName)]);
  for (let index = 0; index < a.length; index++) {
    if (!Object.is(a[index], b[index])) {
      throw new CheckpointMismatchError(
        'untied',
        `differs from ${wteName} at element ${index} (${a[index]} vs ${b[index]}); only tied LM heads are supported`,
        location,
      );
    }
  }
}

/**
 * Opens a checkpoint and validates config, names and shapes without reading tensor data.
 * @example const stream = await openGpt2Checkpoint({ config: text, weights: bufferByteSource(bytes) });
 *          for await (const { name, data } of stream.tensors()) upload(name, data);
 */
export async function openGpt2Checkpoint(
  source: Gpt2CheckpointSource,
): Promise<Gpt2CheckpointStream> {
  const configFile = source.configFile ?? 'config.json';
  const config =
    typeof source.config === 'string'
      ? parseGpt2ConfigText(source.config, configFile)
      : parseGpt2Config(source.config, configFile);
  const reader = await openSafetensors(source.weights);
  try {
    const specs = gpt2ParameterSpecs(config);
    const { found, lmHead } = matchTensors(reader, config, specs);
    if (lmHead !== undefined)
      await checkTiedHead(reader, lmHead, found.get('transformer.wte.weight')!);
    return {
      config,
      metadata: reader.metadata,
      parameters: specs,
      async *tensors() {
        for (const spec of specs) {
          const tensor = found.get(spec.name)!;
          const data = await reader.readFloat32(tensor);
          requireFiniteWeights(data, { file: reader.file, tensor });
          yield { name: spec.name, shape: spec.shape, data };
        }
      },
      close: () => reader.close(),
    };
  } catch (error) {
    await reader.close();
    throw error;
  }
}

/** Reads a whole checkpoint into memory (one Float32Array per parameter). */
export async function readGpt2Checkpoint(source: Gpt2CheckpointSource): Promise<Gpt2Checkpoint> {
  const stream = await openGpt2Checkpoint(source);
  try {
    const parameters = new Map<string, Float32Array>();
    for await (const tensor of stream.tensors()) parameters.set(tensor.name, tensor.data);
    return { config: stream.config, metadata: stream.metadata, parameters };
  } finally {
    await stream.close();
  }
}
