// Entity swapping: what the text mentions is swapped in text and triples alike, by kind; what it
// does not mention, and what is neither a name nor a number, stays; swaps never chain.
import type { Triple } from '@prefixkit/datasets';
import { SeededRandom } from '@prefixkit/peft';
import { describe, expect, it } from 'vitest';
import { entityPools, entitySurface, swapEntities } from './swap-entities';

const triple = (subject: string, property: string, object: string): Triple => ({
  subject,
  property,
  object,
});

describe('swapEntities', () => {
  const pools = entityPools([
    [triple('Aarhus_Airport', 'cityServed', 'Aarhus'), triple('Aarhus', 'elevation', '25.0')],
    [triple('Oslo', 'country', 'Norway'), triple('Oslo', 'founded', '1040')],
    [triple('New_York_City', 'partOf', 'New_York'), triple('Bergen', 'note', 'a small town')],
  ]);

  it('sorts entities into names and numbers and leaves other values out', () => {
    expect(pools.names).toEqual([
      'Aarhus',
      'Aarhus_Airport',
      'Bergen',
      'New_York',
      'New_York_City',
      'Norway',
      'Oslo',
    ]);
    expect(pools.numbers).toEqual(['1040', '25.0']);
    expect(entitySurface('"Eric Flint, et al."')).toBe('Eric Flint, et al.');
  });

  it('swaps the mentioned entities in the text and the triples alike', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const triples = [
        triple('Aarhus_Airport', 'cityServed', 'Aarhus'),
        triple('Aarhus', 'elevation', '25.0'),
        triple('Aarhus', 'note', 'a small town'),
      ];
      const text = 'Aarhus Airport serves Aarhus, 25.0 metres up.';
      const out = swapEntities(triples, text, pools, new SeededRandom(seed));
      const airport = entitySurface(out.triples[0]!.subject);
      const city = entitySurface(out.triples[0]!.object);
      const height = out.triples[1]!.object;
      expect(out.triples[1]!.subject).toBe(out.triples[0]!.object);
      expect(out.text).toBe(`${airport} serves ${city}, ${height} metres up.`);
      expect([airport, city]).not.toContain('Aarhus');
      expect(pools.numbers).toContain(height);
      expect(height).not.toBe('25.0');
      expect(out.triples[2]!.object).toBe('a small town');
    }
  });

  it('leaves entities the text does not mention', () => {
    const triples = [triple('Oslo', 'country', 'Norway')];
    const out = swapEntities(triples, 'The capital is in Scandinavia.', pools, new SeededRandom(3));
    expect(out).toEqual({ triples, text: 'The capital is in Scandinavia.' });
  });
});
