// The Porter stemmer as NLTK's PorterStemmer implements it in its default NLTK_EXTENSIONS mode,
// which Google's rouge_score uses. Written from the published algorithm (Porter 1980) and NLTK's
// documented extensions: irregular forms, words of <= 2 letters untouched, `ies`/`ied` on
// 4-letter words, `alli`, `fulli`, `logi`, and the two-letter cvc rule.
const IRREGULAR: Record<string, string> = {
  skies: 'sky',
  sky: 'sky',
  dying: 'die',
  lying: 'lie',
  tying: 'tie',
  news: 'news',
  innings: 'inning',
  inning: 'inning',
  outings: 'outing',
  outing: 'outing',
  cannings: 'canning',
  canning: 'canning',
  howe: 'howe',
  proceed: 'proceed',
  exceed: 'exceed',
  succeed: 'succeed',
};

function isConsonant(w: string, i: number): boolean {
  const c = w[i];
  if (c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u') return false;
  if (c === 'y') return i === 0 ? true : !isConsonant(w, i - 1);
  return true;
}
function measure(stem: string): number {
  let m = 0;
  let prevVowel = false;
  for (let i = 0; i < stem.length; i++) {
    const cons = isConsonant(stem, i);
    if (cons && prevVowel) m++;
    prevVowel = !cons;
  }
  return m;
}
function containsVowel(stem: string): boolean {
  for (let i = 0; i < stem.length; i++) if (!isConsonant(stem, i)) return true;
  return false;
}
function endsDoubleConsonant(w: string): boolean {
  const n = w.length;
  return n >= 2 && w[n - 1] === w[n - 2] && isConsonant(w, n - 1);
}
function endsCvc(w: string): boolean {
  const n = w.length;
  if (
    n >= 3 &&
    isConsonant(w, n - 3) &&
    !isConsonant(w, n - 2) &&
    isConsonant(w, n - 1) &&
    !'wxy'.includes(w[n - 1] as string)
  )
    return true;
  return n === 2 && !isConsonant(w, 0) && isConsonant(w, 1);
}

type Rule = [suffix: string, replacement: string, condition: ((stem: string) => boolean) | null];

// NLTK `_apply_rule_list`: the first rule whose suffix matches decides, condition or not.
function applyRules(word: string, rules: readonly Rule[]): string {
  for (const [suffix, replacement, condition] of rules) {
    if (suffix === '*d' && endsDoubleConsonant(word)) {
      const stem = word.slice(0, -2);
      return condition === null || condition(stem) ? stem + replacement : word;
    }
    if (suffix !== '*d' && word.endsWith(suffix)) {
      const stem = suffix === '' ? word : word.slice(0, -suffix.length);
      return condition === null || condition(stem) ? stem + replacement : word;
    }
  }
  return word;
}
const positive = (s: string) => measure(s) > 0;
const gt1 = (s: string) => measure(s) > 1;

function step1a(w: string): string {
  if (w.endsWith('ies') && w.length === 4) return `${w.slice(0, -3)}ie`;
  return applyRules(w, [
    ['sses', 'ss', null],
    ['ies', 'i', null],
    ['ss', 'ss', null],
    ['s', '', null],
  ]);
}
function step1b(w: string): string {
  if (w.endsWith('ied')) return w.length === 4 ? `${w.slice(0, -3)}ie` : `${w.slice(0, -3)}i`;
  if (w.endsWith('eed')) {
    const stem = w.slice(0, -3);
    return measure(stem) > 0 ? `${stem}ee` : w;
  }
  let stem: string | undefined;
  for (const suffix of ['ed', 'ing']) {
    if (w.endsWith(suffix)) {
      const s = w.slice(0, -suffix.length);
      if (containsVowel(s)) {
        stem = s;
        break;
      }
    }
  }
  if (stem === undefined) return w;
  const last = stem[stem.length - 1] as string;
  return applyRules(stem, [
    ['at', 'ate', null],
    ['bl', 'ble', null],
    ['iz', 'ize', null],
    ['*d', last, () => !'lsz'.includes(last)],
    ['', 'e', (s) => measure(s) === 1 && endsCvc(s)],
  ]);
}
function step1c(w: string): string {
  return applyRules(w, [['y', 'i', (s) => s.length > 1 && isConsonant(s, s.length - 1)]]);
}
function step2(w: string): string {
  if (w.endsWith('alli') && positive(w.slice(0, -4))) return step2(`${w.slice(0, -4)}al`);
  return applyRules(w, [
    ['ational', 'ate', positive],
    ['tional', 'tion', positive],
    ['enci', 'ence', positive],
    ['anci', 'ance', positive],
    ['izer', 'ize', positive],
    ['bli', 'ble', positive],
    ['alli', 'al', positive],
    ['entli', 'ent', positive],
    ['eli', 'e', positive],
    ['ousli', 'ous', positive],
    ['ization', 'ize', positive],
    ['ation', 'ate', positive],
    ['ator', 'ate', positive],
    ['alism', 'al', positive],
    ['iveness', 'ive', positive],
    ['fulness', 'ful', positive],
    ['ousness', 'ous', positive],
    ['aliti', 'al', positive],
    ['iviti', 'ive', positive],
    ['biliti', 'ble', positive],
    ['fulli', 'ful', positive],
    ['logi', 'log', () => positive(w.slice(0, -3))],
  ]);
}
function step3(w: string): string {
  return applyRules(w, [
    ['icate', 'ic', positive],
    ['ative', '', positive],
    ['alize', 'al', positive],
    ['iciti', 'ic', positive],
    ['ical', 'ic', positive],
    ['ful', '', positive],
    ['ness', '', positive],
  ]);
}
function step4(w: string): string {
  const rules: Rule[] = [
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
  ].map((s) => [s, '', gt1] as Rule);
  rules.push(['ion', '', (s) => gt1(s) && (s.endsWith('s') || s.endsWith('t'))]);
  for (const s of ['ou', 'ism', 'ate', 'iti', 'ous', 'ive', 'ize']) rules.push([s, '', gt1]);
  return applyRules(w, rules);
}
function step5a(w: string): string {
  if (w.endsWith('e')) {
    const stem = w.slice(0, -1);
    if (measure(stem) > 1) return stem;
    if (measure(stem) === 1 && !endsCvc(stem)) return stem;
  }
  return w;
}
function step5b(w: string): string {
  return applyRules(w, [['ll', 'l', () => measure(w.slice(0, -1)) > 1]]);
}

/** NLTK PorterStemmer (NLTK_EXTENSIONS) `stem(word)`, lower-casing first as NLTK does. */
export function porterStem(word: string): string {
  const lower = word.toLowerCase();
  const irregular = IRREGULAR[word];
  if (irregular !== undefined) return irregular;
  if (word.length <= 2) return lower;
  let s = step1a(lower);
  s = step1b(s);
  s = step1c(s);
  s = step2(s);
  s = step3(s);
  s = step4(s);
  s = step5a(s);
  return step5b(s);
}
