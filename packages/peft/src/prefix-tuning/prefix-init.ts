// Initial values of the prefix tensors (the paper's Section 7.4, "Initialization"):
// - random: torch's defaults, as the paper's modules get them (Embedding N(0, 1); Linear
//   U(+-1/sqrt(fan_in)) for weight and bias; the flat prefix randn).
// - words: the frozen LM's keys/values over real words ("table-to-text:"). The flat prefix takes
//   them directly; for the MLP the embedding and first layer stay random and the output layer is
//   solved so the MLP reproduces them exactly: W2^T = H^T (H H^T)^-1 (R - b2), H = tanh(E W1^T + b1),
//   which needs P <= mid (H has full row rank P for random E, W1).
import type { Gpt2Model } from '@prefixkit/gpt2';
import { PeftConfigError } from '../errors';
import type { HostTensor } from '../parameter-store';
import type { ParameterShape } from '../peft-model';
import { normalValues, type SeededRandom, uniformValues } from '../random';
import { activationsFromKeyValues } from './prefix-key-values';

/** torch-default random values for each named prefix tensor. */
export function randomPrefixValues(
  shapes: readonly ParameterShape[],
  random: SeededRandom,
): Record<string, HostTensor> {
  const out: Record<string, HostTensor> = {};
  const fanIn = new Map<string, number>();
  for (const { name, shape } of shapes)
    if (name.endsWith('.weight') && name.startsWith('control_trans'))
      fanIn.set(name.replace('.weight', ''), shape[1]!);
  for (const { name, shape } of shapes) {
    const count = shape.reduce((a, b) => a * b, 1);
    const layer = name.replace(/\.(weight|bias)$/, '');
    const data = fanIn.has(layer)
      ? uniformValues(random, count, 1 / Math.sqrt(fanIn.get(layer)!))
      : normalValues(random, count);
    out[name] = { shape, data };
  }
  return out;
}

/** The frozen LM's per-layer keys/values over `ids`, as activations [T, 2LC] (float64). */
export async function wordActivations(
  base: Gpt2Model,
  ids: readonly number[],
): Promise<Float64Array> {
  const { cache } = base.forwardLast([ids]);
  const layers = [];
  for (const layer of cache) {
    layers.push({
      key: Float32Array.from(await layer.key.data()),
      value: Float32Array.from(await layer.value.data()),
    });
    layer.key.dispose();
    layer.value.dispose();
  }
  const dims = {
    layers: base.config.n_layer,
    heads: base.config.n_head,
    channels: base.config.n_embd,
    length: ids.length,
  };
  return Float64Array.from(activationsFromKeyValues(layers, dims));
}

/** Solves the MLP's output layer so that it maps the random hidden states to `target` [P, W]. */
export function fitOutputLayer(values: Record<string, HostTensor>, target: Float64Array): void {
  const E = values['wte.weight']!;
  const W1 = values['control_trans.0.weight']!;
  const b1 = values['control_trans.0.bias']!.data;
  const b2 = values['control_trans.2.bias']!.data;
  const [P, C] = E.shape as [number, number];
  const mid = W1.shape[0]!;
  const width = b2.length;
  if (P > mid)
    throw new PeftConfigError(
      'prefix config, field midDim',
      `at least prefixLength (${P}) to initialise the MLP from words`,
      String(mid),
    );
  const H = new Float64Array(P * mid); // (P, mid)
  for (let p = 0; p < P; p++)
    for (let j = 0; j < mid; j++) {
      let s = b1[j]!;
      for (let c = 0; c < C; c++) s += E.data[p * C + c]! * W1.data[j * C + c]!;
      H[p * mid + j] = Math.tanh(s);
    }
  // Solve (H H^T) X = (R - b2) for X [P, W] by Gaussian elimination with partial pivoting.
  const G = new Float64Array(P * P);
  for (let a = 0; a < P; a++)
    for (let b = 0; b < P; b++) {
      let s = 0;
      for (let j = 0; j < mid; j++) s += H[a * mid + j]! * H[b * mid + j]!;
      G[a * P + b] = s;
    }
  const X = new Float64Array(P * width);
  for (let p = 0; p < P; p++)
    for (let w = 0; w < width; w++) X[p * width + w] = target[p * width + w]! - b2[w]!;
  for (let col = 0; col < P; col++) {
    let pivot = col;
    for (let row = col + 1; row < P; row++)
      if (Math.abs(G[row * P + col]!) > Math.abs(G[pivot * P + col]!)) pivot = row;
    if (pivot !== col) {
      for (let k = 0; k < P; k++)
        [G[col * P + k], G[pivot * P + k]] = [G[pivot * P + k]!, G[col * P + k]!];
      for (let w = 0; w < width; w++)
        [X[col * width + w], X[pivot * width + w]] = [X[pivot * width + w]!, X[col * width + w]!];
    }
    for (let row = 0; row < P; row++) {
      if (row === col) continue;
      const factor = G[row * P + col]! / G[col * P + col]!;
      if (factor === 0) continue;
      for (let k = col; k < P; k++) G[row * P + k]! -= factor * G[col * P + k]!;
      for (let w = 0; w < width; w++) X[row * width + w]! -= factor * X[col * width + w]!;
    }
  }
  // W2 [W, mid] = X^T H after dividing each row of X by its pivot.
  const W2 = new Float64Array(width * mid);
  for (let p = 0; p < P; p++) {
    const inverse = 1 / G[p * P + p]!;
    for (let w = 0; w < width; w++) {
      const x = X[p * width + w]! * inverse;
      for (let j = 0; j < mid; j++) W2[w * mid + j]! += x * H[p * mid + j]!;
    }
  }
  values['control_trans.2.weight'] = { shape: [width, mid], data: Float32Array.from(W2) };
}
