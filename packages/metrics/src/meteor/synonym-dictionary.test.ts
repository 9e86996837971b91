import { describe, expect, it } from 'vitest';
import { MetricDataFormatError } from '../errors';
import { SynonymDictionary } from './synonym-dictionary';

describe('SynonymDictionary', () => {
  const dict = SynonymDictionary.parse(
    '# c\nbox\ta\nbaby\tb\nwatch\tc\nwomen\td\nwoman\te\n',
    'women\twoman\n',
  );
  it('finds base forms with WordNet detachment rules in METEOR order', () => {
    expect([...dict.allSynSets('boxes')]).toEqual([10]); // xes -> x
    expect([...dict.allSynSets('babies')]).toEqual([11]); // ies -> y
    expect([...dict.allSynSets('watches')]).toEqual([12]); // ches -> ch
  });
  it('uses only exception bases when a form is an exception', () => {
    expect([...dict.allSynSets('women')].sort()).toEqual([13, 14]);
  });
  it('rejects malformed records with the line number', () => {
    expect(() => SynonymDictionary.parse('good\t1\nbad line\n', '')).toThrow(MetricDataFormatError);
  });
});
