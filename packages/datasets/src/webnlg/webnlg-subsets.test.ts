import { describe, expect, it } from 'vitest';
import { DatasetOptionError } from '../errors';
import { groupReferences } from '../records/group-references';
import { webnlgSubsetIndices } from './webnlg-entry';

describe('webnlgSubsetIndices', () => {
  const items = [
    { category: 'Airport' },
    { category: 'Artist' },
    { category: 'Food' },
    { category: 'Politician' },
  ];

  it('splits by category as the official old-cat / new-cat files do, keeping order', () => {
    expect(webnlgSubsetIndices(items, 'seen')).toEqual([0, 2]);
    expect(webnlgSubsetIndices(items, 'unseen')).toEqual([1, 3]);
    expect(webnlgSubsetIndices(items, 'all')).toEqual([0, 1, 2, 3]);
  });

  it('refuses items without a category, naming the first', () => {
    expect(() => webnlgSubsetIndices([{ category: 'Food' }, {}], 'seen')).toThrow(
      /item 1 without one/,
    );
    expect(() => webnlgSubsetIndices([{}], 'all')).toThrow(DatasetOptionError);
  });

  it('a reference group keeps the category of its first item', async () => {
    const groups = await groupReferences([
      { key: 'a', source: 'a', reference: 'x', category: 'Food' },
      { key: 'a', source: 'a', reference: 'y', category: 'Artist' },
      { key: 'b', source: 'b', reference: 'z' },
    ]);
    expect(groups.map((group) => group.category)).toEqual(['Food', undefined]);
    expect('category' in groups[1]!).toBe(false);
  });
});
