// METEOR 1.5's matching stage (Stage + ExactMatcher, StemMatcher, SynonymMatcher,
// ParaphraseMatcher): every possible match between the test words (line 1) and the reference
// words (line 2), listed per reference start position in module order, and how many matches
// cover each word. Words, stems are compared by Java hash keys, as METEOR does.
import { javaHash } from './java-hash';
import type { ParaphraseTable } from './paraphrase-table';
import type { SynonymDictionary } from './synonym-dictionary';

/** One candidate match: reference words [start, start+length) ~ test words [matchStart, ...). */
export interface Match {
  module: number;
  start: number;
  length: number;
  matchStart: number;
  matchLength: number;
}

/** The matching modules METEOR knows, in its module-id order. */
export type MeteorModule = 'exact' | 'stem' | 'synonym' | 'paraphrase';

/** What the matchers need besides the words. */
export interface MatcherResources {
  stem: (word: string) => string;
  synonyms?: SynonymDictionary | undefined;
  paraphrases?: ParaphraseTable | undefined;
}

/** Candidate matches per reference position plus per-word coverage counts. */
export interface Stage {
  keys1: Int32Array;
  keys2: Int32Array;
  matches: Match[][];
  coverage1: Int32Array;
  coverage2: Int32Array;
}

function keys(words: readonly string[]): Int32Array {
  const out = new Int32Array(words.length);
  for (let i = 0; i < words.length; i++) out[i] = javaHash(words[i] as string);
  return out;
}

/** A new stage for test words `words1` and reference words `words2`. */
export function newStage(words1: readonly string[], words2: readonly string[]): Stage {
  return {
    keys1: keys(words1),
    keys2: keys(words2),
    matches: words2.map(() => []),
    coverage1: new Int32Array(words1.length),
    coverage2: new Int32Array(words2.length),
  };
}

function addWordMatch(s: Stage, module: number, i: number, j: number): void {
  (s.matches[j] as Match[]).push({ module, start: j, length: 1, matchStart: i, matchLength: 1 });
  (s.coverage1[i] as number)++;
  (s.coverage2[j] as number)++;
}

/** Exact: equal word keys. */
export function matchExact(module: number, s: Stage): void {
  for (let j = 0; j < s.keys2.length; j++) {
    for (let i = 0; i < s.keys1.length; i++)
      if (s.keys1[i] === s.keys2[j]) addWordMatch(s, module, i, j);
  }
}

// Stem keys by stemmer and word: the aligner stems the same words once per reference.
const stemKeys = new WeakMap<(w: string) => string, Map<string, number>>();
const STEM_CACHE_LIMIT = 200_000;

function stemKey(word: string, stem: (w: string) => string): number {
  let cache = stemKeys.get(stem);
  if (cache === undefined) {
    cache = new Map();
    stemKeys.set(stem, cache);
  }
  let key = cache.get(word);
  if (key === undefined) {
    if (cache.size >= STEM_CACHE_LIMIT) cache.clear();
    key = javaHash(stem(word));
    cache.set(word, key);
  }
  return key;
}

/** Stem: different words with equal stem keys. */
export function matchStem(
  module: number,
  s: Stage,
  words1: readonly string[],
  words2: readonly string[],
  stem: (w: string) => string,
): void {
  const stems1 = words1.map((w) => stemKey(w, stem));
  const stems2 = words2.map((w) => stemKey(w, stem));
  for (let j = 0; j < stems2.length; j++) {
    for (let i = 0; i < stems1.length; i++) {
      if (stems1[i] === stems2[j] && s.keys1[i] !== s.keys2[j]) addWordMatch(s, module, i, j);
    }
  }
}

/**
 * Synonym: different words sharing a WordNet synset (their own or their base form's). Test
 * positions are indexed by synset once, so each reference word costs its own synsets rather than
 * a set intersection with every test word; matches still come in test-word order per reference
 * position, as METEOR lists them.
 */
export function matchSynonym(
  module: number,
  s: Stage,
  words1: readonly string[],
  words2: readonly string[],
  dict: SynonymDictionary,
): void {
  const positionsBySynset = new Map<number, number[]>();
  for (let i = 0; i < words1.length; i++) {
    // A word's synsets form a set, so each position enters each list once.
    for (const id of dict.cachedSynSets(words1[i] as string)) {
      const positions = positionsBySynset.get(id);
      if (positions === undefined) positionsBySynset.set(id, [i]);
      else positions.push(i);
    }
  }
  if (positionsBySynset.size === 0) return;
  const shared = new Uint8Array(words1.length);
  for (let j = 0; j < words2.length; j++) {
    let any = false;
    for (const id of dict.cachedSynSets(words2[j] as string)) {
      const positions = positionsBySynset.get(id);
      if (positions === undefined) continue;
      for (const i of positions) shared[i] = 1;
      any = true;
    }
    if (!any) continue;
    for (let i = 0; i < words1.length; i++) {
      if (shared[i] === 0) continue;
      shared[i] = 0;
      if (s.keys1[i] !== s.keys2[j]) addWordMatch(s, module, i, j);
    }
  }
}

/** Paraphrase: a table phrase on one side whose paraphrase occurs on the other, both ways. */
export function matchParaphrase(
  module: number,
  s: Stage,
  words1: readonly string[],
  words2: readonly string[],
  table: ParaphraseTable,
): void {
  const line1 = words1.map((w) => table.translate(w));
  const line2 = words2.map((w) => table.translate(w));
  const add = (start: number, length: number, matchStart: number, matchLength: number): void => {
    (s.matches[start] as Match[]).push({ module, start, length, matchStart, matchLength });
    for (let k = 0; k < matchLength; k++) (s.coverage1[matchStart + k] as number)++;
    for (let k = 0; k < length; k++) (s.coverage2[start + k] as number)++;
  };
  // Paraphrases in line 1 of phrases in line 2, then the other way round.
  for (let j = 0; j < line2.length; j++) {
    for (const [len, p] of table.pathsFrom(line2, j)) {
      const words = table.paraphrase(p);
      for (let i = 0; i < line1.length; i++)
        if (occursAt(line1, i, words)) add(j, len, i, words.length);
    }
  }
  for (let i = 0; i < line1.length; i++) {
    for (const [len, p] of table.pathsFrom(line1, i)) {
      const words = table.paraphrase(p);
      for (let j = 0; j < line2.length; j++)
        if (occursAt(line2, j, words)) add(j, words.length, i, len);
    }
  }
}

function occursAt(line: readonly number[], at: number, words: readonly number[]): boolean {
  for (let k = 0; k < words.length; k++)
    if (at + k === line.length || line[at + k] !== words[k]) return false;
  return true;
}
