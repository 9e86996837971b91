// The shape shared by the per-task corpus scorers (score-e2e-task.ts ...): raw hypotheses and
// grouped references in, each requested metric's corpus result out, as fractions. scoreTask
// picks the scorer, checks the request and puts the results on the official scale.
import type { ParaphraseTable } from '../meteor/paraphrase-table';
import type { SynonymDictionary } from '../meteor/synonym-dictionary';
import type { CorpusInput, CorpusResult } from '../types';
import type { TaskMetricName } from './official-metrics';

/**
 * METEOR's data, passed in so that the scorers stay free of file access: in Node,
 * `loadMeteorResources()` from `@prefixkit/metrics/node`; in a browser, the same files fetched
 * and parsed with `SynonymDictionary.parse` / `ParaphraseTable.parse`.
 */
export interface MeteorResources {
  /** METEOR 1.5's WordNet synonyms; the official values need them. */
  synonyms: SynonymDictionary;
  /** METEOR 1.5's paraphrase table (`paraphrase-en.gz`), when the user has it. */
  paraphrases?: ParaphraseTable;
}

export type ScoredMetric = Pick<CorpusResult, 'score' | 'segments' | 'signature'>;

/** Scores `input` with the `wanted` metrics of one task (all of them official for it). */
export type TaskScorer = (
  input: CorpusInput,
  wanted: ReadonlySet<TaskMetricName>,
  meteor: MeteorResources | undefined,
) => Promise<Partial<Record<TaskMetricName, ScoredMetric>>>;
