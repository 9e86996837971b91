// Checks this package's kernels and a GPT-2-shaped block on a real GPU (Dawn on Vulkan), outside
// vitest so it can be bundled into one file and run on a lent machine (docs/gpu.md):
//   every kernel at GPT-2-small sizes (>65535 workgroups where it matters) vs its CPU reference,
//   the block test (loss and every gradient, WebGPU vs CPU), and forward+backward timings.
// Prints a JSON report; writes it to $OUT/device-check.json when OUT is set.
import { writeFileSync } from 'node:fs';
import { CpuBackend } from '../src/backends/cpu/cpu-backend';
import {
  backward,
  crossEntropy,
  gelu,
  keep,
  layerNorm,
  maskedSoftmax,
  matmul,
  sum,
  type Tensor,
  tensor,
  tidy,
} from '../src/index';
import type { KernelName } from '../src/kernels/kernel-names';
import { createWebGpuBackend, releaseDevice } from '../src/node';
import { f32, type KernelCase, kernelMismatch } from './conformance';
import { blockLoss, makeBlockInputs, makeBlockParams } from './gpt2-block';
import { compareArrays, randomIds, randomValues } from './helpers';

const cases: [KernelName, KernelCase][] = [];
const add = (kernel: KernelName, c: KernelCase) => cases.push([kernel, c]);
const big = 65535 * 64 + 4097; // > 65535 workgroups of 64: y tiling
add('geluForward', {
  label: 'tiled',
  inputs: [f32(big, 1, -6, 6)],
  outputs: [big],
  uniforms: { size: big },
});
add('geluBackward', {
  label: 'tiled',
  inputs: [f32(big, 2, -6, 6), f32(big, 3)],
  outputs: [big],
  uniforms: { size: big },
});
add('geluExactForward', {
  label: 'tiled',
  inputs: [f32(big, 11, -6, 6)],
  outputs: [big],
  uniforms: { size: big },
});
add('geluExactBackward', {
  label: 'tiled',
  inputs: [f32(big, 12, -6, 6), f32(big, 13)],
  outputs: [big],
  uniforms: { size: big },
});
// Beam reordering of a GPT-2-small-sized cache slice: 4 beams, inner > 65535 * 64 / 4.
const beamInner = 1_100_000;
const beamIndices = Int32Array.from([3, 0, 0, 2]);
add('indexSelectForward', {
  label: 'beam reorder, tiled',
  inputs: [f32(4 * beamInner, 14), beamIndices],
  outputs: [4 * beamInner],
  uniforms: { outer: 1, n: 4, count: 4, inner: beamInner },
});
add('indexSelectBackward', {
  label: 'beam reorder',
  inputs: [beamIndices, f32(4 * beamInner, 15)],
  outputs: [4 * beamInner],
  uniforms: { outer: 1, n: 4, count: 4, inner: beamInner },
});
add('maskedFillInt', {
  label: 'tiled',
  inputs: [randomIds(big, 50257, 16), randomIds(big, 2, 17)],
  outputs: [new Int32Array(big)],
  uniforms: { size: big, value: -100 },
});
add('dropout', {
  label: 'tiled',
  inputs: [f32(big, 4)],
  outputs: [big],
  uniforms: { size: big, seed: 77, threshold: 429496730, scale: 1 / 0.9 },
});
add('adamwStep', {
  label: 'tiled',
  inputs: [f32(big, 5)],
  outputs: [f32(big, 6), f32(big, 7, -0.01, 0.01), f32(big, 8, 0, 1e-4)],
  uniforms: {
    size: big,
    decay: 1 - 1e-4,
    beta1: 0.9,
    oneMinusBeta1: 0.1,
    beta2: 0.999,
    oneMinusBeta2: 0.001,
    stepSize: 1e-3 / (1 - 0.9 ** 10),
    bc2Sqrt: Math.sqrt(1 - 0.999 ** 10),
    eps: 1e-8,
  },
});
const rows = 1024;
const C = 768;
add('layerNormForward', {
  label: '[1024, 768]',
  inputs: [f32(rows * C, 9, -3, 3), f32(C, 10), f32(C, 11)],
  outputs: [rows * C, rows, rows],
  uniforms: { rows, cols: C, eps: 1e-5 },
});
add('add', {
  label: '[1024, 768] + [768]',
  inputs: [f32(rows * C, 12), f32(C, 13)],
  outputs: [rows * C],
  uniforms: {
    size: rows * C,
    s0: 1,
    s1: 1,
    s2: 1,
    s3: 1,
    s4: rows,
    s5: C,
    a0: 0,
    a1: 0,
    a2: 0,
    a3: 0,
    a4: C,
    a5: 1,
    b0: 0,
    b1: 0,
    b2: 0,
    b3: 0,
    b4: 0,
    b5: 1,
  },
  constants: { contiguous: 0 },
});
add('sumAxis', {
  label: 'bias grad, chunked',
  inputs: [f32(8192 * C, 14)],
  outputs: [91 * C],
  uniforms: { outer: 1, reduce: 8192, inner: C, chunk: 91, squared: 0, outOffset: 0 },
});
// Attention scores of 4 x 12 heads, T = 255 queries over P + T = 266 keys (a prefix of 11).
const attnRows = 4 * 12 * 255;
add('maskedSoftmaxForward', {
  label: 'causal + prefix + mask',
  inputs: [
    f32(attnRows * 266, 15, -10, 10),
    Float32Array.from({ length: 4 * 266 }, (_, i) => (i % 97 === 5 ? 0 : 1)),
  ],
  outputs: [attnRows * 266],
  uniforms: {
    rows: attnRows,
    cols: 266,
    queryLen: 255,
    heads: 12,
    divisor: 8,
    causal: 1,
    hasMask: 1,
  },
});
// The workgroup-per-row variants (PREFIXKIT_ROW_KERNELS=workgroup) at the same sizes.
for (const [kernel, testCase] of cases.filter(([name]) =>
  ['layerNormForward', 'maskedSoftmaxForward'].includes(name),
)) {
  add(kernel, {
    ...testCase,
    label: `${testCase.label}, workgroup per row`,
    constants: { workgroupPerRow: 1 },
  });
}
const V = 50257;
const ceRows = 64;
const labels = randomIds(ceRows, V, 16);
labels[3] = -100;
add('crossEntropyForward', {
  label: 'GPT-2 vocabulary',
  inputs: [f32(ceRows * V, 17, -8, 8), labels],
  outputs: [ceRows, ceRows],
  uniforms: { rows: ceRows, cols: V, ignoreIndex: -100 },
});
const ids = randomIds(1024, V, 18);
add('embeddingBackward', {
  label: 'wte grad',
  inputs: [ids, f32(1024 * 64, 19)],
  outputs: [V * 64],
  uniforms: { rows: 1024, vocab: V, cols: 64 },
});
add('matmul', {
  label: '[256, 768] @ [2304, 768]^T',
  inputs: [f32(256 * 768, 20), f32(2304 * 768, 21)],
  outputs: [256 * 2304],
  uniforms: {
    batch: 1,
    M: 256,
    N: 2304,
    K: 768,
    transposeA: 0,
    transposeB: 1,
    strideA: 0,
    strideB: 0,
    strideC: 0,
  },
});

async function blockGrads(backend: Awaited<ReturnType<typeof createWebGpuBackend>> | CpuBackend) {
  const params = makeBlockParams(backend, 'f32', () => true);
  const inputs = makeBlockInputs(backend);
  const loss = tidy(() => {
    const l = blockLoss(params, inputs, { dropoutSeed: 3 });
    backward(l);
    return l;
  });
  const grads: Record<string, ArrayLike<number>> = { loss: await loss.data() };
  for (const [name, p] of Object.entries(params)) grads[name] = await p.grad!.data();
  return grads;
}

/**
 * Milliseconds per forward+backward of a GPT-2-small-sized block with LM head and loss (C 768,
 * 12 heads, vocabulary 32000) for prefix-tuning (frozen weights, trainable prefix of 10).
 */
async function timeBlock(backend: Awaited<ReturnType<typeof createWebGpuBackend>>) {
  // V 32000, not 50257: wte [50257, 768] is 154 MB, over lavapipe's 128 MiB binding limit.
  const sizes = { B: 4, T: 128, P: 10, C: 768, H: 12, V: 32000, F: 3072, positions: 1024 };
  const params = makeBlockParams(backend, 'f32', (name) => name.startsWith('prefix'), sizes);
  const inputs = makeBlockInputs(backend, 'f32', sizes);
  const step = async () => {
    const loss = tidy(() => {
      const l = blockLoss(params, inputs);
      backward(l);
      return l;
    });
    await loss.data();
    loss.dispose();
    params.prefixKey.grad?.dispose();
    params.prefixKey.grad = null;
    params.prefixValue.grad?.dispose();
    params.prefixValue.grad = null;
  };
  await step(); // pipelines and pools
  const runs = 5;
  const started = performance.now();
  for (let k = 0; k < runs; k++) await step();
  const ms = (performance.now() - started) / runs;
  for (const t of [...Object.values(params), ...Object.values(inputs)]) t.dispose();
  return { sizes, msPerForwardBackward: Number(ms.toFixed(1)) };
}

/** Milliseconds of single ops (forward, and backward where marked) at the timed block's sizes. */
async function timeOps(backend: Awaited<ReturnType<typeof createWebGpuBackend>>) {
  const rows = 512;
  const make = (shape: number[], seed: number, requiresGrad = false) =>
    tensor(
      randomValues(
        shape.reduce((n, d) => n * d, 1),
        seed,
        -1,
        1,
      ),
      shape,
      { backend, requiresGrad },
    );
  const labels = tensor(randomIds(rows, 32000, 1), [rows], { backend });
  // Detach a leaf's gradient so it outlives the leaf (dispose() of a tensor frees its grad too).
  const gradOf = (x: Tensor) => {
    const g = x.grad!;
    x.grad = null;
    return g;
  };
  // Inputs are made (and uploaded) once, outside the timed calls.
  const a = keep(make([rows, 768], 2));
  const wte = keep(make([32000, 768], 3));
  const logits = keep(make([rows, 32000], 4, true));
  const scores = keep(make([4, 12, 128, 138], 5, true));
  const x = keep(make([rows, 768], 6, true));
  const w = keep(make([768], 7));
  const b = keep(make([768], 8));
  const u = keep(make([rows, 3072], 9, true));
  const ops: Record<string, () => Tensor> = {
    'matmul [512,768] x [32000,768]^T': () => matmul(a, wte, { transposeB: true }),
    'crossEntropy [512,32000] fwd+bwd': () => {
      backward(crossEntropy(logits, labels));
      return gradOf(logits);
    },
    'maskedSoftmax [4,12,128,138] fwd+bwd': () => {
      backward(sum(maskedSoftmax(scores, { causal: true, queryLen: 128, heads: 12, divisor: 8 })));
      return gradOf(scores);
    },
    'layerNorm [512,768] fwd+bwd (dx)': () => {
      backward(sum(layerNorm(x, w, b)));
      return gradOf(x);
    },
    'gelu [512,3072] fwd+bwd': () => {
      backward(sum(gelu(u)));
      return gradOf(u);
    },
  };
  // The same row ops with the workgroup-per-row kernels (read by the ops at call time).
  const workgroupRows = (fn: () => Tensor) => () => {
    const previous = process.env.PREFIXKIT_ROW_KERNELS;
    process.env.PREFIXKIT_ROW_KERNELS = 'workgroup';
    try {
      return fn();
    } finally {
      if (previous === undefined) delete process.env.PREFIXKIT_ROW_KERNELS;
      else process.env.PREFIXKIT_ROW_KERNELS = previous;
    }
  };
  ops['maskedSoftmax [4,12,128,138] fwd+bwd, workgroup per row'] = workgroupRows(
    ops['maskedSoftmax [4,12,128,138] fwd+bwd']!,
  );
  ops['layerNorm [512,768] fwd+bwd (dx), workgroup per row'] = workgroupRows(
    ops['layerNorm [512,768] fwd+bwd (dx)']!,
  );
  const timings: Record<string, number> = {};
  for (const [name, op] of Object.entries(ops)) {
    // Wait for the GPU with synchronize(), not a read-back: large outputs would time the copy.
    const once = async () => {
      const out = tidy(() => keep(op()));
      await backend.synchronize();
      out.dispose();
    };
    await once();
    const started = performance.now();
    for (let k = 0; k < 3; k++) await once();
    timings[name] = Number(((performance.now() - started) / 3).toFixed(1));
  }
  for (const t of [a, wte, logits, scores, x, w, b, u, labels]) t.dispose();
  return timings;
}

async function main() {
  const gpu = await createWebGpuBackend();
  const report: Record<string, unknown> = { adapter: gpu.adapter, kernels: [] as unknown[] };
  let failures = 0;
  for (const [kernel, testCase] of cases) {
    const started = performance.now();
    const result = await kernelMismatch(gpu, kernel, testCase);
    if (result !== 'ok') failures++;
    (report.kernels as unknown[]).push({
      kernel,
      label: testCase.label,
      result,
      ms: Math.round(performance.now() - started),
    });
  }
  const expected = await blockGrads(new CpuBackend());
  const got = await blockGrads(gpu);
  const block: Record<string, string> = {};
  for (const [name, values] of Object.entries(expected)) {
    const result = compareArrays(got[name]!, values, { atol: 1e-5, rtol: 1e-3 });
    if (!result.ok) failures++;
    block[name] = result.ok ? `ok (max diff ${result.maxDiff.toExponential(2)})` : result.report;
  }
  report.block = block;
  report.failures = failures;
  report.opTimings = await timeOps(gpu);
  if (!process.env.SKIP_BLOCK_TIMING) report.timing = await timeBlock(gpu);
  const text = JSON.stringify(report, null, 2);
  console.log(text);
  if (process.env.OUT) writeFileSync(`${process.env.OUT}/device-check.json`, text);
  gpu.destroy();
  await releaseDevice();
  process.exitCode = failures === 0 ? 0 : 1;
}

await main();
