// British -> American spelling as Stanford's Americanize class rewrites PTB WORD tokens when the
// lexer's `americanize` option is on (exact-case lookups, words under 4 letters untouched).
// A small list of the commonest words plus its `-our` rule; off by default here because the
// official E2E scores are reproduced without it.
const WORDS: Record<string, string> = {
  centre: 'center',
  centres: 'centers',
  theatre: 'theater',
  theatres: 'theaters',
  fibre: 'fiber',
  metre: 'meter',
  metres: 'meters',
  litre: 'liter',
  grey: 'gray',
  defence: 'defense',
  programme: 'program',
  programmes: 'programs',
  travelled: 'traveled',
  travelling: 'traveling',
  cancelled: 'canceled',
  labelled: 'labeled',
  organisation: 'organization',
  realise: 'realize',
  realised: 'realized',
  recognise: 'recognize',
  recognised: 'recognized',
  analyse: 'analyze',
};
const EXCEPT_OUR =
  /^(?:[Tt]our|[Ff]our|[Pp]our|[Yy]our|[Hh]our|[Ff]lour|[Ss]our|[Dd]evour|[Dd]etour|[Cc]ontour|[Ss]cour)s?$/;

/** American spelling of `word` (unchanged when no rule applies). */
export function americanize(word: string): string {
  if (word.length < 4) return word;
  const mapped = WORDS[word];
  if (mapped !== undefined) return mapped;
  const m = /^([a-z]{3,})our(s?)$/.exec(word);
  if (m && !EXCEPT_OUR.test(word)) return `${m[1]}or${m[2]}`;
  return word;
}
