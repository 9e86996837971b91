// Benchmark of @prefixkit/peft ("Speed"): training tokens/s of every method at GPT-2
// small shapes (12 layers, 12 heads, 768 channels) with random weights, one Trainer optimiser
// step each (forward, backward, global-norm clip, AdamW), on the CPU and WebGPU backends, beside
// PyTorch (bench/peft_bench.py, the same methods and shapes) run in the same process tree; and
// the mixed-prefix batch's forward throughput against a single-prefix batch (target >= 0.9x).
// Environment (defaults in brackets): BENCH_BACKENDS [webgpu,cpu], BENCH_METHODS [all],
// BENCH_CPU_METHODS [BENCH_METHODS], BENCH_BATCH [2], BENCH_TOKENS [32], BENCH_VOCAB [8192],
// BENCH_LAYERS [12], BENCH_PREFIX [10], BENCH_WARMUP [1], BENCH_REPEATS [2], BENCH_CPU_WARMUP [0],
// BENCH_CPU_REPEATS [1], BENCH_PYTHON [/usr/bin/python3], BENCH_OUT (write the report there).
// The vocabulary defaults to 8192, not 50257: lavapipe binds at most 128 MiB per storage buffer
// and GPT-2's wte is 154 MB, so FT-FULL (wte trainable) cannot run there at the full vocabulary.
import { execFileSync } from 'node:child_process';
import { renameSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import type { TokenizedExample } from '@prefixkit/datasets';
import { type Gpt2Model, gpt2Preset } from '@prefixkit/gpt2';
import { type Backend, CpuBackend, noGrad, tidy } from '@prefixkit/tensor';
import { createWebGpuBackend, releaseDevice, type WebGpuBackend } from '@prefixkit/tensor/node';
import { adapterBottleneck } from '../src/adapter/adapter-config';
import { createPeftModel, type MethodName, methods } from '../src/methods';
import { mixedPrefixForward } from '../src/mixed/mixed-prefix-forward';
import { baseParameterCount } from '../src/parameter-count-base';
import type { PrefixTuningModel } from '../src/prefix-tuning/prefix-tuning';
import { createRandomGpt2 } from '../src/random-gpt2';
import { Trainer } from '../src/trainer/trainer';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const list = (name: string, fallback: string) => (process.env[name] ?? fallback).split(',');
const shapes = {
  batch: env('BENCH_BATCH', 2),
  tokens: env('BENCH_TOKENS', 32),
  vocab: env('BENCH_VOCAB', 8192),
  layers: env('BENCH_LAYERS', 12),
  prefix: env('BENCH_PREFIX', 10),
};
const allMethods = Object.keys(methods).join(',');
const config = {
  ...gpt2Preset('gpt2'),
  vocab_size: shapes.vocab,
  n_layer: shapes.layers,
  eos_token_id: shapes.vocab - 1,
  bos_token_id: shapes.vocab - 1,
};
const separator = shapes.vocab - 1;
/** The source ends at this position (the separator); the rest of the row is the target. */
const sourceLength = Math.floor(shapes.tokens / 2);
const bottleneck = adapterBottleneck(config, {
  method: 'adapter',
  parameterFraction: 0.03,
  init: 'zero-up',
});

function methodConfig(name: MethodName): object {
  const P = shapes.prefix;
  switch (name) {
    case 'prefix':
      return { method: name, prefixLength: P, midDim: 512 };
    case 'prefix-flat':
    case 'embedding-only':
      return { method: name, prefixLength: P };
    case 'infix':
      return { method: name, infixLength: P, midDim: 512, separatorTokenId: separator };
    case 'adapter':
      return { method: name, bottleneck, init: 'normal' };
    case 'lora':
      return { method: name, r: 8, alpha: 16, targetModules: ['attn.c_attn'] };
    default:
      return { method: name };
  }
}

/** Rows of random ids (never the separator) with the separator closing the source. */
function examples(rows: number, seed: number): TokenizedExample[] {
  let state = seed;
  return Array.from({ length: rows }, () => {
    const inputIds = Array.from({ length: shapes.tokens }, () => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state % (shapes.vocab - 1);
    });
    inputIds[sourceLength - 1] = separator;
    return { inputIds, labels: inputIds.map((id, t) => (t < sourceLength ? -100 : id)) };
  });
}

/** Seconds of the best of `repeats` runs after `warmup` untimed runs. */
async function time(run: () => Promise<void>, warmup: number, repeats: number): Promise<number> {
  for (let k = 0; k < warmup; k++) await run();
  let best = Infinity;
  for (let k = 0; k < repeats; k++) {
    const start = performance.now();
    await run();
    best = Math.min(best, (performance.now() - start) / 1000);
  }
  return best;
}

async function benchMethod(base: Gpt2Model, backend: Backend, name: MethodName, cpu: boolean) {
  const tokens = shapes.batch * shapes.tokens;
  try {
    const peft = await createPeftModel(base, methodConfig(name), { seed: 1 });
    const trainer = new Trainer(peft, {
      config: {
        learningRate: 1e-4,
        batchSize: shapes.batch,
        maxSteps: 1_000_000,
        padTokenId: 0,
        seed: 1,
      },
      train: examples(shapes.batch * 4, 11),
    });
    const seconds = await time(
      async () => {
        await trainer.optimizerStep();
        await backend.synchronize();
      },
      cpu ? env('BENCH_CPU_WARMUP', 0) : env('BENCH_WARMUP', 1),
      cpu ? env('BENCH_CPU_REPEATS', 1) : env('BENCH_REPEATS', 2),
    );
    const trainable = peft.parameters.count();
    peft.dispose();
    return { method: name, trainable, stepSeconds: seconds, tokensPerSecond: tokens / seconds };
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    return { method: name, error: { code: code ?? 'ERROR', message: message.split('\n')[0] } };
  }
}

/** Prefill tokens/s of one batch with a shared prefix vs a different prefix per row. */
async function benchMixed(base: Gpt2Model, backend: Backend, cpu: boolean) {
  const prefixConfig = { method: 'prefix-flat', prefixLength: shapes.prefix };
  const prefixes: PrefixTuningModel[] = [];
  for (let k = 0; k < shapes.batch; k++)
    prefixes.push(
      (await createPeftModel(base, prefixConfig, { seed: 20 + k })) as PrefixTuningModel,
    );
  const rows = examples(shapes.batch, 5).map((example) => example.inputIds);
  const run = (forward: () => { logits: { dispose(): void } }) => async () => {
    noGrad(() => tidy(() => void forward()));
    await backend.synchronize();
  };
  const warmup = cpu ? env('BENCH_CPU_WARMUP', 0) : env('BENCH_WARMUP', 1);
  const repeats = cpu ? env('BENCH_CPU_REPEATS', 1) : env('BENCH_REPEATS', 2);
  // A serving prefill: every row's prompt through its prefix, next-token logits of the last
  // position only (full logits of 8 x 128 positions exceed lavapipe's storage binding).
  const last = { logitsFor: 'last' } as const;
  const shared = prefixes[0]!.exportActivations();
  const own = prefixes.map((prefix) => prefix.exportActivations());
  const variants = {
    single: run(() => prefixes[0]!.forward(rows, last)),
    sameViaMixed: run(() =>
      mixedPrefixForward(base, rows, { prefixes: rows.map(() => shared), ...last }),
    ),
    mixed: run(() => mixedPrefixForward(base, rows, { prefixes: own, ...last })),
  };
  // Interleaved (warm-up of each, then one timed run of each per repeat) so that drift in the
  // machine's load affects the three alike.
  const best = { single: Infinity, sameViaMixed: Infinity, mixed: Infinity };
  for (let k = 0; k < warmup; k++) for (const go of Object.values(variants)) await go();
  for (let k = 0; k < repeats; k++)
    for (const [key, go] of Object.entries(variants) as [keyof typeof best, () => Promise<void>][])
      best[key] = Math.min(best[key], await time(go, 0, 1));
  const { single, sameViaMixed, mixed } = best;
  for (const tensor of [shared, ...own]) tensor.dispose();
  for (const prefix of prefixes) prefix.dispose();
  const tokens = shapes.batch * shapes.tokens;
  return {
    singlePrefixTokensPerSecond: tokens / single,
    samePrefixViaMixedTokensPerSecond: tokens / sameViaMixed,
    mixedPrefixTokensPerSecond: tokens / mixed,
    mixedToSingleRatio: single / mixed,
  };
}

async function benchBackend(kind: string) {
  const cpu = kind === 'cpu';
  const backend: Backend = cpu ? new CpuBackend() : await createWebGpuBackend();
  const base = await createRandomGpt2(config, { backend, seed: 1 });
  const names = list(
    cpu ? 'BENCH_CPU_METHODS' : 'BENCH_METHODS',
    process.env.BENCH_METHODS ?? allMethods,
  );
  const results = [];
  for (const name of names) {
    const result = await benchMethod(base, backend, name as MethodName, cpu);
    console.error(`[peft bench] ${kind} ${JSON.stringify(result)}`);
    results.push(result);
  }
  const mixed = await benchMixed(base, backend, cpu);
  console.error(`[peft bench] ${kind} mixed ${JSON.stringify(mixed)}`);
  const adapter = cpu ? undefined : (backend as WebGpuBackend).adapter;
  base.dispose();
  backend.destroy();
  return { backend: kind, ...(adapter ? { adapter } : {}), methods: results, mixedPrefix: mixed };
}

/** Runs the backends, then PyTorch on the same shapes; returns (and writes) the report. */
export async function runPeftBench(scriptPath: string): Promise<unknown> {
  const runs = [];
  for (const kind of list('BENCH_BACKENDS', 'webgpu,cpu')) runs.push(await benchBackend(kind));
  await releaseDevice();
  const torchMethods = [
    ...new Set(runs.flatMap((run) => run.methods.map((result) => result.method))),
  ];
  const args = [
    scriptPath,
    ...Object.entries({
      ...shapes,
      bottleneck,
      warmup: 1,
      repeats: env('BENCH_REPEATS', 2),
    }).flatMap(([key, value]) => [`--${key}`, String(value)]),
    '--methods',
    torchMethods.join(','),
  ];
  const python = process.env.BENCH_PYTHON ?? '/usr/bin/python3';
  const torch = JSON.parse(execFileSync(python, args, { encoding: 'utf8' })) as {
    methods: Record<string, { tokensPerSecond: number }>;
  };
  const report = {
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, node: process.version },
    model: `gpt2 small shapes (${shapes.layers} layers, 768 channels, 12 heads), vocab ${shapes.vocab}, random weights, f32`,
    baseParameters: baseParameterCount(config),
    shapes: { ...shapes, adapterBottleneck: bottleneck },
    step: 'one Trainer optimiser step: forward + backward + clip to norm 1 + AdamW',
    pytorch: torch,
    prefixkit: runs.map((run) => ({
      ...run,
      methods: run.methods.map((result) => {
        const reference = torch.methods[result.method]?.tokensPerSecond;
        return result.tokensPerSecond !== undefined && reference
          ? { ...result, ratioToPytorch: result.tokensPerSecond / reference }
          : result;
      }),
    })),
  };
  const out = process.env.BENCH_OUT;
  if (out) {
    writeFileSync(`${out}.tmp`, `${JSON.stringify(report, null, 2)}\n`);
    renameSync(`${out}.tmp`, out);
  }
  return report;
}
