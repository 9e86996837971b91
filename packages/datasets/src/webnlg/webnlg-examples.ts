// Turns WebNLG entries into training pairs and evaluation groups (docs/reference/LINEARIZATION.md, "WebNLG").
import { groupReferences, type ReferenceGroup } from '../records/group-references';
import type { TextPair } from '../templates';
import { linearizeWebNLG, linearizeWebNLGForDecoding } from './linearize-webnlg';
import type { WebNLGEntry } from './webnlg-entry';

/**
 * One pair per lexicalisation. By default only `comment == "good"` ones, as the paper trains
 * (18,025 pairs from the 18,102 train lexicalisations).
 */
export async function* webnlgTrainingPairs(
  entries: AsyncIterable<WebNLGEntry> | Iterable<WebNLGEntry>,
  options: { lexicalisations?: 'good' | 'all' } = {},
): AsyncGenerator<TextPair> {
  const onlyGood = (options.lexicalisations ?? 'good') === 'good';
  for await (const entry of entries) {
    const source = linearizeWebNLG(entry.triples);
    for (const lex of entry.lexicalisations) {
      if (onlyGood && lex.comment !== 'good') continue;
      yield { source, target: lex.text };
    }
  }
}

/**
 * Evaluation groups as `read_webnlg_files` builds them: the decoding source (with the
 * first-entry quirk unless `quirk: false`), keyed on (source, relation tuple), every
 * lexicalisation — good or not — a reference, and the category of the group's first entry.
 * Entry indices count from 0 over `entries`.
 */
export function webnlgReferenceGroups(
  entries: AsyncIterable<WebNLGEntry> | Iterable<WebNLGEntry>,
  options: { quirk?: boolean } = {},
): Promise<ReferenceGroup[]> {
  return groupReferences(
    (async function* () {
      let index = 0;
      for await (const entry of entries) {
        const source = linearizeWebNLGForDecoding(entry.triples, index, options);
        const key = JSON.stringify([source, entry.triples.map((triple) => triple.property)]);
        index += 1;
        const { category } = entry;
        if (entry.lexicalisations.length === 0) yield { key, source, category };
        for (const lex of entry.lexicalisations)
          yield { key, source, category, reference: lex.text };
      }
    })(),
  );
}
