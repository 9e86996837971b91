// Benchmark (not a test): scores the full E2E test set (630 MRs, 4,693 references) for one
// system with BLEU, NIST, ROUGE_L and CIDEr in one process, and prints time and memory.
// Run: pnpm --filter @prefixkit/metrics bench [system-output.tsv] [testset_w_refs.csv]
import { fileURLToPath } from 'node:url';
import { evaluateE2E } from '../src/index';
import { readE2EReferences, readE2ESystemOutputs } from '../src/node';

const fixtures = fileURLToPath(new URL('../fixtures/e2e/', import.meta.url));
const systemPath = process.argv[2] ?? `${fixtures}tgen.tsv`;
const refsPath = process.argv[3] ?? `${fixtures}testset_w_refs.csv`;

const t0 = performance.now();
const { references } = await readE2EReferences(refsPath);
const { outputs } = await readE2ESystemOutputs(systemPath);
const t1 = performance.now();
const scores = await evaluateE2E(outputs, references);
const t2 = performance.now();
const mem = process.memoryUsage();
console.log(
  JSON.stringify(
    {
      system: systemPath,
      segments: outputs.length,
      references: references.reduce((n, g) => n + g.length, 0),
      scores: Object.fromEntries(
        Object.entries(scores).map(([k, v]) => [k, Number(v.score.toFixed(4))]),
      ),
      readMs: Math.round(t1 - t0),
      scoreMs: Math.round(t2 - t1),
      rssMiB: Math.round(mem.rss / 2 ** 20),
      heapUsedMiB: Math.round(mem.heapUsed / 2 ** 20),
    },
    null,
    2,
  ),
);
