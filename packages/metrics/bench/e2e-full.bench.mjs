// @ts-check
// Benchmark (not a test): the full E2E test set (630 MRs, 4,693 references) scored with all five
// E2E metrics (BLEU, NIST, METEOR with WordNet synonyms, ROUGE_L, CIDEr) in one cold process,
// through the built package (dist/, as a user imports it), then WebNLG TER for one system.
// Times are CPU times (process.cpuUsage: user + system), which a shared machine distorts far
// less than wall times; both are printed. Memory is the process's peak RSS (getrusage maxrss).
//
//   node bench/e2e-full.bench.mjs [--phases] [--src] [system.tsv] [testset_w_refs.csv]
//
// Default: (a) scoreTask('e2e') (the path of `prefixkit evaluate`) for one system given loaded
// references and synonyms (its first call also prepares the reference side), then for a second
// system (reference side cached);
// (b) the cold end-to-end figure: process CPU from start-up to the first system's scores,
// including node start, module loading, reading the CSV/TSV and the WordNet data; (c) peak RSS.
// --phases: the same work split into the steps scoreTask('e2e') runs, timed one by one.
// --src: import the TypeScript sources instead of dist/ (run with tsx to see its start-up cost).
import { fileURLToPath } from 'node:url';

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const round = (/** @type {number} */ x) => Math.round(x);

/** Times `fn` in CPU and wall milliseconds. @template T @param {() => T | Promise<T>} fn */
async function timed(fn) {
  const c = cpuMs();
  const w = performance.now();
  const value = await fn();
  return { value, cpuMs: round(cpuMs() - c), wallMs: round(performance.now() - w) };
}

const args = process.argv.slice(2);
const phases = args.includes('--phases');
const fromSource = args.includes('--src');
const files = args.filter((a) => !a.startsWith('--'));
const here = (/** @type {string} */ p) => fileURLToPath(new URL(p, import.meta.url));
const systemPath = files[0] ?? here('../fixtures/e2e/tgen.tsv');
const refsPath = files[1] ?? here('../fixtures/e2e/testset_w_refs.csv');
const secondPath = here('../fixtures/e2e/slug.tsv');

const imported = await timed(async () => {
  const entry = fromSource
    ? ['../src/index.ts', '../src/node.ts']
    : ['../dist/index.js', '../dist/node.js'];
  return { lib: await import(here(entry[0])), node: await import(here(entry[1])) };
});
const { lib, node } = imported.value;

const load = await timed(async () => ({
  references: (await node.readE2EReferences(refsPath)).references,
  outputs: (await node.readE2ESystemOutputs(systemPath)).outputs,
  synonyms: node.loadMeteorSynonyms(),
}));
const { references, outputs, synonyms } = load.value;
const report = {
  code: fromSource ? 'src (TypeScript)' : 'dist (built)',
  system: systemPath,
  segments: outputs.length,
  references: references.reduce((n, /** @type {string[]} */ g) => n + g.length, 0),
  importModules: { cpuMs: imported.cpuMs, wallMs: imported.wallMs },
  loadDataAndWordNet: { cpuMs: load.cpuMs, wallMs: load.wallMs },
};

const score = (/** @type {{ score: number }} */ r) => Number(r.score.toFixed(4));

if (phases) {
  // The steps of scoreTask('e2e') (evaluateE2E), in its order, on the same inputs.
  const tok = await timed(() => lib.tokenizeCocoCorpus(outputs, references));
  const coco = {
    hyps: tok.value.hypotheses.map((/** @type {string[]} */ t) => t.join(' ')),
    refs: tok.value.references.map((/** @type {string[][]} */ g) => g.map((t) => t.join(' '))),
  };
  const bleuNist = await timed(() => [
    lib.bleuMteval(outputs, references),
    lib.nistMteval(outputs, references),
  ]);
  const pre = { pretokenized: true };
  const rouge = await timed(() => lib.rougeLCoco(coco.hyps, coco.refs, pre));
  const cider = await timed(() => lib.ciderD(coco.hyps, coco.refs, pre));
  const meteor = await timed(() => lib.meteor(coco.hyps, coco.refs, { synonyms }));
  const cpu = (/** @type {{ cpuMs: number, wallMs: number }} */ t) => ({
    cpuMs: t.cpuMs,
    wallMs: t.wallMs,
  });
  Object.assign(report, {
    phases: {
      ptbTokenize: cpu(tok),
      bleuNist: cpu(bleuNist),
      rougeL: cpu(rouge),
      cider: cpu(cider),
      meteor: cpu(meteor),
    },
    scores: [...bleuNist.value, meteor.value, rouge.value, cider.value].map(score),
  });
} else {
  const options = { meteor: { synonyms } };
  const first = await timed(() =>
    lib.scoreTask('e2e', { hypotheses: outputs, references }, options),
  );
  const coldCpuMs = round(cpuMs());
  const coldWallMs = round(performance.now()); // since the process started (timeOrigin)
  const second = await timed(async () => {
    const { outputs: other } = await node.readE2ESystemOutputs(secondPath);
    return lib.scoreTask('e2e', { hypotheses: other, references }, options);
  });
  Object.assign(report, {
    scores: Object.fromEntries(Object.entries(first.value).map(([k, v]) => [k, score(v)])),
    scoreOneSystem: { cpuMs: first.cpuMs, wallMs: first.wallMs },
    scoreSecondSystemCachedReferences: { cpuMs: second.cpuMs, wallMs: second.wallMs },
    coldEndToEnd: { cpuMs: coldCpuMs, wallMs: coldWallMs },
    webnlgTer: await webnlgTer(lib),
  });
}
Object.assign(report, { peakRssMiB: round(process.resourceUsage().maxRSS / 1024) });
console.log(JSON.stringify(report, null, 2));

/** WebNLG TER of one system against the shared data set's references, when present. @param {any} lib */
async function webnlgTer(lib) {
  const { existsSync, readFileSync } = await import('node:fs');
  const dir = here('../../../../shared/data/webnlg/');
  const system = `${dir}system-outputs/webnlg-lastlex-drop30.txt`;
  if (!existsSync(system)) return undefined;
  const refFiles = [0, 1, 2].map((k) =>
    readFileSync(`${dir}eval-references/gold-all-cat-reference${k}.lex`, 'utf8').split('\n'),
  );
  const n = (refFiles[0] ?? []).length - 1;
  const refs = Array.from({ length: n }, (_, i) =>
    refFiles.map((f) => f[i] ?? '').filter((l) => l.trim() !== ''),
  );
  const lines = readFileSync(system, 'utf8').split('\n').slice(0, n);
  const t = await timed(() => lib.ter(lines.map(lib.normalizeWebNLGHypothesis), refs));
  return { system, score: score(t.value), cpuMs: t.cpuMs, wallMs: t.wallMs };
}
