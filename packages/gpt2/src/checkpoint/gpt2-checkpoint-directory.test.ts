import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FileNotFoundError } from '@prefixkit/errors';
import { bf16ToFloat32, float32ToBf16 } from '@prefixkit/tensor';
import { afterAll, describe, expect, it } from 'vitest';
import { CheckpointMismatchError } from '../errors';
import {
  readGpt2CheckpointDirectory,
  writeGpt2Checkpoint,
} from './gpt2-checkpoint-directory.node.js';

const fixtureDir = fileURLToPath(new URL('../../test/fixtures/tiny/', import.meta.url));
const scratch = await mkdtemp(join(tmpdir(), 'gpt2-checkpoint-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

describe('checkpoint directories (Node)', () => {
  it('writes config.json + model.safetensors that read back identically and match the Python file', async () => {
    const original = await readGpt2CheckpointDirectory(fixtureDir);
    const out = join(scratch, 'f32');
    await writeGpt2Checkpoint(out, original);
    expect((await readdir(out)).sort()).toEqual(['config.json', 'model.safetensors']);
    const again = await readGpt2CheckpointDirectory(out);
    expect(again.parameters).toEqual(original.parameters);
    expect(again.config).toEqual(original.config);
    const [ours, theirs] = await Promise.all([
      readFile(join(out, 'model.safetensors')),
      readFile(join(fixtureDir, 'model.safetensors')),
    ]);
    expect(ours.equals(theirs)).toBe(true);
  });

  it('saves BF16 (rounded to nearest even) and records torch_dtype', async () => {
    const original = await readGpt2CheckpointDirectory(fixtureDir);
    const out = join(scratch, 'bf16');
    await writeGpt2Checkpoint(out, { ...original, dtype: 'BF16' });
    const again = await readGpt2CheckpointDirectory(out);
    expect(again.config.torch_dtype).toBe('bfloat16');
    const wte = original.parameters.get('transformer.wte.weight')!;
    const rounded = Float32Array.from(wte, (value) => bf16ToFloat32(float32ToBf16(value)));
    expect(again.parameters.get('transformer.wte.weight')).toEqual(rounded);
  });

  it('refuses to save an incomplete parameter set and leaves no file behind', async () => {
    const original = await readGpt2CheckpointDirectory(fixtureDir);
    const parameters = new Map(original.parameters);
    parameters.delete('transformer.wpe.weight');
    const out = join(scratch, 'incomplete');
    await expect(writeGpt2Checkpoint(out, { config: original.config, parameters })).rejects.toThrow(
      CheckpointMismatchError,
    );
    await expect(readdir(out)).rejects.toThrow();
  });

  it('reports a missing directory as FileNotFoundError naming config.json', async () => {
    await expect(readGpt2CheckpointDirectory(join(scratch, 'nope'))).rejects.toThrow(
      FileNotFoundError,
    );
    await expect(readGpt2CheckpointDirectory(join(scratch, 'nope'))).rejects.toThrow(
      /nope\/config\.json: not found/,
    );
  });
});
