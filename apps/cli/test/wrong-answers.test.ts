// Inputs that used to give a wrong answer with exit status 0, through the real binary: each is
// now refused with a typed error naming where, or handled explicitly and reported.
// (E2E TSV hypotheses saved as .txt and non-UTF-8 hypotheses: evaluate.test.ts; --config files
// that are not JSON: cli.test.ts.)
import {
  closeSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gpt2VocabularyFromMerges, loadGpt2Tokenizer, parseMergesTxt } from '@prefixkit/gpt2';
import { openSafetensorsFile } from '@prefixkit/gpt2/node';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseJsonOutput, runPrefixkit } from './run-cli';
import { tinyPairs, tinyTrainArgs, writeJsonl, writeTinyGpt2 } from './tiny-gpt2';

let model: string;
let root: string;
let data: string;

beforeAll(async () => {
  model = await writeTinyGpt2(7);
  root = mkdtempSync(join(tmpdir(), 'prefixkit-wrong-answers-'));
  data = writeJsonl(root, 'pairs.jsonl');
});

/** Overwrites element `index` of `tensor` in a safetensors file (F32) with `value`. */
async function poke(file: string, tensor: string, index: number, value: number): Promise<void> {
  const reader = await openSafetensorsFile(file);
  const offset = reader.info(tensor)!.byteOffset + 4 * index;
  await reader.close();
  const handle = openSync(file, 'r+');
  writeSync(handle, new Uint8Array(new Float32Array([value]).buffer), 0, 4, offset);
  closeSync(handle);
}

let runs = 0;
// Each run gets its own folder under the test's root: train refuses a --output that already holds
// a run, and its default (runs/<task>-<method>) is inside the repository.
const train = (args: string[]) =>
  runPrefixkit([
    ...tinyTrainArgs(model, { batchSize: 2, prefixLength: 3, midDim: 8 }),
    '--json',
    ...args,
    ...(args.includes('--output') ? [] : ['--output', join(root, `run-${++runs}`)]),
  ]);

const generate = (args: string[]) =>
  runPrefixkit([
    'generate',
    '--input',
    tinyPairs[0]!.source,
    '--backend',
    'cpu',
    '--num-beams',
    '1',
    '--max-new-tokens',
    '2',
    '--json',
    ...args,
  ]);

describe.concurrent('prefixkit refuses weights with NaN or infinity', () => {
  it('in the base model (generate, exit 5), naming file, tensor and element', async () => {
    const broken = join(root, 'nan-model');
    cpSync(model, broken, { recursive: true });
    const weights = join(broken, 'model.safetensors');
    await poke(weights, 'transformer.h.0.attn.c_proj.weight', 5, Number.NaN);
    const run = await generate(['--model', broken]);
    expect(run.code).toBe(5);
    expect(parseJsonOutput(run).error).toMatchObject({ code: 'CHECKPOINT_NON_FINITE' });
    expect(run.stderr).toContain(
      `${weights}, tensor transformer.h.0.attn.c_proj.weight: element 5 is NaN; expected finite weights`,
    );
  });

  it('in a trained prefix (generate --adapter and train --init)', async () => {
    const run = join(root, 'run-for-nan');
    const trained = await train(['--data', data, '--max-steps', '1', '--output', run]);
    expect(trained.code, trained.stderr).toBe(0);
    const adapter = join(run, 'final');
    const weights = join(adapter, 'adapter_model.safetensors');
    const reader = await openSafetensorsFile(weights);
    const tensor = reader.tensors[0]!.name;
    await reader.close();
    await poke(weights, tensor, 0, Number.POSITIVE_INFINITY);
    const decoded = await generate(['--model', model, '--adapter', adapter]);
    expect(decoded.code).toBe(5);
    expect(decoded.stderr).toContain(`${weights}, tensor ${tensor}: element 0 is Infinity`);
    const resumed = await train(['--data', data, '--max-steps', '1', '--init', adapter]);
    expect(resumed.code).toBe(5);
    expect(parseJsonOutput(resumed).error).toMatchObject({ code: 'CHECKPOINT_NON_FINITE' });
  });
});

describe.concurrent('prefixkit train', () => {
  it('stops on a non-finite loss with a typed error instead of saving a NaN prefix', async () => {
    const run = join(root, 'diverged');
    const result = await train(
      ['--data', data, '--max-steps', '8', '--output', run, '--learning-rate', '1e38'].concat([
        '--warmup-steps',
        '0',
      ]),
    );
    expect(result.code).toBe(10);
    expect(parseJsonOutput(result).error).toMatchObject({ code: 'PEFT_NON_FINITE_LOSS' });
    expect(result.stderr).toMatch(
      /error: step \d+: the (training loss of micro-batch \d+|gradient norm) is (NaN|-?Infinity); stopped before the optimiser step/,
    );
  });

  it('counts over-long pairs, truncates or drops them, and refuses a cut that leaves no target', async () => {
    const long = {
      source: 'name : Aromi | near : '.concat('the big river '.repeat(40)),
      target: 'x',
    };
    const file = writeJsonl(root, 'long.jsonl', [...tinyPairs, long]);
    const refused = await train(['--data', file, '--max-steps', '1']);
    expect(refused.code).toBe(5);
    expect(parseJsonOutput(refused).error).toMatchObject({ code: 'DATA_EXAMPLE_TOO_LONG' });
    expect(refused.stderr).toMatch(
      /jsonl training pairs, example 7: expected at most 61 tokens .* got \d+; its prompt alone takes \d+, so truncating would leave no target token/,
    );
    const dropped = await train(['--data', file, '--max-steps', '1', '--overlong', 'drop']);
    expect(dropped.code, dropped.stderr).toBe(0);
    const result = parseJsonOutput(dropped).result as {
      trainExamples: number;
      overlong: { policy: string; train: { overlong: number; dropped: number } };
    };
    expect(result.trainExamples).toBe(6);
    expect(result.overlong).toMatchObject({ policy: 'drop', train: { overlong: 1, dropped: 1 } });
    expect(dropped.stderr).toMatch(
      /warning: 1 of 7 training pairs are longer than the context \(61 tokens, longest \d+\): dropped/,
    );
    const longTarget = writeJsonl(root, 'long-target.jsonl', [
      ...tinyPairs,
      { source: 'name : Aromi', target: 'a pub by the river '.repeat(20) },
    ]);
    const truncated = await train(['--data', longTarget, '--max-steps', '1']);
    expect(truncated.code, truncated.stderr).toBe(0);
    expect(parseJsonOutput(truncated).result).toMatchObject({
      trainExamples: 7,
      overlong: { policy: 'truncate', train: { overlong: 1, truncated: 1 } },
    });
  });

  it('refuses JSONL that is not UTF-8 and names the line, where it used to replace characters', async () => {
    const file = join(root, 'latin1.jsonl');
    writeFileSync(
      file,
      Buffer.concat([
        Buffer.from(`${JSON.stringify(tinyPairs[0])}\n`),
        Buffer.from('{"source": "name : Caf\xe9", "target": "A caf\xe9."}\n', 'latin1'),
      ]),
    );
    const run = await train(['--data', file, '--max-steps', '1']);
    expect(run.code).toBe(5);
    expect(run.stderr).toContain(`${file}, line 2: expected UTF-8 text, got byte 0xe9`);
  });

  it('refuses an E2E CSV that is not UTF-8 with a typed error (it was an internal error)', async () => {
    const folder = join(root, 'e2e-latin1');
    mkdirSync(folder);
    const csv = Buffer.from('mr,ref\n"name[Caf\xe9]","It is a caf\xe9."\n', 'latin1');
    writeFileSync(join(folder, 'trainset.csv'), csv);
    writeFileSync(join(folder, 'devset.csv'), csv);
    const run = await runPrefixkit([
      'train',
      '--task',
      'e2e',
      '--data',
      folder,
      '--model',
      model,
      '--backend',
      'cpu',
      '--json',
    ]);
    expect(run.code).toBe(5);
    expect(parseJsonOutput(run).error).toMatchObject({ code: 'DATA_NOT_UTF8', exitCode: 5 });
    expect(run.stderr).toContain(`${join(folder, 'trainset.csv')}, line 2:`);
  });
});

describe.concurrent("a model folder's own tokenizer", () => {
  /** GPT-2's vocabulary with the ids of two tokens swapped, as vocab.json + merges.txt. */
  async function folderWithSwappedVocabulary(a: string, b: string): Promise<string> {
    const folder = join(root, 'swapped-vocabulary');
    cpSync(model, folder, { recursive: true });
    const { gpt2MergesText } = await import(
      '../../../packages/gpt2/src/tokenizer/gpt2-merges.generated'
    );
    const vocab = Object.fromEntries(gpt2VocabularyFromMerges(parseMergesTxt(gpt2MergesText)));
    [vocab[a], vocab[b]] = [vocab[b]!, vocab[a]!];
    writeFileSync(join(folder, 'vocab.json'), JSON.stringify(vocab));
    writeFileSync(join(folder, 'merges.txt'), gpt2MergesText);
    return folder;
  }

  it('is used instead of the built-in one (generate shows its ids)', async () => {
    const builtIn = await loadGpt2Tokenizer();
    const [name, colon] = ['Ġname', 'Ġ:'];
    const folder = await folderWithSwappedVocabulary(name, colon);
    const plain = await generate(['--model', model]);
    const own = await generate(['--model', folder]);
    expect(own.code, own.stderr).toBe(0);
    const ids = (run: typeof own) =>
      (parseJsonOutput(run).result as { outputs: { promptIds: number[] }[] }).outputs[0]!.promptIds;
    const swap = (id: number) =>
      id === builtIn.tokenToId(name)
        ? builtIn.tokenToId(colon)!
        : id === builtIn.tokenToId(colon)
          ? builtIn.tokenToId(name)!
          : id;
    expect(ids(own)).toEqual(ids(plain).map(swap));
    expect(ids(own)).not.toEqual(ids(plain));
  });

  it('is refused when it does not fit the model (ids beyond vocab_size)', async () => {
    const folder = join(root, 'too-big-tokenizer');
    cpSync(model, folder, { recursive: true });
    writeFileSync(
      join(folder, 'tokenizer.json'),
      JSON.stringify({
        model: { type: 'BPE', vocab: { a: 0, b: 1, '<|endoftext|>': 60000 }, merges: [] },
        added_tokens: [{ id: 60000, content: '<|endoftext|>' }],
      }),
    );
    const run = await generate(['--model', folder]);
    expect(run.code).toBe(5);
    expect(parseJsonOutput(run).error).toMatchObject({ code: 'TOKENIZER_MISMATCH' });
    expect(run.stderr).toContain(
      `${join(folder, 'tokenizer.json')}: expected ids below the model's vocab_size 50257, got ids up to 60000`,
    );
  });
});
