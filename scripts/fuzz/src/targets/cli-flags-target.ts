// CLI flags: real command lines of every command, mutated (tokens dropped, repeated, swapped,
// values replaced by edge values, flags of the command inserted with odd values, flag names
// misspelt, a mutated --config file added), parsed in this process exactly as the binary parses
// them (parseCommandLine: argv, config file, schema defaults; nothing is run). Accepted options
// must satisfy the command's schema. Every `spawnEvery`-th case whose command line is refused, or
// only asks for help, or is a quick command, also runs the real binary: its exit status must not
// be 1 (INTERNAL) and stderr must hold no stack trace.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findCommandIndex, parseCommandLine, runCli } from '../../../../apps/cli/src/cli';
import { commands } from '../../../../apps/cli/src/commands/index';
import { validatorFor } from '../../../../apps/cli/src/options/ajv';
import { toFlag } from '../../../../apps/cli/src/options/flag-names';
import { mutateBytes } from '../mutate-bytes';
import { mutateJson } from '../mutate-json';
import { type CaseResult, classifyThrown } from '../outcome';
import type { SeededRandom } from '../seeded-random';
import { type FuzzTarget, invalid, repoPath, valid } from './fuzz-target';

interface Context {
  folder: string;
  seeds: string[][];
  /** Run the real binary on every n-th case (0: never). */
  spawnEvery: number;
}

const edgeValues = [
  '',
  '-1',
  '0',
  '1',
  '1e309',
  '-1e309',
  'NaN',
  'Infinity',
  '9007199254740993',
  '1.5',
  '0x10',
  '--',
  '-',
  'true',
  'false',
  'null',
  '{"a":',
  '{}',
  '[]',
  '[1,"x"]',
  'é',
  '\u0000',
  ' ',
  '--json',
  '--help',
  'x'.repeat(3000),
  '../../../etc/passwd',
  'e2e',
  'prefix',
  'cpu',
  'bleu,nist,xyz',
];

const quickCommands = new Set(['evaluate', 'inspect']);

function seedCommandLines(folder: string): string[][] {
  const fixtures = repoPath('packages/metrics/fixtures/e2e/');
  const jsonl = join(folder, 'pairs.jsonl');
  writeFileSync(jsonl, '{"source": "name : Aromi", "target": "Aromi is a pub."}\n');
  const config = join(folder, 'train.json');
  writeFileSync(
    config,
    JSON.stringify({
      command: 'train',
      task: 'jsonl',
      data: jsonl,
      maxSteps: 2,
      learningRate: 0.01,
    }),
  );
  return [
    [
      'train',
      '--task',
      'jsonl',
      '--data',
      jsonl,
      '--max-steps',
      '1',
      '--batch-size',
      '2',
      '--prefix-length',
      '3',
      '--method-options',
      '{"midDim":8}',
      '--overlong',
      'drop',
      '--backend',
      'cpu',
    ],
    ['train', '--config', config, '--method', 'lora', '--learning-rate', '5e-5'],
    [
      'generate',
      '--input',
      'name : Aromi',
      '--num-beams',
      '1',
      '--max-new-tokens',
      '4',
      '--banned-token-ids',
      '198,628',
      '--backend',
      'cpu',
    ],
    [
      'evaluate',
      '--task',
      'e2e',
      '--hypotheses',
      `${fixtures}tgen.tsv`,
      '--references',
      `${fixtures}testset_w_refs.csv`,
      '--metrics',
      'bleu,nist',
      '--json',
    ],
    ['inspect', repoPath('packages/gpt2/test/fixtures/tiny/model.safetensors'), '--json'],
    ['serve', '--port', '0', '--host', '127.0.0.1', '--max-batch-size', '4'],
    ['download', '--dataset', 'e2e'],
    ['quickstart', '--eval-mrs', '5', '--backend', 'cpu'],
    ['doctor', '--limits', '--json'],
    ['--verbose', 'evaluate', '--help'],
  ];
}

function mutateArgv(
  argv: string[],
  random: SeededRandom,
  context: Context,
  index: number,
): string[] {
  const out = [...argv];
  const command = commands.find(
    (candidate) => candidate.name === argv.find((t) => !t.startsWith('-')),
  );
  const steps = 1 + random.int(3);
  for (let step = 0; step < steps; step++) {
    const at = random.int(out.length + 1);
    switch (random.int(7)) {
      case 0:
        out.splice(Math.min(at, out.length - 1), 1);
        break;
      case 1:
        if (out.length > 0) out.splice(at, 0, out[Math.min(at, out.length - 1)]!);
        break;
      case 2: {
        const other = random.int(out.length);
        if (at < out.length) [out[at], out[other]] = [out[other]!, out[at]!];
        break;
      }
      case 3:
        if (at < out.length) out[at] = random.pick(edgeValues);
        break;
      case 4: {
        if (!command) break;
        const keys = Object.keys(command.schema.properties);
        const flag = `--${random.chance(0.2) ? 'no-' : ''}${toFlag(random.pick(keys))}`;
        const value = random.pick(edgeValues);
        out.splice(
          at,
          0,
          ...(random.chance(0.5)
            ? [`${flag}=${value}`]
            : random.chance(0.5)
              ? [flag, value]
              : [flag]),
        );
        break;
      }
      case 5:
        if (at < out.length && out[at]!.startsWith('--') && out[at]!.length > 3) {
          const cut = 2 + random.int(out[at]!.length - 2);
          out[at] = out[at]!.slice(0, cut) + out[at]!.slice(cut + 1);
        }
        break;
      default: {
        const file = join(context.folder, `config-${index}-${step}.json`);
        const base = { command: command?.name ?? 'train', task: 'jsonl', maxSteps: 2, numBeams: 1 };
        const text = JSON.stringify(mutateJson(base, random));
        writeFileSync(
          file,
          random.chance(0.3) ? mutateBytes(new TextEncoder().encode(text), random) : text,
        );
        out.splice(at, 0, '--config', file);
      }
    }
  }
  return out;
}

/** Parses in this process; a root command line (no command) goes through runCli, which only prints. */
async function parseInProcess(
  argv: string[],
  folder: string,
): Promise<CaseResult & { help?: boolean; command?: string }> {
  const commandIndex = findCommandIndex(argv);
  if (commandIndex === -1) {
    const code = await runCli(argv, {
      stdout: () => {},
      stderr: () => {},
      env: {},
      cwd: folder,
      signals: { on: () => {}, off: () => {}, exit: () => {} },
    });
    return code === 1 ? invalid('root command line: exit 1') : valid;
  }
  const parsed = parseCommandLine(argv, commandIndex, folder);
  if (parsed.help) return { ...valid, help: true, command: parsed.command.name };
  const validate = validatorFor(parsed.command.schema);
  if (!validate(structuredClone(parsed.options)))
    return invalid(
      `${parsed.command.name}: resolved options fail the schema: ${JSON.stringify(validate.errors?.[0])}`,
    );
  return { ...valid, command: parsed.command.name };
}

function runBinary(argv: string[], folder: string): Promise<CaseResult> {
  const entry = repoPath('apps/cli/scripts/prefixkit-source.mjs');
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [entry, ...argv],
      {
        cwd: folder,
        timeout: 90_000,
        maxBuffer: 16 * 1024 * 1024,
        env: { ...process.env, PREFIXKIT_BACKEND: 'cpu', HF_HUB_OFFLINE: '1', INIT_CWD: undefined },
      },
      (error, _stdout, stderr) => {
        if (error?.killed)
          return resolve({
            outcome: 'hang',
            problem: `binary: no exit in 90 s: ${argv.join(' ').slice(0, 200)}`,
          });
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        // --verbose asks for the stack trace; without it, one is a crash that leaked through.
        const trace = !argv.includes('--verbose') && /\n\s+at .*:\d+:\d+/.test(stderr);
        if (code === 1 || trace)
          return resolve({
            outcome: 'crash',
            problem: `binary exit ${code}: ${stderr.slice(0, 300)}`,
          });
        resolve(code === 0 ? valid : { outcome: 'typed' });
      },
    );
  });
}

export const cliFlagsTarget: FuzzTarget<Context> = {
  name: 'cli-flags',
  description: 'CLI flags and --config files (in-process parsing, some real binary runs)',
  async prepare() {
    const folder = mkdtempSync(join(tmpdir(), 'prefixkit-fuzz-cli-'));
    const spawnEvery = Number(process.env.PREFIXKIT_FUZZ_SPAWN_EVERY ?? 0);
    return { folder, seeds: seedCommandLines(folder), spawnEvery };
  },
  async run(context, random, index) {
    const argv = mutateArgv(random.pick(context.seeds), random, context, index);
    let result: CaseResult & { help?: boolean; command?: string };
    try {
      result = await parseInProcess(argv, context.folder);
    } catch (error) {
      const thrown = classifyThrown(error);
      if (thrown.outcome === 'crash') throw error;
      result = thrown;
    }
    const spawn =
      context.spawnEvery > 0 &&
      index % context.spawnEvery === 0 &&
      (result.outcome === 'typed' || result.help || quickCommands.has(result.command ?? ''));
    if (!spawn || result.outcome === 'invalid') return result;
    const binary = await runBinary(argv, context.folder);
    return binary.outcome === 'valid' || binary.outcome === 'typed' ? result : binary;
  },
};
