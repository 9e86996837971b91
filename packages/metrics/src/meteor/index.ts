// METEOR 1.5 (English, -norm) for @prefixkit/metrics: browser-safe; data loaders are in
// load-resources.node.ts.

export { ENGLISH_FUNCTION_WORDS } from './function-words';
export {
  METEOR_EN_RANK,
  type MeteorOptions,
  type MeteorResult,
  type MeteorSegment,
  meteor,
  meteorPairStats,
  meteorTokens,
} from './meteor';
export {
  addStats,
  computeScores,
  emptyStats,
  type MeteorParameters,
  type MeteorScores,
  type MeteorStats,
} from './meteor-stats';
export { normalizeMeteorEnglish } from './normalize';
export { ParaphraseTable } from './paraphrase-table';
export { snowballEnglishStem } from './snowball-english';
export { SynonymDictionary } from './synonym-dictionary';
