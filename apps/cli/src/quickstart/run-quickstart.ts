// The quickstart (the README's first command): on the embedded default model, prefix-tune on
// the shipped E2E sample, decode held-out dev MRs with beam search, score them with the five E2E
// metrics, and compare with the same model without a prefix, as the paper's tables do.
import { join, resolve } from 'node:path';
import * as datasets from '@prefixkit/datasets';
import {
  formatPrompt,
  paperDecoding,
  type ReferenceGroup,
  type TextPair,
  tokenizeTrainingExample,
} from '@prefixkit/datasets';
import { createFolderSource } from '@prefixkit/datasets/node';
import type { Gpt2Model } from '@prefixkit/gpt2';
import { scoreTask } from '@prefixkit/metrics';
import { loadMeteorResources } from '@prefixkit/metrics/node';
import type { PeftModel } from '@prefixkit/peft';
import * as peftPackage from '@prefixkit/peft';
import type { CommandContext } from '../command';
import { decodeInputs, plainDecoding } from '../generate/decode-inputs';
import { checkOutputFolder, modelInput, refuseOutputOverInputs } from '../output-target';
import { repoRootGuess } from '../paths';
import { defaultModelDir, loadModel, loadModelTokenizer } from '../runtime/load-model';
import { openBackend } from '../runtime/open-backend';
import { formatProgress, shouldReport } from '../runtime/progress-bar';
import { heldOutLoss } from './held-out-loss';
import { createMethod, type MethodRun, methodRuns, prefixLengthFor } from './method-runs';
import type { QuickstartOptions } from './quickstart-options';
import type { QuickstartResult, QuickstartRow } from './quickstart-result';
import { loadShippedPrefix } from './shipped-prefix';
import { writeOutputs } from './write-outputs';

export const sampleDir = join(repoRootGuess, 'packages', 'datasets', 'fixtures', 'e2e');

async function readSample(evalMrs: number) {
  const source = createFolderSource(sampleDir);
  const train: TextPair[] = [];
  for await (const pair of datasets.e2eTrainingPairs(datasets.readE2ESplit(source, 'train')))
    train.push(pair);
  const groups = (await datasets.e2eReferenceGroups(datasets.readE2ESplit(source, 'dev'))).slice(
    0,
    evalMrs,
  );
  return { train, groups };
}

async function scoreOutputs(outputs: string[], groups: ReferenceGroup[]) {
  return scoreTask(
    'e2e',
    { hypotheses: outputs, references: groups.map((group) => group.references) },
    { meteor: loadMeteorResources() },
  );
}

/** Runs the whole quickstart; progress on stderr through `context`. */
export async function runQuickstart(
  options: QuickstartOptions,
  context: CommandContext,
): Promise<QuickstartResult> {
  const started = performance.now();
  // A bad --output fails now, not after minutes of training.
  if (options.output) {
    const output = resolve(context.cwd, options.output);
    checkOutputFolder('--output', output);
    refuseOutputOverInputs({ flag: '--output', path: output }, [
      ...modelInput(options.model ?? defaultModelDir, context.cwd),
      { flag: 'the E2E sample', path: sampleDir },
    ]);
  }
  const signal = context.interrupt.signal;
  const removeHandler = context.interrupt.onInterrupt(() => {});
  const opened = await openBackend(options.backend, context.env);
  try {
    const { train, groups } = await readSample(options.evalMrs);
    context.log(
      `E2E sample (${sampleDir}): ${train.length} training pairs; ${groups.length} held-out dev MRs with ${groups.reduce((n, g) => n + g.references.length, 0)} references`,
    );

    // 1. The model: --model, else the embedded one (models/prefixkit-tiny ships with the repository).
    const modelStart = performance.now();
    const loaded = await loadModel(options.model ?? defaultModelDir, {
      backend: opened.backend,
      cwd: context.cwd,
      env: context.env,
    });
    const model: Gpt2Model = loaded.model;
    const tokenizer = await loadModelTokenizer(loaded);
    const kind: QuickstartResult['model']['kind'] = options.model ? 'given' : 'embedded';
    const name = options.model ? loaded.name : 'prefixkit-tiny';
    context.log(`model ${name} (${opened.name}, ${opened.reason})`);
    const modelSeconds = (performance.now() - modelStart) / 1000;
    const baseParameters = peftPackage.baseParameterCount(model.config);

    // 2. Held-out data: the eval MRs' references as training-format examples (for the loss).
    const encodeText = (text: string) => tokenizer.encode(text);
    const prefixLength = prefixLengthFor(options, encodeText);
    const runs = methodRuns(options, encodeText);
    const blockSize = Math.min(1024, model.config.n_positions - prefixLength);
    const encode = (pair: TextPair) => tokenizeTrainingExample(tokenizer, pair, { blockSize });
    const devExamples = groups.flatMap((group) =>
      group.references.map((target) => encode({ source: group.source, target })),
    );
    const decoding = {
      numBeams: options.numBeams,
      maxNewTokens: options.maxNewTokens,
      // min_new_tokens, not HF's min_length (which counts the prompt, so never binds here).
      ...paperDecoding(options.maxNewTokens),
      noRepeatNgramSize: options.noRepeatNgramSize,
    };
    const generateFor = async (peft: PeftModel | undefined, label: string) => {
      const decoder = peft ? peft.decoding() : plainDecoding(model);
      const outputs = await decodeInputs({
        decoder,
        tokenizer,
        inputs: groups.map((group) => group.source),
        prompt: (source) => formatPrompt(source),
        decoding,
        batchSize: 10,
        signal,
        onBatch: (done, total) =>
          context.progress(`${label}: generated ${done}/${total}`, done === total),
      }).finally(() => decoder.dispose());
      return outputs.map((output) => output.text);
    };
    let signatures: Record<string, string> = {};
    // The same held-out loss, decoding and scoring for every row.
    const evaluate = async (peft: PeftModel | undefined, label: string) => {
      const devLoss = await heldOutLoss((ids, o) => (peft ?? model).forward(ids, o), devExamples);
      const outputs = await generateFor(peft, label);
      const scored = await scoreOutputs(outputs, groups);
      signatures = Object.fromEntries(
        Object.entries(scored).map(([metric, score]) => [metric, score!.signature]),
      );
      const scores = Object.fromEntries(
        Object.entries(scored).map(([metric, score]) => [metric, score!.score]),
      );
      return { devLoss, outputs, scores };
    };
    const shown = name;

    // 3. The model without a prefix.
    const baseStart = performance.now();
    const rows: QuickstartRow[] = [
      {
        name: `${shown}, no prefix`,
        method: 'none',
        trainableParameters: 0,
        percentOfBase: 0,
        ...(await evaluate(undefined, 'no prefix')),
        seconds: (performance.now() - baseStart) / 1000,
      },
    ];
    const trainedModels: { run: MethodRun; peft: PeftModel }[] = [];

    // 4. Each method, trained on the sample the same way, then the same loss, decoding, scoring.
    const trainData = train.map(encode);
    for (const run of runs) {
      const tuneStart = performance.now();
      const peft = await createMethod(model, run, { seed: options.seed, encode: encodeText });
      const trainer = new peftPackage.Trainer(peft, {
        config: {
          learningRate: run.learningRate,
          warmupSteps: options.warmupSteps,
          epochs: options.epochs,
          ...(options.maxSteps ? { maxSteps: options.maxSteps } : {}),
          batchSize: options.batchSize,
          seed: options.seed,
        },
        train: trainData,
        signal,
        onProgress: (event) => {
          if (shouldReport(event.step, event.totalSteps))
            context.progress(
              `${run.method === 'prefix' ? 'prefix-tuning' : run.label} ${formatProgress(event)}`,
              event.step >= event.totalSteps,
            );
        },
      });
      const trained = await trainer.train();
      if (trained.stoppedBy === 'aborted') context.interrupt.throwIfInterrupted();
      const evaluated = await evaluate(peft, run.method === 'prefix' ? 'prefix-tuned' : run.label);
      const trainable = peft.parameters.count();
      rows.push({
        name: `${shown} + ${run.label}`,
        method: run.method,
        learningRate: run.learningRate,
        steps: trainer.step,
        trainableParameters: trainable,
        percentOfBase: (100 * trainable) / baseParameters,
        ...evaluated,
        seconds: (performance.now() - tuneStart) / 1000,
      });
      trainedModels.push({ run, peft });
    }

    // 5. The prefix shipped with the embedded model (trained on the full E2E training set).
    const shippedStart = performance.now();
    const shipped =
      kind === 'embedded' && options.shippedPrefix ? await loadShippedPrefix(model) : undefined;
    if (shipped) {
      const trainable = shipped.peft.parameters.count();
      rows.push({
        name: `${shown} + shipped prefix (full E2E)`,
        method: 'shipped-prefix',
        learningRate: shipped.training.learningRate,
        steps: shipped.training.steps,
        trainableParameters: trainable,
        percentOfBase: (100 * trainable) / baseParameters,
        ...(await evaluate(shipped.peft, 'shipped prefix')),
        seconds: (performance.now() - shippedStart) / 1000,
      });
    }

    const first = rows[1]!;
    const result: QuickstartResult = {
      model: { name, kind, parameters: baseParameters, seconds: modelSeconds },
      backend: opened.name,
      data: {
        train: train.length,
        evalMrs: groups.length,
        evalReferences: devExamples.length,
        source: 'packages/datasets/fixtures/e2e (trainset.csv, devset.csv)',
      },
      decoding,
      training: {
        steps: first.steps ?? 0,
        epochs: options.epochs,
        batchSize: options.batchSize,
        learningRate: first.learningRate ?? options.learningRate,
        warmupSteps: options.warmupSteps,
        method: runs[0]!.method === 'prefix' ? options.prefixMethod : runs[0]!.method,
        ...(runs[0]!.method === 'prefix'
          ? { prefixLength, ...(options.initWords ? { initWords: options.initWords } : {}) }
          : {}),
      },
      rows,
      ...(shipped
        ? { shippedPrefix: { directory: shipped.directory, training: shipped.training } }
        : {}),
      signatures,
      seconds: (performance.now() - started) / 1000,
    };
    if (options.output)
      await writeOutputs(resolve(context.cwd, options.output), result, trainedModels, name);
    return result;
  } finally {
    removeHandler();
    await opened.release();
  }
}
