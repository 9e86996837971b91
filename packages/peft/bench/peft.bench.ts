// `pnpm bench` (packages/peft): training tokens/s of every method at GPT-2 small shapes, prefixkit
// (CPU and WebGPU backends) beside PyTorch (bench/peft_bench.py) in the same run, and the
// mixed-prefix batch's throughput against a single-prefix batch. Environment: see peft-bench.ts.
import { fileURLToPath } from 'node:url';
import { it } from 'vitest';
import { runPeftBench } from './peft-bench';

it('GPT-2 small shapes: training tokens/s per method and mixed-prefix throughput', async () => {
  const report = await runPeftBench(fileURLToPath(new URL('./peft_bench.py', import.meta.url)));
  console.log(JSON.stringify(report, null, 2));
}, 7_200_000);
