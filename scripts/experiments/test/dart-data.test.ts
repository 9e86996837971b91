// DART's dev set split into training and held-out triple sets, on the committed 30-entry sample.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { prepareDartData, splitDartEntries } from '../src/experiments/dart-data';

const sample = fileURLToPath(new URL('../../../packages/datasets/fixtures/dart', import.meta.url));
const entries = JSON.parse(readFileSync(join(sample, 'dart-v1.1.1-full-dev.json'), 'utf8'));
const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

describe('splitDartEntries', () => {
  it('holds out whole triple sets, keeps every entry once and in order, the same for a seed', () => {
    const split = splitDartEntries(entries, 5, 101);
    expect(split.tripleSets.heldOut).toBe(5);
    expect(split.train.length + split.heldOut.length).toBe(entries.length);
    const key = (entry: { tripleset: unknown }) => JSON.stringify(entry.tripleset);
    const held = new Set(split.heldOut.map(key));
    expect(held.size).toBe(5);
    expect(split.train.some((entry) => held.has(key(entry)))).toBe(false);
    const order = (part: unknown[]) => part.map((entry) => entries.indexOf(entry));
    expect(order(split.train)).toEqual([...order(split.train)].sort((a, b) => a - b));
    expect(splitDartEntries(entries, 5, 101)).toEqual(split);
    expect(splitDartEntries(entries, 5, 7).heldOut).not.toEqual(split.heldOut);
  });

  it('refuses to hold out every triple set', () => {
    expect(() => splitDartEntries(entries, 1000, 101)).toThrow(
      /--held-out: expected fewer than the \d+ triple sets of the DART dev file, got 1000/,
    );
  });
});

describe('prepareDartData', () => {
  it('writes the three files under the names prefixkit reads, once', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'prefixkit-dart-data-'));
    folders.push(folder);
    const options = {
      source: sample,
      test: join(sample, 'dart-v1.1.1-full-dev.xml'),
      folder: join(folder, 'data'),
      heldOut: 5,
      seed: 101,
    };
    const lines = await prepareDartData(options);
    expect(lines[0]).toMatch(
      /training on \d+ triple sets of DART's dev set \(\d+ annotations\), 5 held out/,
    );
    expect(readdirSync(options.folder).sort()).toEqual([
      'dart-v1.1.1-full-dev.json',
      'dart-v1.1.1-full-test.xml',
      'dart-v1.1.1-full-train.json',
    ]);
    const train = JSON.parse(
      readFileSync(join(options.folder, 'dart-v1.1.1-full-train.json'), 'utf8'),
    );
    expect(train).toEqual(splitDartEntries(entries, 5, 101).train);
    // Existing files are kept (settings.json guards against other settings).
    writeFileSync(join(options.folder, 'dart-v1.1.1-full-dev.json'), '[]');
    await prepareDartData(options);
    expect(readFileSync(join(options.folder, 'dart-v1.1.1-full-dev.json'), 'utf8')).toBe('[]');
    await expect(prepareDartData({ ...options, test: join(folder, 'none.xml') })).rejects.toThrow(
      /none\.xml: not found; pass --data/,
    );
  });
});
