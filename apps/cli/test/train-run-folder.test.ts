// What `prefixkit train --output RUN` may do with the folder, through the real binary: a
// finished run is not replaced without --overwrite, the model folder (an input) never, old
// checkpoints and a killed run's temporaries are cleaned, and a resume with no checkpoint or
// with a `latest` pointing out of the run is refused with its own code.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runPrefixkit } from './run-cli';
import { tinyTrainArgs, writeJsonl, writeTinyGpt2 } from './tiny-gpt2';

let model: string;
let root: string;
let data: string;

beforeAll(async () => {
  model = await writeTinyGpt2();
  root = mkdtempSync(join(tmpdir(), 'prefixkit-run-folder-'));
  data = writeJsonl(root, 'pairs.jsonl');
});

const train = (...args: string[]) =>
  runPrefixkit([
    ...tinyTrainArgs(model, { data, batchSize: 3, prefixLength: 2, midDim: 4 }),
    ...args,
  ]);

const finalBytes = (run: string) => readFileSync(join(run, 'final', 'adapter_model.safetensors'));

describe('prefixkit train --output', () => {
  it('refuses to replace a finished run unless --overwrite, which replaces only the run', async () => {
    const run = join(root, 'finished');
    expect((await train('--max-steps', '1', '--output', run)).code).toBe(0);
    const first = finalBytes(run);
    const finalTime = statSync(join(run, 'final', 'adapter_model.safetensors')).mtimeMs;
    const again = await train('--max-steps', '2', '--seed', '5', '--output', run);
    expect(again.code).toBe(12);
    expect(again.stderr).toContain(
      `${run}: holds a finished run (final/ is there). Continue it with --resume, replace it with --overwrite, or pick another --output. [OUTPUT_RUN_EXISTS, exit 12]`,
    );
    expect(statSync(join(run, 'final', 'adapter_model.safetensors')).mtimeMs).toBe(finalTime);
    const both = await train('--output', run, '--resume', '--overwrite');
    expect(both.code).toBe(2);
    const replaced = await train('--max-steps', '2', '--seed', '5', '--output', run, '--overwrite');
    expect(replaced.code, replaced.stderr).toBe(0);
    expect(finalBytes(run).equals(first)).toBe(false);
    const config = JSON.parse(readFileSync(join(run, 'config.json'), 'utf8'));
    expect(config.training).toMatchObject({ maxSteps: 2, seed: 5 });
    // A folder holding anything a run does not write is never cleared.
    writeFileSync(join(run, 'notes.txt'), 'mine');
    const foreign = await train('--max-steps', '1', '--output', run, '--overwrite');
    expect(foreign.code).toBe(12);
    expect(foreign.stderr).toContain('[OUTPUT_NOT_A_RUN, exit 12]');
    expect(readFileSync(join(run, 'notes.txt'), 'utf8')).toBe('mine');
  });

  it('never writes into its own inputs: the model folder still loads afterwards', async () => {
    const config = readFileSync(join(model, 'config.json'));
    const plain = await train('--max-steps', '1', '--output', model);
    expect(plain.code).toBe(12);
    expect(plain.stderr).toContain(`${model}: is not empty (config.json, model.safetensors)`);
    const forced = await train('--max-steps', '1', '--output', model, '--overwrite');
    expect(forced.code).toBe(12);
    expect(forced.stderr).toContain('[OUTPUT_NOT_A_RUN, exit 12]');
    const inside = await train('--max-steps', '1', '--output', join(model, 'run'));
    expect(inside.code).toBe(12);
    expect(inside.stderr).toMatch(/--output lies inside .* \(--model\), which this command reads/);
    expect(readFileSync(join(model, 'config.json')).equals(config)).toBe(true);
    expect(readdirSync(model).sort()).toEqual(['config.json', 'model.safetensors']);
    // --init from the run's own final/ into that run with --overwrite would delete the input.
    const run = join(root, 'init-self');
    expect((await train('--max-steps', '1', '--output', run)).code).toBe(0);
    const self = await train('--init', join(run, 'final'), '--output', run, '--overwrite');
    expect(self.code).toBe(12);
    expect(self.stderr).toMatch(/--output contains .*final \(--init\)/);
    expect(existsSync(join(run, 'final', 'adapter_model.safetensors'))).toBe(true);
    const file = await train('--max-steps', '1', '--output', data);
    expect(file.code).toBe(11);
    expect(file.stderr).toContain('[FS_NOT_DIRECTORY, exit 11]');
  });

  it('keeps the newest --keep-checkpoints and removes what a killed run left', async () => {
    const run = join(root, 'kept');
    expect((await train('--max-steps', '2', '--checkpoint-every', '1', '--output', run)).code).toBe(
      0,
    );
    // What kill -9 can leave: a half-written checkpoint folder and file temporaries.
    mkdirSync(join(run, 'checkpoints', '.step-3.0123456789ab.tmp'));
    writeFileSync(join(run, '.log.jsonl.ba9876543210.tmp'), '{"event":');
    rmSync(join(run, 'final'), { recursive: true });
    const resumed = await runPrefixkit(['train', '--output', run, '--resume']);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(readdirSync(join(run, 'checkpoints')).sort()).toEqual(['latest', 'step-1', 'step-2']);
    expect(readdirSync(run).sort()).toEqual([
      'checkpoints',
      'config.json',
      'final',
      'log.jsonl',
      'loss.svg',
    ]);
    const kept = join(root, 'kept-1');
    const result = await train(
      '--max-steps',
      '4',
      '--checkpoint-every',
      '1',
      '--keep-checkpoints',
      '1',
      '--output',
      kept,
    );
    expect(result.code, result.stderr).toBe(0);
    expect(readdirSync(join(kept, 'checkpoints')).sort()).toEqual(['latest', 'step-4']);
  });

  it('says plainly that a run has no checkpoint, and refuses a latest outside the run', async () => {
    const run = join(root, 'no-checkpoint');
    expect((await train('--max-steps', '1', '--output', run)).code).toBe(0);
    // As a run killed before its first checkpoint leaves it.
    rmSync(join(run, 'checkpoints'), { recursive: true });
    rmSync(join(run, 'final'), { recursive: true });
    const none = await runPrefixkit(['train', '--output', run, '--resume']);
    expect(none.code).toBe(4);
    expect(none.stderr).toContain(
      `prefixkit train: error: ${run}: no checkpoint to resume from: the run stopped before its first checkpoint was written. Start it again with the same flags and --overwrite. [CHECKPOINT_NOT_FOUND, exit 4]`,
    );
    expect((await train('--max-steps', '1', '--output', run, '--overwrite')).code).toBe(0);
    const outside = mkdtempSync(join(tmpdir(), 'prefixkit-elsewhere-'));
    writeFileSync(join(run, 'checkpoints', 'latest'), `${outside}\n`);
    const escaped = await runPrefixkit(['train', '--output', run, '--resume']);
    expect(escaped.code).toBe(5);
    expect(escaped.stderr).toContain(
      `${join(run, 'checkpoints', 'latest')}: names "${outside}"; expected the name of a step folder beside it (step-<N>). Refusing to read a checkpoint from elsewhere. [CHECKPOINT_POINTER_INVALID, exit 5]`,
    );
  });
});
