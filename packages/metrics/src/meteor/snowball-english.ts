// The Snowball English ("Porter2") stemmer, written from the published algorithm description
// (snowballstem.org, "The English (Porter2) stemming algorithm"), in the form METEOR 1.5's
// bundled org.tartarus.snowball englishStemmer runs it: R1 exceptions gener/commun/arsen only,
// exceptional forms checked first, words shorter than 3 characters left alone.
// Any character that is not a, e, i, o, u or y counts as a non-vowel, so tokens with digits or
// punctuation stem like the Java code stems them.

const EXCEPTION1: ReadonlyMap<string, string> = new Map(
  Object.entries({
    skis: 'ski',
    skies: 'sky',
    dying: 'die',
    lying: 'lie',
    tying: 'tie',
    idly: 'idl',
    gently: 'gentl',
    ugly: 'ugli',
    early: 'earli',
    only: 'onli',
    singly: 'singl',
    sky: 'sky',
    news: 'news',
    howe: 'howe',
    atlas: 'atlas',
    cosmos: 'cosmos',
    bias: 'bias',
    andes: 'andes',
  }),
);
const EXCEPTION2 = new Set([
  'inning',
  'outing',
  'canning',
  'herring',
  'earring',
  'proceed',
  'exceed',
  'succeed',
]);
const DOUBLES = new Set(['bb', 'dd', 'ff', 'gg', 'mm', 'nn', 'pp', 'rr', 'tt']);
const VALID_LI = new Set(['c', 'd', 'e', 'g', 'h', 'k', 'm', 'n', 'r', 't']);

// Longest-suffix tables: each step looks for the longest suffix in its table and, if that one's
// condition fails, does nothing (Snowball `among` semantics).
const STEP2: readonly (readonly [string, string])[] = sortByLength([
  ['tional', 'tion'],
  ['enci', 'ence'],
  ['anci', 'ance'],
  ['abli', 'able'],
  ['entli', 'ent'],
  ['izer', 'ize'],
  ['ization', 'ize'],
  ['ational', 'ate'],
  ['ation', 'ate'],
  ['ator', 'ate'],
  ['alism', 'al'],
  ['aliti', 'al'],
  ['alli', 'al'],
  ['fulness', 'ful'],
  ['ousli', 'ous'],
  ['ousness', 'ous'],
  ['iveness', 'ive'],
  ['iviti', 'ive'],
  ['biliti', 'ble'],
  ['bli', 'ble'],
  ['ogi', 'og'],
  ['fulli', 'ful'],
  ['lessli', 'less'],
  ['li', ''],
]);
const STEP3: readonly (readonly [string, string])[] = sortByLength([
  ['tional', 'tion'],
  ['ational', 'ate'],
  ['alize', 'al'],
  ['icate', 'ic'],
  ['iciti', 'ic'],
  ['ical', 'ic'],
  ['ful', ''],
  ['ness', ''],
  ['ative', ''],
]);
const STEP4: readonly string[] = [
  'al',
  'ance',
  'ence',
  'er',
  'ic',
  'able',
  'ible',
  'ant',
  'ement',
  'ment',
  'ent',
  'ism',
  'ate',
  'iti',
  'ous',
  'ive',
  'ize',
  'ion',
].sort((a, b) => b.length - a.length);

function sortByLength(table: (readonly [string, string])[]): (readonly [string, string])[] {
  return table.sort((a, b) => b[0].length - a[0].length);
}

function isVowel(c: string | undefined): boolean {
  return c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u' || c === 'y';
}

/** Start of the region after the first non-vowel that follows a vowel, from `from`. */
function regionAfter(w: string, from: number): number {
  let i = from;
  while (i < w.length && !isVowel(w[i])) i++;
  while (i < w.length && isVowel(w[i])) i++;
  return i < w.length ? i + 1 : w.length;
}

/** Snowball `shortv` ending at `end` (exclusive): non-vowel, vowel, non-vowel (not w, x, Y); or vowel, non-vowel at the start. */
function endsShortSyllable(w: string, end: number): boolean {
  const c = w[end - 1];
  const v = w[end - 2];
  if (end >= 3) {
    const p = w[end - 3];
    if (!isVowel(c) && c !== 'w' && c !== 'x' && c !== 'Y' && isVowel(v) && !isVowel(p))
      return true;
  }
  return end === 2 && isVowel(v) && !isVowel(c);
}

function hasVowelBefore(w: string, end: number): boolean {
  for (let i = 0; i < end; i++) if (isVowel(w[i])) return true;
  return false;
}

/** Stems one (lower-cased) word with the Snowball English algorithm. */
export function snowballEnglishStem(word: string): string {
  const exception = EXCEPTION1.get(word);
  if (exception !== undefined) return exception;
  if (word.length < 3) return word;
  let w = word;
  // Prelude: drop a leading apostrophe; mark consonant-y as Y.
  if (w[0] === "'") w = w.slice(1);
  const chars = w.split('');
  if (chars[0] === 'y') chars[0] = 'Y';
  for (let i = 1; i < chars.length; i++)
    if (chars[i] === 'y' && isVowel(chars[i - 1])) chars[i] = 'Y';
  w = chars.join('');
  const prefix = /^(gener|commun|arsen)/.exec(w);
  const p1 = prefix ? prefix[0].length : regionAfter(w, 0);
  const p2 = regionAfter(w, p1);

  w = step1a(w);
  if (EXCEPTION2.has(w)) return w.replace(/Y/g, 'y');
  w = step1b(w, p1);
  // Step 1c: y/Y -> i after a non-vowel that is not the first letter.
  if (w.length > 2 && (w.endsWith('y') || w.endsWith('Y')) && !isVowel(w[w.length - 2])) {
    w = `${w.slice(0, -1)}i`;
  }
  w = step2(w, p1);
  w = step3(w, p1, p2);
  w = step4(w, p2);
  w = step5(w, p1, p2);
  return w.replace(/Y/g, 'y');
}

function step1a(input: string): string {
  let w = input;
  for (const suffix of ["'s'", "'s", "'"]) {
    if (w.endsWith(suffix)) {
      w = w.slice(0, -suffix.length);
      break;
    }
  }
  if (w.endsWith('sses')) return `${w.slice(0, -4)}ss`;
  if (w.endsWith('ied') || w.endsWith('ies')) {
    return w.length - 3 >= 2 ? `${w.slice(0, -3)}i` : `${w.slice(0, -3)}ie`;
  }
  if (w.endsWith('us') || w.endsWith('ss')) return w;
  if (w.endsWith('s')) {
    // Delete if a vowel occurs before the letter preceding the s.
    if (w.length >= 3 && hasVowelBefore(w, w.length - 2)) return w.slice(0, -1);
  }
  return w;
}

function step1b(w: string, p1: number): string {
  for (const suffix of ['eedly', 'eed']) {
    if (w.endsWith(suffix))
      return w.length - suffix.length >= p1 ? `${w.slice(0, -suffix.length)}ee` : w;
  }
  for (const suffix of ['ingly', 'edly', 'ing', 'ed']) {
    if (!w.endsWith(suffix)) continue;
    const stem = w.slice(0, -suffix.length);
    if (!hasVowelBefore(stem, stem.length)) return w;
    if (stem.endsWith('at') || stem.endsWith('bl') || stem.endsWith('iz')) return `${stem}e`;
    if (DOUBLES.has(stem.slice(-2))) return stem.slice(0, -1);
    // Snowball `atmark p1`: only when R1 starts exactly at the end of the stem.
    if (stem.length === p1 && endsShortSyllable(stem, stem.length)) return `${stem}e`;
    return stem;
  }
  return w;
}

function step2(w: string, p1: number): string {
  for (const [suffix, replacement] of STEP2) {
    if (!w.endsWith(suffix)) continue;
    const at = w.length - suffix.length;
    if (at < p1) return w;
    if (suffix === 'ogi' && w[at - 1] !== 'l') return w;
    if (suffix === 'li' && !VALID_LI.has(w[at - 1] ?? '')) return w;
    return w.slice(0, at) + replacement;
  }
  return w;
}

function step3(w: string, p1: number, p2: number): string {
  for (const [suffix, replacement] of STEP3) {
    if (!w.endsWith(suffix)) continue;
    const at = w.length - suffix.length;
    if (at < p1) return w;
    if (suffix === 'ative' && at < p2) return w;
    return w.slice(0, at) + replacement;
  }
  return w;
}

function step4(w: string, p2: number): string {
  for (const suffix of STEP4) {
    if (!w.endsWith(suffix)) continue;
    const at = w.length - suffix.length;
    if (at < p2) return w;
    if (suffix === 'ion' && w[at - 1] !== 's' && w[at - 1] !== 't') return w;
    return w.slice(0, at);
  }
  return w;
}

function step5(w: string, p1: number, p2: number): string {
  const at = w.length - 1;
  if (w.endsWith('e')) {
    if (at >= p2 || (at >= p1 && !endsShortSyllable(w, at))) return w.slice(0, at);
    return w;
  }
  if (w.endsWith('l') && at >= p2 && w[at - 1] === 'l') return w.slice(0, at);
  return w;
}
