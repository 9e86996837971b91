// The WebNLG entry type (webnlg/SOURCE.md, "Format"); schema in webnlg-entry.schema.json.
import { DatasetOptionError } from '../errors';
import schema from './webnlg-entry.schema.json';

export interface Triple {
  subject: string;
  property: string;
  object: string;
}

export interface Lexicalisation {
  /** `good` or `toFix` in WebNLG 2017; the annotation source in DART's XML. */
  comment: string;
  lid: string;
  text: string;
}

export interface WebNLGEntry {
  category: string;
  eid: string;
  size: number;
  /** The modified triple set (`<modifiedtripleset>`), which the paper uses. */
  triples: Triple[];
  lexicalisations: Lexicalisation[];
  /** Where the entry came from: file label and 1-based line of `<entry>`. */
  file: string;
  line: number;
}

export const webnlgEntrySchema: object = schema;

/** The 10 categories of train, dev and test ("seen", `old-cat` in the official scripts). */
export const webnlgSeenCategories = [
  'Airport',
  'Astronaut',
  'Building',
  'City',
  'ComicsCharacter',
  'Food',
  'Monument',
  'SportsTeam',
  'University',
  'WrittenWork',
] as const;

/** The 5 categories found only in test ("unseen", `new-cat`). */
export const webnlgUnseenCategories = [
  'Artist',
  'Athlete',
  'CelestialBody',
  'MeanOfTransportation',
  'Politician',
] as const;

/** Test subsets as the official evaluation reports them. */
export type WebNLGTestSubset = 'all' | 'seen' | 'unseen';

const unseen = new Set<string>(webnlgUnseenCategories);

/** Whether an entry belongs to a test subset (`all` keeps every entry). */
export function inWebNLGSubset(entry: { category: string }, subset: WebNLGTestSubset): boolean {
  if (subset === 'all') return true;
  return unseen.has(entry.category) === (subset === 'unseen');
}

/** The official test subsets, in the order the paper reports them. */
export const webnlgTestSubsets = ['seen', 'unseen', 'all'] as const satisfies WebNLGTestSubset[];

/**
 * Positions of the items (test entries, or their reference groups) in a test subset, in order.
 * This is how the official evaluation splits one output file of the whole test set into its
 * seen (`old-cat`) and unseen (`new-cat`) parts: by the category of each entry.
 *
 * @example
 * const groups = await webnlgReferenceGroups(readWebNLGSplit(source, 'test'));
 * const unseen = webnlgSubsetIndices(groups, 'unseen'); // 891 positions on the full test set
 */
export function webnlgSubsetIndices(
  items: readonly { category?: string }[],
  subset: WebNLGTestSubset,
): number[] {
  const indices: number[] = [];
  items.forEach((item, index) => {
    if (item.category === undefined)
      throw new DatasetOptionError(
        'items',
        `a category on every item (WebNLG entries, or groups from webnlgReferenceGroups) to pick the ${subset} subset`,
        `item ${index} without one`,
      );
    if (inWebNLGSubset({ category: item.category }, subset)) indices.push(index);
  });
  return indices;
}
