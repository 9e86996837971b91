// METEOR 1.5's sufficient statistics and score formula (edu.cmu.meteor.scorer.MeteorStats and
// MeteorScorer.computeMetrics). Corpus scores come from summed statistics (MeteorStats.addStats,
// which leaves out the chunk of any segment matched perfectly in one chunk), exactly what
// `meteor-1.5.jar -stdio` does for an EVAL line and the plaintext mode does for a file.

/** The per-segment (or summed) counts METEOR scores from. Arrays are indexed by module. */
export interface MeteorStats {
  testLength: number;
  referenceLength: number;
  testFunctionWords: number;
  referenceFunctionWords: number;
  testTotalMatches: number;
  referenceTotalMatches: number;
  testStageMatchesContent: number[];
  referenceStageMatchesContent: number[];
  testStageMatchesFunction: number[];
  referenceStageMatchesFunction: number[];
  chunks: number;
  testWordMatches: number;
  referenceWordMatches: number;
}

/** Scores derived from statistics. */
export interface MeteorScores {
  precision: number;
  recall: number;
  fMean: number;
  fragPenalty: number;
  score: number;
}

/** METEOR's parameters: alpha, beta, gamma, delta, and one weight per module. */
export interface MeteorParameters {
  alpha: number;
  beta: number;
  gamma: number;
  delta: number;
  moduleWeights: readonly number[];
}

/** All-zero statistics for `modules` modules. */
export function emptyStats(modules: number): MeteorStats {
  const zeros = (): number[] => new Array<number>(modules).fill(0);
  return {
    testLength: 0,
    referenceLength: 0,
    testFunctionWords: 0,
    referenceFunctionWords: 0,
    testTotalMatches: 0,
    referenceTotalMatches: 0,
    testStageMatchesContent: zeros(),
    referenceStageMatchesContent: zeros(),
    testStageMatchesFunction: zeros(),
    referenceStageMatchesFunction: zeros(),
    chunks: 0,
    testWordMatches: 0,
    referenceWordMatches: 0,
  };
}

function isPerfect(s: MeteorStats): boolean {
  return (
    s.testTotalMatches === s.testLength &&
    s.referenceTotalMatches === s.referenceLength &&
    s.chunks === 1
  );
}

/** Adds `ss` into `agg` as MeteorStats.addStats does. */
export function addStats(agg: MeteorStats, ss: MeteorStats): void {
  agg.testLength += ss.testLength;
  agg.referenceLength += ss.referenceLength;
  agg.testFunctionWords += ss.testFunctionWords;
  agg.referenceFunctionWords += ss.referenceFunctionWords;
  agg.testTotalMatches += ss.testTotalMatches;
  agg.referenceTotalMatches += ss.referenceTotalMatches;
  for (let i = 0; i < ss.testStageMatchesContent.length; i++) {
    (agg.testStageMatchesContent[i] as number) += ss.testStageMatchesContent[i] as number;
    (agg.referenceStageMatchesContent[i] as number) += ss.referenceStageMatchesContent[i] as number;
    (agg.testStageMatchesFunction[i] as number) += ss.testStageMatchesFunction[i] as number;
    (agg.referenceStageMatchesFunction[i] as number) += ss.referenceStageMatchesFunction[
      i
    ] as number;
  }
  // A perfect one-chunk segment contributes no fragmentation.
  if (!isPerfect(ss)) agg.chunks += ss.chunks;
  agg.testWordMatches += ss.testWordMatches;
  agg.referenceWordMatches += ss.referenceWordMatches;
}

/** METEOR's score from statistics (MeteorScorer.computeMetrics), same operation order. */
export function computeScores(s: MeteorStats, p: MeteorParameters): MeteorScores {
  const { alpha, beta, gamma, delta, moduleWeights } = p;
  const testWeightedLength =
    delta * (s.testLength - s.testFunctionWords) + (1.0 - delta) * s.testFunctionWords;
  const referenceWeightedLength =
    delta * (s.referenceLength - s.referenceFunctionWords) +
    (1.0 - delta) * s.referenceFunctionWords;
  let testWeightedMatches = 0;
  let referenceWeightedMatches = 0;
  for (let i = 0; i < moduleWeights.length; i++) {
    testWeightedMatches +=
      (s.testStageMatchesContent[i] ?? 0) * (moduleWeights[i] as number) * delta;
  }
  for (let i = 0; i < moduleWeights.length; i++) {
    referenceWeightedMatches +=
      (s.referenceStageMatchesContent[i] ?? 0) * (moduleWeights[i] as number) * delta;
  }
  for (let i = 0; i < moduleWeights.length; i++) {
    testWeightedMatches +=
      (s.testStageMatchesFunction[i] ?? 0) * (moduleWeights[i] as number) * (1.0 - delta);
  }
  for (let i = 0; i < moduleWeights.length; i++) {
    referenceWeightedMatches +=
      (s.referenceStageMatchesFunction[i] ?? 0) * (moduleWeights[i] as number) * (1.0 - delta);
  }
  const precision = testWeightedMatches / testWeightedLength;
  const recall = referenceWeightedMatches / referenceWeightedLength;
  const fMean = 1.0 / ((1.0 - alpha) / precision + alpha / recall);
  const frag = isPerfect(s) ? 0 : s.chunks / ((s.testWordMatches + s.referenceWordMatches) / 2);
  const fragPenalty = gamma * frag ** beta;
  const raw = fMean * (1.0 - fragPenalty);
  const score = Number.isNaN(raw) ? 0 : Math.max(raw, 0.0);
  return { precision, recall, fMean, fragPenalty, score };
}
