// Rewrites a model folder's README.md from a run summary (run.json written by pretrain.ts),
// optionally replacing the recorded command (e.g. the one-file bundle's command on a lent GPU
// with the full reproduction steps). --init-from DIR records a continued-pretraining stage's
// history (DIR's run/run.json and loss curves) for a run.json written without it, and writes
// the completed summary to the model folder's run/run.json.
//   node_modules/.bin/tsx --tsconfig scripts/pretrain/tsconfig.json scripts/pretrain/write-card.ts \
//     --run models/prefixkit-tiny/run/run.json --out models/prefixkit-tiny [--command-file FILE] \
//     [--init-from DIR]
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeFileAtomic } from '@prefixkit/errors/node';
import { modelCard, type RunSummary } from './model-card';
import { inheritStages, writeModelRunSummary } from './stage-history';

const { values } = parseArgs({
  options: {
    run: { type: 'string', default: 'models/prefixkit-tiny/run/run.json' },
    out: { type: 'string', default: 'models/prefixkit-tiny' },
    'command-file': { type: 'string' },
    'init-from': { type: 'string' },
  },
});
let run = JSON.parse(await readFile(resolve(values.run!), 'utf8')) as RunSummary;
if (values['command-file'])
  run = { ...run, command: (await readFile(resolve(values['command-file']), 'utf8')).trim() };
const outDir = resolve(values.out!);
if (values['init-from']) {
  const history = await inheritStages(resolve(values['init-from']), outDir);
  run = { ...run, initFrom: values['init-from'], previousStages: history };
  await writeModelRunSummary(outDir, run);
}
await writeFileAtomic(join(outDir, 'README.md'), modelCard(run));
