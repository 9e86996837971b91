// Decoding speed of a checkpoint on one backend: milliseconds per generated step and tokens/s
// for greedy search and beam search at a few batch sizes, with every row forced to run the full
// length (min = max new tokens), so each configuration times the same number of steps.
//   pnpm bench:decode [--model DIR] [--backend webgpu|cpu] [--new-tokens 40] [--out FILE]
// DIR holds config.json and model.safetensors (default: the embedded models/prefixkit-tiny).
// The step time of a small model is mostly the LM head ([rows, C] @ wte^T over 50,257 words)
// and per-dispatch overhead, which is what this measures.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { type Backend, CpuBackend } from '@prefixkit/tensor';
import { createWebGpuBackend, releaseDevice } from '@prefixkit/tensor/node';
import { generate } from '../src/generate/generate';
import { loadGpt2 } from '../src/model/load-gpt2';
import { bufferByteSource } from '../src/safetensors/byte-source';

const { values: flags } = parseArgs({
  options: {
    model: {
      type: 'string',
      default: fileURLToPath(new URL('../../../models/prefixkit-tiny', import.meta.url)),
    },
    backend: { type: 'string', default: 'webgpu' },
    'new-tokens': { type: 'string', default: '40' },
    out: { type: 'string' },
  },
});

/** (rows, beams): one prompt greedy, a batch greedy, one prompt with beams, a batch with beams. */
const CONFIGURATIONS: readonly [number, number][] = [
  [1, 1],
  [20, 1],
  [1, 5],
  [4, 5],
];

function positiveInteger(name: string, text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`--${name}: expected a positive integer, got '${text}'`);
  return value;
}

async function openBackend(name: string): Promise<Backend> {
  if (name === 'cpu') return new CpuBackend();
  if (name === 'webgpu') return createWebGpuBackend();
  throw new Error(`--backend: expected webgpu or cpu, got '${name}'`);
}

async function main() {
  const newTokens = positiveInteger('new-tokens', flags['new-tokens']);
  const loadAverageAtStart = loadavg()[0];
  const backend = await openBackend(flags.backend);
  const model = await loadGpt2(
    {
      config: readFileSync(join(flags.model, 'config.json'), 'utf8'),
      weights: bufferByteSource(
        new Uint8Array(readFileSync(join(flags.model, 'model.safetensors'))),
      ),
    },
    { backend },
  );
  const results = [];
  for (const [rows, beams] of CONFIGURATIONS) {
    // Distinct 4-token prompts well inside the vocabulary.
    const prompts = Array.from({ length: rows }, (_, row) => [464 + row, 3290, 318, 257]);
    const options = { maxNewTokens: newTokens, minNewTokens: newTokens, numBeams: beams };
    await generate(model, prompts, { ...options, maxNewTokens: 2, minNewTokens: 2 }); // pipelines
    const start = performance.now();
    await generate(model, prompts, options);
    const ms = performance.now() - start;
    const row = {
      rows,
      beams,
      steps: newTokens,
      msPerStep: ms / newTokens,
      tokensPerSecond: (rows * newTokens * 1000) / ms,
    };
    results.push(row);
    process.stderr.write(
      `rows ${rows}, beams ${beams}: ${row.msPerStep.toFixed(1)} ms/step, ${row.tokensPerSecond.toFixed(1)} tokens/s\n`,
    );
  }
  const document = {
    benchmark: 'decode-speed',
    date: new Date().toISOString(),
    model: flags.model,
    backend: flags.backend,
    adapter: 'adapter' in backend ? (backend as { adapter: unknown }).adapter : null,
    cores: cpus().length,
    loadAverageAtStart,
    loadAverageAtEnd: loadavg()[0],
    results,
  };
  if (flags.out) {
    const temporary = `${flags.out}.${process.pid}.tmp`;
    writeFileSync(temporary, `${JSON.stringify(document, null, 2)}\n`);
    renameSync(temporary, flags.out);
  }
  model.dispose();
  await releaseDevice();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
