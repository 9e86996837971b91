// Held-out loss of saved model folders on a corpus's held-out slice, so two stages can be
// compared on the same blocks (a continued-pretraining stage can forget the first corpus).
// A corpus with structured pairs (build-corpus.ts --structured-pairs) is reported as its text
// documents and its pairs separately.
//   node_modules/.bin/tsx --tsconfig scripts/pretrain/tsconfig.json scripts/pretrain/held-out-loss.ts \
//     --corpus runs/stage2/corpus --block 256 [--max-blocks 48] MODEL_DIR...
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { endOfTextId, readCorpusDocuments } from './corpus-files';
import { heldOutLoss, reloadSaved } from './evaluate-saved';
import { packBlocks } from './src/pack-blocks';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    corpus: { type: 'string', default: 'runs/pretrain/corpus' },
    block: { type: 'string', default: '128' },
    'max-blocks': { type: 'string' },
    batch: { type: 'string', default: '2' },
  },
});
if (positionals.length === 0) throw new Error('give one or more model folders');
const positive = (flag: 'block' | 'max-blocks' | 'batch'): number | undefined => {
  const text = values[flag];
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`--${flag}: expected a positive integer, got ${JSON.stringify(text)}`);
  return value;
};
const blockSize = positive('block')!;
const maxBlocks = positive('max-blocks');
const batchSize = positive('batch')!;
const corpus = await readCorpusDocuments(resolve(values.corpus!));
// The held-out slice holds the text documents first, then the pairs (build-corpus.ts).
const pairsReport = corpus.report.structuredPairs as { documents: { heldOut: number } } | undefined;
const textDocuments =
  (corpus.report.documents as { heldOut: number }).heldOut - (pairsReport?.documents.heldOut ?? 0);
const slices = pairsReport
  ? {
      text: corpus.heldOut.slice(0, textDocuments),
      pairs: corpus.heldOut.slice(textDocuments),
    }
  : { all: corpus.heldOut };
const { createWebGpuBackend, releaseDevice } = await import('@prefixkit/tensor/node');
const backend = await createWebGpuBackend();
for (const directory of positionals) {
  const model = await reloadSaved(resolve(directory), backend);
  const losses: Record<string, string> = {};
  for (const [name, documents] of Object.entries(slices)) {
    let blocks = packBlocks(documents, { blockSize, endOfTextId });
    if (maxBlocks) blocks = blocks.slice(0, maxBlocks);
    const loss = await heldOutLoss(model, blocks, batchSize);
    losses[name] = `${loss.toFixed(4)} (${blocks.length} blocks)`;
  }
  console.log(`${directory}: ${JSON.stringify(losses)}`);
}
await releaseDevice();
