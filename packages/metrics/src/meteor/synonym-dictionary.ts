// METEOR 1.5's WordNet synonym dictionary (edu.cmu.meteor.aligner.SynonymDictionary):
// a word's synsets are its own WordNet synsets plus those of its base form, where the base form
// comes from WordNet's exception lists or, failing that, from the first of WordNet 3.0's
// detachment rules (morphy suffixes, tried in METEOR's fixed order regardless of part of speech)
// that yields a known lemma. Synset identity is the raw WordNet byte offset without its part of
// speech, as in METEOR's english.synsets (see data/meteor/build-wordnet-data.py).
import { MetricDataFormatError } from '../errors';

// WordNet 3.0 morphy detachment rules in METEOR's order: noun, verb, adjective suffixes.
const SUFFIXES = [
  's',
  'ses',
  'xes',
  'zes',
  'ches',
  'shes',
  'men',
  'ies',
  's',
  'ies',
  'es',
  'es',
  'ed',
  'ed',
  'ing',
  'ing',
  'er',
  'est',
  'er',
  'est',
];
const ENDINGS = [
  '',
  's',
  'x',
  'z',
  'ch',
  'sh',
  'man',
  'y',
  '',
  'y',
  'e',
  '',
  'e',
  '',
  'e',
  '',
  '',
  '',
  'e',
  'e',
];

const EMPTY: readonly number[] = [];
// Bound on the per-dictionary word cache (entries), so long-running processes stay small.
const CACHE_LIMIT = 200_000;

/** Synonym data: lemma -> synset ids, inflected form -> base forms. */
export class SynonymDictionary {
  private readonly synsets: ReadonlyMap<string, readonly number[]>;
  private readonly bases: ReadonlyMap<string, readonly string[]>;
  private readonly cache = new Map<string, Set<number>>();

  constructor(
    synsets: ReadonlyMap<string, readonly number[]>,
    bases: ReadonlyMap<string, readonly string[]>,
  ) {
    this.synsets = synsets;
    this.bases = bases;
  }

  /**
   * Parses the compact files written by build-wordnet-data.py: `lemma<TAB>id,id` (base-36
   * ids) and `form<TAB>base,base`. Lines starting with '#' are comments.
   */
  static parse(
    synonymText: string,
    exceptionText: string,
    source = 'synonym data',
  ): SynonymDictionary {
    const synsets = new Map<string, number[]>();
    forEachRecord(synonymText, `${source} (synsets)`, (key, values) => {
      synsets.set(
        key,
        values.map((v) => Number.parseInt(v, 36)),
      );
    });
    const bases = new Map<string, string[]>();
    forEachRecord(exceptionText, `${source} (exceptions)`, (key, values) => bases.set(key, values));
    return new SynonymDictionary(synsets, bases);
  }

  /** Synsets of the word itself (SynonymDictionary.getSynSets). */
  synSets(word: string): readonly number[] {
    return this.synsets.get(word) ?? EMPTY;
  }

  /** Synsets of the word's base forms (SynonymDictionary.getStemSynSets). */
  stemSynSets(word: string): readonly number[] {
    const bases = this.bases.get(word);
    if (bases !== undefined) return bases.flatMap((b) => this.synSets(b));
    return this.synSets(this.morph(word));
  }

  /**
   * {@link allSynSets}, computed once per word and shared (read-only): the aligner asks for the
   * same words once per reference, and the dictionary never changes.
   */
  cachedSynSets(word: string): ReadonlySet<number> {
    let set = this.cache.get(word);
    if (set === undefined) {
      if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
      set = this.allSynSets(word);
      this.cache.set(word, set);
    }
    return set;
  }

  /** All synsets METEOR's SynonymMatcher compares for a word. */
  allSynSets(word: string): Set<number> {
    const set = new Set(this.synSets(word));
    for (const id of this.stemSynSets(word)) set.add(id);
    return set;
  }

  // METEOR's port of WordNet's morphy: the first rule whose result is a known lemma wins.
  // (Its "-ful" special case never fires: no suffix below can follow "ful".)
  private morph(word: string): string {
    if (word.endsWith('ss') || word.length <= 2) return word;
    for (let i = 0; i < SUFFIXES.length; i++) {
      const suffix = SUFFIXES[i] as string;
      if (!word.endsWith(suffix)) continue;
      const candidate = word.slice(0, word.length - suffix.length) + (ENDINGS[i] as string);
      if (this.synsets.has(candidate)) return candidate;
    }
    return '';
  }
}

function forEachRecord(
  text: string,
  source: string,
  fn: (key: string, values: string[]) => void,
): void {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line === '' || line.startsWith('#')) continue;
    const tab = line.indexOf('\t');
    if (tab <= 0 || tab === line.length - 1) {
      throw new MetricDataFormatError(source, i + 1, 'record', {
        expected: 'key<TAB>value,value',
        got: JSON.stringify(line.slice(0, 60)),
      });
    }
    fn(line.slice(0, tab), line.slice(tab + 1).split(','));
  }
}
