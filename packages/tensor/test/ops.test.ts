// Forward semantics of the ops on the CPU backend, against values worked out by hand.
import { describe, expect, it } from 'vitest';
import { CpuBackend } from '../src/backends/cpu/cpu-backend';
import {
  attention,
  concat,
  crossEntropy,
  dropout,
  embedding,
  expand,
  layerNorm,
  matmul,
  mean,
  permute,
  slice,
  softmax,
  sum,
  tensor,
  transpose,
} from '../src/index';

const cpu = new CpuBackend();
const t = (values: number[], shape: number[]) => tensor(values, shape, { backend: cpu });
const ids = (values: number[], shape: number[]) =>
  tensor(Int32Array.from(values), shape, { backend: cpu });
const values = async (x: { toArray(): Promise<number[]> }) =>
  (await x.toArray()).map((v) => Number(v.toFixed(5)));

describe('ops: forward values', () => {
  it('softmax and layer norm', async () => {
    expect(await values(softmax(t([0, Math.log(2), 5, 5], [2, 2])))).toEqual([
      0.33333, 0.66667, 0.5, 0.5,
    ]);
    const y = layerNorm(t([1, 2, 3], [1, 3]), t([1, 1, 2], [3]), t([0, 1, 0], [3]), { eps: 0 });
    const s = Math.sqrt(1.5);
    expect(await values(y)).toEqual([-s, 1, 2 * s].map((v) => Number(v.toFixed(5))));
  });

  it('sum and mean over axes', async () => {
    const x = t([1, 2, 3, 4, 5, 6], [2, 3]);
    expect(await values(sum(x))).toEqual([21]);
    expect(await values(sum(x, { axes: 0 }))).toEqual([5, 7, 9]);
    expect(await values(sum(x, { axes: -1, keepDims: true }))).toEqual([6, 15]);
    expect(sum(x, { axes: -1, keepDims: true }).shape).toEqual([2, 1]);
    expect(await values(mean(x, { axes: 1 }))).toEqual([2, 5]);
    // A long reduction into one output takes the two-pass path.
    const long = tensor(new Float32Array(10_000).fill(0.5), [10_000], { backend: cpu });
    expect(await values(sum(long))).toEqual([5000]);
  });

  it('layout ops', async () => {
    const x = t([1, 2, 3, 4, 5, 6], [2, 3]);
    expect(await values(transpose(x))).toEqual([1, 4, 2, 5, 3, 6]);
    expect(await values(slice(x, 1, 1, 3))).toEqual([2, 3, 5, 6]);
    expect(await values(slice(x, -1, -1, 3))).toEqual([3, 6]);
    expect(await values(concat([x, t([7, 8], [2, 1])], 1))).toEqual([1, 2, 3, 7, 4, 5, 6, 8]);
    expect(await values(expand(t([1, 2], [2, 1]), [2, 2]))).toEqual([1, 1, 2, 2]);
    const p = permute(t([0, 1, 2, 3, 4, 5, 6, 7], [2, 2, 2]), [2, 0, 1]);
    expect(await values(p)).toEqual([0, 2, 4, 6, 1, 3, 5, 7]);
  });

  it('matmul with batches and transposes', async () => {
    const a = t([1, 2, 3, 4], [2, 2]);
    const b = t([5, 6, 7, 8], [2, 2]);
    expect(await values(matmul(a, b))).toEqual([19, 22, 43, 50]);
    expect(await values(matmul(a, b, { transposeA: true }))).toEqual([26, 30, 38, 44]);
    expect(await values(matmul(a, b, { transposeB: true }))).toEqual([17, 23, 39, 53]);
    const batched = t([1, 2, 3, 4, 1, 0, 0, 1], [2, 2, 2]);
    expect(await values(matmul(batched, b))).toEqual([19, 22, 43, 50, 5, 6, 7, 8]);
    expect(await values(matmul(b, batched))).toEqual([23, 34, 31, 46, 5, 6, 7, 8]);
  });

  it('embedding (out-of-range ids read zeros)', async () => {
    const table = t([1, 2, 3, 4, 5, 6], [3, 2]);
    expect(await values(embedding(ids([2, 0, 7, -1], [2, 2]), table))).toEqual([
      5, 6, 1, 2, 0, 0, 0, 0,
    ]);
  });

  it('cross-entropy: uniform logits give ln V; ignored labels are not counted', async () => {
    const logits = t(new Array(12).fill(0.3), [3, 4]);
    expect(await crossEntropy(logits, ids([1, -100, 3], [3])).item()).toBeCloseTo(Math.log(4), 6);
    expect(
      await crossEntropy(logits, ids([1, -100, 3], [3]), { reduction: 'sum' }).item(),
    ).toBeCloseTo(2 * Math.log(4), 5);
    const sharp = t([0, 10, 0, 0], [1, 4]);
    const expected = -(10 - Math.log(3 + Math.exp(10)));
    expect(await crossEntropy(sharp, ids([1], [1])).item()).toBeCloseTo(expected, 5);
  });

  it('dropout: deterministic per seed, scaled, p = 0 is the identity', async () => {
    const x = tensor(new Float32Array(2000).fill(1), [2000], { backend: cpu });
    const a = await dropout(x, { p: 0.5, seed: 3 }).toArray();
    const b = await dropout(x, { p: 0.5, seed: 3 }).toArray();
    const c = await dropout(x, { p: 0.5, seed: 4 }).toArray();
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    expect(new Set(a)).toEqual(new Set([0, 2]));
    const kept = a.filter((v) => v !== 0).length / a.length;
    expect(kept).toBeGreaterThan(0.45);
    expect(kept).toBeLessThan(0.55);
    expect(dropout(x, { p: 0, seed: 1 })).toBe(x);
  });
});

describe('attention semantics (HF GPT-2)', () => {
  // One batch row, one head, D = 2.
  const q = t([1, 0, 0, 1], [1, 1, 2, 2]);
  const k = t([1, 0, 0, 1], [1, 1, 2, 2]);
  const v = t([10, 20, 30, 40], [1, 1, 2, 2]);

  it('the first query sees only itself; the second both keys', async () => {
    const out = await attention(q, k, v).output.toArray();
    expect(out.slice(0, 2)).toEqual([10, 20]);
    // scores of query 1: [0, 1] / sqrt(2) -> weights softmax
    const w1 = 1 / (1 + Math.exp(1 / Math.sqrt(2)));
    expect(out[2]).toBeCloseTo(10 * w1 + 30 * (1 - w1), 4);
  });

  it('a batch-1 past is broadcast, prepended, and seen by every query', async () => {
    const qb = t([1, 0, 1, 0], [2, 1, 1, 2]);
    const kb = t([1, 0, 1, 0], [2, 1, 1, 2]);
    const vb = t([10, 20, 30, 40], [2, 1, 1, 2]);
    const pastKey = t([1, 0], [1, 1, 1, 2]);
    const pastValue = t([0, 0], [1, 1, 1, 2]);
    const result = attention(qb, kb, vb, { pastKey, pastValue });
    expect(result.key.shape).toEqual([2, 1, 2, 2]);
    expect(await result.key.toArray()).toEqual([1, 0, 1, 0, 1, 0, 1, 0]);
    // Equal scores for the past and the token: the output is the mean of their values.
    expect(await values(result.output)).toEqual([5, 10, 15, 20]);
  });

  it('keys and values that already hold the past equal a past given separately', async () => {
    const pastKey = t([1, 0, 0, 1], [1, 1, 2, 2]);
    const pastValue = t([1, 2, 3, 4], [1, 1, 2, 2]);
    const q = t([1, 1, 0, 1], [1, 1, 2, 2]);
    const k = t([0, 2, 1, 1], [1, 1, 2, 2]);
    const v = t([5, 6, 7, 8], [1, 1, 2, 2]);
    const separate = attention(q, k, v, { pastKey, pastValue });
    const joined = attention(q, separate.key, separate.value);
    expect(joined.key).toBe(separate.key);
    expect(await joined.output.toArray()).toEqual(await separate.output.toArray());
    expect(() => attention(q, t([1, 2], [1, 1, 1, 2]), t([1, 2], [1, 1, 1, 2]))).toThrow(/S >= T/);
  });

  it('a zero in the mask removes that key (same as attention without it)', async () => {
    const pastKey = t([3, 1], [1, 1, 1, 2]);
    const pastValue = t([-5, 7], [1, 1, 1, 2]);
    const masked = attention(q, k, v, { pastKey, pastValue, mask: t([0, 1, 1], [1, 3]) }).output;
    const without = attention(q, k, v).output;
    expect(await values(masked)).toEqual(await values(without));
  });

  it('rejects a mask of the wrong width', () => {
    expect(() => attention(q, k, v, { mask: t([1, 1, 1], [1, 3]) })).toThrow(
      /mask: expected \[1, 2\]/,
    );
  });
});

describe('head reshapes', () => {
  it('splitHeads equals slice + reshape + permute; mergeHeads undoes it', async () => {
    const { splitHeads, mergeHeads, reshape } = await import('../src/index');
    const x = t(
      Array.from({ length: 2 * 3 * 12 }, (_, i) => i),
      [2, 3, 12],
    );
    const fast = splitHeads(x, { heads: 2, parts: 3, part: 2 });
    const slow = permute(reshape(slice(x, 2, 8, 12), [2, 3, 2, 2]), [0, 2, 1, 3]);
    expect(fast.shape).toEqual([2, 2, 3, 2]);
    expect(await fast.toArray()).toEqual(await slow.toArray());
    expect(await mergeHeads(fast).toArray()).toEqual(await slice(x, 2, 8, 12).toArray());
  });
});

describe('maskedSoftmax argument checks', () => {
  it('rejects rows that are not [batch, heads, queryLen] and masks of the wrong shape', async () => {
    const { maskedSoftmax, ShapeMismatchError } = await import('../src/index');
    const x = t(new Array(5 * 4).fill(0), [5, 4]);
    expect(() => maskedSoftmax(x, { causal: true, queryLen: 2 })).toThrow(ShapeMismatchError);
    expect(() => maskedSoftmax(x, { queryLen: 5, mask: t([1, 1, 1], [1, 3]) })).toThrow(
      /mask: expected \[1, 4\]/,
    );
    expect(() => maskedSoftmax(x, { causal: true, queryLen: 6 })).toThrow(/queryLen = 6/);
  });
});
