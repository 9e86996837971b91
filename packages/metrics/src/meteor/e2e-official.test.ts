// METEOR on the five E2E systems against the official scores (no paraphrase table) in
// shared/data/e2e/system-outputs/SOURCE.md, computed the official way: COCO PTB tokens of the
// batch (tokenizeCocoCorpus) fed to METEOR 1.5 `-l en -norm` with WordNet synonyms.
// tgen agrees to 4 decimals. KNOWN GAP, pinned: the other four are 1.4e-4 to 2.5e-4 BELOW the
// official value (data/meteor/README.md logs what was tried). The exact measured values are
// asserted so that any change is noticed; the gap bounds say how far from official we are.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseE2EReferences, parseE2ESystemOutputs } from '../io/e2e-files';
import { tokenizeCocoCorpus } from '../tokenize/coco-corpus';
import { loadMeteorSynonyms } from './load-resources.node';
import { meteor } from './meteor';

const SHARED = fileURLToPath(new URL('../../../../../shared/data/e2e/', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../../fixtures/e2e/', import.meta.url));
const useShared = existsSync(`${SHARED}system-outputs/tgen.tsv`);
const REFS = useShared ? `${SHARED}testset_w_refs.csv` : `${FIXTURES}testset_w_refs.csv`;
const OUT = useShared ? `${SHARED}system-outputs/` : FIXTURES;

// [official (SOURCE.md, 4 decimals), measured here (5 decimals)]
const VALUES: Record<string, [number, number]> = {
  tgen: [0.4454, 0.44536],
  slug: [0.4435, 0.44325],
  forge3: [0.383, 0.38286],
  zhang: [0.4357, 0.43555],
  adapt: [0.399, 0.39884],
};
// Systems whose official value we reproduce to 4 decimals.
const EXACT = new Set(['tgen']);

describe('METEOR on E2E (official values, no paraphrases)', () => {
  const systems = Object.keys(VALUES).filter((s) => existsSync(`${OUT}${s}.tsv`));
  it(`scores ${systems.join(', ')}`, () => {
    const { references } = parseE2EReferences(readFileSync(REFS, 'utf8'));
    const synonyms = loadMeteorSynonyms();
    for (const system of systems) {
      const { outputs } = parseE2ESystemOutputs(readFileSync(`${OUT}${system}.tsv`, 'utf8'));
      const tok = tokenizeCocoCorpus(outputs, references);
      const r = meteor(
        tok.hypotheses.map((t) => t.join(' ')),
        tok.references.map((g) => g.map((t) => t.join(' '))),
        { synonyms },
      );
      const [official, measured] = VALUES[system] as [number, number];
      expect(r.score, system).toBeCloseTo(measured, 5);
      if (EXACT.has(system)) {
        expect(r.score.toFixed(4), system).toBe(official.toFixed(4));
      } else {
        // Known gap: below the official value by more than rounding, less than 3e-4.
        const gap = official - r.score;
        expect(gap, system).toBeGreaterThan(0.5e-4);
        expect(gap, system).toBeLessThan(3e-4);
      }
    }
  });
});
