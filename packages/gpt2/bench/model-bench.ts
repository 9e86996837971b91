// Benchmark of @prefixkit/gpt2 at GPT-2 small shapes with random weights ("Speed and
// memory"): tokens/s of one prefix-tuning step (forward + backward to the prefix keys/values,
// model frozen) and of greedy generation (batch 1, KV cache), on the CPU backend and on WebGPU,
// beside PyTorch (bench/model_bench.py, same shapes) run in the same process tree.
// Shapes and backends come from the environment (see model.bench.ts).
import { execFileSync } from 'node:child_process';
import { renameSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { type Backend, backward, CpuBackend, randn, tidy } from '@prefixkit/tensor';
import { createWebGpuBackend, releaseDevice, type WebGpuBackend } from '@prefixkit/tensor/node';
import { gpt2Preset } from '../src/config/gpt2-presets';
import { generate } from '../src/generate/generate';
import type { LayerKeyValue } from '../src/model/attention';
import type { Gpt2Model } from '../src/model/model';
import { randomGpt2 } from './random-gpt2';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const shapes = {
  batch: env('BENCH_BATCH', 2),
  tokens: env('BENCH_TOKENS', 32),
  prefix: env('BENCH_PREFIX', 10),
  prompt: env('BENCH_PROMPT', 16),
  newTokens: env('BENCH_NEW_TOKENS', 16),
  repeats: env('BENCH_REPEATS', 2),
};
const backends = (process.env.BENCH_BACKENDS ?? 'cpu,webgpu').split(',');

function ids(rows: number, columns: number, vocab: number, seed: number): number[][] {
  let state = seed;
  return Array.from({ length: rows }, () =>
    Array.from({ length: columns }, () => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state % vocab;
    }),
  );
}

function trainablePrefix(model: Gpt2Model, backend: Backend): LayerKeyValue[] {
  const { n_layer: L, n_head: H, n_embd: C } = model.config;
  return Array.from({ length: L }, (_, layer) => {
    const make = (seed: number) =>
      randn([1, H, shapes.prefix, C / H], { seed, backend, requiresGrad: true });
    return { key: make(2 * layer + 1), value: make(2 * layer + 2) };
  });
}

/** Seconds of the best of `repeats` runs after one warm-up run. */
async function time(run: () => Promise<void>): Promise<number> {
  await run();
  let best = Infinity;
  for (let repeat = 0; repeat < shapes.repeats; repeat++) {
    const start = performance.now();
    await run();
    best = Math.min(best, (performance.now() - start) / 1000);
  }
  return best;
}

async function benchBackend(kind: string) {
  const backend: Backend = kind === 'cpu' ? new CpuBackend() : await createWebGpuBackend();
  const model = randomGpt2(gpt2Preset('gpt2'), backend);
  const prefix = trainablePrefix(model, backend);
  const batch = ids(shapes.batch, shapes.tokens, model.config.vocab_size, 7);
  const stepSeconds = await time(async () => {
    tidy(() =>
      backward(model.forward(batch, { past: prefix, labels: batch, lossReduction: 'mean' }).loss!),
    );
    await backend.synchronize();
    for (const layer of prefix) {
      layer.key.grad?.dispose();
      layer.key.grad = null;
      layer.value.grad?.dispose();
      layer.value.grad = null;
    }
  });
  const prompt = ids(1, shapes.prompt, model.config.vocab_size, 9);
  const generateSeconds = await time(async () => {
    const [row] = await generate(model, prompt, {
      maxNewTokens: shapes.newTokens,
      eosTokenId: null,
    });
    if (row!.tokens.length !== shapes.newTokens) throw new Error('generation stopped early');
  });
  const adapter = kind === 'webgpu' ? (backend as WebGpuBackend).adapter : undefined;
  for (const layer of prefix) {
    layer.key.dispose();
    layer.value.dispose();
  }
  model.dispose();
  backend.destroy();
  return {
    backend: kind,
    ...(adapter ? { adapter } : {}),
    prefixStepSeconds: stepSeconds,
    prefixStepTokensPerSecond: (shapes.batch * shapes.tokens) / stepSeconds,
    // The prompt's forward is included, as in any generate() call.
    generateSeconds,
    generateTokensPerSecond: shapes.newTokens / generateSeconds,
  };
}

/**
 * Runs the prefixkit backends in BENCH_BACKENDS, then PyTorch (BENCH_PYTHON, BENCH_TORCH_DEVICE
 * = cpu or cuda) on the same shapes; returns (and with BENCH_OUT, writes) the report.
 */
export async function runModelBench(scriptPath: string): Promise<unknown> {
  const results = [];
  for (const kind of backends) results.push(await benchBackend(kind));
  await releaseDevice();
  const python = process.env.BENCH_PYTHON ?? '/usr/bin/python3';
  const torchDevice = process.env.BENCH_TORCH_DEVICE ?? 'cpu';
  const args = [
    scriptPath,
    '--device',
    torchDevice,
    ...Object.entries(shapes).flatMap(([key, value]) => [`--${key}`, String(value)]),
  ];
  const torch = JSON.parse(execFileSync(python, args, { encoding: 'utf8' }));
  const report = {
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, node: process.version },
    model: 'gpt2 (124M) shapes, random weights, f32',
    shapes,
    pytorch: torch,
    prefixkit: results.map((result) => ({
      ...result,
      prefixStepRatioToPytorch: result.prefixStepTokensPerSecond / torch.prefixStepTokensPerSecond,
      generateRatioToPytorch: result.generateTokensPerSecond / torch.generateTokensPerSecond,
    })),
  };
  const text = JSON.stringify(report, null, 2);
  const out = process.env.BENCH_OUT;
  if (out) {
    writeFileSync(`${out}.tmp`, `${text}\n`);
    renameSync(`${out}.tmp`, out);
  }
  return report;
}
