// Diagnostic (not a test) for METEOR 1.5 on the E2E test set: scores the five official systems
// and compares them with the official no-paraphrase values of
// shared/data/e2e/system-outputs/SOURCE.md, and optionally compares per-segment scores with an
// official per-segment file (tuetschek/e2e-eval `*.segscores.tsv`, whose METEOR column was
// computed WITH paraphrases, so only segments no paraphrase touches can agree).
// Variants of the function-word list and the beam size can be tried without editing the code;
// data/meteor/README.md logs the hypotheses tried this way.
//
// Run from packages/metrics:
//   tsx scripts/meteor-e2e-diagnostic.ts [--add w,w] [--drop w,w] [--beam N] [--segments FILE]
// FILE: the e2e-eval segscores TSV (header `src  sys_out  BLEU  sentBLEU  NIST  METEOR ...`) or a
// plain `MR<TAB>output<TAB>METEOR` TSV without header.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parseE2EReferences, parseE2ESystemOutputs } from '../src/io/e2e-files';
import { ENGLISH_FUNCTION_WORDS } from '../src/meteor/function-words';
import { loadMeteorSynonyms } from '../src/meteor/load-resources.node';
import { meteor, meteorTokens } from '../src/meteor/meteor';
import { tokenizeCocoCorpus } from '../src/tokenize/coco-corpus';

// Official METEOR without paraphrases (SOURCE.md), 4 decimals.
const OFFICIAL: Record<string, number> = {
  tgen: 0.4454,
  slug: 0.4435,
  forge3: 0.383,
  zhang: 0.4357,
  adapt: 0.399,
};

const { values } = parseArgs({
  options: {
    add: { type: 'string', default: '' },
    drop: { type: 'string', default: '' },
    beam: { type: 'string', default: '40' },
    segments: { type: 'string' },
  },
});
const list = (s: string | undefined): string[] => (s ?? '').split(',').filter((w) => w !== '');
const drop = new Set(list(values.drop));
const functionWords = new Set(
  [...ENGLISH_FUNCTION_WORDS].filter((w) => !drop.has(w)).concat(list(values.add)),
);
const beamSize = Number(values.beam);
const synonyms = loadMeteorSynonyms();
const options = { synonyms, functionWords, beamSize };

const shared = fileURLToPath(new URL('../../../../shared/data/e2e/', import.meta.url));
const fixtures = fileURLToPath(new URL('../fixtures/e2e/', import.meta.url));
const useShared = existsSync(`${shared}system-outputs/tgen.tsv`);
const refsFile = useShared ? `${shared}testset_w_refs.csv` : `${fixtures}testset_w_refs.csv`;
const outDir = useShared ? `${shared}system-outputs/` : fixtures;
const { mrs, references } = parseE2EReferences(readFileSync(refsFile, 'utf8'));

console.log(`function words: ${functionWords.size} (add: ${values.add}; drop: ${values.drop})`);
console.log(`beam: ${beamSize}`);
console.log('system   measured   official  gap(1e-4)  4 decimals');
for (const [system, official] of Object.entries(OFFICIAL)) {
  const file = `${outDir}${system}.tsv`;
  if (!existsSync(file)) continue;
  const { outputs } = parseE2ESystemOutputs(readFileSync(file, 'utf8'));
  const tok = tokenizeCocoCorpus(outputs, references);
  const r = meteor(
    tok.hypotheses.map((t) => t.join(' ')),
    tok.references.map((g) => g.map((t) => t.join(' '))),
    options,
  );
  const gap = ((r.score - official) * 1e4).toFixed(2);
  const same = r.score.toFixed(4) === official.toFixed(4) ? 'equal' : 'DIFFERENT';
  console.log(
    `${system.padEnd(8)} ${r.score.toFixed(5)}    ${official.toFixed(4)}    ${gap.padStart(6)}  ${same}`,
  );
}

if (values.segments !== undefined) compareSegments(values.segments);

/** Per-segment comparison with an official segment-score file. */
function compareSegments(path: string): void {
  const lines = readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '');
  const header = (lines[0] ?? '').split('\t');
  const meteorColumn = header.indexOf('METEOR');
  const rows = (meteorColumn >= 0 ? lines.slice(1) : lines).map((l) => {
    const f = l.split('\t');
    return {
      mr: (f[0] ?? '').replace(/^"(.*)"$/, '$1'),
      output: f[1] ?? '',
      official: f[meteorColumn >= 0 ? meteorColumn : 2] ?? '',
    };
  });
  const known = rows.filter((r) => mrs.includes(r.mr));
  const tok = tokenizeCocoCorpus(
    known.map((r) => r.output),
    known.map((r) => references[mrs.indexOf(r.mr)] as string[]),
  );
  const refs = tok.references.map((g) => g.map((t) => t.join(' ')));
  const r = meteor(
    tok.hypotheses.map((t) => t.join(' ')),
    refs,
    options,
  );
  let equal = 0;
  known.forEach((row, i) => {
    const ours = (r.segments[i] as number).toFixed(4);
    if (ours === row.official) {
      equal++;
      return;
    }
    const detail = r.segmentDetails[i];
    const best = refs[i]?.[detail?.bestReference ?? 0] ?? '';
    console.log(`${i}\tofficial ${row.official}\tours ${ours}\t${row.output}`);
    console.log(`\tbest reference: ${meteorTokens(best).join(' ')}`);
  });
  console.log(
    `segments: ${equal} of ${known.length} equal to 4 decimals (${rows.length - known.length} MRs not in the test set)`,
  );
}
