// prefixkit against PyTorch on the same shapes and work, in one run: decoding (greedy, beam 5)
// on prefixkit-tiny and GPT-2 small shapes, a prefix-tuning training step and a mixed-prefix
// batch at 8 x 128, written as one JSON document (machine, adapter, load, medians, ratios).
//   pnpm --filter @prefixkit/benchmarks bench:compare [--suite lavapipe|gpu] [--only a,b]
//     [--reps N] [--warmup N] [--out FILE] [--json] [--python P] [--torch-script F]
//     [--torch-device cpu|cuda] [--torch-threads N] [--bf16] [--expect-vendor V]
// See benchmarks/README.md ("prefixkit vs PyTorch") for the table this feeds.

import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PrefixkitError } from '@prefixkit/errors';
import { type Gpt2Model, loadGpt2 } from '@prefixkit/gpt2';
import { fileByteSource } from '@prefixkit/gpt2/node';
import {
  type AdapterDescription,
  createWebGpuBackend,
  releaseDevice,
  type WebGpuBackend,
} from '@prefixkit/tensor/node';
import { describeMachine } from '../kernels/machine';
import { writeJsonAtomic } from '../kernels/write-json-atomic';
import { Checkpoints } from './checkpoints';
import { type CompareOptions, parseCompareOptions } from './compare-options';
import { type CaseResult, runCase } from './run-case';
import { defaultTorchScript } from './torch-side';

// Progress goes to stderr so that `--json` leaves stdout to the document.
const log = (line: string) => process.stderr.write(`${line}\n`);
const loadAverages = () => os.loadavg().map((value) => Math.round(value * 100) / 100);

/** The wrong adapter: a CPU fallback (lavapipe, SwiftShader) on the gpu suite, or another vendor than --expect-vendor. */
export class CompareAdapterError extends PrefixkitError {
  constructor(what: string, adapter: AdapterDescription) {
    super(
      'BENCH_ADAPTER',
      `${what}, got ${JSON.stringify(adapter)}; point Vulkan at the GPU's driver (VK_DRIVER_FILES, docs/gpu.md)`,
    );
  }
}

async function openAdapter(options: CompareOptions): Promise<WebGpuBackend> {
  const backend = await createWebGpuBackend();
  const { adapter } = backend;
  log(`adapter: ${JSON.stringify(adapter)}`);
  if (options.suite === 'gpu' && adapter.isFallbackAdapter)
    throw new CompareAdapterError(
      '--suite gpu: expected a GPU adapter, not a CPU fallback',
      adapter,
    );
  const vendor = options.expectVendor;
  if (vendor !== undefined && !adapter.vendor.toLowerCase().includes(vendor.toLowerCase()))
    throw new CompareAdapterError(`--expect-vendor: expected vendor '${vendor}'`, adapter);
  return backend;
}

async function loadModel(directory: string, backend: WebGpuBackend): Promise<Gpt2Model> {
  return loadGpt2(
    {
      config: await readFile(path.join(directory, 'config.json'), 'utf8'),
      weights: await fileByteSource(path.join(directory, 'model.safetensors')),
    },
    { backend },
  );
}

function logResult(result: CaseResult): void {
  const figure = (side: unknown) => {
    const value = side as { msPerStep?: number; error?: { code: string } } | undefined;
    if (!value) return '-';
    return value.error ? `error ${value.error.code}` : `${value.msPerStep} ms`;
  };
  const same = 'sameTokens' in result ? `, same tokens: ${result.sameTokens}` : '';
  log(
    `${result.name}: prefixkit ${figure(result.prefixkit)}, PyTorch ${figure(result.pytorch)}, ratio ${result.ratio ?? '-'}${same}`,
  );
}

async function main(): Promise<void> {
  const options = parseCompareOptions(process.argv.slice(2));
  const loadAtStart = loadAverages();
  const backend = await openAdapter(options);
  const checkpoints = new Checkpoints(log);
  const document = {
    schemaVersion: 1,
    benchmark: 'compare',
    suite: options.suite,
    date: new Date().toISOString(),
    command: process.argv.slice(2).join(' '),
    complete: false,
    machine: describeMachine(backend.adapter, backend.features),
    load: { cores: os.cpus().length, atStart: loadAtStart, atEnd: loadAtStart },
    settings: {
      reps: options.reps,
      warmup: options.warmup,
      torchDevice: options.torchDevice,
      torchThreads: options.torchThreads,
      python: options.python,
      ratio: 'prefixkit speed / PyTorch f32 speed (PyTorch median ms / prefixkit median ms)',
      decodeStep:
        'ms per step = (time of N new tokens - time of 1 new token) / (N - 1), per repetition; the prompt pass is promptMs',
    },
    cases: [] as CaseResult[],
  };
  const write = async () => {
    document.load.atEnd = loadAverages();
    if (options.out) await writeJsonAtomic(options.out, document);
  };
  const torch = {
    python: options.python,
    script: options.torchScript ?? defaultTorchScript(),
    device: options.torchDevice,
    threads: options.torchThreads,
  };
  let loaded: { directory: string; model: Gpt2Model } | undefined;
  try {
    for (const compareCase of options.cases) {
      log(`${compareCase.name}: ${compareCase.description}`);
      const directory = await checkpoints.directoryOf(compareCase);
      if (loaded?.directory !== directory) {
        loaded?.model.dispose();
        loaded = undefined;
        loaded = { directory, model: await loadModel(directory, backend) };
      }
      const result = await runCase(compareCase, {
        backend,
        model: loaded.model,
        modelDirectory: directory,
        repetitions: { warmup: options.warmup, reps: options.reps },
        suite: options.suite,
        torch,
        bf16: options.bf16,
      });
      logResult(result);
      document.cases.push(result);
      // After every case, so a run stopped early still leaves what it measured.
      await write();
    }
    document.complete = true;
    await write();
  } finally {
    loaded?.model.dispose();
    await checkpoints.remove();
    backend.destroy();
    await releaseDevice();
  }
  if (options.json) process.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
}

main().catch((error: unknown) => {
  log(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
  process.exitCode = 1;
});
