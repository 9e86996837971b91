// Node-only entry of @prefixkit/metrics: readers for the official data layouts (E2E CSV/TSV,
// WebNLG gold-*.lex files). Everything else is in the browser-safe main entry.
import { readFile } from 'node:fs/promises';
import { FileNotFoundError } from '@prefixkit/errors';
import { assertRegularFile } from '@prefixkit/errors/node';
import { parseE2EReferences, parseE2ESystemOutputs } from './io/e2e-files';

async function readText(path: string, hint: string): Promise<string> {
  assertRegularFile(path, hint);
  try {
    return await readFile(path, 'utf8');
  } catch (cause) {
    throw new FileNotFoundError(path, hint, { cause });
  }
}

/** Reads `testset_w_refs.csv` (or a file like it): references grouped by MR, in file order. */
export async function readE2EReferences(
  path: string,
): Promise<{ mrs: string[]; references: string[][] }> {
  return parseE2EReferences(
    await readText(path, 'Expected the E2E references CSV (mr,ref).'),
    path,
  );
}

/** Reads an E2E system output file (`MR<TAB>output` TSV, or one output per line). */
export async function readE2ESystemOutputs(
  path: string,
): Promise<{ mrs: string[]; outputs: string[] }> {
  return parseE2ESystemOutputs(await readText(path, 'Expected an E2E system output TSV.'), path);
}

/** Lines of a text file without the final newline (one segment per line; blank lines kept). */
export async function readLines(path: string): Promise<string[]> {
  const lines = (await readText(path, 'Expected a text file with one segment per line.')).split(
    '\n',
  );
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/**
 * Reads the WebNLG gold reference files `<dir>/gold-<track>-cat-reference{0..k-1}.lex` and
 * returns one group of `k` references per entry (blank lines stay as empty references).
 */
export async function readWebNLGReferences(
  dir: string,
  track: 'all' | 'old' | 'new',
  k = 3,
): Promise<string[][]> {
  const files = await Promise.all(
    Array.from({ length: k }, (_, i) => readLines(`${dir}/gold-${track}-cat-reference${i}.lex`)),
  );
  const n = (files[0] as string[]).length;
  return Array.from({ length: n }, (_, j) => files.map((f) => f[j] ?? ''));
}
export {
  loadMeteorResources,
  loadMeteorSynonyms,
  loadParaphraseTable,
  meteorDataDir,
} from './meteor/load-resources.node.js';
