// DART's training split is not in the shared data (it is over the snapshots' 4 MiB limit; the
// shared data's dart/SOURCE.md), so this experiment trains on DART's dev set and holds part of it
// out: whole triple sets (every annotation of a triple set on one side), drawn with a seeded
// shuffle. The two parts are written in DART's own JSON layout under RUN_DIR/data with the names
// prefixkit reads (dart-v1.1.1-full-{train,dev}.json), beside a copy of the test XML, so that
// train, generate and evaluate read them as official DART files: linearisation and reference
// grouping stay @prefixkit/datasets'.

import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { seededRandom } from '@prefixkit/datasets';
import { writeFileAtomic } from '@prefixkit/errors/node';
import { ExperimentUsageError } from '../errors';

interface DartJsonEntry {
  tripleset: unknown;
  annotations: unknown[];
}

export interface DartSplit {
  readonly train: DartJsonEntry[];
  readonly heldOut: DartJsonEntry[];
  readonly tripleSets: { readonly train: number; readonly heldOut: number };
}

/** Splits entries by triple set: `heldOut` triple sets (seeded) against the rest, order kept. */
export function splitDartEntries(
  entries: DartJsonEntry[],
  heldOut: number,
  seed: number,
): DartSplit {
  const keyOf = (entry: DartJsonEntry) => JSON.stringify(entry.tripleset);
  const keys = [...new Set(entries.map(keyOf))];
  if (heldOut >= keys.length)
    throw new ExperimentUsageError(
      `--held-out: expected fewer than the ${keys.length} triple sets of the DART dev file, got ${heldOut}`,
    );
  const random = seededRandom(seed);
  for (let index = keys.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [keys[index], keys[other]] = [keys[other]!, keys[index]!];
  }
  const held = new Set(keys.slice(0, heldOut));
  return {
    train: entries.filter((entry) => !held.has(keyOf(entry))),
    heldOut: entries.filter((entry) => held.has(keyOf(entry))),
    tripleSets: { train: keys.length - heldOut, heldOut },
  };
}

export interface DartDataOptions {
  /** The folder with DART's dev JSON (the shared data's dart/). */
  readonly source: string;
  /** The test XML (DART's 2021 revision). */
  readonly test: string;
  /** Where the three files go (RUN_DIR/data). */
  readonly folder: string;
  readonly heldOut: number;
  readonly seed: number;
}

const annotations = (entries: DartJsonEntry[]) =>
  entries.reduce((sum, entry) => sum + entry.annotations.length, 0);

/** Writes the training, held-out and test files (once); returns lines saying what they hold. */
export async function prepareDartData(options: DartDataOptions): Promise<string[]> {
  const devFile = join(options.source, 'dart-v1.1.1-full-dev.json');
  for (const file of [devFile, options.test])
    if (!existsSync(file))
      throw new ExperimentUsageError(
        `${file}: not found; pass --data (DART's folder) or --test-data`,
      );
  const split = splitDartEntries(
    JSON.parse(await readFile(devFile, 'utf8')) as DartJsonEntry[],
    options.heldOut,
    options.seed,
  );
  await mkdir(options.folder, { recursive: true });
  const write = async (name: string, entries: DartJsonEntry[]) => {
    const path = join(options.folder, name);
    if (!existsSync(path)) await writeFileAtomic(path, `${JSON.stringify(entries, null, 2)}\n`);
  };
  await write('dart-v1.1.1-full-train.json', split.train);
  await write('dart-v1.1.1-full-dev.json', split.heldOut);
  const test = join(options.folder, 'dart-v1.1.1-full-test.xml');
  if (!existsSync(test)) await writeFileAtomic(test, await readFile(options.test));
  return [
    `data        ${options.folder}: training on ${split.tripleSets.train} triple sets of DART's dev set (${annotations(split.train)} annotations), ${split.tripleSets.heldOut} held out (${annotations(split.heldOut)}) for the learning rates; test ${options.test}`,
  ];
}
