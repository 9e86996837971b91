// TER on the WebNLG 2017 test set against the official tercom 0.7.25 numbers recorded in
// shared/data/webnlg/system-outputs/SOURCE.md (all, seen, unseen). Skipped without shared/.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ter } from './ter';

const D = fileURLToPath(new URL('../../../../../shared/data/webnlg/', import.meta.url));
const have = existsSync(`${D}system-outputs/webnlg-lastlex-drop30.txt`);
const NEW = new Set(['MeanOfTransportation', 'CelestialBody', 'Politician', 'Athlete', 'Artist']);
const OFFICIAL: Record<string, Record<string, number>> = {
  'webnlg-lastlex-drop30': {
    all: 0.30122953185430296,
    old: 0.3006907530060548,
    new: 0.3018658877445671,
  },
  'webnlg-triples-reversed': {
    all: 0.6907775490177205,
    old: 0.6886210523323575,
    new: 0.693324604033943,
  },
};

function references(track: string): string[][] {
  // tercom gets the first three references of each entry (reference0..2; blank = none).
  const files = [0, 1, 2].map((k) =>
    readFileSync(`${D}eval-references/gold-${track}-cat-reference${k}.lex`, 'utf8').split('\n'),
  );
  const n = (files[0] as string[]).length - 1;
  return Array.from({ length: n }, (_, i) =>
    files.map((f) => f[i] as string).filter((l) => l.trim() !== ''),
  );
}

describe.skipIf(!have)('TER on WebNLG 2017 (official tercom values)', () => {
  const xml = have ? readFileSync(`${D}test/testdata_with_lex.xml`, 'utf8') : '';
  const entries = [...xml.matchAll(/<entry category="([^"]+)" eid="Id(\d+)"/g)].map((m) => ({
    cat: m[1] as string,
    id: Number(m[2]),
  }));
  // One tercom run per system on `all`; seen (old) and unseen (new) are the sums over their
  // entries, after checking that their reference files hold exactly those entries' references.
  const sorted = [...entries].sort((a, b) => a.id - b.id);
  const allRefs = have ? references('all') : [];
  const pick = (track: 'old' | 'new') =>
    sorted.map((e, i) => ((track === 'new') === NEW.has(e.cat) ? i : -1)).filter((i) => i >= 0);
  it('seen/unseen reference files are the all-track references of those entries', () => {
    for (const track of ['old', 'new'] as const) {
      expect(references(track)).toEqual(pick(track).map((i) => allRefs[i]));
    }
  });
  for (const system of Object.keys(OFFICIAL)) {
    it(`${system}: all, seen and unseen`, () => {
      const lines = readFileSync(`${D}system-outputs/${system}.txt`, 'utf8').split('\n');
      const r = ter(
        sorted.map((e) => lines[e.id - 1] as string),
        allRefs,
        { normalize: 'webnlg' },
      );
      expect(r.score).toBeCloseTo(OFFICIAL[system]?.all as number, 10);
      for (const track of ['old', 'new'] as const) {
        const idx = pick(track);
        const edits = idx.reduce((n, i) => n + (r.segmentDetails[i]?.edits as number), 0);
        const len = idx.reduce((n, i) => n + (r.segmentDetails[i]?.refLength as number), 0);
        expect(edits / len).toBeCloseTo(OFFICIAL[system]?.[track] as number, 10);
      }
    });
  }
});
