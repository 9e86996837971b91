// Rewrites a model folder's README.md from a run summary (run.json written by pretrain.ts),
// optionally replacing the recorded command (e.g. the one-file bundle's command on a lent GPU
// with the full reproduction steps).
//   node_modules/.bin/tsx --tsconfig scripts/pretrain/tsconfig.json scripts/pretrain/write-card.ts \
//     --run models/prefixkit-tiny/run/run.json --out models/prefixkit-tiny [--command-file FILE]
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeAtomic } from './corpus-files';
import { modelCard, type RunSummary } from './model-card';

const { values } = parseArgs({
  options: {
    run: { type: 'string', default: 'models/prefixkit-tiny/run/run.json' },
    out: { type: 'string', default: 'models/prefixkit-tiny' },
    'command-file': { type: 'string' },
  },
});
const run = JSON.parse(await readFile(resolve(values.run!), 'utf8')) as RunSummary;
const command = values['command-file']
  ? (await readFile(resolve(values['command-file']), 'utf8')).trim()
  : run.command;
await writeAtomic(join(resolve(values.out!), 'README.md'), modelCard({ ...run, command }));
