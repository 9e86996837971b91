// Pretrains prefixkit's embedded GPT-2 with prefixkit's own engine and writes the
// model folder: config.json, F16 model.safetensors, the loss curve and a model card.
//   node_modules/.bin/tsx --tsconfig scripts/pretrain/tsconfig.json scripts/pretrain/pretrain.ts \
//     --corpus runs/pretrain/corpus --run-dir runs/pretrain/run --out models/prefixkit-tiny \
//     --backend webgpu --seconds 360 [--resume]
// Bundled for a lent GPU (one file, `webgpu` external): scripts/pretrain/bundle.sh.
// With --seconds the step budget comes from timing a few calibration steps, so that the linear
// decay ends inside the budget; a hard stop at the budget checkpoints and ends early if needed.
// --resume continues from <run-dir>/checkpoints with the plan (steps, settings) saved there.
// --init-from <model folder> starts from that model's weights and shape instead of a random
// init (stage 2: continued pretraining on a new corpus; --layers/--embd/... are then ignored).

import { mkdir, readFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeFileAtomic } from '@prefixkit/errors/node';
import { type Gpt2Model, parseGpt2Config } from '@prefixkit/gpt2';
import { writeGpt2Checkpoint } from '@prefixkit/gpt2/node';
import { createRandomGpt2, safetensorsToTensors } from '@prefixkit/peft';
import { checkpointDirectoryWriter, readLatestCheckpoint } from '@prefixkit/peft/node';
import { type Backend, CpuBackend } from '@prefixkit/tensor';
import { endOfTextId, readCorpusDocuments } from './corpus-files';
import { heldOutLoss, maxLogitDifference, reloadSaved } from './evaluate-saved';
import { modelCard, type RunSummary } from './model-card';
import { lossCurveJsonl, lossCurveSvg, parseLossCurveJsonl } from './src/loss-curve';
import { packBlocks } from './src/pack-blocks';
import { type LossPoint, pretrain } from './src/pretrain';
import { checkInitFrom, inheritStages, writeModelRunSummary } from './stage-history';

const { values } = parseArgs({
  options: {
    corpus: { type: 'string', default: 'runs/pretrain/corpus' },
    'run-dir': { type: 'string', default: 'runs/pretrain/run' },
    out: { type: 'string', default: 'models/prefixkit-tiny' },
    backend: { type: 'string', default: 'webgpu' },
    layers: { type: 'string', default: '4' },
    embd: { type: 'string', default: '128' },
    heads: { type: 'string', default: '4' },
    positions: { type: 'string', default: '256' },
    block: { type: 'string', default: '128' },
    batch: { type: 'string', default: '32' },
    lr: { type: 'string', default: '2e-3' },
    'warmup-fraction': { type: 'string', default: '0.05' },
    'weight-decay': { type: 'string', default: '0.01' },
    seed: { type: 'string', default: '1' },
    seconds: { type: 'string' },
    steps: { type: 'string' },
    'eval-every': { type: 'string', default: '100' },
    'checkpoint-every': { type: 'string', default: '500' },
    'log-every': { type: 'string', default: '10' },
    'max-train-blocks': { type: 'string' },
    'max-held-out-blocks': { type: 'string' },
    resume: { type: 'boolean', default: false },
    'init-from': { type: 'string' },
    name: { type: 'string', default: 'prefixkit-tiny' },
    command: { type: 'string' },
  },
});
const num = (name: keyof typeof values) => Number(values[name]);
const runDir = resolve(values['run-dir']!);
const outDir = resolve(values.out!);
const checkpoints = join(runDir, 'checkpoints');
const log = (line: string) => console.error(line);
const started = performance.now();

// Data: packed blocks of the tokenised corpus.
const corpus = await readCorpusDocuments(resolve(values.corpus!));
const pack = { blockSize: num('block'), endOfTextId };
let train = packBlocks(corpus.train, pack);
if (values['max-train-blocks']) train = train.slice(0, num('max-train-blocks'));
let heldOut = packBlocks(corpus.heldOut, pack);
if (values['max-held-out-blocks']) heldOut = heldOut.slice(0, num('max-held-out-blocks'));
log(
  `corpus: ${train.length} training blocks, ${heldOut.length} held-out blocks of ${pack.blockSize} tokens`,
);

// Backend and the random model.
let backend: Backend;
let adapter = 'CPU backend (plain JavaScript)';
// The logits [blocks, T, V] (f32) must fit one storage binding: larger batches are split into
// micro-batches whose gradients are accumulated.
let bindingLimit = Number.POSITIVE_INFINITY;
if (values.backend === 'cpu') backend = new CpuBackend();
else {
  const { createWebGpuBackend } = await import('@prefixkit/tensor/node');
  const gpu = await createWebGpuBackend();
  adapter = JSON.stringify(gpu.adapter);
  bindingLimit = gpu.device.limits.maxStorageBufferBindingSize;
  backend = gpu;
}
let microBatch = num('batch');
while (
  microBatch > 1 &&
  (num('batch') % microBatch !== 0 || microBatch * pack.blockSize * 50257 * 4 > bindingLimit)
)
  microBatch--;
const accumulation = num('batch') / microBatch;
log(
  `batch ${num('batch')} blocks = ${accumulation} micro-batch(es) of ${microBatch} (binding limit ${bindingLimit})`,
);
log(`backend: ${values.backend} ${adapter}`);
const initFrom = values['init-from'] ? resolve(values['init-from']) : undefined;
if (initFrom) checkInitFrom(initFrom, outDir);
const model = initFrom
  ? await reloadSaved(initFrom, backend)
  : await createRandomGpt2(
      parseGpt2Config({
        architectures: ['GPT2LMHeadModel'],
        model_type: 'gpt2',
        vocab_size: 50257,
        n_positions: num('positions'),
        n_embd: num('embd'),
        n_layer: num('layers'),
        n_head: num('heads'),
        bos_token_id: endOfTextId,
        eos_token_id: endOfTextId,
      }),
      { backend, seed: num('seed') },
    );
const config = model.config;
if (initFrom) log(`initial weights: ${initFrom}`);

// The plan: settings and step budget, saved so a resume continues the same schedule.
interface Plan {
  batchSize: number;
  gradientAccumulationSteps: number;
  learningRate: number;
  warmupSteps: number;
  maxSteps: number;
  weightDecay: number;
  seed: number;
}
let plan: Plan;
if (values.resume) {
  plan = JSON.parse(await readFile(join(runDir, 'plan.json'), 'utf8')) as Plan;
} else {
  let maxSteps = values.steps ? num('steps') : 0;
  if (!maxSteps) {
    if (!values.seconds) throw new Error('give --steps or --seconds');
    const stepSeconds = await calibrate(model);
    const left = num('seconds') - (performance.now() - started) / 1000;
    // Held-out evaluations cost about a third of a step per batch of held-out blocks.
    const evalShare = Math.ceil(heldOut.length / num('batch')) / 3 / Math.max(1, num('eval-every'));
    maxSteps = Math.max(1, Math.floor((0.92 * left) / (stepSeconds * (1 + evalShare))));
    log(
      `calibration: ${stepSeconds.toFixed(3)} s/step -> ${maxSteps} steps in ${left.toFixed(0)} s`,
    );
  }
  plan = {
    batchSize: microBatch,
    gradientAccumulationSteps: accumulation,
    learningRate: num('lr'),
    warmupSteps: Math.max(1, Math.round(num('warmup-fraction') * maxSteps)),
    maxSteps,
    weightDecay: num('weight-decay'),
    seed: num('seed'),
  };
  await mkdir(runDir, { recursive: true });
  await writeFileAtomic(join(runDir, 'plan.json'), `${JSON.stringify(plan, null, 2)}\n`);
}

// The curve so far (a resume keeps the earlier run's points up to its checkpoint).
const resume = values.resume ? await readLatestCheckpoint(checkpoints) : undefined;
const resumeStep = resume ? (JSON.parse(resume['trainer_state.json']) as { step: number }).step : 0;
const curvePath = join(runDir, 'loss-curve.jsonl');
const curve: LossPoint[] = resume
  ? parseLossCurveJsonl(await readFile(curvePath, 'utf8').catch(() => '')).filter(
      (p) => p.step <= resumeStep,
    )
  : [];
const tokensAtResume = curve.at(-1)?.tokens ?? 0;
const saveCurve = async () => {
  await writeFileAtomic(curvePath, lossCurveJsonl(curve));
  await writeFileAtomic(
    join(runDir, 'loss-curve.svg'),
    lossCurveSvg(curve, { title: `${values.name} pretraining loss` }),
  );
};
const writeCheckpoint = checkpointDirectoryWriter(checkpoints);

const budgetLeft = values.seconds
  ? num('seconds') - (performance.now() - started) / 1000
  : Number.POSITIVE_INFINITY;
const signal = Number.isFinite(budgetLeft)
  ? AbortSignal.timeout(Math.round(Math.max(1, budgetLeft) * 1000))
  : undefined;
const trainStart = performance.now();
const result = await pretrain({
  model,
  train,
  heldOut,
  config: { ...plan, evalEvery: num('eval-every'), checkpointEvery: num('checkpoint-every') },
  ...(resume ? { resume } : {}),
  ...(signal ? { signal } : {}),
  saveCheckpoint: async (files, step) => {
    await writeCheckpoint(files, step);
    await saveCurve();
    // The model folder too, so a run cut off later still leaves its latest weights behind.
    const { tensors } = await safetensorsToTensors(
      files['trainable.safetensors'],
      'trainable.safetensors',
    );
    const weights = new Map(Object.entries(tensors).map(([name, t]) => [name, t.data]));
    await writeGpt2Checkpoint(outDir, { config, parameters: weights, dtype: 'F16' });
    log(`checkpoint: step ${step}`);
  },
  onPoint: (point) => {
    curve.push(point);
    if (point.step % num('log-every') === 0 || point.evalLoss !== undefined) {
      const rate = (point.tokens - tokensAtResume) / Math.max(1e-9, point.seconds);
      log(
        `step ${point.step}/${plan.maxSteps} loss ${point.loss.toFixed(4)}${point.evalLoss === undefined ? '' : ` held-out ${point.evalLoss.toFixed(4)}`} lr ${point.learningRate.toExponential(2)} ${Math.round(rate)} tok/s ${point.seconds.toFixed(0)} s`,
      );
    }
  },
});
const trainSeconds = (performance.now() - trainStart) / 1000;
await saveCurve();

// The model folder: config + F16 weights, reloaded and checked against the trained f32 model.
await writeGpt2Checkpoint(outDir, { config, parameters: result.parameters, dtype: 'F16' });
const saved = await reloadSaved(outDir, backend);
const savedLoss = await heldOutLoss(saved, heldOut, plan.batchSize);
const logitDiff = heldOut[0]
  ? await maxLogitDifference(result.fineTune.tuned, saved, heldOut[0].inputIds)
  : null;
const parameters = [...result.parameters.values()].reduce((n, p) => n + p.length, 0);
const tokensThisRun = result.tokensSeen - tokensAtResume;
const history = initFrom ? await inheritStages(initFrom, outDir) : [];
const summary: RunSummary = {
  name: values.name!,
  ...(initFrom ? { initFrom: values['init-from']!, previousStages: history } : {}),
  config,
  parameters,
  fileBytes: (await readFile(join(outDir, 'model.safetensors'))).byteLength,
  corpus: corpus.report,
  training: {
    blockSize: pack.blockSize,
    ...plan,
    steps: result.steps,
    stoppedBy: result.stoppedBy,
    tokensSeen: result.tokensSeen,
    epochs: result.tokensSeen / (train.length * pack.blockSize),
    seconds: trainSeconds,
    tokensPerSecond: tokensThisRun / trainSeconds,
    finalTrainLoss: result.finalTrainLoss,
    finalHeldOutLoss: result.finalHeldOutLoss,
    heldOutBlocks: heldOut.length,
    savedHeldOutLoss: savedLoss,
    maxLogitDifference: logitDiff,
  },
  hardware: {
    backend: values.backend!,
    adapter,
    cpu: `${cpus()[0]?.model ?? 'unknown'} x ${cpus().length}`,
    node: process.version,
  },
  command: values.command ?? `node scripts/pretrain/pretrain.ts ${process.argv.slice(2).join(' ')}`,
  date: new Date().toISOString(),
};
await writeFileAtomic(join(runDir, 'run.json'), `${JSON.stringify(summary, null, 2)}\n`);
await writeModelRunSummary(outDir, summary);
await writeFileAtomic(join(outDir, 'README.md'), modelCard(summary));
await writeFileAtomic(join(outDir, 'loss-curve.jsonl'), lossCurveJsonl(curve));
await writeFileAtomic(
  join(outDir, 'loss-curve.svg'),
  lossCurveSvg(curve, { title: `${values.name} pretraining loss` }),
);
log(JSON.stringify(summary.training));
log(`done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
if (values.backend !== 'cpu') {
  const { releaseDevice } = await import('@prefixkit/tensor/node');
  await releaseDevice();
}

/** Seconds per optimiser step, from a throwaway run of a few steps on the same model. */
async function calibrate(base: Gpt2Model): Promise<number> {
  const times: number[] = [];
  const probe = await pretrain({
    model: base,
    train,
    config: {
      batchSize: microBatch,
      gradientAccumulationSteps: accumulation,
      learningRate: 1e-4,
      warmupSteps: 0,
      maxSteps: 6,
      weightDecay: 0,
      seed: 0,
    },
    onPoint: (point) => times.push(point.seconds),
  });
  probe.fineTune.dispose();
  // Steps 3..6: shader compilation and first-use allocations happen in steps 1-2.
  return (times[5]! - times[1]!) / 4;
}
