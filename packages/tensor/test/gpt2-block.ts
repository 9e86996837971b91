// A GPT-2-block-shaped model for tests: embeddings, one block (LN, attention with a prefix and a
// mask, MLP with gelu_new, residuals), ln_f, tied LM head, shifted cross-entropy with -100
// labels. Shapes follow docs/reference/REFERENCE-SPEC.md; sizes are tiny and odd on purpose.
import type { Backend } from '../src/backends/backend';
import {
  add,
  attention,
  crossEntropy,
  dropout,
  embedding,
  gelu,
  layerNorm,
  matmul,
  mergeHeads,
  permute,
  reshape,
  slice,
  splitHeads,
  type Tensor,
  tensor,
} from '../src/index';
import type { DType } from '../src/kernels/kernel-spec';
import { randomIds, randomValues } from './helpers';

export interface BlockDims {
  B: number;
  T: number;
  P: number;
  C: number;
  H: number;
  V: number;
  F: number;
  positions: number;
}

/** Tiny, odd sizes for the tests; device-check.ts times GPT-2-small sizes. */
export const dims: BlockDims = { B: 2, T: 5, P: 3, C: 12, H: 3, V: 17, F: 20, positions: 16 };

export interface BlockParams {
  wte: Tensor;
  wpe: Tensor;
  ln1w: Tensor;
  ln1b: Tensor;
  attnW: Tensor;
  attnB: Tensor;
  projW: Tensor;
  projB: Tensor;
  ln2w: Tensor;
  ln2b: Tensor;
  fcW: Tensor;
  fcB: Tensor;
  fcProjW: Tensor;
  fcProjB: Tensor;
  lnfw: Tensor;
  lnfb: Tensor;
  /** The prefix: [1, H, P, D] keys and values, shared by the batch. */
  prefixKey: Tensor;
  prefixValue: Tensor;
}

export interface BlockInputs {
  ids: Tensor;
  positions: Tensor;
  labels: Tensor;
  mask: Tensor;
}

export function makeBlockParams(
  backend: Backend,
  dtype: DType,
  trainable: (name: string) => boolean,
  sizes: BlockDims = dims,
): BlockParams {
  const { C, H, P, V, F, positions } = sizes;
  const D = C / H;
  let seed = 100;
  const make = (name: string, shape: number[], scale = 0.2, offset = 0) =>
    tensor(
      randomValues(
        shape.reduce((n, d) => n * d, 1),
        seed++,
        offset - scale,
        offset + scale,
      ),
      shape,
      { backend, dtype, requiresGrad: trainable(name) },
    );
  return {
    wte: make('wte', [V, C], 0.5),
    wpe: make('wpe', [positions, C], 0.1),
    ln1w: make('ln1w', [C], 0.1, 1),
    ln1b: make('ln1b', [C]),
    attnW: make('attnW', [C, 3 * C], 0.4),
    attnB: make('attnB', [3 * C]),
    projW: make('projW', [C, C], 0.3),
    projB: make('projB', [C]),
    ln2w: make('ln2w', [C], 0.1, 1),
    ln2b: make('ln2b', [C]),
    fcW: make('fcW', [C, F], 0.4),
    fcB: make('fcB', [F]),
    fcProjW: make('fcProjW', [F, C], 0.3),
    fcProjB: make('fcProjB', [C]),
    lnfw: make('lnfw', [C], 0.1, 1),
    lnfb: make('lnfb', [C]),
    prefixKey: make('prefixKey', [1, H, P, D], 1),
    prefixValue: make('prefixValue', [1, H, P, D], 1),
  };
}

export function makeBlockInputs(
  backend: Backend,
  dtype: DType = 'f32',
  d: BlockDims = dims,
): BlockInputs {
  const { B, T, P, V } = d;
  const ids = randomIds(B * T, V, 5);
  const labels = Int32Array.from(ids);
  labels[0] = -100; // a prompt token
  labels[T + 1] = -100;
  const positions = Int32Array.from({ length: B * T }, (_, i) => P + (i % T));
  const mask = new Float32Array(B * (P + T)).fill(1);
  mask[P + T + P] = 0; // row 1 cannot see its first real token (left padding)
  return {
    ids: tensor(ids, [B, T], { backend }),
    positions: tensor(positions, [B, T], { backend }),
    labels: tensor(labels, [B, T], { backend }),
    mask: tensor(mask, [B, P + T], { backend, dtype }),
  };
}

/** Mean next-token loss of the block model (labels shifted by one, -100 ignored). */
export function blockLoss(
  p: BlockParams,
  inputs: BlockInputs,
  options: { dropoutSeed?: number } = {},
): Tensor {
  const [B, T] = inputs.ids.shape as [number, number];
  const C = p.wte.shape[1]!;
  const H = p.prefixKey.shape[1]!;
  const drop = (x: Tensor, k: number) =>
    options.dropoutSeed === undefined
      ? x
      : dropout(x, { p: 0.1, seed: options.dropoutSeed * 10 + k });
  let x = add(embedding(inputs.ids, p.wte), embedding(inputs.positions, p.wpe)); // [B, T, C]
  x = drop(x, 0);
  const h = layerNorm(x, p.ln1w, p.ln1b); // [B, T, C]
  const qkv = add(matmul(h, p.attnW), p.attnB); // [B, T, 3C]
  const q = splitHeads(qkv, { heads: H, parts: 3, part: 0 }); // [B, H, T, D]
  const k = splitHeads(qkv, { heads: H, parts: 3, part: 1 });
  // The same split the slow way (slice, reshape, permute), so both paths stay tested.
  const v = permute(reshape(slice(qkv, 2, 2 * C, 3 * C), [B, T, H, C / H]), [0, 2, 1, 3]);
  const attended = attention(q, k, v, {
    pastKey: p.prefixKey,
    pastValue: p.prefixValue,
    mask: inputs.mask,
  }).output;
  const merged = mergeHeads(attended); // [B, T, C]
  x = add(x, drop(add(matmul(merged, p.projW), p.projB), 1));
  const m = gelu(add(matmul(layerNorm(x, p.ln2w, p.ln2b), p.fcW), p.fcB)); // [B, T, F]
  x = add(x, drop(add(matmul(m, p.fcProjW), p.fcProjB), 2));
  const logits = matmul(layerNorm(x, p.lnfw, p.lnfb), p.wte, { transposeB: true }); // [B, T, V]
  // Shift: logits at t predict labels at t + 1.
  const shiftedLogits = slice(logits, 1, 0, T - 1);
  const shiftedLabels = slice(inputs.labels, 1, 1, T);
  return crossEntropy(shiftedLogits, shiftedLabels);
}
