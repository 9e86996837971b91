import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigValidationError } from '@prefixkit/errors';
import { describe, expect, it } from 'vitest';
import { readShippedTraining, shippedPrefixDir } from './shipped-prefix';

const valid = {
  format: 'prefixkit-shipped-prefix',
  formatVersion: 1,
  method: 'prefix-flat',
  trainPairs: 42061,
  steps: 2500,
  batchSize: 5,
  learningRate: 0.005,
  warmupSteps: 50,
  devLoss: 1.99,
  command: 'pnpm --silent prefixkit train --task e2e',
};

async function folderWith(text: string): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'shipped-prefix-'));
  await writeFile(join(folder, 'training.json'), text);
  return folder;
}

describe('readShippedTraining', () => {
  it('reads a valid training.json', async () => {
    const folder = await folderWith(JSON.stringify(valid));
    expect(await readShippedTraining(folder)).toEqual(valid);
  });

  it('names the file and the field that is missing or wrong', async () => {
    const { steps: _, ...missing } = valid;
    const folder = await folderWith(JSON.stringify(missing));
    const error = await readShippedTraining(folder).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigValidationError);
    expect((error as Error).message).toContain(join(folder, 'training.json'));
    expect((error as ConfigValidationError).location.field).toBe('/steps');

    const wrong = await folderWith(JSON.stringify({ ...valid, batchSize: 0 }));
    await expect(readShippedTraining(wrong)).rejects.toThrow(/field \/batchSize: must be >= 1/);
  });

  it('rejects a file that is not JSON', async () => {
    const folder = await folderWith('{"format": ');
    await expect(readShippedTraining(folder)).rejects.toThrow(/training\.json.*not readable JSON/);
  });

  it("accepts the repository's shipped prefix", async () => {
    const training = await readShippedTraining(shippedPrefixDir);
    expect(training.method).toBe('prefix-flat');
    expect(training.trainPairs).toBe(42061);
  });
});
