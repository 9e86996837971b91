// The benchmark without vitest, for a single-file bundle run on a lent GPU machine:
//   node run-model-bench.mjs path/to/model_bench.py   (environment as in model.bench.ts)
import { runModelBench } from './model-bench';

const script = process.argv[2] ?? 'model_bench.py';
console.log(JSON.stringify(await runModelBench(script), null, 2));
