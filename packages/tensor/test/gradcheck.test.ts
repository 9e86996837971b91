// Every op's backward against central finite differences, in f64 on the CPU backend.
import { describe, expect, it } from 'vitest';
import { CpuBackend } from '../src/backends/cpu/cpu-backend';
import {
  add,
  affine,
  attention,
  concat,
  crossEntropy,
  div,
  dropout,
  embedding,
  exp,
  expand,
  gelu,
  gradcheck,
  indexSelect,
  layerNorm,
  linear,
  log,
  maskedSoftmax,
  matmul,
  mean,
  mul,
  neg,
  permute,
  qkvHeads,
  relu,
  reshape,
  slice,
  softmax,
  sqrt,
  sub,
  sum,
  tanh,
  tensor,
  transpose,
} from '../src/index';
import type { Tensor } from '../src/tensor';
import { randomIds, randomTensor } from './helpers';

const cpu = new CpuBackend();
let seed = 1;
const f64 = (shape: number[], min = -1, max = 1, requiresGrad = true) =>
  randomTensor(cpu, shape, { seed: seed++, min, max, dtype: 'f64', requiresGrad });

async function check(fn: (...inputs: Tensor[]) => Tensor, inputs: Tensor[]) {
  const result = await gradcheck(fn, inputs);
  expect(result.failures, `max error ${result.maxError}`).toEqual([]);
  expect(result.ok).toBe(true);
  for (const input of inputs) input.dispose();
}

describe('gradcheck (f64, CPU): element-wise', () => {
  it('add / sub / mul / div with broadcasting', async () => {
    await check((a, b) => add(a!, b!), [f64([2, 3, 4]), f64([3, 1])]);
    await check((a, b) => sub(a!, b!), [f64([4]), f64([2, 3, 4])]);
    await check((a, b) => mul(a!, b!), [f64([2, 1, 4]), f64([3, 1])]);
    await check((a, b) => div(a!, b!), [f64([2, 3]), f64([3], 0.5, 2)]);
    await check((a) => mul(a!, a!), [f64([5])]);
  });
  it('affine, neg, exp, log, sqrt', async () => {
    await check((a) => affine(a!, -1.5, 0.25), [f64([7])]);
    await check((a) => neg(a!), [f64([3])]);
    await check((a) => exp(a!), [f64([2, 3])]);
    await check((a) => log(a!), [f64([2, 3], 0.5, 3)]);
    await check((a) => sqrt(a!), [f64([2, 3], 0.5, 3)]);
  });
  it('gelu, tanh, relu', async () => {
    await check((a) => gelu(a!), [f64([9], -3, 3)]);
    await check((a) => gelu(a!, { approximate: 'none' }), [f64([9], -4, 4)]);
    await check((a) => tanh(a!), [f64([9], -2, 2)]);
    await check((a) => relu(a!), [f64([9], 0.1, 1)]);
    await check((a) => relu(a!), [f64([9], -1, -0.1)]);
  });
  it('dropout (same seed forward and backward)', async () => {
    await check((a) => dropout(a!, { p: 0.4, seed: 123 }), [f64([33])]);
  });
});

describe('gradcheck (f64, CPU): linear (fused bias, activation, residual)', () => {
  it('x @ W + b, with and without a residual, on [B, T, K] and [M, K] inputs', async () => {
    await check((x, w, b) => linear(x!, w!, b!), [f64([2, 3, 5]), f64([5, 7]), f64([7])]);
    await check(
      (x, w, b, r) => linear(x!, w!, b!, { residual: r! }),
      [f64([3, 5]), f64([5, 4]), f64([4]), f64([3, 4])],
    );
    await check((x, w, b) => linear(x!, w!, b!), [f64([1, 5]), f64([5, 3]), f64([3])]);
  });
  it('with each activation (a graph runs the activation op on the fused x @ W + b)', async () => {
    for (const activation of ['gelu', 'gelu-exact'] as const)
      await check(
        (x, w, b, r) => linear(x!, w!, b!, { activation, residual: r! }),
        [f64([2, 2, 5]), f64([5, 3]), f64([3]), f64([2, 2, 3])],
      );
    // relu away from its kink
    await check(
      (x, w, b) => linear(x!, w!, b!, { activation: 'relu' }),
      [f64([3, 2], 0.2, 1), f64([2, 3], 0.2, 1), f64([3], 0.1, 0.5)],
    );
  });
});

describe('gradcheck (f64, CPU): matmul', () => {
  for (const transposeA of [false, true]) {
    for (const transposeB of [false, true]) {
      it(`2-D, transposeA=${transposeA}, transposeB=${transposeB}`, async () => {
        const a = f64(transposeA ? [4, 3] : [3, 4]);
        const b = f64(transposeB ? [5, 4] : [4, 5]);
        await check((x, y) => matmul(x!, y!, { transposeA, transposeB }), [a, b]);
      });
      it(`batched a with 2-D b, transposeA=${transposeA}, transposeB=${transposeB}`, async () => {
        const a = f64(transposeA ? [2, 4, 3] : [2, 3, 4]);
        const b = f64(transposeB ? [5, 4] : [4, 5]);
        await check((x, y) => matmul(x!, y!, { transposeA, transposeB }), [a, b]);
      });
    }
  }
  it('batched both, and 2-D a with batched b', async () => {
    await check((x, y) => matmul(x!, y!), [f64([2, 2, 3, 4]), f64([2, 2, 4, 2])]);
    await check((x, y) => matmul(x!, y!, { transposeB: true }), [f64([3, 4]), f64([2, 5, 4])]);
  });
});

describe('gradcheck (f64, CPU): reductions and layout', () => {
  it('sum / mean over axes', async () => {
    await check((a) => sum(a!), [f64([2, 3, 4])]);
    await check((a) => sum(a!, { axes: 1 }), [f64([2, 3, 4])]);
    await check((a) => sum(a!, { axes: [0, 2], keepDims: true }), [f64([2, 3, 4])]);
    await check((a) => mean(a!, { axes: -1 }), [f64([3, 5])]);
  });
  it('reshape, permute, transpose, slice, concat, expand', async () => {
    await check((a) => reshape(a!, [4, -1]), [f64([2, 3, 2])]);
    await check((a) => permute(a!, [2, 0, 1]), [f64([2, 3, 4])]);
    await check((a) => transpose(a!, 0, 1), [f64([3, 5])]);
    await check((a) => slice(a!, 1, 1, 3), [f64([2, 4, 3])]);
    await check((a, b) => concat([a!, b!], 1), [f64([2, 1, 3]), f64([2, 2, 3])]);
    await check((a) => expand(a!, [2, 3, 4]), [f64([3, 1])]);
    // The view forms: a permute that only moves size-1 axes, a slice of a whole axis.
    await check((a) => mul(permute(a!, [0, 2, 1, 3]), a!), [f64([2, 3, 1, 4])]);
    await check((a) => mul(slice(a!, 1, 0, 3), a!), [f64([2, 3, 2])]);
  });
  it('the view forms share the storage and copy nothing', () => {
    const x = f64([2, 3, 1, 4]);
    const merged = permute(x, [0, 2, 1, 3]); // [2, 1, 3, 4], same row-major layout
    const whole = slice(x, 1, 0, 3);
    expect([merged.storage === x.storage, whole.storage === x.storage]).toEqual([true, true]);
    expect(merged.shape).toEqual([2, 1, 3, 4]);
    expect(permute(x, [1, 0, 2, 3]).storage === x.storage).toBe(false);
    expect(slice(x, 1, 0, 2).storage === x.storage).toBe(false);
  });
});

describe('gradcheck (f64, CPU): fused layers', () => {
  it('softmax and masked softmax', async () => {
    await check((a) => softmax(a!), [f64([3, 7])]);
    const mask = tensor([1, 0, 1, 1, 1, 1, 1, 0, 1, 1], [2, 5], { backend: cpu, dtype: 'f64' });
    await check(
      (a) => maskedSoftmax(a!, { causal: true, queryLen: 3, heads: 1, divisor: 2, mask }),
      [f64([2, 3, 5])],
    );
  });
  it('layerNorm (x, weight, bias)', async () => {
    await check((x, w, b) => layerNorm(x!, w!, b!), [f64([3, 7]), f64([7]), f64([7])]);
  });
  it('attention with a batch-1 prefix and a mask', async () => {
    const mask = tensor([1, 1, 1, 0, 1, 1, 1, 1, 1, 1], [2, 5], { backend: cpu, dtype: 'f64' });
    await check(
      (q, k, v, pk, pv) => attention(q!, k!, v!, { pastKey: pk!, pastValue: pv!, mask }).output,
      [
        f64([2, 2, 3, 4]),
        f64([2, 2, 3, 4]),
        f64([2, 2, 3, 4]),
        f64([1, 2, 2, 4]),
        f64([1, 2, 2, 4]),
      ],
    );
  });
  it('qkvHeads with a batch-1 past (each output: q, key, value)', async () => {
    for (const part of ['q', 'key', 'value'] as const)
      await check(
        (qkv, pk, pv) => qkvHeads(qkv!, { heads: 2, pastKey: pk!, pastValue: pv! })[part],
        [f64([2, 3, 12]), f64([1, 2, 2, 2]), f64([1, 2, 2, 2])],
      );
  });
  it('embedding (repeated ids scatter-add)', async () => {
    const ids = tensor(Int32Array.from([2, 0, 2, 3]), [2, 2], { backend: cpu });
    await check((table) => embedding(ids, table!), [f64([4, 3])]);
  });
  it('indexSelect along first, middle and last axes (repeats scatter-add)', async () => {
    const indices = tensor(Int32Array.from([2, 0, 2, 1, 2]), [5], { backend: cpu });
    await check((x) => indexSelect(x!, 0, indices), [f64([3, 2, 2])]);
    await check((x) => indexSelect(x!, 1, indices), [f64([2, 3, 4])]);
    await check((x) => indexSelect(x!, -1, indices), [f64([2, 3])]);
  });
  it('cross-entropy, mean and sum, with ignored labels', async () => {
    const labels = tensor(Int32Array.from([1, -100, 4, 0, -100]), [5], { backend: cpu });
    await check((logits) => crossEntropy(logits!, labels), [f64([5, 6], -2, 2)]);
    await check(
      (logits) => crossEntropy(logits!, labels, { reduction: 'sum' }),
      [f64([5, 6], -2, 2)],
    );
    const ids = tensor(randomIds(6, 5, 3), [2, 3], { backend: cpu });
    await check((logits) => crossEntropy(logits!, ids), [f64([2, 3, 5], -2, 2)]);
  });
});

describe('gradcheck itself', () => {
  it('reports a wrong gradient rule', async () => {
    const { record } = await import('../src/autograd/tape');
    const { affine: affineOp } = await import('../src/ops/elementwise');
    const { noGrad } = await import('../src/autograd/no-grad');
    // y = 3x, but the rule claims dy/dx = 2.
    const wrong = (x: Tensor) => {
      const y = noGrad(() => affineOp(x, 3, 0));
      return record('wrong', y, [x], (g) => [affineOp(g, 2, 0)]);
    };
    const x = f64([4]);
    const result = await gradcheck((a) => wrong(a!), [x]);
    expect(result.ok).toBe(false);
    const { numeric, analytic } = result.failures[0]!;
    expect(numeric / analytic).toBeCloseTo(1.5, 6);
  });
});

describe('gradcheck (f64, CPU): head reshapes', () => {
  it('splitHeads (part 1 of 3) and mergeHeads', async () => {
    const { splitHeads, mergeHeads } = await import('../src/index');
    await check((x) => splitHeads(x!, { heads: 2, parts: 3, part: 1 }), [f64([2, 3, 12])]);
    await check((x) => mergeHeads(x!), [f64([2, 2, 3, 2])]);
  });
});
