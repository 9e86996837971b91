// The E2E challenge's official scores (e2e-metrics measure_scores.py, printed with '%.4f'),
// reproduced from the committed copies of two systems' outputs, and from all five systems when
// the shared data set is present next to the repository. The reference side is parsed once and
// shared; METEOR has its own test (src/meteor/e2e-official.test.ts).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateE2E, parseE2EReferences, parseE2ESystemOutputs } from '../src/index';

const fixtures = fileURLToPath(new URL('../fixtures/e2e/', import.meta.url));
const shared = fileURLToPath(new URL('../../../../shared/data/e2e/', import.meta.url));

// SOURCE.md of the shared system outputs: BLEU, NIST, ROUGE_L, CIDEr as printed ('%.4f').
const OFFICIAL: Record<string, [string, string, string, string]> = {
  tgen: ['0.6593', '8.6094', '0.6850', '2.2338'],
  slug: ['0.6616', '8.5993', '0.6772', '2.2615'],
  forge3: ['0.4599', '7.1092', '0.5611', '1.5586'],
  zhang: ['0.6545', '8.1840', '0.7083', '2.1012'],
  adapt: ['0.5092', '7.1954', '0.5872', '1.5039'],
};

// Python's '%.4f' rounds the exact binary value, as Number#toFixed does.
const printed = (x: number) => x.toFixed(4);

function suite(name: string, dir: string, refsFile: string, systems: string[]) {
  describe(name, () => {
    let references: string[][] = [];
    beforeAll(() => {
      references = parseE2EReferences(readFileSync(refsFile, 'utf8')).references;
    });
    for (const system of systems) {
      it(`${system}: BLEU, NIST, ROUGE_L and CIDEr as printed by the official script`, async () => {
        const { outputs, mrs } = parseE2ESystemOutputs(
          readFileSync(`${dir}/${system}.tsv`, 'utf8'),
        );
        expect(outputs).toHaveLength(630);
        expect(mrs).toHaveLength(630);
        const s = await evaluateE2E(outputs, references, { meteor: false });
        expect([s.BLEU, s.NIST, s.ROUGE_L, s.CIDEr].map((r) => printed(r.score))).toEqual(
          OFFICIAL[system],
        );
      });
    }
  });
}

suite('E2E official scores (committed fixtures)', fixtures, `${fixtures}/testset_w_refs.csv`, [
  'tgen',
  'slug',
]);
if (existsSync(`${shared}/system-outputs/adapt.tsv`)) {
  suite(
    'E2E official scores (shared data)',
    `${shared}/system-outputs`,
    `${shared}/testset_w_refs.csv`,
    ['forge3', 'zhang', 'adapt'],
  );
}
