// Turns DART entries into training pairs and evaluation groups (docs/reference/LINEARIZATION.md, "DART").
import { groupReferences, type ReferenceGroup } from '../records/group-references';
import type { TextPair } from '../templates';
import { linearizeDart } from './linearize-dart';
import type { DartEntry } from './read-dart';

/** One pair per annotation, with no source filter (as the paper). */
export async function* dartTrainingPairs(
  entries: AsyncIterable<DartEntry> | Iterable<DartEntry>,
): AsyncGenerator<TextPair> {
  for await (const entry of entries) {
    const source = linearizeDart(entry.tripleset);
    for (const annotation of entry.annotations) yield { source, target: annotation.text };
  }
}

/** Evaluation groups keyed on (linearised source, relation tuple), as `read_triples_files`. */
export function dartReferenceGroups(
  entries: AsyncIterable<DartEntry> | Iterable<DartEntry>,
): Promise<ReferenceGroup[]> {
  return groupReferences(
    (async function* () {
      for await (const entry of entries) {
        const source = linearizeDart(entry.tripleset);
        const key = JSON.stringify([source, entry.tripleset.map((triple) => triple[1])]);
        if (entry.annotations.length === 0) yield { key, source };
        for (const annotation of entry.annotations) {
          yield { key, source, reference: annotation.text };
        }
      }
    })(),
  );
}
