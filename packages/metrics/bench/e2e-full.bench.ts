// Benchmark (not a test): scores the full E2E test set (630 MRs, 4,693 references) for one
// system with all five E2E metrics (BLEU, NIST, METEOR with WordNet synonyms, ROUGE_L, CIDEr)
// in one process, then WebNLG TER for one system, and prints times and peak memory.
// Run: pnpm --filter @prefixkit/metrics bench [system-output.tsv] [testset_w_refs.csv]
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { evaluateE2E, normalizeWebNLGHypothesis, ter } from '../src/index';
import { loadMeteorSynonyms, readE2EReferences, readE2ESystemOutputs } from '../src/node';

const fixtures = fileURLToPath(new URL('../fixtures/e2e/', import.meta.url));
const webnlg = fileURLToPath(new URL('../../../../shared/data/webnlg/', import.meta.url));
const systemPath = process.argv[2] ?? `${fixtures}tgen.tsv`;
const refsPath = process.argv[3] ?? `${fixtures}testset_w_refs.csv`;

let peakRss = 0;
const sample = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 5);
const ms = (a: number, b: number) => Math.round(b - a);

const t0 = performance.now();
const { references } = await readE2EReferences(refsPath);
const { outputs } = await readE2ESystemOutputs(systemPath);
const synonyms = loadMeteorSynonyms();
const t1 = performance.now();
const scores = await evaluateE2E(outputs, references, { meteorOptions: { synonyms } });
const t2 = performance.now();

let terResult: { system: string; score: number; ms: number } | undefined;
const terSystem = `${webnlg}system-outputs/webnlg-lastlex-drop30.txt`;
if (existsSync(terSystem)) {
  const files = [0, 1, 2].map((k) =>
    readFileSync(`${webnlg}eval-references/gold-all-cat-reference${k}.lex`, 'utf8').split('\n'),
  );
  const n = (files[0] as string[]).length - 1;
  const refs = Array.from({ length: n }, (_, i) =>
    files.map((f) => f[i] as string).filter((l) => l.trim() !== ''),
  );
  const lines = readFileSync(terSystem, 'utf8').split('\n').slice(0, n);
  const a = performance.now();
  const r = ter(lines.map(normalizeWebNLGHypothesis), refs);
  terResult = {
    system: terSystem,
    score: Number(r.score.toFixed(4)),
    ms: ms(a, performance.now()),
  };
}
clearInterval(sample);
peakRss = Math.max(peakRss, process.memoryUsage().rss);

console.log(
  JSON.stringify(
    {
      system: systemPath,
      segments: outputs.length,
      references: references.reduce((n, g) => n + g.length, 0),
      scores: Object.fromEntries(
        Object.entries(scores).map(([k, v]) => [k, Number(v.score.toFixed(4))]),
      ),
      loadMs: ms(t0, t1),
      e2eAllFiveMetricsMs: ms(t1, t2),
      e2eTotalMs: ms(t0, t2),
      webnlgTer: terResult,
      peakRssMiB: Math.round(peakRss / 2 ** 20),
    },
    null,
    2,
  ),
);
