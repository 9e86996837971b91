// Node-only loaders for METEOR's data: the WordNet synonym files shipped in
// packages/metrics/data/meteor/ and a user-supplied METEOR paraphrase table (paraphrase-en.gz).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { FileNotFoundError } from '@prefixkit/errors';
import { assertRegularFile } from '@prefixkit/errors/node';
import type { MeteorResources } from '../tasks/task-scorer';
import { ParaphraseTable } from './paraphrase-table';
import { SynonymDictionary } from './synonym-dictionary';

const SYNONYMS = 'wordnet-synonyms.txt';
const EXCEPTIONS = 'wordnet-exceptions.txt';

/** The package's data/meteor folder, found from this module's location (src or dist). */
export function meteorDataDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const candidate = join(dir, 'data', 'meteor');
    if (existsSync(join(candidate, SYNONYMS))) return candidate;
    dir = dirname(dir);
  }
  throw new FileNotFoundError(
    join('data', 'meteor', SYNONYMS),
    'The WordNet synonym data ships in the package folder data/meteor; pass its location explicitly.',
  );
}

let cached: SynonymDictionary | undefined;

/** METEOR 1.5's WordNet synonym dictionary, derived from WordNet 3.0 (cached after the first call). */
export function loadMeteorSynonyms(dataDir?: string): SynonymDictionary {
  if (dataDir === undefined && cached) return cached;
  const dir = dataDir ?? meteorDataDir();
  const dict = SynonymDictionary.parse(
    readFileSync(join(dir, SYNONYMS), 'utf8'),
    readFileSync(join(dir, EXCEPTIONS), 'utf8'),
    dir,
  );
  if (dataDir === undefined) cached = dict;
  return dict;
}

/** Reads a METEOR paraphrase table (gzip-compressed like paraphrase-en.gz, or plain text). */
export function loadParaphraseTable(path: string): ParaphraseTable {
  assertRegularFile(path, 'Expected a METEOR paraphrase table such as paraphrase-en.gz.');
  const bytes = readFileSync(path);
  const gzipped = bytes.length > 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
  const text = (gzipped ? gunzipSync(bytes) : bytes).toString('utf8');
  return ParaphraseTable.parse(text, path);
}

/**
 * METEOR's data for `scoreTask`: the shipped WordNet synonyms and, given its path, a paraphrase
 * table (`paraphrase-en.gz`, not redistributable).
 */
export function loadMeteorResources(options: { paraphrases?: string } = {}): MeteorResources {
  return {
    synonyms: loadMeteorSynonyms(),
    ...(options.paraphrases ? { paraphrases: loadParaphraseTable(options.paraphrases) } : {}),
  };
}
