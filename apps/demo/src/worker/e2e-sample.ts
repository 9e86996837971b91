// The shipped E2E sample (packages/datasets/fixtures/e2e), read with @prefixkit/datasets exactly
// as the CLI's quickstart reads it: training pairs from trainset.csv, and the dev set's MRs with
// all their references for the pickers and BLEU.
import { e2eReferenceGroups, e2eTrainingPairs, readE2E, type TextPair } from '@prefixkit/datasets';
import type { DevGroup } from './protocol';

export interface E2ESample {
  readonly train: readonly TextPair[];
  readonly dev: readonly DevGroup[];
}

/** Parses the sample's two CSV files (their text). */
export async function readE2ESample(trainCsv: string, devCsv: string): Promise<E2ESample> {
  const train: TextPair[] = [];
  for await (const pair of e2eTrainingPairs(readE2E(trainCsv, { file: 'trainset.csv' })))
    train.push({ source: pair.source, target: pair.target });
  const groups = await e2eReferenceGroups(readE2E(devCsv, { file: 'devset.csv' }));
  return {
    train,
    dev: groups.map((group) => ({ source: group.source, references: group.references })),
  };
}
