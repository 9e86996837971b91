// Test helper: the official E2E scores of five challenge systems, read from the table in
// fixtures/e2e/system-outputs-SOURCE.md (as the official script printed them, '%.4f'), and
// where the systems' outputs are: all five in the shared data beside the repository, or the
// two committed in fixtures/e2e.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const E2E_FIXTURES = fileURLToPath(new URL('../fixtures/e2e/', import.meta.url));
const SHARED = fileURLToPath(new URL('../../../../shared/data/e2e/', import.meta.url));
const useShared = existsSync(`${SHARED}system-outputs/adapt.tsv`);

/** The references CSV and the folder of `<system>.tsv` outputs to test against. */
export const E2E_REFERENCES = useShared
  ? `${SHARED}testset_w_refs.csv`
  : `${E2E_FIXTURES}testset_w_refs.csv`;
export const E2E_OUTPUTS = useShared ? `${SHARED}system-outputs/` : E2E_FIXTURES;

export type E2EMetricLabel = 'BLEU' | 'NIST' | 'METEOR' | 'ROUGE_L' | 'CIDEr';
const COLUMNS: E2EMetricLabel[] = ['BLEU', 'NIST', 'METEOR', 'ROUGE_L', 'CIDEr'];

/** system -> metric -> the official value as printed (4 decimals). */
export function officialE2EScores(): Record<string, Record<E2EMetricLabel, string>> {
  const file = `${E2E_FIXTURES}system-outputs-SOURCE.md`;
  const rows = readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => /^\| [a-z0-9]+ \| \d/.test(line));
  const scores: Record<string, Record<E2EMetricLabel, string>> = {};
  for (const row of rows) {
    const [system, ...values] = row
      .split('|')
      .slice(1, -1)
      .map((cell) => cell.trim());
    if (values.length !== COLUMNS.length) throw new Error(`${file}: unexpected row ${row}`);
    scores[system as string] = Object.fromEntries(
      COLUMNS.map((label, index) => [label, values[index]]),
    ) as Record<E2EMetricLabel, string>;
  }
  if (Object.keys(scores).length !== 5) throw new Error(`${file}: expected five systems' scores`);
  return scores;
}

/** The systems whose outputs are available here, in the table's order. */
export function availableE2ESystems(): string[] {
  return Object.keys(officialE2EScores()).filter((system) =>
    existsSync(`${E2E_OUTPUTS}${system}.tsv`),
  );
}
