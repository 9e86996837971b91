// Tensor basics, typed errors for bad input, tidy/keep lifetimes, and the live-buffer count
// staying flat over training-like steps (on the CPU backend, and on WebGPU where available).
import { PrefixkitError } from '@prefixkit/errors';
import { describe, expect, it } from 'vitest';
import type { Backend } from '../src/backends/backend';
import { CpuBackend } from '../src/backends/cpu/cpu-backend';
import {
  AdamW,
  add,
  BackendMismatchError,
  backward,
  clipGradNorm,
  crossEntropy,
  DTypeMismatchError,
  InvalidArgumentError,
  keep,
  matmul,
  noGrad,
  ones,
  reshape,
  ShapeMismatchError,
  sum,
  TensorDisposedError,
  tensor,
  tidy,
  zeros,
} from '../src/index';
import { blockLoss, makeBlockInputs, makeBlockParams } from './gpt2-block';
import { getWebGpuBackend } from './webgpu-fixture';

const cpu = new CpuBackend();

describe('Tensor', () => {
  it('holds shape, dtype and values', async () => {
    const t = tensor([1, 2, 3, 4, 5, 6], [2, 3], { backend: cpu });
    expect(t.shape).toEqual([2, 3]);
    expect(t.dtype).toBe('f32');
    expect(t.size).toBe(6);
    expect(await t.toArray()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(tensor(Int32Array.of(1, 2), [2], { backend: cpu }).dtype).toBe('i32');
    expect(await zeros([2], { backend: cpu }).toArray()).toEqual([0, 0]);
    expect(await ones([1], { backend: cpu }).item()).toBe(1);
  });

  it('reshape shares the buffer and outlives the original', async () => {
    const before = cpu.liveBufferCount();
    const t = tensor([1, 2, 3, 4], [2, 2], { backend: cpu });
    const r = reshape(t, [4]);
    expect(cpu.liveBufferCount()).toBe(before + 1);
    t.dispose();
    expect(await r.toArray()).toEqual([1, 2, 3, 4]);
    r.dispose();
    expect(cpu.liveBufferCount()).toBe(before);
  });
});

describe('typed errors', () => {
  it('ShapeMismatchError names op, argument, expected and got', () => {
    const a = tensor([1, 2, 3, 4, 5, 6], [2, 3], { backend: cpu });
    const b = tensor([1, 2, 3, 4], [2, 2], { backend: cpu });
    expect(() => matmul(a, b)).toThrow(ShapeMismatchError);
    expect(() => matmul(a, b)).toThrow(
      /matmul: argument b: expected inner dimension K = 3.*got \[2, 2\]/,
    );
    expect(() => add(a, b)).toThrow(
      /add: argument b: expected a shape broadcastable with \[2, 3\], got \[2, 2\]/,
    );
    expect(() => reshape(a, [4, 2])).toThrow(ShapeMismatchError);
    expect(() => tensor([1, 2], [3], { backend: cpu })).toThrow(ShapeMismatchError);
    const error = (() => {
      try {
        matmul(a, b);
      } catch (caught) {
        return caught;
      }
    })();
    expect(PrefixkitError.hasCode(error, 'SHAPE_MISMATCH')).toBe(true);
  });

  it('dtype, backend, disposed and argument errors', () => {
    const f = tensor([1, 2], [2], { backend: cpu });
    const i = tensor(Int32Array.of(1, 2), [2], { backend: cpu });
    expect(() => add(f, i)).toThrow(DTypeMismatchError);
    expect(() => crossEntropy(tensor([1, 2], [1, 2], { backend: cpu }), f)).toThrow(
      DTypeMismatchError,
    );
    expect(() => add(f, tensor([1, 2], [2], { backend: new CpuBackend() }))).toThrow(
      BackendMismatchError,
    );
    const gone = tensor([1], [1], { backend: cpu });
    gone.dispose();
    expect(() => add(f, gone)).toThrow(TensorDisposedError);
    expect(() => sum(f, { axes: 3 })).toThrow(InvalidArgumentError);
  });
});

describe('tidy and keep', () => {
  it('disposes what the function made, except its result and kept tensors', () => {
    const before = cpu.liveBufferCount();
    let inner: ReturnType<typeof tensor> | undefined;
    let kept: ReturnType<typeof tensor> | undefined;
    const result = tidy(() => {
      inner = tensor([1, 2], [2], { backend: cpu });
      kept = keep(tensor([3], [1], { backend: cpu }));
      return add(inner, inner);
    });
    expect(inner!.isDisposed).toBe(true);
    expect(result.isDisposed).toBe(false);
    expect(kept!.isDisposed).toBe(false);
    expect(cpu.liveBufferCount()).toBe(before + 2);
    result.dispose();
    kept!.dispose();
    expect(cpu.liveBufferCount()).toBe(before);
  });

  it('disposes on throw and refuses async functions', async () => {
    const before = cpu.liveBufferCount();
    expect(() =>
      tidy(() => {
        tensor([1], [1], { backend: cpu });
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(cpu.liveBufferCount()).toBe(before);
    expect(() => tidy(async () => 1)).toThrow(InvalidArgumentError);
  });

  it('noGrad records nothing', () => {
    const x = tensor([1, 2], [2], { backend: cpu, requiresGrad: true });
    const y = noGrad(() => add(x, x));
    expect(y.requiresGrad).toBe(false);
    expect(add(x, x).requiresGrad).toBe(true);
  });

  it('gradients accumulate across backward calls', async () => {
    const x = tensor([1, 2], [2], { backend: cpu, requiresGrad: true });
    tidy(() => backward(sum(add(x, x))));
    tidy(() => backward(sum(x)));
    expect(await x.grad!.toArray()).toEqual([3, 3]);
  });
});

async function expectFlatLiveCount(backend: Backend) {
  const params = makeBlockParams(backend, 'f32', () => true);
  const inputs = makeBlockInputs(backend);
  const trainable = Object.values(params);
  const optimizer = new AdamW(trainable, { lr: 1e-2 });
  const losses: number[] = [];
  const step = async (k: number) => {
    const loss = tidy(() => {
      const l = blockLoss(params, inputs, { dropoutSeed: k });
      backward(l);
      clipGradNorm(trainable, 1.0);
      optimizer.step();
      optimizer.zeroGrad();
      return l;
    });
    losses.push(await loss.item());
    loss.dispose();
  };
  const start = backend.liveBufferCount();
  await step(0);
  // The first step creates AdamW's m and v for every parameter; nothing else may remain.
  expect(backend.liveBufferCount()).toBe(start + 2 * trainable.length);
  const afterFirst = backend.liveBufferCount();
  for (let k = 1; k < 4; k++) {
    await step(k);
    expect(backend.liveBufferCount()).toBe(afterFirst);
  }
  expect(losses.every(Number.isFinite)).toBe(true);
  optimizer.dispose();
  for (const p of trainable) p.dispose();
  for (const t of Object.values(inputs)) t.dispose();
  expect(backend.liveBufferCount()).toBe(start - 4 - trainable.length);
}

describe('live buffers over training steps', () => {
  it('stay constant on the CPU backend', async () => {
    await expectFlatLiveCount(new CpuBackend());
  });
  it('stay constant on the WebGPU backend', async (context) => {
    await expectFlatLiveCount(await getWebGpuBackend(context));
  });
});
