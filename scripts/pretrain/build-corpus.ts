// Builds prefixkit-tiny's pretraining corpus from the shipped data sets and writes it
// tokenised (corpus-files.ts): E2E and WebNLG 2017 TRAIN text only, evaluation texts removed
// (scripts/pretrain/src/pretrain-corpus.ts says exactly what), every 50th document held
// out for the held-out loss. With --structured-pairs it also adds stage 2's WebNLG train pairs
// (scripts/pretrain/src/structured-pairs.ts), split into train and held-out on their own,
// so the text documents' held-out slice is the same as stage 1's.
//   node_modules/.bin/tsx --tsconfig scripts/pretrain/tsconfig.json scripts/pretrain/build-corpus.ts \
//     [--data ../shared/data] [--out runs/pretrain/corpus] [--held-out-every 50] [--structured-pairs]
//     [--swap-entities SEED[,SEED...]]   (with --structured-pairs: swap-entities.ts)
// Several swap seeds add one copy of the pairs per seed, each with other names, so that no name
// can be learnt by heart: only copied. The held-out pairs are the same indices in every copy
// (the pairs keep their order whatever the seed), held out of all copies; the first seed's
// copy of them is the held-out slice.
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createFolderSource } from '@prefixkit/datasets/node';
import { writeFileAtomic } from '@prefixkit/errors/node';
import { loadGpt2Tokenizer } from '@prefixkit/gpt2';
import { encodeStream } from './corpus-files';
import { sharedDataDir } from './shared-data';
import { splitHeldOut } from './src/pack-blocks';
import { buildPretrainCorpus, evaluationTexts } from './src/pretrain-corpus';
import { buildStructuredPairs } from './src/structured-pairs';

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    out: { type: 'string', default: 'runs/pretrain/corpus' },
    'held-out-every': { type: 'string', default: '50' },
    'structured-pairs': { type: 'boolean', default: false },
    'swap-entities': { type: 'string' },
  },
});
/** `--swap-entities 7` or `7,8,9`: integer seeds, each once. */
function parseSwapSeeds(flag: string | undefined): number[] | undefined {
  if (flag === undefined) return undefined;
  const seeds = flag.split(',').map((part) => part.trim());
  const bad = seeds.find((part) => !/^-?\d+$/.test(part));
  if (bad !== undefined)
    throw new Error(
      `--swap-entities: expected integer seeds separated by commas, got '${bad}' in '${flag}'`,
    );
  const numbers = seeds.map(Number);
  if (new Set(numbers).size !== numbers.length)
    throw new Error(`--swap-entities: seed repeated in '${flag}'`);
  return numbers;
}

const data = values.data ? resolve(values.data) : sharedDataDir();
const out = resolve(values.out!);
const every = Number(values['held-out-every']);

const started = performance.now();
const sources = {
  e2e: createFolderSource(join(data, 'e2e')),
  webnlg: createFolderSource(join(data, 'webnlg')),
  e2eCleaned: createFolderSource(join(data, 'e2e-cleaned')),
  dart: createFolderSource(join(data, 'dart')),
};
const { documents, report } = await buildPretrainCorpus(sources);
const tokenizer = await loadGpt2Tokenizer();
const tokenized = documents.map((text) => tokenizer.encode(text));
const { train, heldOut } = splitHeldOut(tokenized, every);
let pairsReport: Record<string, unknown> | undefined;
if (values['structured-pairs']) {
  const swapSeeds = parseSwapSeeds(values['swap-entities']);
  const evaluation = await evaluationTexts(sources);
  const reports = [];
  for (const [copy, seed] of (swapSeeds ?? [undefined]).entries()) {
    const pairs = await buildStructuredPairs(sources.webnlg, evaluation, {
      ...(seed === undefined ? {} : { swapEntities: { seed } }),
    });
    const split = splitHeldOut(
      pairs.documents.map((text) => tokenizer.encode(text)),
      every,
    );
    for (const document of split.train) train.push(document);
    if (copy === 0) for (const document of split.heldOut) heldOut.push(document);
    reports.push({
      ...pairs.report,
      documents: { train: split.train.length, heldOut: copy === 0 ? split.heldOut.length : 0 },
    });
  }
  const [first] = reports;
  pairsReport = {
    ...first,
    format:
      "WebNLG training string '  | S : p : O <|endoftext|> text' (docs/reference/LINEARIZATION.md)",
    ...(swapSeeds === undefined
      ? {}
      : swapSeeds.length === 1
        ? { swapEntitiesSeed: swapSeeds[0] }
        : {
            swapEntitiesSeeds: swapSeeds,
            copies: reports.map((r, i) => ({
              seed: swapSeeds[i],
              swapped: r.swapped,
              documents: r.documents,
            })),
          }),
  };
}
const count = (docs: number[][]) => docs.reduce((n, d) => n + d.length + 1, 0);
const summary = {
  ...report,
  ...(pairsReport ? { structuredPairs: pairsReport } : {}),
  heldOutEvery: every,
  documents: { train: train.length, heldOut: heldOut.length },
  tokens: { train: count(train), heldOut: count(heldOut) },
  tokenizer: 'GPT-2 BPE (vocab 50257), <|endoftext|> = 50256 before every document',
};
await mkdir(out, { recursive: true });
await writeFileAtomic(join(out, 'train.tokens'), encodeStream(train));
await writeFileAtomic(join(out, 'heldout.tokens'), encodeStream(heldOut));
await writeFileAtomic(join(out, 'corpus.json'), `${JSON.stringify(summary, null, 2)}\n`);
console.log(JSON.stringify(summary, null, 2));
console.error(`corpus written to ${out} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
