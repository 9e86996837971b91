// `pnpm bench` (packages/gpt2): GPT-2 small prefix-tuning step and greedy generation, prefixkit
// (CPU and WebGPU backends) vs PyTorch, same shapes, one run. Environment: BENCH_BACKENDS=cpu,webgpu
// BENCH_BATCH=2 BENCH_TOKENS=32 BENCH_PREFIX=10 BENCH_PROMPT=16 BENCH_NEW_TOKENS=16
// BENCH_REPEATS=2 BENCH_PYTHON=/usr/bin/python3 BENCH_TORCH_DEVICE=cpu BENCH_OUT=report.json.
// Prints the report as JSON. run-model-bench.node.ts is the same without vitest (for bundling).
import { fileURLToPath } from 'node:url';
import { it } from 'vitest';
import { runModelBench } from './model-bench';

it('GPT-2 small: prefix-tuning step and greedy generation, prefixkit vs PyTorch', async () => {
  const report = await runModelBench(fileURLToPath(new URL('./model_bench.py', import.meta.url)));
  console.log(JSON.stringify(report, null, 2));
}, 3_600_000);
