// Entity swapping for structured pairs: every subject/object that the text mentions verbatim is
// replaced, in the triples and in the text alike, by another entity of the corpus. A model can
// then no longer predict a name in the text from what it memorised about the triples; only by
// copying it from the input. Stage-2 pretraining on WebNLG as is did not teach prefixkit-tiny
// to copy, and copying is what a prefix must steer for E2E.
// Numbers and dates are swapped only with numbers and dates, names (a capital letter first, at
// most 40 characters) only with names; anything else (measures, quoted descriptions) stays.
import type { Triple } from '@prefixkit/datasets';
import type { SeededRandom } from '@prefixkit/peft';

/** How an entity value reads in text: underscores as spaces, outer quotes dropped. */
export function entitySurface(value: string): string {
  return value
    .replace(/_/gu, ' ')
    .replace(/^"(.*)"$/u, '$1')
    .trim();
}

type EntityKind = 'name' | 'number';

function entityKind(value: string): EntityKind | undefined {
  const surface = entitySurface(value);
  if (surface.length < 2) return undefined;
  if (/^[\d\s.,:/+-]+$/u.test(surface)) return 'number';
  if (/^\p{Lu}/u.test(surface) && surface.length <= 40) return 'name';
  return undefined;
}

/** The entity pools a swap draws from: every distinct subject and object, by kind. */
export interface EntityPools {
  readonly names: readonly string[];
  readonly numbers: readonly string[];
}

export function entityPools(tripleSets: Iterable<readonly Triple[]>): EntityPools {
  const names = new Set<string>();
  const numbers = new Set<string>();
  for (const triples of tripleSets)
    for (const { subject, object } of triples)
      for (const value of [subject, object]) {
        const kind = entityKind(value);
        if (kind) (kind === 'number' ? numbers : names).add(value);
      }
  return { names: [...names].sort(), numbers: [...numbers].sort() };
}

/**
 * The pair with its text-mentioned entities swapped (see the file header). Entities the text
 * does not mention verbatim stay; a replacement never already occurs in the text.
 */
export function swapEntities(
  triples: readonly Triple[],
  text: string,
  pools: EntityPools,
  random: SeededRandom,
): { triples: Triple[]; text: string } {
  // Each mentioned entity once, with its surface and kind; longest first, so "New York City" is
  // swapped before "New York".
  const mentioned = [...new Set(triples.flatMap(({ subject, object }) => [subject, object]))]
    .map((value) => ({ value, surface: entitySurface(value), kind: entityKind(value) }))
    .filter(({ surface, kind }) => kind !== undefined && text.includes(surface))
    .sort((a, b) => b.surface.length - a.surface.length);
  const replacement = new Map<string, string>();
  const taken = new Set(mentioned.map(({ surface }) => surface));
  for (const { value, kind } of mentioned) {
    const pool = kind === 'number' ? pools.numbers : pools.names;
    for (let attempt = 0; attempt < 20 && pool.length > 0; attempt++) {
      const candidate = pool[Math.floor(random.next() * pool.length)]!;
      const surface = entitySurface(candidate);
      if (taken.has(surface) || text.includes(surface)) continue;
      replacement.set(value, candidate);
      taken.add(surface);
      break;
    }
  }
  // Placeholders first, so a replacement is never itself replaced.
  const swaps = mentioned.filter(({ value }) => replacement.has(value));
  let swapped = text;
  swaps.forEach(({ surface }, slot) => {
    swapped = swapped.split(surface).join(`\u0000${slot}\u0000`);
  });
  swaps.forEach(({ value }, slot) => {
    swapped = swapped.split(`\u0000${slot}\u0000`).join(entitySurface(replacement.get(value)!));
  });
  const swap = (value: string) => replacement.get(value) ?? value;
  return {
    triples: triples.map((triple) => ({
      subject: swap(triple.subject),
      property: triple.property,
      object: swap(triple.object),
    })),
    text: swapped,
  };
}
