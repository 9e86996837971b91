// A few ops against PyTorch goldens (test/make-fixtures.py -> test/fixtures/*.json), forward
// and backward, on every backend: the CPU reference and (where an adapter exists) WebGPU.
import { describe, expect, it } from 'vitest';
import type { Backend } from '../src/backends/backend';
import { CpuBackend } from '../src/backends/cpu/cpu-backend';
import {
  AdamW,
  attention,
  backward,
  clipGradNorm,
  crossEntropy,
  gelu,
  indexSelect,
  layerNorm,
  matmul,
  mul,
  softmax,
  sum,
  type Tensor,
  tensor,
  tidy,
} from '../src/index';
import adamwFixture from './fixtures/adamw.json';
import attentionFixture from './fixtures/attention.json';
import clipFixture from './fixtures/clip-grad-norm.json';
import crossEntropyFixture from './fixtures/cross-entropy.json';
import geluFixture from './fixtures/gelu.json';
import geluExactFixture from './fixtures/gelu-exact.json';
import indexSelectFixture from './fixtures/index-select.json';
import layerNormFixture from './fixtures/layer-norm.json';
import matmulSoftmaxFixture from './fixtures/matmul-softmax.json';
import { compareArrays } from './helpers';
import { getWebGpuBackend } from './webgpu-fixture';

interface Stored {
  shape: number[];
  data: number[];
}

const tolerance = { atol: 2e-5, rtol: 2e-4 };

async function expectClose(got: Tensor | null, expected: Stored | number, label: string) {
  expect(got, label).not.toBeNull();
  const values = await got!.data();
  const want = typeof expected === 'number' ? [expected] : expected.data;
  if (typeof expected !== 'number') expect([...got!.shape], label).toEqual(expected.shape);
  const result = compareArrays(values, want, tolerance);
  expect(result.report, label).toBe('ok');
}

/** Backward of sum(out * dOut): the upstream gradient `dOut` without a seed argument. */
function backwardWith(out: Tensor, dOut: Tensor): void {
  backward(sum(mul(out, dOut)));
}

const backends: [string, (context: { skip(note?: string): void }) => Promise<Backend>][] = [
  ['cpu', async () => new CpuBackend()],
  ['webgpu', (context) => getWebGpuBackend(context)],
];

describe.each(backends)('PyTorch goldens on %s', (_, getBackend) => {
  const load = (backend: Backend, stored: Stored, requiresGrad = false) =>
    tensor(stored.data, stored.shape, { backend, requiresGrad });

  it('gelu_new forward and backward', async (context) => {
    const backend = await getBackend(context);
    const x = load(backend, geluFixture.x, true);
    const y = tidy(() => {
      const out = gelu(x);
      backwardWith(out, load(backend, geluFixture.dy));
      return out;
    });
    await expectClose(y, geluFixture.y, 'y');
    await expectClose(x.grad, geluFixture.dx, 'dx');
  });

  it('exact (erf) gelu forward and backward', async (context) => {
    const backend = await getBackend(context);
    const x = load(backend, geluExactFixture.x, true);
    const y = tidy(() => {
      const out = gelu(x, { approximate: 'none' });
      backwardWith(out, load(backend, geluExactFixture.dy));
      return out;
    });
    await expectClose(y, geluExactFixture.y, 'y');
    await expectClose(x.grad, geluExactFixture.dx, 'dx');
  });

  it('index_select with repeated indices, forward and backward', async (context) => {
    const backend = await getBackend(context);
    const f = indexSelectFixture;
    const x = load(backend, f.x, true);
    const index = tensor(Int32Array.from(f.index), [f.index.length], { backend });
    const y = tidy(() => {
      const out = indexSelect(x, f.axis, index);
      backwardWith(out, load(backend, f.dy));
      return out;
    });
    await expectClose(y, f.y, 'y');
    await expectClose(x.grad, f.dx, 'dx');
  });

  it('layer norm forward and backward', async (context) => {
    const backend = await getBackend(context);
    const f = layerNormFixture;
    const [x, w, b] = [
      load(backend, f.x, true),
      load(backend, f.w, true),
      load(backend, f.b, true),
    ];
    const y = tidy(() => {
      const out = layerNorm(x, w, b);
      backwardWith(out, load(backend, f.dy));
      return out;
    });
    await expectClose(y, f.y, 'y');
    await expectClose(x.grad, f.dx, 'dx');
    await expectClose(w.grad, f.dw, 'dw');
    await expectClose(b.grad, f.db, 'db');
  });

  it('attention with a shared prefix and a mask (HF semantics)', async (context) => {
    const backend = await getBackend(context);
    const f = attentionFixture;
    const [q, k, v] = [
      load(backend, f.q, true),
      load(backend, f.k, true),
      load(backend, f.v, true),
    ];
    const [pk, pv] = [load(backend, f.pastKey, true), load(backend, f.pastValue, true)];
    const out = tidy(() => {
      const result = attention(q, k, v, {
        pastKey: pk,
        pastValue: pv,
        mask: load(backend, f.mask),
      });
      backwardWith(result.output, load(backend, f.dOut));
      return result.output;
    });
    await expectClose(out, f.out, 'out');
    await expectClose(q.grad, f.dq, 'dq');
    await expectClose(k.grad, f.dk, 'dk');
    await expectClose(v.grad, f.dv, 'dv');
    await expectClose(pk.grad, f.dPastKey, 'dPastKey');
    await expectClose(pv.grad, f.dPastValue, 'dPastValue');
  });

  it('cross-entropy with ignore_index -100 (mean over counted tokens)', async (context) => {
    const backend = await getBackend(context);
    const f = crossEntropyFixture;
    const logits = load(backend, f.logits, true);
    const labels = tensor(Int32Array.from(f.labels), [2, 5], { backend });
    const loss = tidy(() => {
      const l = crossEntropy(logits, labels);
      backward(l);
      return l;
    });
    await expectClose(loss, f.loss, 'loss');
    await expectClose(logits.grad, f.dLogits, 'dLogits');
  });

  it('batched matmul with transposed b, then softmax', async (context) => {
    const backend = await getBackend(context);
    const f = matmulSoftmaxFixture;
    const a = load(backend, f.a, true);
    const bT = load(backend, f.bT, true);
    const s = tidy(() => {
      const out = softmax(matmul(a, bT, { transposeB: true }));
      backwardWith(out, load(backend, f.dS));
      return out;
    });
    await expectClose(s, f.s, 's');
    await expectClose(a.grad, f.da, 'da');
    await expectClose(bT.grad, f.dbT, 'dbT');
  });

  it('AdamW: four steps as torch.optim.AdamW', async (context) => {
    const backend = await getBackend(context);
    const f = adamwFixture;
    const p = load(backend, f.p0);
    const b = load(backend, f.b0);
    const optimizer = new AdamW([p, b], { lr: f.lr, weightDecay: f.weightDecay });
    for (let step = 0; step < f.grads.length; step++) {
      p.grad = load(backend, f.grads[step]!.p);
      b.grad = load(backend, f.grads[step]!.b);
      optimizer.step();
      optimizer.zeroGrad();
      await expectClose(p, f.steps[step]!.p, `p after step ${step + 1}`);
      await expectClose(b, f.steps[step]!.b, `b after step ${step + 1}`);
    }
    optimizer.dispose();
  });

  it('clip_grad_norm_', async (context) => {
    const backend = await getBackend(context);
    const f = clipFixture;
    const a = load(backend, { shape: f.grads.a.shape, data: new Array(20).fill(0) });
    const b = load(backend, { shape: f.grads.b.shape, data: new Array(9).fill(0) });
    a.grad = load(backend, f.grads.a);
    b.grad = load(backend, f.grads.b);
    const norm = clipGradNorm([a, b], f.maxNorm);
    await expectClose(norm, f.norm, 'norm');
    await expectClose(a.grad, f.clipped.a, 'a.grad');
    await expectClose(b.grad, f.clipped.b, 'b.grad');
  });
});
