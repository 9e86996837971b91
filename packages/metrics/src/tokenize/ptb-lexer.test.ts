// The PTB lexer's shortcuts (first-character dispatch, ASCII word runs) must give exactly the
// tokens of the plain longest-match loop over every rule: checked on the E2E test references,
// on hand-picked hard cases and on seeded random text; and each rule's listed first characters
// are checked against its regex.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseE2EReferences } from '../io/e2e-files';
import { tokenizePtb, tokenizePtbLines } from './ptb-coco';
import { PTB_FIRST_ASCII } from './ptb-first-chars';
import { PTB_RULES } from './ptb-rules';

const HARD = [
  'cannot CANNOT Cannot cannots can not',
  "can't don't y'all 'tis rock'n'roll 'em '90s o'clock d'Artagnan",
  'Mr. Smith met Dr. Who at 5 p.m. in the U.S. Army no. 5 No.',
  'family friendly no.\nThere is a pub. Low no.\nat low no.',
  'e-mail me at a.b@c.com or http://x.org/a_b?c=1 now.',
  '1/2 1 1/2 3\\/4 (555) 123-4567 555-123-4567 12/25/2019 3.5 1,000 +7 -3',
  '£20-25 €5 $3 US$4 C$ #1 50% a&b AT&T S&P-500 &amp; &lt;x&gt; &quot;q&quot;',
  "\"quoted\" 'single' `back' ``latex'' -- --- ---- ... . . . ½ ¼",
  '(brackets) [square] {curly} <b>bold</b> a|b c\\d e*f ~g ^h =i _j @k',
  "anti-war pro-choice C.D.s S&Ls cap'n c'est well-known x-ray 3-D A-1",
  'Café naïve Zürich façade – dash — dash … ellipsis “curly” ‘quotes’',
  'word.,next word.;next Inc. Corp. etc. al. Jan. Mon. Calif. St. Ave.',
  'a\u00ADb soft\u00AD hyphen\tTab\u00A0nbsp\u2009thin',
];

// Seeded random text over an alphabet rich in characters the rules care about.
function randomLines(count: number, seed: number): string[] {
  const alphabet =
    'aAbcCnNotTsSyhpmMlLdDjJxXzZ019 .,;:!?\'"`-_/\\()[]{}<>&@#$%*+=~^|£€½\u00AD\u00A0é\n';
  let state = seed;
  const next = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
  return Array.from({ length: count }, () => {
    let line = '';
    const length = 1 + Math.floor(next() * 40);
    for (let i = 0; i < length; i++) {
      // Mostly letters and spaces, as in text, so word runs and their neighbours are exercised.
      const r = next();
      line +=
        r < 0.5
          ? 'abcnotsy'[Math.floor(next() * 8)]
          : r < 0.65
            ? ' '
            : alphabet[Math.floor(next() * alphabet.length)];
    }
    return line;
  });
}

describe('PTB lexer shortcuts', () => {
  it('give the plain lexer tokens on the E2E test references (one batch)', () => {
    const csv = readFileSync(new URL('../../fixtures/e2e/testset_w_refs.csv', import.meta.url));
    const lines = parseE2EReferences(csv.toString('utf8')).references.flat();
    expect(lines.length).toBe(4693);
    expect(tokenizePtbLines(lines)).toEqual(tokenizePtbLines(lines, {}, 'plain'));
  });
  it('give the plain lexer tokens on hard cases and seeded random text', () => {
    const lines = [...HARD, ...randomLines(3000, 7)];
    expect(tokenizePtbLines(lines)).toEqual(tokenizePtbLines(lines, {}, 'plain'));
    expect(tokenizePtbLines(lines, { americanize: true })).toEqual(
      tokenizePtbLines(lines, { americanize: true }, 'plain'),
    );
    // The word shortcut leaves the can + not split to the rules.
    expect(tokenizePtb('cannot CANNOT cannots')).toEqual(['can', 'not', 'CAN', 'NOT', 'cannots']);
  });
  it('never skip a rule that can start with the character (first characters per rule)', () => {
    const tails = [...HARD, ...randomLines(120, 11)].flatMap((line) =>
      Array.from({ length: Math.min(line.length, 8) }, (_, i) => line.slice(i)),
    );
    const missed: string[] = [];
    for (const rule of PTB_RULES) {
      const first = PTB_FIRST_ASCII[rule.name] as string;
      const listed = first === '' ? null : new RegExp(`^[${first}]$`);
      for (let code = 0; code < 128; code++) {
        const c = String.fromCharCode(code);
        if (listed?.test(c)) continue;
        for (const tail of ['', ...tails]) {
          rule.pattern.lastIndex = 0;
          const m = rule.pattern.exec(c + tail);
          if (m !== null && m[0] !== '') missed.push(`${rule.name}: ${JSON.stringify(m[0])}`);
        }
      }
    }
    expect(missed).toEqual([]);
    expect(Object.keys(PTB_FIRST_ASCII).sort()).toEqual(PTB_RULES.map((r) => r.name).sort());
  });
});
