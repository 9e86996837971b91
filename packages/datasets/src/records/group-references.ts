// Groups references per unique input for evaluation, the way the paper's decoder does
// (docs/reference/LINEARIZATION.md: "Decoding runs once per unique source ... every target for that source is
// a reference"): a dict keyed on the input, so groups come out in first-appearance order — the
// order of the official E2E and WebNLG reference files.

/** One unique input with all its references. */
export interface ReferenceGroup {
  /** The grouping key (the prompt, plus the relation tuple for WebNLG and DART). */
  key: string;
  /** The linearised source, as it goes into the decoding prompt. */
  source: string;
  references: string[];
  /**
   * The category of the group's first input, where the data set has one (WebNLG's DBpedia
   * category, which decides the official seen/unseen test subsets).
   */
  category?: string;
}

/** An input/reference occurrence to be grouped. */
export interface ReferenceItem {
  key: string;
  source: string;
  /** Absent for inputs without references (E2E testset.csv): the group is still made. */
  reference?: string;
  /** The input's category (WebNLG); the group keeps its first item's. */
  category?: string;
}

/** Groups items by key in first-appearance order. */
export async function groupReferences(
  items: AsyncIterable<ReferenceItem> | Iterable<ReferenceItem>,
): Promise<ReferenceGroup[]> {
  const groups = new Map<string, ReferenceGroup>();
  for await (const item of items) {
    let group = groups.get(item.key);
    if (!group) {
      group = { key: item.key, source: item.source, references: [] };
      if (item.category !== undefined) group.category = item.category;
      groups.set(item.key, group);
    }
    if (item.reference !== undefined) group.references.push(item.reference);
  }
  return [...groups.values()];
}
