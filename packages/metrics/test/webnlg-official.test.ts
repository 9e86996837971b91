// WebNLG 2017 BLEU (multi-bleu.perl -lc, 3 references, evaluation.py normalisation) against the
// official values in shared/data/webnlg/system-outputs/SOURCE.md, for all, seen and unseen.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluateWebNLG } from '../src/index';
import { readLines, readWebNLGReferences } from '../src/node';

const W = fileURLToPath(new URL('../../../../shared/data/webnlg/', import.meta.url));
const NEW = new Set(['MeanOfTransportation', 'CelestialBody', 'Politician', 'Athlete', 'Artist']);
const OFFICIAL: Record<string, Record<string, number>> = {
  'webnlg-lastlex-drop30': { all: 49.03, old: 49.03, new: 49.04 },
  'webnlg-triples-reversed': { all: 24.04, old: 25.91, new: 21.42 },
};

describe.skipIf(!existsSync(`${W}/system-outputs`))(
  'WebNLG 2017 official BLEU (shared data)',
  () => {
    const categories = () =>
      [
        ...readFileSync(`${W}/test/testdata_with_lex.xml`, 'utf8').matchAll(
          /<entry category="([^"]+)"/g,
        ),
      ].map((m) => m[1] as string);
    for (const [system, byTrack] of Object.entries(OFFICIAL)) {
      for (const track of ['all', 'old', 'new'] as const) {
        it(`${system} ${track}`, async () => {
          const cats = categories();
          const lines = await readLines(`${W}/system-outputs/${system}.txt`);
          const hyps = lines.filter(
            (_, i) => track === 'all' || (track === 'new') === NEW.has(cats[i] as string),
          );
          const refs = await readWebNLGReferences(`${W}/eval-references`, track);
          const { BLEU } = await evaluateWebNLG(hyps, refs, { ter: false, meteor: false });
          expect((BLEU.score * 100).toFixed(2)).toBe(byTrack[track]?.toFixed(2));
        });
      }
    }
  },
);
