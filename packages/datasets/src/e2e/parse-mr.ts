// Parses an E2E meaning representation `name[The Vaults], eatType[pub], ...` into pairs.
// Values never contain brackets in any release (checked over all six CSVs), but may contain
// commas and spaces (`near[Café Adriatic]`), so the split is on `]`, not on `,`.
import type { E2EAttribute } from './e2e-record';

const pairPattern = /\s*([^[\],]+?)\s*\[([^[\]]*)\]\s*(?:,|$)/y;

/** Returns the pairs, or undefined when the text is not a well-formed MR. */
export function parseMeaningRepresentation(mr: string): E2EAttribute[] | undefined {
  const attributes: E2EAttribute[] = [];
  pairPattern.lastIndex = 0;
  while (pairPattern.lastIndex < mr.length) {
    const start = pairPattern.lastIndex;
    const match = pairPattern.exec(mr);
    if (!match)
      return /^\s*$/.test(mr.slice(start)) && attributes.length > 0 ? attributes : undefined;
    attributes.push({ key: match[1]!, value: match[2]! });
  }
  return attributes.length > 0 ? attributes : undefined;
}

/** Writes pairs back in the CSV's own syntax. */
export function formatMeaningRepresentation(attributes: readonly E2EAttribute[]): string {
  return attributes.map(({ key, value }) => `${key}[${value}]`).join(', ');
}
