// Turns E2E records into training pairs and evaluation groups (docs/reference/LINEARIZATION.md, "E2E").
import { DatasetOptionError } from '../errors';
import { groupReferences, type ReferenceGroup } from '../records/group-references';
import type { TextPair } from '../templates';
import type { E2ERecord } from './e2e-record';
import { linearizeE2E } from './linearize-e2e';

/**
 * One training pair per CSV row: the linearised MR and the raw reference. (The paper trained on
 * its `src1_train.txt`, whose targets are space-tokenised; read those with readPaperE2E to get
 * its exact targets.)
 */
export async function* e2eTrainingPairs(
  records: AsyncIterable<E2ERecord> | Iterable<E2ERecord>,
): AsyncGenerator<TextPair & { line: number }> {
  for await (const record of records) {
    if (record.ref === undefined) {
      throw new DatasetOptionError(
        'records',
        'rows with a `ref` column',
        'a file without references',
      );
    }
    yield { source: linearizeE2E(record.attributes), target: record.ref, line: record.line };
  }
}

/** Each unique MR once (first-appearance order) with all its references. */
export function e2eReferenceGroups(
  records: AsyncIterable<E2ERecord> | Iterable<E2ERecord>,
): Promise<ReferenceGroup[]> {
  return groupReferences(
    (async function* () {
      for await (const record of records) {
        const source = linearizeE2E(record.attributes);
        yield record.ref === undefined
          ? { key: source, source }
          : { key: source, source, reference: record.ref };
      }
    })(),
  );
}
