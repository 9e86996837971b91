// Test models: a randomly initialised GPT-2 with GPT-2's real vocabulary (50257, so the real
// tokenizer's ids fit) but one narrow layer, written as a Hugging Face model folder, and a small
// JSONL data set of pairs. Small enough that the CPU backend trains it in seconds.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseGpt2Config } from '@prefixkit/gpt2';
import { writeGpt2Checkpoint } from '@prefixkit/gpt2/node';
import { randomGpt2Parameters } from '@prefixkit/peft';

/** Writes a random GPT-2 (1 layer, 16 wide, 2 heads, 64 positions) into a new temp folder. */
export async function writeTinyGpt2(seed = 3, shape = { layers: 1, width: 16 }): Promise<string> {
  const folder = mkdtempSync(join(tmpdir(), 'prefixkit-tiny-gpt2-'));
  const config = parseGpt2Config({
    model_type: 'gpt2',
    vocab_size: 50257,
    n_positions: 64,
    n_embd: shape.width,
    n_layer: shape.layers,
    n_head: 2,
  });
  await writeGpt2Checkpoint(folder, { config, parameters: randomGpt2Parameters(config, { seed }) });
  return folder;
}

/** Short (source, target) pairs in the paper's style. */
export const tinyPairs = [
  { source: 'name : Aromi | Type : pub', target: 'Aromi is a pub.' },
  { source: 'name : Zizzi | food : Thai', target: 'Zizzi serves Thai food.' },
  { source: 'name : Cotto | area : riverside', target: 'Cotto is by the river.' },
  { source: 'name : Alimentum | price : cheap', target: 'Alimentum is cheap.' },
  { source: 'name : Wildwood | Type : pub', target: 'Wildwood is a pub.' },
  { source: 'name : Browns | food : Indian', target: 'Browns serves Indian food.' },
];

/** Writes pairs as JSONL into `folder`/`name`; returns the path. */
export function writeJsonl(folder: string, name: string, pairs = tinyPairs): string {
  const path = join(folder, name);
  writeFileSync(path, `${pairs.map((pair) => JSON.stringify(pair)).join('\n')}\n`);
  return path;
}

/** How a test's `prefixkit train` differs from the others. */
export interface TinyTrainShape {
  /** The JSONL pairs (none: the caller passes `--data` itself). */
  readonly data?: string;
  readonly batchSize: number;
  readonly prefixLength: number;
  readonly midDim: number;
}

/**
 * The arguments every test's `prefixkit train` shares: the JSONL task on the CPU backend, a
 * prefix of `prefixLength` slots through a `midDim`-wide MLP, on the test model at `model`.
 */
export function tinyTrainArgs(model: string, shape: TinyTrainShape): string[] {
  return [
    'train',
    '--task',
    'jsonl',
    ...(shape.data === undefined ? [] : ['--data', shape.data]),
    '--model',
    model,
    '--backend',
    'cpu',
    '--batch-size',
    String(shape.batchSize),
    '--prefix-length',
    String(shape.prefixLength),
    '--method-options',
    JSON.stringify({ midDim: shape.midDim }),
  ];
}
