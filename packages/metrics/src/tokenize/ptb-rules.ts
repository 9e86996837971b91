// The token rules of Stanford CoreNLP's PTBLexer (the JFlex grammar of the 3.x series that
// CoreNLP 3.4.1 belongs to), re-expressed as JavaScript regular expressions, with the default
// PTB3 options: normalizeCurrency (£ -> #), normalizeParentheses (( -> -LRB-), latexQuotes,
// ptb3Ellipsis, ptb3Dashes, escapeForwardSlashAsterisk, untokenizable characters deleted.
// Written from the grammar's documented behaviour; only the rules that shape ordinary English
// text are kept (no SGML entity letters, no Asian smileys).
//
// The lexer picks, at each position, the rule with the longest match (a rule `a/b` counts the
// trailing context `b` in its length but emits only `a`); ties go to the earlier rule.

/** What a rule does with its matched text: the token to emit, or null to skip the text. */
export type PtbAction = (text: string) => string | null;

export interface PtbRule {
  name: string;
  /** Matched at the current position (compiled sticky). */
  pattern: RegExp;
  /** Trailing context that must follow; counts for the longest-match choice only. */
  context?: RegExp;
  action: PtbAction;
}

/** Case-insensitive letters for literal words (JFlex %caseless does not touch [classes]). */
function ci(word: string): string {
  return word.replace(/[a-z]/gi, (c) => `[${c.toLowerCase()}${c.toUpperCase()}]`);
}
function ciList(words: string): string {
  return words.split('|').map(ci).join('|');
}

const LETTER = '[\\p{L}\\p{M}]';
const DIGIT = '\\p{Nd}';
const APOS = "(?:['\\u0092\\u2019]|&apos;)";
const APOSETC = `(?:${APOS}|[\\u0091\\u2018\\u201B])`;
const WORD = `(?:${LETTER}|\\u00AD)+`;
const REDAUX = `${APOS}(?:[msdMSD]|${ci('re')}|${ci('ve')}|${ci('ll')})`;
const SWORD = '[A-Za-z\\u00AD]*[A-MO-Za-mo-z]\\u00AD*';
const SREDAUX = `${ci('n')}${APOSETC}${ci('t')}`;
const APOWORD = [
  `${APOS}${ci('n')}${APOS}?`,
  `[lLdDjJ]${APOS}`,
  `${ci('dunkin')}${APOS}`,
  `${ci('somethin')}${APOS}`,
  `${ci('ol')}${APOS}`,
  `${APOS}${ci('em')}`,
  `[A-HJ-XZn]${APOSETC}${LETTER}{2}${LETTER}*`,
  `${APOS}[2-9]0${ci('s')}`,
  `${APOS}${ci('til')}${ci('l')}?`,
  `${LETTER}+[aeiouyAEIOUY]${APOSETC}[aeiouA-Z]${LETTER}*`,
  `${APOS}${ci('cause')}`,
].join('|');
const NUM = `${DIGIT}*(?:[.:,\\u00AD\\u066B\\u066C]${DIGIT}+)+|${DIGIT}+`;
const ALNUM = `(?:${LETTER}|${DIGIT})`;
const HYPHEN = '[-_\\u058A\\u2010\\u2011]';
const THING_PART = `(?:[dDoOlL]${APOSETC}${ALNUM})?${ALNUM}+`;
const THING = `${THING_PART}(?:${HYPHEN}${THING_PART})*`;
const ACRO = '[A-Za-z](?:\\.[A-Za-z])+';
const HTHING = `[A-Za-z0-9][A-Za-z0-9.,\\u00AD]*(?:-(?:[A-Za-z0-9\\u00AD]+|${ACRO}\\.))+`;
const SPACE = '[ \\t\\u00A0\\u2000-\\u200A\\u3000]';
const NEWLINE = '(?:\\r\\n|[\\r\\n\\u2028\\u2029\\u000B\\u000C\\u0085])';
const INSENTP = '[,;:]';

const ABMONTH = 'Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec';
const ABDAYS = 'Mon|Tue|Tues|Wed|Thu|Thurs|Fri';
const ABSTATE =
  'Ala|Ariz|Calif|Colo|Conn|Dak|Del|Fla|Ga|Ind|Kans|Kan|Ky|La|Md|Mich|Minn|Mo|Mont|Neb|Nev|Okla|Pa|Penn|Tenn|Tex|Va|Vt|Wisc|Wis|Wyo';
const ABCOMP = 'Inc|Cos|Co|Corp|Pptys|Ptys|Ppty|Pty|Ltd|Plc|Bancorp|Dept|Bhd|Assn|Univ|Intl|Sys';
const ABNUM = 'Nos|No|Prop|Ph|tel|est|ext|sq|ft';
const ABPTIT = 'Jr|Sr|Bros|Ed\\.D|Ph\\.D|Blvd|Rd|Esq';
const ABBREV1 = `(?:${ciList(ABMONTH)}|${ciList(ABDAYS)}|${ciList(ABSTATE)}|Ark|Ill|Mass|Miss|Ore|Wash|${ciList(ABCOMP)}|${ciList(ABNUM)}|${ABPTIT.split(
  '|',
)
  .map((w) => w.replace(/[a-z]/gi, (c) => `[${c.toLowerCase()}${c.toUpperCase()}]`))
  .join('|')}|${ciList('etc|al|seq')})\\.`;
const ABTITLE =
  'Mr|Mrs|Ms|Drs|Dr|Profs|Prof|Sens|Sen|Reps|Rep|Attys|Atty|Lt|Col|Gen|Messrs|Govs|Gov|Adm|Rev|Maj|Sgt|Cpl|Pvt|Mt|Capt|Ste|St|Ave|Pres|Lieut|Hon|Brig|Comdr|Cmdr|Pfc|Spc|Supts|Supt|Det';
const ABBREV4 = `(?:${ACRO}|${ciList(ABTITLE)}|Miss|${ciList('vs|Alex|Wm|Jos|Cie|cf|TREAS|Invt|Elec|Natl|Mfg|Mtg')}|${ci('a')}\\.${ci('k')}\\.${ci('a')}|[A-Za-z])`;
const SENTEND = `(?:${SPACE}|${NEWLINE})(?:${SPACE}|${NEWLINE}|[A-Z]|<\\/?[A-Za-z!])`;

/** Backslash before / and * unless one is already there (PTBLexer `delimit`). */
export function escapeSlashStar(s: string): string {
  return s.replace(/(^|[^\\])([/*])/g, '$1\\$2').replace(/(^|[^\\])([/*])/g, '$1\\$2');
}
function removeSoftHyphens(s: string): string {
  return s.replace(/\u00AD/g, '');
}
function normalizeCurrency(s: string): string {
  return s
    .replace(/\u00A2/g, 'cents')
    .replace(/\u00A3/g, '#')
    .replace(/[\u0080\u00A4\u20A0\u20AC]/g, '$');
}
function latexQuotes(s: string, probablyLeft: boolean): string {
  let t = probablyLeft
    ? s.replace(/&apos;|'/g, '`').replace(/"|&quot;/g, '``')
    : s.replace(/&apos;|'/g, "'").replace(/"|&quot;/g, "''");
  t = t.replace(/[\u0091\u2018\u201B\u2039]/g, '`').replace(/[\u0092\u2019\u203A]/g, "'");
  return t.replace(/[\u0093\u201C\u00AB]/g, '``').replace(/[\u0094\u201D\u00BB]/g, "''");
}
function normalizeFraction(s: string): string {
  const map: Record<string, string> = {
    '\u00BC': '1/4',
    '\u00BD': '1/2',
    '\u00BE': '3/4',
    '\u2153': '1/3',
    '\u2154': '2/3',
  };
  return escapeSlashStar(map[s] ?? s);
}

const keep: PtbAction = (t) => t;
const skip: PtbAction = () => null;
const re = (source: string) => new RegExp(source, 'uy');

/** The rules in grammar order; `americanize` is applied by the tokenizer to WORD tokens. */
export const PTB_RULES: readonly PtbRule[] = [
  { name: 'cannot', pattern: re(ci('can')), context: re(ci('not')), action: keep },
  { name: 'SGML', pattern: re('<\\/?[A-Za-z!][^>\\r\\n]*>'), action: keep },
  {
    name: 'SPMDASH',
    pattern: re('&(?:MD|mdash|ndash);|[\\u0096\\u0097\\u2013\\u2014\\u2015]'),
    action: () => '--',
  },
  { name: 'SPAMP', pattern: re('&amp;'), action: () => '&' },
  { name: 'SPPUNC', pattern: re('&(?:HT|TL|UR|LR|QC|QL|QR|odq|cdq|#[0-9]+);'), action: keep },
  { name: 'WORD/REDAUX', pattern: re(WORD), context: re(REDAUX), action: removeSoftHyphens },
  { name: 'SWORD/SREDAUX', pattern: re(SWORD), context: re(SREDAUX), action: removeSoftHyphens },
  { name: 'WORD', pattern: re(WORD), action: removeSoftHyphens },
  { name: 'APOWORD', pattern: re(`(?:${APOWORD})`), action: keep },
  { name: 'APOWORD2', pattern: re(`y${APOS}`), context: re(LETTER), action: keep },
  {
    name: 'FULLURL',
    pattern: re('https?:\\/\\/[^ \\t\\n\\f\\r"<>|()]+[^ \\t\\n\\f\\r"<>|.!?(){},-]'),
    action: escapeSlashStar,
  },
  {
    name: 'EMAIL',
    pattern: re(
      '[a-zA-Z0-9][^ \\t\\n\\f\\r"<>|()\\u00A0]*@(?:[^ \\t\\n\\f\\r"<>|().\\u00A0]+\\.)+[a-zA-Z]{2,4}',
    ),
    action: keep,
  },
  {
    name: 'REDAUX/nonletter',
    pattern: re(REDAUX),
    context: re('[^A-Za-z]'),
    action: (t) => latexQuotes(t, false),
  },
  { name: 'SREDAUX', pattern: re(SREDAUX), action: (t) => latexQuotes(t, false) },
  {
    name: 'DATE',
    pattern: re(`${DIGIT}{1,2}[-/]${DIGIT}{1,2}[-/]${DIGIT}{2,4}`),
    action: escapeSlashStar,
  },
  { name: 'NUMBER', pattern: re(`[-+]?(?:${NUM})`), action: removeSoftHyphens },
  {
    name: 'FRAC',
    pattern: re(`(?:${DIGIT}{1,4}[- \\u00A0])?${DIGIT}{1,4}(?:\\\\?\\/|\\u2044)${DIGIT}{1,4}`),
    action: (t) => escapeSlashStar(t.replace(/ /g, '\u00A0')),
  },
  {
    name: 'FRAC2',
    pattern: re('[\\u00BC\\u00BD\\u00BE\\u2153-\\u215E]'),
    action: normalizeFraction,
  },
  {
    name: 'TBSPEC',
    pattern: re(
      `-(?:RRB|LRB|RCB|LCB|RSB|LSB)-|C\\.D\\.s|${ci('pro')}-|${ci('anti')}-|S(?:&|&amp;)P-500|S(?:&|&amp;)Ls|${ci('cap')}${APOS}${ci('n')}|${ci('c')}${APOS}${ci('est')}`,
    ),
    action: (t) => t.replace(/&amp;/gi, '&'),
  },
  {
    name: 'THING3',
    pattern: re('[A-Za-z0-9]+(?:-[A-Za-z]+){0,2}(?:\\\\?\\/[A-Za-z0-9]+(?:-[A-Za-z]+){0,2}){1,2}'),
    action: escapeSlashStar,
  },
  { name: 'DOLSIGN', pattern: re('[A-Z]*\\$|#'), action: keep },
  {
    name: 'DOLSIGN2',
    pattern: re(
      '[\\u00A2\\u00A3\\u00A4\\u00A5\\u0080\\u20A0\\u20AC\\u060B\\u0E3F\\u20A4\\uFFE0\\uFFE1\\uFFE5\\uFFE6]',
    ),
    action: normalizeCurrency,
  },
  // Before a sentence end (space or line break, then a space, line break or capital) the
  // CoreNLP 3.4.1 jar returns the abbreviation without its period and the period on its own:
  // the official E2E CIDEr of segments whose references end in "... family friendly no." (the
  // next reference starting with a capital) is reproduced only this way.
  {
    name: 'ABBREV1/SENTEND',
    pattern: re(ABBREV1.slice(0, -2)),
    context: re(`\\.${SENTEND}`),
    action: keep,
  },
  { name: 'ABBREV1', pattern: re(ABBREV1), action: keep },
  { name: 'ABBREV2', pattern: re(`${ABBREV4}\\.`), action: keep },
  { name: 'ACRO/SPACENL', pattern: re(ACRO), context: re(`${SPACE}|${NEWLINE}`), action: keep },
  {
    name: 'WORD./INSENTP',
    pattern: re(`${WORD}\\.`),
    context: re(INSENTP),
    action: removeSoftHyphens,
  },
  {
    name: 'PHONE',
    pattern: re('(?:\\([0-9]{3}\\)[ \\u00A0]?|[0-9]{3}[- \\u00A0.])[0-9]{3}[- \\u00A0.][0-9]{4}'),
    action: (t) => t.replace(/ /g, '\u00A0').replace(/\(/g, '-LRB-').replace(/\)/g, '-RRB-'),
  },
  {
    name: 'DBLQUOT/left',
    pattern: re('"|&quot;'),
    context: re('[A-Za-z0-9$]'),
    action: (t) => latexQuotes(t, true),
  },
  { name: 'DBLQUOT', pattern: re('"|&quot;'), action: (t) => latexQuotes(t, false) },
  { name: 'PLUS', pattern: re('\\+'), action: keep },
  { name: 'PERCENT', pattern: re('[%&\\u2030\\u2031]'), action: keep },
  { name: 'TILDE', pattern: re('[~^]'), action: keep },
  { name: 'BAR', pattern: re('[|\\\\\\u007f]'), action: skip },
  { name: 'OPBRAC', pattern: re('[<[]|&lt;'), action: () => '-LRB-' },
  { name: 'CLBRAC', pattern: re('[>\\]]|&gt;'), action: () => '-RRB-' },
  { name: 'LCB', pattern: re('\\{'), action: () => '-LCB-' },
  { name: 'RCB', pattern: re('\\}'), action: () => '-RCB-' },
  { name: 'LRB', pattern: re('\\('), action: () => '-LRB-' },
  { name: 'RRB', pattern: re('\\)'), action: () => '-RRB-' },
  {
    name: 'HYPHENS',
    pattern: re('-+'),
    action: (t) => (t.length >= 3 && t.length <= 4 ? '--' : t),
  },
  {
    name: 'LDOTS',
    pattern: re('\\.{3,5}|(?:\\.[ \\u00A0]){2,4}\\.|[\\u0085\\u2026]'),
    action: () => '...',
  },
  { name: 'FNMARKS', pattern: re('@+|#+|_+'), action: keep },
  { name: 'ASTS', pattern: re('\\*+|(?:\\\\\\*){1,3}'), action: escapeSlashStar },
  { name: 'INSENTP', pattern: re(INSENTP), action: keep },
  { name: 'QMARKS', pattern: re('[?!]+'), action: keep },
  {
    name: 'PERIOD',
    pattern: re('[.\\u00A1\\u00BF\\u037E\\u0589\\u061F\\u06D4\\u0700-\\u0702\\u07FA]'),
    action: keep,
  },
  { name: 'EQUALS', pattern: re('='), action: keep },
  { name: 'SLASH', pattern: re('\\/'), action: escapeSlashStar },
  {
    name: 'HTHING./INSENTP',
    pattern: re(`${HTHING}\\.`),
    context: re(INSENTP),
    action: removeSoftHyphens,
  },
  { name: 'HTHING', pattern: re(HTHING), action: removeSoftHyphens },
  { name: 'THING./INSENTP', pattern: re(`${THING}\\.`), context: re(INSENTP), action: keep },
  { name: 'THING', pattern: re(THING), action: keep },
  {
    name: 'THINGA',
    pattern: re('[A-Z]+(?:(?:[+&]|&amp;)[A-Z]+)+'),
    action: (t) => t.replace(/&amp;/gi, '&'),
  },
  {
    name: 'QUOTE/left',
    pattern: re("'"),
    context: re('[A-Za-z][^ \\t\\n\\r\\u00A0]'),
    action: (t) => latexQuotes(t, true),
  },
  { name: 'REDAUX', pattern: re(REDAUX), action: (t) => latexQuotes(t, false) },
  {
    name: 'QUOTES',
    pattern: re(
      `${APOS}|''|[\`\\u2018\\u2019\\u201A\\u201B\\u201C\\u201D\\u0091\\u0092\\u0093\\u0094\\u201E\\u201F\\u2039\\u203A\\u00AB\\u00BB]{1,2}`,
    ),
    action: (t) => latexQuotes(t, false),
  },
  {
    name: 'MISCSYMBOL',
    pattern: re(
      '[\\u00A6\\u00A7\\u00A8\\u00A9\\u00AC\\u00AE\\u00AF\\u00B0-\\u00BA\\u00D7\\u00F7\\u0387\\u2020-\\u2023\\u2032-\\u2038\\u2044\\u207A-\\u207F\\u208A-\\u208E\\u2100-\\u214F\\u2190-\\u21FF\\u2200-\\u22FF\\u2300-\\u23FF\\u2600-\\u26FF\\u3012\\u30FB\\uFF01-\\uFF0F\\uFF1A-\\uFF20\\uFF3B-\\uFF40\\uFF5B-\\uFF65]',
    ),
    action: keep,
  },
  {
    name: 'SPACE',
    pattern: re(`(?:${SPACE}|${NEWLINE}|[\\u0000\\u200B\\u200E\\u200F\\uFEFF])+|&nbsp;`),
    action: skip,
  },
];

/** Rules whose token is a WORD (americanized when that option is on). */
export const PTB_WORD_RULES = new Set(['WORD/REDAUX', 'WORD']);
