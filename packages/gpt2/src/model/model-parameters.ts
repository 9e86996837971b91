// The model's weights on a backend: HF-named parameter tensors (uploaded from a checkpoint one
// at a time, so the host never holds the whole model twice) and typed per-layer views of them.
// Names and layouts follow docs/reference/REFERENCE-SPEC.md "Parameters" (Conv1D weights are [in, out]).
import { type Backend, HalfMatrix, type Tensor, tensor } from '@prefixkit/tensor';
import { gpt2ParameterSpecs } from '../checkpoint/gpt2-parameters';
import type { Gpt2Checkpoint, Gpt2CheckpointStream } from '../checkpoint/read-gpt2-checkpoint';
import type { Gpt2Config } from '../config/gpt2-config';
import { Gpt2ModelError } from './model-errors';

/** The token embedding's HF name (also the tied LM head). */
const WTE = 'transformer.wte.weight';

/** Float element types a model can compute in (f64 exists only on the CPU backend). */
export type ModelDType = 'f32' | 'f64';

/** y = x @ weight + bias, HF's Conv1D: weight [in, out], bias [out]. */
export interface LinearWeights {
  readonly weight: Tensor;
  readonly bias: Tensor;
}

/** LayerNorm scale and shift, both [C]. */
export interface LayerNormWeights {
  readonly weight: Tensor;
  readonly bias: Tensor;
}

export interface BlockWeights {
  readonly ln1: LayerNormWeights;
  readonly attention: { readonly cAttn: LinearWeights; readonly cProj: LinearWeights };
  readonly ln2: LayerNormWeights;
  readonly mlp: { readonly cFc: LinearWeights; readonly cProj: LinearWeights };
}

export interface Gpt2Weights {
  /** [V, C], also the (tied) LM head. */
  readonly wte: Tensor;
  /** [n_positions, C] */
  readonly wpe: Tensor;
  readonly blocks: readonly BlockWeights[];
  readonly lnF: LayerNormWeights;
}

/** Typed views of HF-named parameters; throws Gpt2ModelError naming a missing or mis-shaped one. */
export function gpt2Weights(
  config: Gpt2Config,
  parameters: ReadonlyMap<string, Tensor>,
): Gpt2Weights {
  for (const spec of gpt2ParameterSpecs(config)) {
    const found = parameters.get(spec.name);
    if (!found)
      throw new Gpt2ModelError(`parameter ${spec.name}: missing; expected shape [${spec.shape}]`);
    if (found.shape.join() !== spec.shape.join()) {
      throw new Gpt2ModelError(
        `parameter ${spec.name}: expected shape [${spec.shape}], got [${found.shape}]`,
      );
    }
  }
  const get = (name: string) => parameters.get(name)!;
  const linear = (name: string) => ({ weight: get(`${name}.weight`), bias: get(`${name}.bias`) });
  const blocks = Array.from({ length: config.n_layer }, (_, layer) => {
    const h = `transformer.h.${layer}`;
    return {
      ln1: linear(`${h}.ln_1`),
      attention: { cAttn: linear(`${h}.attn.c_attn`), cProj: linear(`${h}.attn.c_proj`) },
      ln2: linear(`${h}.ln_2`),
      mlp: { cFc: linear(`${h}.mlp.c_fc`), cProj: linear(`${h}.mlp.c_proj`) },
    };
  });
  return {
    wte: get(WTE),
    wpe: get('transformer.wpe.weight'),
    blocks,
    lnF: linear('transformer.ln_f'),
  };
}

export interface UploadOptions {
  readonly backend: Backend;
  /** Default 'f32'. 'f64' (CPU backend only) is for gradient checks. */
  readonly dtype?: ModelDType;
  /**
   * Also hold wte as binary16 for the tied LM head when binary16 holds every value exactly (a
   * float16 checkpoint): decoding then reads half the bytes and computes the same logits.
   * Default: on WebGPU with dtype f32 (the CPU backend gains nothing from it).
   */
  readonly halfHead?: boolean;
}

/** Uploaded parameters, and wte's binary16 form when it was asked for and is exact. */
export interface UploadedGpt2Weights {
  readonly parameters: Map<string, Tensor>;
  readonly halfHead: HalfMatrix | null;
}

/**
 * Uploads every parameter of a checkpoint (read whole, or streamed tensor by tensor) to
 * `options.backend` as frozen leaves (requiresGrad false), keyed by HF name.
 */
export async function uploadGpt2Parameters(
  checkpoint: Gpt2Checkpoint | Gpt2CheckpointStream,
  options: UploadOptions,
): Promise<Map<string, Tensor>> {
  return (await uploadGpt2Weights(checkpoint, { ...options, halfHead: false })).parameters;
}

/** uploadGpt2Parameters, plus wte's binary16 form (UploadOptions.halfHead). */
export async function uploadGpt2Weights(
  checkpoint: Gpt2Checkpoint | Gpt2CheckpointStream,
  options: UploadOptions,
): Promise<UploadedGpt2Weights> {
  const dtype = options.dtype ?? 'f32';
  const packHead = options.halfHead ?? (dtype === 'f32' && options.backend.kind === 'webgpu');
  const uploaded = new Map<string, Tensor>();
  let halfHead: HalfMatrix | null = null;
  const upload = (name: string, shape: readonly number[], data: Float32Array) => {
    uploaded.set(name, tensor(data, shape, { backend: options.backend, dtype }));
    if (packHead && name === WTE && shape.length === 2)
      halfHead = HalfMatrix.packIfExact(data, shape as [number, number], {
        backend: options.backend,
      });
  };
  try {
    if ('tensors' in checkpoint) {
      for await (const { name, shape, data } of checkpoint.tensors()) upload(name, shape, data);
    } else {
      for (const spec of gpt2ParameterSpecs(checkpoint.config)) {
        const data = checkpoint.parameters.get(spec.name);
        if (!data) throw new Gpt2ModelError(`parameter ${spec.name}: missing from the checkpoint`);
        upload(spec.name, spec.shape, data);
      }
    }
  } catch (error) {
    for (const value of uploaded.values()) value.dispose();
    (halfHead as HalfMatrix | null)?.dispose();
    throw error;
  }
  return { parameters: uploaded, halfHead };
}
