import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readGroups, readPairs } from './read-task-data';

const dartSample = fileURLToPath(
  new URL('../../../../packages/datasets/fixtures/dart/', import.meta.url),
);

describe('DART splits in a folder', () => {
  it('are read from the XML when the JSON is not there (the 2021 test revision is XML only)', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'prefixkit-dart-xml-'));
    // The sample's XML and JSON hold the same 30 entries.
    for (const split of ['train', 'test'])
      copyFileSync(
        join(dartSample, 'dart-v1.1.1-full-dev.xml'),
        join(folder, `dart-v1.1.1-full-${split}.xml`),
      );
    const env = {};
    const fromXml = { task: 'dart' as const, data: folder, cwd: folder, env };
    const fromJson = { task: 'dart' as const, data: dartSample, cwd: folder, env };
    const groups = await readGroups(fromXml, 'test');
    expect(groups.length).toBeGreaterThan(0);
    expect(groups).toEqual(await readGroups(fromJson, 'dev'));
    expect(await readPairs(fromXml, 'train')).toEqual(await readPairs(fromJson, 'dev'));
  });

  it('name the JSON when neither file is there', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'prefixkit-dart-none-'));
    await expect(
      readGroups({ task: 'dart', data: folder, cwd: folder, env: {} }, 'test'),
    ).rejects.toThrow(/dart-v1\.1\.1-full-test\.json/);
  });
});
