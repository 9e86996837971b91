// The E2E challenge's official scores (e2e-metrics measure_scores.py, printed with '%.4f'; METEOR
// without paraphrase table) reproduced by scoreTask('e2e'), the library's one E2E scoring path:
// all five systems when the shared data set is beside the repository, else the two committed
// ones. The expected values are read from fixtures/e2e/system-outputs-SOURCE.md.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseE2EReferences, parseE2ESystemOutputs, scoreTask } from '../src/index';
import { loadMeteorSynonyms } from '../src/node';
import {
  availableE2ESystems,
  E2E_OUTPUTS,
  E2E_REFERENCES,
  officialE2EScores,
} from './official-e2e-scores';

// Python's '%.4f' rounds the exact binary value, as Number#toFixed does.
const printed = (x: number | undefined) => x?.toFixed(4);

describe('E2E official scores through scoreTask', () => {
  const official = officialE2EScores();
  let references: string[][] = [];
  beforeAll(() => {
    references = parseE2EReferences(readFileSync(E2E_REFERENCES, 'utf8')).references;
  });
  for (const system of availableE2ESystems()) {
    it(`${system}: BLEU, NIST, METEOR, ROUGE_L and CIDEr as printed by the official script`, async () => {
      const { outputs, mrs } = parseE2ESystemOutputs(
        readFileSync(`${E2E_OUTPUTS}${system}.tsv`, 'utf8'),
      );
      expect(outputs).toHaveLength(630);
      expect(mrs).toHaveLength(630);
      const scores = await scoreTask(
        'e2e',
        { hypotheses: outputs, references },
        { meteor: { synonyms: loadMeteorSynonyms() } },
      );
      const expected = official[system];
      expect({
        BLEU: printed(scores.bleu?.score),
        NIST: printed(scores.nist?.score),
        METEOR: printed(scores.meteor?.score),
        ROUGE_L: printed(scores['rouge-l']?.score),
        CIDEr: printed(scores.cider?.score),
      }).toEqual(expected);
    });
  }
});
