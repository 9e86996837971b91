// @ts-check
// Runs bench/e2e-full.bench.mjs several times, each in a fresh (cold) node process, with and
// without --phases, and prints the median, min and max of every figure: single runs on a shared
// machine vary too much to quote.
//
//   node bench/repeat.mjs [runs=5] [extra arguments for e2e-full.bench.mjs]
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const runs = Number(process.argv[2] ?? 5);
const extra = process.argv.slice(3);
const bench = fileURLToPath(new URL('./e2e-full.bench.mjs', import.meta.url));

/** Numeric leaves of a JSON value, by dotted path. @param {unknown} value @param {string} path @param {Map<string, number[]>} out */
function collect(value, path, out) {
  if (typeof value === 'number') out.set(path, [...(out.get(path) ?? []), value]);
  else if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) collect(v, path ? `${path}.${k}` : k, out);
  }
}

for (const mode of [[], ['--phases']]) {
  /** @type {Map<string, number[]>} */
  const figures = new Map();
  let last;
  for (let i = 0; i < runs; i++) {
    const out = execFileSync(process.execPath, [bench, ...mode, ...extra], { encoding: 'utf8' });
    last = JSON.parse(out);
    collect(last, '', figures);
  }
  const summary = Object.fromEntries(
    [...figures]
      .filter(([path]) => /Ms|MiB/.test(path))
      .map(([path, values]) => {
        const sorted = [...values].sort((a, b) => a - b);
        const median = sorted[Math.floor(sorted.length / 2)];
        return [path, `${median} (min ${sorted[0]}, max ${sorted[sorted.length - 1]})`];
      }),
  );
  console.log(
    JSON.stringify(
      { mode: mode[0] ?? 'end-to-end', runs, code: last?.code, scores: last?.scores, summary },
      null,
      2,
    ),
  );
}
