// The copy probe: can a model carry a name from its input to its output, with no
// prefix? 20 WebNLG-style inputs put E2E restaurant names (tokens every pretrained stage has
// seen in text) into new one-triple sets, ` | Blue_Spice : location : Ohio`, in the paper's
// WebNLG training string; each is decoded greedily, and an output counts as copying the subject
// (or the object) when it contains that value with underscores read as spaces.
//   node_modules/.bin/tsx --tsconfig scripts/pretrain/tsconfig.json scripts/pretrain/copy-probe.ts \
//     [--backend webgpu|cpu] [--show 5] MODEL_DIR...
import { parseArgs } from 'node:util';
import { formatPrompt, linearizeWebNLG } from '@prefixkit/datasets';
import { generate, loadGpt2Tokenizer } from '@prefixkit/gpt2';
import { type Backend, CpuBackend } from '@prefixkit/tensor';
import { reloadSaved } from './evaluate-saved';

const subjects = [
  'Blue_Spice',
  'The_Vaults',
  'Alimentum',
  'Zizzi',
  'Cotto',
  'The_Eagle',
  'Strada',
  'Aromi',
  'The_Phoenix',
  'Fitzbillies',
  'Browns_Cambridge',
  'Green_Man',
  'Giraffe',
  'Loch_Fyne',
  'The_Mill',
  'The_Punter',
  'The_Rice_Boat',
  'Wildwood',
  'The_Golden_Curry',
  'The_Cricketers',
];
const objects = [
  'Ohio',
  'Texas',
  'Paris',
  'Denmark',
  'Madrid',
  'India',
  'Oslo',
  'Italy',
  'Chicago',
  'Japan',
  'Berlin',
  'Kenya',
  'Athens',
  'Peru',
  'Dublin',
  'Canada',
  'Vienna',
  'Brazil',
  'Lisbon',
  'Egypt',
];

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    backend: { type: 'string', default: 'webgpu' },
    show: { type: 'string', default: '3' },
    'max-new-tokens': { type: 'string', default: '30' },
  },
});
if (positionals.length === 0) throw new Error('copy-probe: give at least one model folder');
const show = Number(values.show);
const maxNewTokens = Number(values['max-new-tokens']);
if (!Number.isInteger(show) || show < 0)
  throw new Error(`copy-probe: --show: expected an integer >= 0, got '${values.show}'`);
if (!Number.isInteger(maxNewTokens) || maxNewTokens < 1)
  throw new Error(
    `copy-probe: --max-new-tokens: expected an integer >= 1, got '${values['max-new-tokens']}'`,
  );

let backend: Backend;
if (values.backend === 'cpu') backend = new CpuBackend();
else if (values.backend === 'webgpu') {
  const { createWebGpuBackend } = await import('@prefixkit/tensor/node');
  backend = await createWebGpuBackend();
} else throw new Error(`copy-probe: --backend: expected webgpu or cpu, got '${values.backend}'`);

const tokenizer = await loadGpt2Tokenizer();
const triples = subjects.map((subject, i) => ({
  subject,
  property: 'location',
  object: objects[i]!,
}));
const prompts = triples.map((t) => tokenizer.encode(formatPrompt(linearizeWebNLG([t]))));
const surface = (value: string) => value.replaceAll('_', ' ');

for (const folder of positionals) {
  const model = await reloadSaved(folder, backend);
  const rows = await generate(model, prompts, {
    maxNewTokens,
    bannedTokenIds: [198, 628],
  });
  const texts = rows.map((row) => tokenizer.decode(row.tokens.filter((t) => t !== 50256)).trim());
  const subjectCopied = texts.filter((text, i) =>
    text.includes(surface(triples[i]!.subject)),
  ).length;
  const objectCopied = texts.filter((text, i) => text.includes(surface(triples[i]!.object))).length;
  console.log(
    `${folder}: subject in output ${subjectCopied}/${texts.length}, object in output ${objectCopied}/${texts.length}`,
  );
  for (let i = 0; i < Math.min(show, texts.length); i++)
    console.log(`  ${linearizeWebNLG([triples[i]!])} -> ${texts[i]}`);
  model.dispose();
}
if (values.backend === 'webgpu') {
  const { releaseDevice } = await import('@prefixkit/tensor/node');
  await releaseDevice();
}
