// Packing tokenised documents into fixed-length training blocks, GPT-2 style: one token stream
// `<|endoftext|> doc1 <|endoftext|> doc2 <|endoftext|> ...` cut into consecutive blocks of
// `blockSize` tokens (the final partial block is dropped), every position a target. A held-out
// slice is taken by whole documents (every `heldOutEvery`-th), so no held-out sentence is ever
// split across the two sides.
import type { TokenizedExample } from '@prefixkit/datasets';
import { TrainerError } from '@prefixkit/peft';

export interface PackOptions {
  /** Tokens per block (at most the model's n_positions). */
  readonly blockSize: number;
  /** The separator id (GPT-2's `<|endoftext|>`, 50256). */
  readonly endOfTextId: number;
}

/** Packs documents (token ids) into blocks whose labels equal their inputs. */
export function packBlocks(
  documents: readonly (readonly number[])[],
  options: PackOptions,
): TokenizedExample[] {
  const { blockSize, endOfTextId } = options;
  if (!Number.isInteger(blockSize) || blockSize < 2)
    throw new TrainerError(
      `packBlocks: option blockSize: expected an integer >= 2, got ${blockSize}`,
    );
  const blocks: TokenizedExample[] = [];
  let current: number[] = [];
  const push = (id: number) => {
    current.push(id);
    if (current.length === blockSize) {
      blocks.push({ inputIds: current, labels: current.slice() });
      current = [];
    }
  };
  for (const document of documents) {
    push(endOfTextId);
    for (const id of document) push(id);
  }
  return blocks;
}

/** Splits documents into training and held-out sides: index % every === 0 goes to held-out. */
export function splitHeldOut<T>(
  documents: readonly T[],
  every: number,
): { train: T[]; heldOut: T[] } {
  if (!Number.isInteger(every) || every < 2)
    throw new TrainerError(`splitHeldOut: argument every: expected an integer >= 2, got ${every}`);
  const train: T[] = [];
  const heldOut: T[] = [];
  documents.forEach((document, index) => {
    (index % every === 0 ? heldOut : train).push(document);
  });
  return { train, heldOut };
}

/** Total tokens in a list of blocks. */
export function countTokens(blocks: readonly TokenizedExample[]): number {
  return blocks.reduce((total, block) => total + block.inputIds.length, 0);
}
