import { describe, expect, it } from 'vitest';
import { snowballEnglishStem } from './snowball-english';

// Examples from the published Porter2 description and its sample vocabulary.
describe('snowballEnglishStem', () => {
  it.each([
    ['consign', 'consign'],
    ['consigned', 'consign'],
    ['consigning', 'consign'],
    ['consignment', 'consign'],
    ['knackeries', 'knackeri'],
    ['generously', 'generous'],
    ['communication', 'communic'],
    ['skies', 'sky'],
    ['dying', 'die'],
    ['hopping', 'hop'],
    ['hoped', 'hope'],
    ['running', 'run'],
    ['cried', 'cri'],
    ['ties', 'tie'],
    ['gas', 'gas'],
    ['gaps', 'gap'],
    ['kiwis', 'kiwi'],
    ['succeeded', 'succeed'],
    ['proceed', 'proceed'],
    ['news', 'news'],
    // Exceptional forms: 'atlas' is kept whole; 'atlantic' is an ordinary word.
    ['atlas', 'atlas'],
    ['atlantic', 'atlant'],
    ['fluently', 'fluentli'],
    ['by', 'by'],
    ['constructor', 'constructor'],
  ])('%s -> %s', (word, stem) => {
    expect(snowballEnglishStem(word)).toBe(stem);
  });
});
