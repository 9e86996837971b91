// The code of `prefixkit generate`, loaded only when the command runs: reading the inputs, the
// model and optional adapter, decoding, and writing the outputs.
import { resolve } from 'node:path';
import { formatPrompt } from '@prefixkit/datasets';
import { checkOutputFile, writeFileAtomic } from '@prefixkit/errors/node';
import type { PeftModel } from '@prefixkit/peft';
import { loadPeftDirectory } from '@prefixkit/peft/node';
import type { CommandRun } from '../command';
import { readGroups } from '../data/read-task-data';
import { readUtf8File } from '../data/read-utf8-file';
import { UsageError } from '../errors';
import type { DecodedOutput } from '../generate/decode-inputs';
import { decodeInputs, plainDecoding } from '../generate/decode-inputs';
import { decodingOptionsOf, type GenerateCliOptions } from '../generate/generate-options';
import { tokenLogprobs } from '../generate/token-logprobs';
import { selectInputs } from '../input-selection';
import { modelInput, pathInput, refuseOutputOverInputs } from '../output-target';
import { loadModel, loadModelTokenizer } from '../runtime/load-model';
import { openBackend } from '../runtime/open-backend';

export interface GenerateResult {
  model: string;
  adapter: string | null;
  method: string | null;
  backend: string;
  decoding: Record<string, unknown>;
  seconds: number;
  output: string | null;
  outputs: (DecodedOutput & { tokenLogprobs?: number[] })[];
}

async function readInputs(options: GenerateCliOptions, cwd: string, env: NodeJS.ProcessEnv) {
  const given = [options.input, options.inputs, options.task].filter((v) => v !== undefined);
  if (given.length !== 1)
    throw new UsageError(
      given.length === 0 ? 'CLI_MISSING_OPTION' : 'CLI_BAD_OPTION_VALUE',
      'give exactly one of --input TEXT, --inputs FILE or --task NAME (a whole split)',
    );
  let inputs: string[];
  if (options.input !== undefined) inputs = [options.input];
  else if (options.inputs !== undefined) {
    const path = resolve(cwd, options.inputs);
    inputs = readUtf8File(path, 'Check --inputs (one input per line).').split('\n');
    if (inputs[inputs.length - 1] === '') inputs.pop();
  } else {
    const groups = await readGroups(
      { task: options.task!, data: options.data, cwd, env },
      options.split,
    );
    inputs = groups.map((group) => group.source);
  }
  return selectInputs(inputs, options);
}

export const generateRun: CommandRun<GenerateCliOptions, GenerateResult> = async (
  options,
  context,
) => {
  const inputs = await readInputs(options, context.cwd, context.env);
  const outputPath = options.output ? resolve(context.cwd, options.output) : null;
  // A bad --output fails now, not after the decoding.
  if (outputPath) {
    refuseOutputOverInputs({ flag: '--output', path: outputPath }, [
      ...pathInput('--inputs', options.inputs, context.cwd),
      ...pathInput('--adapter', options.adapter, context.cwd),
      ...pathInput('--data', options.data, context.cwd),
      ...modelInput(options.model, context.cwd),
    ]);
    await checkOutputFile(outputPath);
  }
  const started = performance.now();
  const opened = await openBackend(options.backend, context.env);
  try {
    const loaded = await loadModel(options.model, {
      backend: opened.backend,
      cwd: context.cwd,
      env: context.env,
    });
    let peft: PeftModel | undefined;
    if (options.adapter) {
      peft = await loadPeftDirectory(loaded.model, resolve(context.cwd, options.adapter));
    }
    const forward = peft ?? loaded.model;
    const tokenizer = await loadModelTokenizer(loaded);
    const decoding = decodingOptionsOf(options);
    const decoder = peft ? peft.decoding() : plainDecoding(loaded.model);
    const decoded = await decodeInputs({
      decoder,
      tokenizer,
      inputs,
      prompt: (input) => (options.template === 'raw' ? input : formatPrompt(input)),
      decoding,
      batchSize: options.batchSize,
      signal: context.interrupt.signal,
      onBatch: (done, total) => {
        if (total > options.batchSize)
          context.progress(`generated ${done}/${total}`, done === total);
      },
    }).finally(() => decoder.dispose());
    const outputs: GenerateResult['outputs'] = [];
    for (const output of decoded) {
      outputs.push(
        context.json
          ? {
              ...output,
              tokenLogprobs: await tokenLogprobs(
                (ids) => forward.forward(ids),
                output.promptIds,
                output.generatedIds,
              ),
            }
          : output,
      );
    }
    const lines = outputs.map((output) => `${output.text}\n`).join('');
    if (outputPath) {
      await writeFileAtomic(outputPath, lines);
    } else if (!context.json) context.stdout(lines);
    const seconds = (performance.now() - started) / 1000;
    const result: GenerateResult = {
      model: loaded.name,
      adapter: options.adapter ?? null,
      method: peft?.method ?? null,
      backend: opened.name,
      decoding,
      seconds,
      output: outputPath,
      outputs,
    };
    const text = `generated ${outputs.length} output${outputs.length === 1 ? '' : 's'} with ${loaded.name}${peft ? ` + ${peft.method} (${options.adapter})` : ''} on ${opened.name} in ${seconds.toFixed(1)} s${outputPath ? ` -> ${outputPath}` : ''}\n`;
    return { value: result, text };
  } finally {
    await opened.release();
  }
};
