// Builds prefixkit-tiny's pretraining corpus (issue #9) from the shipped data sets and writes it
// tokenised (corpus-files.ts): E2E and WebNLG 2017 TRAIN text only, evaluation texts removed
// (packages/peft/src/pretrain/pretrain-corpus.ts says exactly what), every 50th document held
// out for the held-out loss. With --structured-pairs it also adds stage 2's WebNLG train pairs
// (packages/peft/src/pretrain/structured-pairs.ts), split into train and held-out on their own,
// so the text documents' held-out slice is the same as stage 1's.
//   node_modules/.bin/tsx --tsconfig scripts/pretrain/tsconfig.json scripts/pretrain/build-corpus.ts \
//     [--data ../shared/data] [--out runs/pretrain/corpus] [--held-out-every 50] [--structured-pairs]
//     [--swap-entities SEED]   (with --structured-pairs: swap-entities.ts)
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createFolderSource } from '@prefixkit/datasets/node';
import { loadGpt2Tokenizer } from '@prefixkit/gpt2';
import {
  buildPretrainCorpus,
  buildStructuredPairs,
  evaluationTexts,
  splitHeldOut,
} from '@prefixkit/peft';
import { encodeStream, writeAtomic } from './corpus-files';
import { sharedDataDir } from './shared-data';

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    out: { type: 'string', default: 'runs/pretrain/corpus' },
    'held-out-every': { type: 'string', default: '50' },
    'structured-pairs': { type: 'boolean', default: false },
    'swap-entities': { type: 'string' },
  },
});
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
  const swap = values['swap-entities'];
  const pairs = await buildStructuredPairs(sources.webnlg, await evaluationTexts(sources), {
    ...(swap === undefined ? {} : { swapEntities: { seed: Number(swap) } }),
  });
  const split = splitHeldOut(
    pairs.documents.map((text) => tokenizer.encode(text)),
    every,
  );
  train.push(...split.train);
  heldOut.push(...split.heldOut);
  pairsReport = {
    ...pairs.report,
    documents: { train: split.train.length, heldOut: split.heldOut.length },
    format: "WebNLG training string '  | S : p : O <|endoftext|> text' (LINEARIZATION.md)",
    ...(swap === undefined ? {} : { swapEntitiesSeed: Number(swap) }),
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
await writeAtomic(join(out, 'train.tokens'), encodeStream(train));
await writeAtomic(join(out, 'heldout.tokens'), encodeStream(heldOut));
await writeAtomic(join(out, 'corpus.json'), `${JSON.stringify(summary, null, 2)}\n`);
console.log(JSON.stringify(summary, null, 2));
console.error(`corpus written to ${out} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
