// Prints e2e-table2.sh's results as a Markdown table: per row the trained parameters (counted
// from the run's final/adapter_model.safetensors header), the last dev loss of its training log,
// the E2E metrics from `prefixkit evaluate --json`, and two plain checks of whether the
// outputs follow their MRs at all (the metrics reward a fluent generic sentence): the share of
// outputs that contain the MR's name value, and how many distinct outputs there are.
//   node scripts/experiments/table2-markdown.mjs RUN_DIR [testset_w_refs.csv] [MODEL_NAME]
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

const out = process.argv[2];
if (!out) {
  console.error('usage: node scripts/experiments/table2-markdown.mjs RUN_DIR');
  process.exit(2);
}
const referencesFile = process.argv[3] ?? '../shared/data/e2e/testset_w_refs.csv';
const modelParameters = 7259008; // models/prefixkit-tiny/README.md (a stage-2 model has its shape)
const modelName = basename(process.argv[4] ?? 'prefixkit-tiny');
const rows = [
  ['none', `${modelName}, no prefix`],
  ['prefix-flat', '+ prefix (prefix-flat, 9 slots)'],
  ['adapter', '+ adapter (0.1%)'],
  ['ft-full', '+ FT-FULL'],
];

/** Elements stored in a safetensors file (its JSON header's shapes). */
function storedParameters(file) {
  const bytes = readFileSync(file);
  const headerLength = Number(bytes.readBigUInt64LE(0));
  const header = JSON.parse(bytes.subarray(8, 8 + headerLength).toString('utf8'));
  return Object.entries(header)
    .filter(([name]) => name !== '__metadata__')
    .reduce((sum, [, tensor]) => sum + tensor.shape.reduce((n, d) => n * d, 1), 0);
}

/** The unique MRs of an E2E CSV (mr,ref; RFC 4180 quoting) in first-appearance order. */
function uniqueMrs(file) {
  const text = readFileSync(file, 'utf8');
  const mrs = [];
  const seen = new Set();
  let field = '';
  let fields = [];
  let quoted = false;
  const endRecord = () => {
    fields.push(field);
    if (fields[0] && fields[0] !== 'mr' && !seen.has(fields[0])) {
      seen.add(fields[0]);
      mrs.push(fields[0]);
    }
    fields = [];
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (quoted) {
      field += c;
    } else if (c === ',') {
      fields.push(field);
      field = '';
    } else if (c === '\n') {
      endRecord();
    } else if (c !== '\r') {
      field += c;
    }
  }
  if (field !== '' || fields.length > 0) endRecord();
  return mrs;
}

/** Outputs naming their MR's `name[...]` value (case-insensitive), and distinct outputs. */
function followsMr(outputsFile, mrs) {
  const outputs = readFileSync(outputsFile, 'utf8').split('\n').slice(0, mrs.length);
  const named = outputs.filter((output, i) => {
    const name = /name\[([^\]]*)\]/.exec(mrs[i])?.[1];
    return name !== undefined && output.toLowerCase().includes(name.toLowerCase());
  }).length;
  return { named, total: outputs.length, distinct: new Set(outputs).size };
}

function lastDevLoss(run) {
  const log = join(out, run, 'log.jsonl');
  if (!existsSync(log)) return undefined;
  const evals = readFileSync(log, 'utf8')
    .split('\n')
    .filter((line) => line.includes('"eval"'))
    .map((line) => JSON.parse(line));
  return evals.at(-1);
}

const mrs = uniqueMrs(referencesFile);
const lines = [];
// The metric columns are the task's official set as `prefixkit evaluate --json` reports it
// (in reporting order, with the official script's labels), not a list kept here.
let columns;
for (const [run, label] of rows) {
  const scoresFile = join(out, 'scores', `${run}.json`);
  if (!existsSync(scoresFile)) continue;
  const { scores } = JSON.parse(readFileSync(scoresFile, 'utf8')).result;
  columns ??= Object.entries(scores).map(([name, score]) => [name, score.label]);
  const weights = join(out, run, 'final', 'adapter_model.safetensors');
  const trained = run === 'none' ? 0 : existsSync(weights) ? storedParameters(weights) : Number.NaN;
  const share =
    trained === 0
      ? '0'
      : `${trained.toLocaleString('en-US')} (${((100 * trained) / modelParameters).toPrecision(3)}%)`;
  const dev = lastDevLoss(run);
  const cells = columns.map(([metric]) => scores[metric].score.toFixed(4));
  const follows = followsMr(join(out, 'outputs', `${run}.txt`), mrs);
  const named = `${follows.named}/${follows.total}`;
  lines.push(
    `| ${label} | ${share} | ${cells.join(' | ')} | ${dev ? `${dev.devLoss.toFixed(3)} (${dev.step})` : '-'} | ${named} | ${follows.distinct} |`,
  );
}
const header = ['row', 'trained params', ...(columns ?? []).map(([, label]) => label)];
header.push('dev loss (step)', 'MR name in output', 'distinct outputs');
console.log(`| ${header.join(' | ')} |`);
console.log(`|${header.map(() => '---|').join('')}`);
for (const line of lines) console.log(line);
