// Public API of @prefixkit/metrics (browser-safe: no file access here; see ./node).
export { bleuMteval, type MtevalOptions, nistMteval } from './bleu/mteval';
export { type MultiBleuOptions, multiBleu } from './bleu/multi-bleu';
export { type CiderOptions, ciderD } from './cider/cider-d';
export { METRIC_NAMES, type MetricName, scoreCorpus } from './corpus';
export { type E2EScores, type EvaluateE2EOptions, evaluateE2E } from './drivers/evaluate-e2e';
export {
  type EvaluateWebNLGOptions,
  evaluateWebNLG,
  type WebNLGScores,
} from './drivers/evaluate-webnlg';
export type { CorpusScorer } from './drivers/external';
export { MetricDataFormatError, MetricInputError } from './errors';
export { parseE2EReferences, parseE2ESystemOutputs } from './io/e2e-files';
export {
  addStats as addMeteorStats,
  computeScores as computeMeteorScores,
  ENGLISH_FUNCTION_WORDS,
  METEOR_EN_RANK,
  type MeteorOptions,
  type MeteorParameters,
  type MeteorResult,
  type MeteorSegment,
  type MeteorStats,
  meteor,
  meteorTokens,
  normalizeMeteorEnglish,
  ParaphraseTable,
  SynonymDictionary,
  snowballEnglishStem,
} from './meteor/index';
export { type RougeLCocoOptions, rougeLCoco } from './rouge/rouge-l-coco';
export {
  type RougePRF,
  type RougeScoreOptions,
  type RougeType,
  rougeScore,
  rougeScorePair,
} from './rouge/rouge-score';
export {
  type MetricScale,
  type OfficialMetric,
  officialMetricNames,
  TASK_METRIC_NAMES,
  TASK_METRICS,
  TASK_NAMES,
  type TaskMetricName,
  type TaskName,
} from './tasks';
export {
  chooseTaskMetrics,
  type ScoreTaskOptions,
  scoreTask,
  type TaskScore,
  type TaskScores,
} from './tasks/score-task';
export type { MeteorResources } from './tasks/task-scorer';
export { type TerOptions, type TerResult, type TerSegment, ter } from './ter/index';
export { type CocoTokenizedCorpus, tokenizeCocoCorpus } from './tokenize/coco-corpus';
export { type Mteval13aOptions, tokenizeMteval13a } from './tokenize/mteval-13a';
export { porterStem } from './tokenize/porter-stemmer';
export {
  COCO_PUNCTUATIONS,
  type PtbOptions,
  tokenizeCoco,
  tokenizeCocoLines,
  tokenizePtb,
  tokenizePtbLines,
} from './tokenize/ptb-coco';
export { tokenizeRouge } from './tokenize/rouge-tokenize';
export { transliterate, transliterateAscii } from './tokenize/transliterate';
export {
  normalizeWebNLGHypothesis,
  normalizeWebNLGReference,
  normalizeWebnlg,
} from './tokenize/webnlg';
export type { CorpusInput, CorpusResult } from './types';
