import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tokenizeMteval13a } from './mteval-13a';
import { porterStem } from './porter-stemmer';
import { tokenizeCoco, tokenizeCocoLines, tokenizePtb } from './ptb-coco';
import { tokenizeRouge } from './rouge-tokenize';
import { transliterate } from './transliterate';
import { normalizeWebNLGHypothesis, normalizeWebNLGReference } from './webnlg';

describe('mteval-v13a tokeniser', () => {
  it("splits punctuation but keeps digits with . , and words with - and '", () => {
    expect(tokenizeMteval13a("It's £20-25, 3.5 stars (family-friendly).")).toEqual([
      "it's",
      '£20',
      '-',
      '25',
      ',',
      '3.5',
      'stars',
      '(',
      'family-friendly',
      ')',
      '.',
    ]);
  });
  it('lower-cases ASCII only, decodes entities, handles empty text', () => {
    expect(tokenizeMteval13a('CAFÉ &amp; Ünïcode')).toEqual(['cafÉ', '&', 'Ünïcode']);
    expect(tokenizeMteval13a('AB', { preserveCase: true })).toEqual(['AB']);
    expect(tokenizeMteval13a('   ')).toEqual([]);
    expect(tokenizeMteval13a('1,000.50 a.b')).toEqual(['1,000.50', 'a', '.', 'b']);
  });
});

describe('PTB tokeniser as COCO uses it', () => {
  it('splits clitics, normalises £ and brackets, keeps hyphenated words', () => {
    expect(tokenizePtb("It's a family-friendly place, isn't it? (£20-25)")).toEqual([
      'It',
      "'s",
      'a',
      'family-friendly',
      'place',
      ',',
      'is',
      "n't",
      'it',
      '?',
      '-LRB-',
      '#',
      '20-25',
      '-RRB-',
    ]);
  });
  it('drops COCO punctuation after lower-casing; brackets stay as -lrb-', () => {
    expect(tokenizeCoco('"The Mill" (cheap) - 5 out of 5...')).toEqual([
      'the',
      'mill',
      '-lrb-',
      'cheap',
      '-rrb-',
      '5',
      'out',
      'of',
      '5',
    ]);
    expect(tokenizeCoco('')).toEqual([]);
    expect(tokenizeCoco('Mr. Smith cannot go.')).toEqual(['mr.', 'smith', 'can', 'not', 'go']);
  });
  it('keeps decimal numbers and a word-period before a comma', () => {
    expect(tokenizePtb('£30.99, centre.,')).toEqual(['#', '30.99', ',', 'centre.', ',']);
  });
});

describe('WebNLG normalisation', () => {
  it('transliterates to ASCII like unidecode on the test data characters', () => {
    expect(transliterate('Suárez Madrid–Barajas Straße İstanbul ø’')).toBe(
      "Suarez Madrid-Barajas Strasse Istanbul o'",
    );
    expect(transliterate('日本')).toBe('');
  });
  it('splits every non-word character off and lower-cases', () => {
    expect(normalizeWebNLGHypothesis('  "18L/36R" runwayName Adolfo Suárez Madrid–Barajas. ')).toBe(
      '" 18l / 36r " runwayname adolfo suarez madrid - barajas .',
    );
    expect(
      normalizeWebNLGReference('Abilene, Texas is served by the Abilene Regional Airport.'),
    ).toBe('abilene , texas is served by the abilene regional airport .');
    expect(normalizeWebNLGHypothesis('')).toBe('');
  });
});

describe('rouge_score tokeniser and Porter stemmer', () => {
  it('stems like NLTK 3.8 on the E2E and WebNLG vocabularies', () => {
    const golden = JSON.parse(
      readFileSync(new URL('../../test/fixtures/porter-golden.json', import.meta.url), 'utf8'),
    ) as Record<string, string>;
    const wrong = Object.entries(golden).filter(([w, s]) => porterStem(w) !== s);
    expect(Object.keys(golden).length).toBeGreaterThan(3000);
    expect(wrong).toEqual([]);
  });
  it('splits on anything outside [a-z0-9], stems only tokens longer than 3', () => {
    expect(tokenizeRouge('The runners were running, 2-3 km/h!', true)).toEqual([
      'the',
      'runner',
      'were',
      'run',
      '2',
      '3',
      'km',
      'h',
    ]);
    expect(tokenizeRouge('Café déjà', false)).toEqual(['caf', 'd', 'j']);
  });
});

describe('tokenizeCocoLines (one jar run over a batch)', () => {
  it('splits an abbreviation period before a capitalised next line, keeps it otherwise', () => {
    expect(tokenizeCocoLines(['family friendly no.', 'There is a pub.', 'at low no.'])).toEqual([
      ['family', 'friendly', 'no'],
      ['there', 'is', 'a', 'pub'],
      ['at', 'low', 'no.'],
    ]);
    expect(tokenizeCocoLines(['friendly no.', 'located here'])[0]).toEqual(['friendly', 'no.']);
    expect(tokenizeCocoLines([])).toEqual([]);
    // A line break inside one caption does not start a new line of output.
    expect(tokenizeCocoLines(['a\nb', 'c'])).toEqual([['a', 'b'], ['c']]);
  });
});
