// Data records: a few rows of the real E2E CSV (the shared data's devset.csv, or the metrics
// fixture when ../shared is absent), the same pairs as JSONL, and a real E2E system-output TSV,
// mutated as bytes (invalid UTF-8, quotes, commas, tabs, line ends) and read by the readers the
// CLI uses. Accepted files must give string fields and, for a TSV, one MR per output.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeUtf8, readE2E } from '@prefixkit/datasets';
import { readJsonlPairs } from '../../../../apps/cli/src/data/task-data';
import { readHypotheses } from '../../../../apps/cli/src/evaluate/read-hypotheses';
import { mutateBytes } from '../mutate-bytes';
import { type FuzzTarget, invalid, repoPath, valid } from './fuzz-target';

interface Context {
  folder: string;
  csv: Uint8Array;
  jsonl: Uint8Array;
  tsv: Uint8Array;
}

const firstLines = (path: string, count: number) =>
  `${readFileSync(path, 'utf8').split('\n').slice(0, count).join('\n')}\n`;

async function readCsvCase(bytes: Uint8Array) {
  const records = readE2E(decodeUtf8([bytes], 'fuzz.csv'), { file: 'fuzz.csv' });
  for await (const record of records)
    if (
      typeof record.mr !== 'string' ||
      (record.ref !== undefined && typeof record.ref !== 'string')
    )
      return invalid('a record field is not a string');
  return valid;
}

function readJsonlCase(folder: string, bytes: Uint8Array, index: number) {
  const path = join(folder, `case-${index}.jsonl`);
  writeFileSync(path, bytes);
  for (const pair of readJsonlPairs(path))
    if (typeof pair.source !== 'string' || typeof pair.target !== 'string')
      return invalid('a pair field is not a string');
  return valid;
}

async function readTsvCase(folder: string, bytes: Uint8Array, index: number) {
  const path = join(folder, `case-${index}.txt`);
  writeFileSync(path, bytes);
  const hypotheses = await readHypotheses(path, 'e2e');
  if (hypotheses.inputs && hypotheses.inputs.length !== hypotheses.lines.length)
    return invalid(`${hypotheses.inputs.length} MRs for ${hypotheses.lines.length} outputs`);
  if (!hypotheses.inputs && hypotheses.lines.some((line) => line.includes('\t')))
    return invalid('a plain hypothesis holds a tab (an MR column scored as output)');
  return valid;
}

export const recordsTarget: FuzzTarget<Context> = {
  name: 'records',
  description: 'JSONL / CSV / TSV records (E2E CSV reader, train JSONL, evaluate hypotheses)',
  async prepare() {
    const shared = repoPath('../shared/data/e2e/devset.csv');
    const csvText = firstLines(
      existsSync(shared) ? shared : repoPath('packages/metrics/fixtures/e2e/testset_w_refs.csv'),
      25,
    );
    const rows: { source: string; target: string }[] = [];
    for await (const record of readE2E(csvText))
      rows.push({ source: record.mr, target: record.ref ?? '' });
    const encode = (text: string) => new TextEncoder().encode(text);
    return {
      folder: mkdtempSync(join(tmpdir(), 'prefixkit-fuzz-records-')),
      csv: encode(csvText),
      jsonl: encode(rows.map((row) => `${JSON.stringify(row)}\n`).join('')),
      tsv: encode(firstLines(repoPath('packages/metrics/fixtures/e2e/tgen.tsv'), 25)),
    };
  },
  async run(context, random, index) {
    switch (random.int(3)) {
      case 0:
        return readCsvCase(mutateBytes(context.csv, random));
      case 1:
        return readJsonlCase(context.folder, mutateBytes(context.jsonl, random), index);
      default:
        return readTsvCase(context.folder, mutateBytes(context.tsv, random), index);
    }
  },
};
