// `prefixkit generate`: outputs of a GPT-2, plain or with a trained prefix/adapter, for one
// input, a file of inputs or a whole data set split, with every decoding option of
// @prefixkit/gpt2 (defaults: the paper's beam 5, newlines banned, 100 new tokens, min_length 5).
// One output per line, in input order; --json adds token ids and per-token log-probabilities.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { FileNotFoundError } from '@prefixkit/errors';
import type { PeftModel } from '@prefixkit/peft';
import { defineCommand } from '../command';
import { UsageError } from '../errors';
import type { DecodedOutput } from '../generate/decode-inputs';
import {
  decodingOptionsOf,
  type GenerateCliOptions,
  generateSchema,
} from '../generate/generate-options';

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
    if (!existsSync(path))
      throw new FileNotFoundError(path, 'Check --inputs (one input per line).');
    inputs = readFileSync(path, 'utf8').split('\n');
    if (inputs[inputs.length - 1] === '') inputs.pop();
  } else {
    const { readGroups } = await import('../data/task-data');
    const groups = await readGroups(
      { task: options.task!, data: options.data, cwd, env },
      options.split,
    );
    inputs = groups.map((group) => group.source);
  }
  return options.maxInputs === undefined ? inputs : inputs.slice(0, options.maxInputs);
}

export const generateCommand = defineCommand<GenerateCliOptions, GenerateResult>({
  name: 'generate',
  summary: 'Generate outputs with a GPT-2 and an optional trained prefix/adapter.',
  description: [
    'Inputs: --input TEXT, --inputs FILE (one per line) or --task NAME [--split test] (unique inputs in order).',
    'Each output is cut at the first <|endoftext|> and stripped; an empty one is written as "Error".',
    'Outputs go to --output FILE, else to stdout, one per line. --json: ids and log-probabilities too.',
  ].join('\n'),
  schema: generateSchema,
  examples: [
    'prefixkit generate --adapter runs/e2e-prefix/final --input "name : Aromi | Type : pub"',
    'prefixkit generate --adapter runs/e2e-prefix/final --task e2e --split test --output test.txt',
    'prefixkit generate --model gpt2 --template raw --input "Hello" --num-beams 1 --do-sample --top-p 0.9',
  ],
  async run(options, context) {
    const inputs = await readInputs(options, context.cwd, context.env);
    const { openBackend } = await import('../runtime/backend');
    const { loadModel } = await import('../runtime/load-model');
    const { loadGpt2Tokenizer } = await import('@prefixkit/gpt2');
    const { formatPrompt } = await import('@prefixkit/datasets');
    const { decodeInputs, plainDecoding } = await import('../generate/decode-inputs');
    const { tokenLogprobs } = await import('../generate/token-logprobs');
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
        const { loadPeftDirectory } = await import('@prefixkit/peft/node');
        peft = await loadPeftDirectory(loaded.model, resolve(context.cwd, options.adapter));
      }
      const forward = peft ?? loaded.model;
      const tokenizer = await loadGpt2Tokenizer();
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
      const outputPath = options.output ? resolve(context.cwd, options.output) : null;
      if (outputPath) {
        const { writeFileAtomically } = await import('@prefixkit/peft/node');
        await writeFileAtomically(outputPath, lines);
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
  },
});
