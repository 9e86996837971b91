// The function-word list compiled into the core is METEOR 1.5's own file, unchanged.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ENGLISH_FUNCTION_WORD_LIST } from './english-function-words';
import { ENGLISH_FUNCTION_WORDS } from './function-words';

const file = fileURLToPath(new URL('../../data/meteor/english.words', import.meta.url));

describe('METEOR English function words', () => {
  it('ships the METEOR 1.5 file (MD5 as data/meteor/README.md states)', () => {
    const bytes = readFileSync(file);
    expect(bytes.length).toBe(373);
    expect(createHash('md5').update(bytes).digest('hex')).toBe('0bdd0980b195aea3003fa14ca2754b6c');
  });

  it('compiles exactly its lines, in order, into the browser-safe module', () => {
    const lines = readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => line !== '');
    expect(ENGLISH_FUNCTION_WORD_LIST).toEqual(lines);
    expect(ENGLISH_FUNCTION_WORDS.size).toBe(lines.length);
    // `-norm` splits a tokenised "it 's" into "it ' s"; the list holds the pieces too.
    for (const word of ["'s", 's', "'", "'t", '-lrb-', '’']) {
      expect(ENGLISH_FUNCTION_WORDS.has(word), word).toBe(true);
    }
  });
});
