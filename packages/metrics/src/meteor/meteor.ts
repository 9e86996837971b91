// METEOR 1.5 as `java -jar meteor-1.5.jar - - -stdio -l en -norm` computes it (the E2E and
// WebNLG evaluations): default English "rank" task, modules exact, stem, synonym, paraphrase
// with weights 1.0/0.6/0.8/0.6, alpha 0.85, beta 0.2, gamma 0.6, delta 0.75, beam 40.
// Each segment keeps its best-scoring reference (the first one on ties); the corpus score is
// computed from the summed statistics.
import { MetricInputError } from '../errors';
import { validateCorpus } from '../validate';
import { countAndChunks, resolveAlignment } from './aligner';
import { ENGLISH_FUNCTION_WORDS } from './function-words';
import {
  type Match,
  matchExact,
  matchParaphrase,
  matchStem,
  matchSynonym,
  newStage,
} from './matchers';
import {
  addStats,
  computeScores,
  emptyStats,
  type MeteorParameters,
  type MeteorStats,
} from './meteor-stats';
import { javaTokenize, normalizeMeteorEnglish } from './normalize';
import type { ParaphraseTable } from './paraphrase-table';
import { snowballEnglishStem } from './snowball-english';
import type { SynonymDictionary } from './synonym-dictionary';

/** Options of {@link meteor}. */
export interface MeteorOptions {
  /** WordNet synonym data (see `loadMeteorSynonyms` in `@prefixkit/metrics/node`). Without it the synonym module finds nothing. */
  synonyms?: SynonymDictionary;
  /** METEOR paraphrase table (`paraphrase-en.gz`, user supplied). Without it the paraphrase module finds nothing. */
  paraphrases?: ParaphraseTable;
  /** Apply METEOR's `-norm` tokenisation and lower-casing (default true). False means `-lower` only. */
  normalize?: boolean;
  /** Override alpha, beta, gamma, delta and the module weights (default: English rank task). */
  parameters?: Partial<MeteorParameters>;
  /** Function words (default: METEOR's English list). */
  functionWords?: ReadonlySet<string>;
  /** Beam size of the alignment search (default 40, METEOR's `-x`). */
  beamSize?: number;
}

/** Per-segment METEOR result. */
export interface MeteorSegment {
  score: number;
  precision: number;
  recall: number;
  fragPenalty: number;
  /** Index of the reference that gave the best score. */
  bestReference: number;
  stats: MeteorStats;
}

/** Corpus METEOR result (shaped like the package's other metrics, plus METEOR's details). */
export interface MeteorResult {
  /** Corpus score from summed statistics. */
  score: number;
  /** Per-segment scores, in input order. */
  segments: number[];
  signature: string;
  precision: number;
  recall: number;
  fragPenalty: number;
  /** Per-segment details (best reference, statistics). */
  segmentDetails: MeteorSegment[];
  /** Summed statistics the corpus score comes from. */
  stats: MeteorStats;
}

/** METEOR 1.5 English "rank" task parameters. */
export const METEOR_EN_RANK: MeteorParameters = {
  alpha: 0.85,
  beta: 0.2,
  gamma: 0.6,
  delta: 0.75,
  moduleWeights: [1.0, 0.6, 0.8, 0.6],
};

const MODULES = 4; // exact, stem, synonym, paraphrase

interface Prepared {
  words1: string[];
  words2: string[];
}

/** Normalises and tokenises one line as METEOR does before aligning. */
export function meteorTokens(line: string, normalize = true): string[] {
  const text = normalize ? normalizeMeteorEnglish(line) : line;
  return javaTokenize(text.toLowerCase());
}

/** Aligns test words with reference words and returns METEOR's statistics for the pair. */
export function meteorPairStats(
  words1: readonly string[],
  words2: readonly string[],
  options: Pick<MeteorOptions, 'synonyms' | 'paraphrases' | 'functionWords' | 'beamSize'> = {},
): MeteorStats {
  const p: Prepared = { words1: [...words1], words2: [...words2] };
  const s = newStage(p.words1, p.words2);
  // Identical sentences need exact matches only (METEOR's guard against beam errors).
  let identical = p.words1.length === p.words2.length;
  for (let i = 0; identical && i < s.keys1.length; i++) identical = s.keys1[i] === s.keys2[i];
  matchExact(0, s);
  if (!identical) {
    matchStem(1, s, p.words1, p.words2, snowballEnglishStem);
    if (options.synonyms) matchSynonym(2, s, p.words1, p.words2, options.synonyms);
    if (options.paraphrases) matchParaphrase(3, s, p.words1, p.words2, options.paraphrases);
  }
  const best = resolveAlignment(
    p.words1.length,
    s.matches,
    s.coverage1,
    s.coverage2,
    options.beamSize ?? 40,
  );
  const fw = options.functionWords ?? ENGLISH_FUNCTION_WORDS;
  const isFn1 = p.words1.map((w) => fw.has(w.toLowerCase()));
  const isFn2 = p.words2.map((w) => fw.has(w.toLowerCase()));
  const stats = emptyStats(MODULES);
  stats.testLength = p.words1.length;
  stats.referenceLength = p.words2.length;
  stats.testFunctionWords = isFn1.filter(Boolean).length;
  stats.referenceFunctionWords = isFn2.filter(Boolean).length;
  for (const m of best as (Match | null)[]) {
    if (!m) continue;
    for (let j = 0; j < m.matchLength; j++) {
      const arr = isFn1[m.matchStart + j]
        ? stats.testStageMatchesFunction
        : stats.testStageMatchesContent;
      (arr[m.module] as number)++;
    }
    for (let j = 0; j < m.length; j++) {
      const arr = isFn2[m.start + j]
        ? stats.referenceStageMatchesFunction
        : stats.referenceStageMatchesContent;
      (arr[m.module] as number)++;
    }
  }
  for (let i = 0; i < MODULES; i++) {
    const t =
      (stats.testStageMatchesContent[i] as number) + (stats.testStageMatchesFunction[i] as number);
    const r =
      (stats.referenceStageMatchesContent[i] as number) +
      (stats.referenceStageMatchesFunction[i] as number);
    stats.testTotalMatches += t;
    stats.referenceTotalMatches += r;
    stats.testWordMatches += t;
    stats.referenceWordMatches += r;
  }
  stats.chunks = countAndChunks(best).chunks;
  return stats;
}

/**
 * METEOR 1.5 (`-l en -norm`) of `hypotheses` against `references` (one or more per segment).
 * Returns the corpus score from summed statistics and one result per segment.
 */
export function meteor(
  hypotheses: readonly string[],
  references: readonly (readonly string[])[],
  options: MeteorOptions = {},
): MeteorResult {
  validateCorpus('METEOR', hypotheses, references, 1);
  const params: MeteorParameters = { ...METEOR_EN_RANK, ...options.parameters };
  if (params.moduleWeights.length !== MODULES) {
    throw new MetricInputError('METEOR', 'parameters.moduleWeights', {
      expected: `${MODULES} weights (exact, stem, synonym, paraphrase)`,
      got: `${params.moduleWeights.length}`,
    });
  }
  const normalize = options.normalize ?? true;
  const agg = emptyStats(MODULES);
  const segments: MeteorSegment[] = [];
  for (let i = 0; i < hypotheses.length; i++) {
    const test = meteorTokens(hypotheses[i] as string, normalize);
    let best: MeteorSegment | undefined;
    const refs = references[i] as readonly string[];
    for (let r = 0; r < refs.length; r++) {
      const stats = meteorPairStats(test, meteorTokens(refs[r] as string, normalize), options);
      const scores = computeScores(stats, params);
      // Strictly better replaces (METEOR starts from score -1): the first best reference wins.
      if (best === undefined || scores.score > best.score) {
        best = { ...scores, bestReference: r, stats };
      }
    }
    const seg = best as MeteorSegment;
    segments.push({
      score: seg.score,
      precision: seg.precision,
      recall: seg.recall,
      fragPenalty: seg.fragPenalty,
      bestReference: seg.bestReference,
      stats: seg.stats,
    });
    addStats(agg, seg.stats);
  }
  const corpus = computeScores(agg, params);
  return {
    score: corpus.score,
    segments: segments.map((s) => s.score),
    signature: meteorSignature(params, options, normalize),
    precision: corpus.precision,
    recall: corpus.recall,
    fragPenalty: corpus.fragPenalty,
    segmentDetails: segments,
    stats: agg,
  };
}

function meteorSignature(p: MeteorParameters, o: MeteorOptions, normalize: boolean): string {
  const modules = [
    'exact',
    'stem',
    o.synonyms ? 'synonym' : 'synonym(none)',
    o.paraphrases ? `paraphrase(${o.paraphrases.size})` : 'paraphrase(none)',
  ].join('+');
  return [
    'METEOR',
    'v:1.5',
    'lang:en',
    `norm:${normalize ? 'yes' : 'lc'}`,
    `modules:${modules}`,
    `weights:${p.moduleWeights.join(',')}`,
    `params:${p.alpha},${p.beta},${p.gamma},${p.delta}`,
    `fw:${o.functionWords ? 'custom' : 'meteor-en'}`,
    `beam:${o.beamSize ?? 40}`,
  ].join('|');
}
