// @ts-check
// Memory check (not a test, run by hand): scores ONE hypothesis line of N words (default
// 200,000; words from a 12-word vocabulary, so every reference word has thousands of candidate
// matches) with each official metric of E2E, WebNLG and XSum, one fresh node process per metric,
// and prints each process's peak RSS (getrusage maxrss). Memory linear in the line means the
// figure grows in proportion to N (compare N = 50,000 with 200,000); before the METEOR aligner
// stopped copying its used-word flags per beam child, METEOR needed about (N / 12) * N bytes per
// step (900 MB at N = 10,000).
//
//   pnpm --filter @prefixkit/metrics build && node bench/long-line-memory.mjs [N] [task:metric ...]
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const vocabulary = ['the', 'a', 'pub', 'near', 'restaurant', 'city', 'centre', 'is', 'of', 'food'];
vocabulary.push('cheap', 'family');
const references = [
  [
    'The Eagle is a cheap pub near the city centre that serves food for the family.',
    'A family restaurant in the city centre is near the pub.',
  ],
];

/** The one long hypothesis: N words, in an order that is not periodic over short spans. */
function longLine(/** @type {number} */ words) {
  const out = new Array(words);
  for (let i = 0; i < words; i++) out[i] = vocabulary[(i * 7 + (i >> 3)) % vocabulary.length];
  return out.join(' ');
}

async function scoreOne(/** @type {string} */ task, /** @type {string} */ metric, words = 0) {
  const { scoreTask } = await import('../dist/index.js');
  const { loadMeteorResources } = await import('../dist/node.js');
  const meteor = metric === 'meteor' ? { meteor: loadMeteorResources({}) } : {};
  const hypotheses = [longLine(words)];
  const started = performance.now();
  const scores = await scoreTask(
    /** @type {any} */ (task),
    { hypotheses, references },
    { metrics: [/** @type {any} */ (metric)], ...meteor },
  );
  const score = Object.values(scores)[0]?.score;
  const peakRssMiB = Math.round(process.resourceUsage().maxRSS / 1024);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(JSON.stringify({ task, metric, words, score, peakRssMiB, seconds }));
}

const args = process.argv.slice(2);
if (args[0] === '--one') {
  await scoreOne(/** @type {string} */ (args[1]), /** @type {string} */ (args[2]), Number(args[3]));
} else {
  const words = Number(args[0] ?? 200_000);
  const runs = args.slice(1).length
    ? args.slice(1)
    : [
        'e2e:bleu',
        'e2e:nist',
        'e2e:meteor',
        'e2e:rouge-l',
        'e2e:cider',
        'webnlg:ter',
        'xsum:rouge-l',
      ];
  const self = fileURLToPath(import.meta.url);
  console.log(`one hypothesis line of ${words} words; peak RSS of a fresh process per metric`);
  for (const run of runs) {
    const [task, metric] = run.split(':');
    const line = execFileSync(
      process.execPath,
      [self, '--one', String(task), String(metric), String(words)],
      {
        encoding: 'utf8',
        maxBuffer: 1 << 20,
      },
    );
    const { peakRssMiB, seconds, score } = JSON.parse(line);
    console.log(
      `${run.padEnd(14)} peak RSS ${String(peakRssMiB).padStart(5)} MiB  ${seconds} s  score ${score}`,
    );
  }
}
