import { describe, expect, it } from 'vitest';
import { groupReferences } from './group-references';
import {
  formatE2EReferences,
  formatOutputLines,
  formatWebNLGReferenceFiles,
  normalizeWebNLGReference,
} from './reference-writers';

describe('reference grouping and writers', () => {
  it('groups by key in first-appearance order, keeping inputs without references', async () => {
    const groups = await groupReferences([
      { key: 'b', source: 'B', reference: 'b1' },
      { key: 'a', source: 'A', reference: 'a1' },
      { key: 'b', source: 'B', reference: 'b2' },
      { key: 'c', source: 'C' },
    ]);
    expect(groups).toEqual([
      { key: 'b', source: 'B', references: ['b1', 'b2'] },
      { key: 'a', source: 'A', references: ['a1'] },
      { key: 'c', source: 'C', references: [] },
    ]);
    expect(formatE2EReferences(groups.slice(0, 2))).toBe('b1\nb2\n\na1\n');
    expect(formatWebNLGReferenceFiles(groups, { normalize: (text) => text })).toEqual([
      'b1\na1\n\n',
      'b2\n\n\n',
    ]);
    expect(formatOutputLines(['one', 'two\nlines'])).toBe('one\ntwo lines\n');
  });

  it('normalises like the WebNLG scripts: ASCII, lower case, non-word characters split', () => {
    expect(normalizeWebNLGReference('Adolfo Suárez Madrid–Barajas Airport is 18L/36R.')).toBe(
      'adolfo suarez madrid - barajas airport is 18l / 36r .',
    );
    expect(normalizeWebNLGReference("Lars Løkke's  Türk Şehitleri Anıtı")).toBe(
      "lars lokke ' s turk sehitleri aniti",
    );
  });
});
