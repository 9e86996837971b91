// The Node helpers (src/node.ts): method directories round-trip, checkpoints are written as a
// temporary directory renamed into place with `latest` updated last, old and orphaned ones are
// cleaned, and a missing, partial, corrupt or escaping checkpoint is a typed error.
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileNotFoundError } from '@prefixkit/errors';
import { NonFiniteWeightError } from '@prefixkit/gpt2';
import { noGrad } from '@prefixkit/tensor';
import { afterEach, describe, expect, it } from 'vitest';
import { CheckpointNotFoundError, CheckpointPointerError, PeftFormatError } from '../src/errors';
import { safetensorsToTensors, tensorsToSafetensors } from '../src/formats/tensor-files';
import { createPeftModel } from '../src/methods';
import {
  checkpointDirectoryWriter,
  loadPeftDirectory,
  readLatestCheckpoint,
  savePeftDirectory,
} from '../src/node';
import type { CheckpointFiles } from '../src/trainer/checkpoint';
import { Trainer } from '../src/trainer/trainer';
import { loadTinyModel } from './tiny-model';

const EOS = 47;
const ids = [[5, 12, EOS, 30, 7, 2]];
const labels = [[-100, -100, -100, 30, 7, 2]];
const train = [{ inputIds: ids[0]!, labels: labels[0]! }];
const directories: string[] = [];
async function temporaryDirectory(): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), 'prefixkit-peft-'));
  directories.push(directory);
  return directory;
}
afterEach(async () => {
  for (const directory of directories.splice(0))
    await rm(directory, { recursive: true, force: true });
});

describe('savePeftDirectory / loadPeftDirectory', () => {
  it('round-trips a trained method through the two PEFT files', async () => {
    const base = await loadTinyModel();
    const peft = await createPeftModel(base, { method: 'prefix', prefixLength: 2, midDim: 8 });
    await new Trainer(peft, {
      config: { learningRate: 1e-2, maxSteps: 2, batchSize: 1 },
      train,
    }).train();
    const directory = join(await temporaryDirectory(), 'prefix');
    await savePeftDirectory(peft, directory, { baseModelNameOrPath: 'tiny' });
    expect((await readdir(directory)).sort()).toEqual([
      'adapter_config.json',
      'adapter_model.safetensors',
    ]);
    const config = JSON.parse(await readFile(join(directory, 'adapter_config.json'), 'utf8'));
    expect(config.base_model_name_or_path).toBe('tiny');
    const loaded = await loadPeftDirectory(base, directory);
    const logits = async (model: typeof peft) => noGrad(() => model.forward(ids).logits).data();
    const [a, b] = [await logits(peft), await logits(loaded)];
    for (let k = 0; k < a.length; k++) expect(Math.abs(a[k]! - b[k]!)).toBeLessThan(1e-5);
  });

  it('names the missing file', async () => {
    const base = await loadTinyModel();
    const directory = await temporaryDirectory();
    await expect(loadPeftDirectory(base, directory)).rejects.toThrow(FileNotFoundError);
    await expect(loadPeftDirectory(base, directory)).rejects.toThrow(/adapter_config\.json/);
  });
});

describe('loading a prefix with NaN or infinite weights', () => {
  it('is refused with the file, tensor and element named', async () => {
    const base = await loadTinyModel();
    const peft = await createPeftModel(base, { method: 'prefix-flat', prefixLength: 2 });
    const directory = join(await temporaryDirectory(), 'prefix');
    await savePeftDirectory(peft, directory, { baseModelNameOrPath: 'tiny' });
    const weightsFile = join(directory, 'adapter_model.safetensors');
    const { tensors } = await safetensorsToTensors(new Uint8Array(await readFile(weightsFile)));
    const [name, tensor] = Object.entries(tensors)[0]!;
    tensor.data[3] = Number.POSITIVE_INFINITY;
    await writeFile(weightsFile, tensorsToSafetensors(tensors));
    const error = await loadPeftDirectory(base, directory).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NonFiniteWeightError);
    expect((error as NonFiniteWeightError).code).toBe('CHECKPOINT_NON_FINITE');
    expect((error as Error).message).toContain(
      `${weightsFile}, tensor ${name}: element 3 is Infinity; expected finite weights`,
    );
  });
});

describe('checkpointDirectoryWriter / readLatestCheckpoint', () => {
  async function trainerWithCheckpoints(root: string, options = { keep: 0, maxSteps: 2 }) {
    const peft = await createPeftModel(await loadTinyModel(), {
      method: 'prefix-flat',
      prefixLength: 2,
    });
    const save = checkpointDirectoryWriter(root, { keep: options.keep });
    const written = new Map<number, CheckpointFiles>();
    const trainer = new Trainer(peft, {
      config: {
        learningRate: 1e-2,
        maxSteps: options.maxSteps,
        batchSize: 1,
        checkpointEvery: 1,
      },
      train,
      saveCheckpoint: async (files, step) => {
        written.set(step, files);
        await save(files, step);
      },
    });
    await trainer.train();
    return { save, written };
  }

  it('writes step-<n>/ via a temporary directory and points `latest` at the newest', async () => {
    const root = await temporaryDirectory();
    const { written } = await trainerWithCheckpoints(root);
    expect((await readdir(root)).sort()).toEqual(['latest', 'step-1', 'step-2']);
    expect(await readFile(join(root, 'latest'), 'utf8')).toBe('step-2\n');
    expect((await readdir(join(root, 'step-2'))).sort()).toEqual([
      'optimizer.safetensors',
      'trainable.safetensors',
      'trainer_state.json',
    ]);
    const read = await readLatestCheckpoint(root);
    const expected = written.get(2)!;
    expect(read['trainer_state.json']).toBe(expected['trainer_state.json']);
    expect(
      Buffer.from(read['trainable.safetensors']).equals(
        Buffer.from(expected['trainable.safetensors']),
      ),
    ).toBe(true);
    expect(
      Buffer.from(read['optimizer.safetensors']).equals(
        Buffer.from(expected['optimizer.safetensors']),
      ),
    ).toBe(true);
  });

  it('leaves the previous checkpoint and `latest` intact when a write fails', async () => {
    const root = await temporaryDirectory();
    const { save, written } = await trainerWithCheckpoints(root);
    const broken = { ...written.get(2)!, 'trainable.safetensors': 42 as unknown as Uint8Array };
    await expect(save(broken, 3)).rejects.toThrow();
    expect((await readdir(root)).sort()).toEqual(['latest', 'step-1', 'step-2']);
    expect((await readLatestCheckpoint(root))['trainer_state.json']).toBe(
      written.get(2)!['trainer_state.json'],
    );
  });

  it('keeps the newest --keep checkpoints and removes what a killed writer left', async () => {
    const root = await temporaryDirectory();
    // A killed writer's half-written step folder and `latest` temporary, and a step folder of a
    // timeline that was abandoned (written, then the run resumed from an earlier checkpoint).
    await mkdir(root, { recursive: true });
    await mkdir(join(root, '.step-2.0123456789ab.tmp'));
    await writeFile(join(root, '.latest.ba9876543210.tmp'), 'step-');
    await mkdir(join(root, 'step-9'));
    await trainerWithCheckpoints(root, { keep: 2, maxSteps: 4 });
    expect((await readdir(root)).sort()).toEqual(['latest', 'step-3', 'step-4']);
    expect(await readFile(join(root, 'latest'), 'utf8')).toBe('step-4\n');
  });

  it('refuses a `latest` that points outside its folder, or at a link out of it', async () => {
    const root = await temporaryDirectory();
    await trainerWithCheckpoints(root);
    const outside = await temporaryDirectory();
    for (const pointer of ['../../etc', outside, 'step-1/../step-2', '', 'final']) {
      await writeFile(join(root, 'latest'), `${pointer}\n`);
      await expect(readLatestCheckpoint(root), pointer).rejects.toThrow(CheckpointPointerError);
    }
    await writeFile(join(root, 'latest'), '../x\n');
    await expect(readLatestCheckpoint(root)).rejects.toMatchObject({
      code: 'CHECKPOINT_POINTER_INVALID',
      message: expect.stringContaining(`${join(root, 'latest')}: names "../x"`),
    });
    await symlink(join(root, 'step-2'), join(root, 'step-7'));
    await writeFile(join(root, 'latest'), 'step-7\n');
    await expect(readLatestCheckpoint(root)).rejects.toThrow(/step-7 is not a folder/);
  });

  it('reports a missing, partial or corrupt checkpoint as a typed error', async () => {
    const root = await temporaryDirectory();
    await expect(readLatestCheckpoint(root)).rejects.toThrow(CheckpointNotFoundError);
    await expect(readLatestCheckpoint(root)).rejects.toThrow(/no checkpoint here/);
    await trainerWithCheckpoints(root);
    await writeFile(join(root, 'latest'), 'step-9\n');
    await expect(readLatestCheckpoint(root)).rejects.toThrow(FileNotFoundError);
    await writeFile(join(root, 'latest'), 'step-2\n');
    await rm(join(root, 'step-2', 'optimizer.safetensors'));
    await expect(readLatestCheckpoint(root)).rejects.toThrow(/optimizer\.safetensors/);
    await writeFile(join(root, 'latest'), 'step-1\n');
    const state = join(root, 'step-1', 'trainer_state.json');
    const text = await readFile(state, 'utf8');
    await writeFile(state, text.slice(0, text.length / 2));
    await expect(readLatestCheckpoint(root)).rejects.toThrow(PeftFormatError);
    await expect(readLatestCheckpoint(root)).rejects.toThrow(
      /trainer_state\.json: contents: expected JSON/,
    );
    // A truncated weights file is refused when the trainer restores it.
    await writeFile(state, text);
    const weights = join(root, 'step-1', 'trainable.safetensors');
    const bytes = await readFile(weights);
    await writeFile(weights, bytes.subarray(0, bytes.length - 4));
    const files = await readLatestCheckpoint(root);
    const fresh = new Trainer(
      await createPeftModel(await loadTinyModel(), { method: 'prefix-flat', prefixLength: 2 }),
      { config: { learningRate: 1e-2, maxSteps: 2, batchSize: 1 }, train },
    );
    const failure = await fresh.restore(files).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Error);
    expect((failure as { code?: string }).code).toMatch(/^[A-Z_]+$/);
    expect(String((failure as Error).message)).toMatch(/trainable\.safetensors/);
  });
});
