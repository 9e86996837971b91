#!/usr/bin/env node
// Kill-and-resume check of `prefixkit train`: on each backend, trains a tiny GPT-2 once without
// interruption (the reference), then run after run, each killed 1 to 3 times at seeded random
// moments with SIGKILL (kill -9) or SIGTERM and resumed after every kill, then left to finish. Every
// completed run must end with the reference's adapter bytes (final/adapter_model.safetensors)
// and its loss log. A kill that leaves no checkpoint yet (during start-up or the first step) is
// followed by a fresh start with --overwrite, after checking once that --resume says so.
//
//   node scripts/reliability/kill-and-resume.mjs [--seed 1] [--backends cpu,webgpu]
//     [--kills 10] [--terms 3] [--steps 8] [--checkpoint-every 1] [--early 0.2] [--keep] [--verbose]
//
// --kills / --terms are per backend. --early is the share of kills aimed at start-up (before the
// first step) rather than at training. Prints a JSON summary on stdout; exits 1 on any mismatch.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const cliDir = fileURLToPath(new URL('../../apps/cli/', import.meta.url));
const prefixkit = join(cliDir, 'scripts', 'prefixkit-source.mjs');

const { values: flags } = parseArgs({
  options: {
    seed: { type: 'string', default: '1' },
    backends: { type: 'string', default: 'cpu,webgpu' },
    kills: { type: 'string', default: '10' },
    terms: { type: 'string', default: '3' },
    steps: { type: 'string', default: '8' },
    'checkpoint-every': { type: 'string', default: '1' },
    early: { type: 'string', default: '0.2' },
    keep: { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
  },
});

/** mulberry32: a small seeded generator, so a failing schedule can be replayed. */
function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = seededRandom(Number(flags.seed));
const shuffle = (items) => {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
};

/** The tiny model and data of the CLI tests, written through tsx from their TypeScript. */
async function writeFixtures(folder) {
  const require = createRequire(join(cliDir, 'package.json'));
  const { register } = await import(pathToFileURL(require.resolve('tsx/esm/api')).href);
  register({ tsconfig: join(cliDir, 'tsconfig.source.json') });
  const { writeJsonl, writeTinyGpt2 } = await import(
    pathToFileURL(join(cliDir, 'test', 'tiny-gpt2.ts')).href
  );
  return { model: await writeTinyGpt2(), data: writeJsonl(folder, 'pairs.jsonl') };
}

/**
 * Runs prefixkit with `args`. `kill` = { signal, after: 'spawn' | 'training', delayMs }: the
 * signal is sent delayMs after the process starts, or after it prints that training (re)starts.
 */
function runPrefixkit(args, kill) {
  const started = performance.now();
  const child = spawn(process.execPath, [prefixkit, ...args], {
    cwd: cliDir,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  let timer;
  let sent = false;
  let trainingAt;
  const send = () => {
    timer = setTimeout(() => {
      sent = child.kill(kill.signal);
    }, kill.delayMs);
  };
  if (kill?.after === 'spawn') send();
  child.stderr.on('data', (chunk) => {
    stderr += chunk.toString();
    // The line printed once data and model are loaded, just before the first step.
    const training = /^(training|resuming) \S+ on .* trainable of /m;
    if (trainingAt === undefined && training.test(stderr)) {
      trainingAt = (performance.now() - started) / 1000;
      if (kill?.after === 'training') send();
    }
  });
  return new Promise((resolve) => {
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({
        code,
        signal,
        sent,
        stderr,
        seconds: (performance.now() - started) / 1000,
        trainingAt,
      });
    });
  });
}

const read = (path) => (existsSync(path) ? readFileSync(path) : undefined);
const adapterBytes = (run) => read(join(run, 'final', 'adapter_model.safetensors'));
const latestStep = (run) => {
  const latest = read(join(run, 'checkpoints', 'latest'));
  return latest === undefined ? undefined : Number(/step-(\d+)/.exec(latest.toString())?.[1]);
};
/** The log's step records without the timing field: equal for equal runs. */
const losses = (run) =>
  (read(join(run, 'log.jsonl'))?.toString() ?? '')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const { tokensPerSecond: _timing, ...rest } = JSON.parse(line);
      return JSON.stringify(rest);
    })
    .join('\n');

async function checkBackend(backend, fixtures, folder) {
  const steps = Number(flags.steps);
  const trainArgs = (run) => [
    'train',
    '--task',
    'jsonl',
    '--data',
    fixtures.data,
    '--model',
    fixtures.model,
    '--backend',
    backend,
    '--batch-size',
    '2',
    '--prefix-length',
    '2',
    '--method-options',
    '{"midDim":4}',
    '--max-steps',
    String(steps),
    '--checkpoint-every',
    flags['checkpoint-every'],
    '--output',
    run,
  ];
  const reference = join(folder, `${backend}-reference`);
  const straight = await runPrefixkit(trainArgs(reference));
  if (straight.code !== 0) throw new Error(`${backend} reference run failed:\n${straight.stderr}`);
  // Start-up: until the line printed once data and model are loaded; then the steps and saves.
  const startup = straight.trainingAt ?? straight.seconds / 2;
  const perStep = (straight.seconds - startup) / steps;
  const expected = { bytes: adapterBytes(reference), log: losses(reference) };
  const stats = {
    backend,
    referenceSeconds: Number(straight.seconds.toFixed(1)),
    kills: 0,
    terms: 0,
    termsWithCheckpoint: 0,
    termsAfterLastStep: 0,
    resumes: 0,
    restartsWithoutCheckpoint: 0,
    runs: 0,
    identicalAdapters: 0,
    identicalLogs: 0,
    failures: [],
  };
  const budget = shuffle([
    ...Array(Number(flags.kills)).fill('SIGKILL'),
    ...Array(Number(flags.terms)).fill('SIGTERM'),
  ]);
  let checkedNoCheckpoint = false;
  for (let chain = 0; budget.length > 0; chain++) {
    const run = join(folder, `${backend}-run-${chain}`);
    let args = trainArgs(run);
    // Each run is killed 1 to 3 times, then left to finish and compared.
    let killsLeft = 1 + Math.floor(random() * 3);
    for (;;) {
      const signal = killsLeft-- > 0 ? budget.shift() : undefined;
      const remaining = steps - (latestStep(run) ?? 0);
      // Uniform over start-up, or over the remaining steps (until the final save).
      const kill =
        signal === undefined
          ? undefined
          : random() < Number(flags.early)
            ? { signal, after: 'spawn', delayMs: random() * startup * 1000 }
            : { signal, after: 'training', delayMs: random() * perStep * remaining * 1000 };
      const result = await runPrefixkit(args, kill);
      if (flags.verbose)
        process.stderr.write(
          `${backend} ${args.includes('--resume') ? 'resume' : 'start'}: ${kill ? `${kill.signal} ${(kill.delayMs / 1000).toFixed(2)} s after ${kill.after}${result.sent ? '' : ' (not sent)'}` : 'no signal'} -> ${result.signal ?? `exit ${result.code}`}, checkpoint ${latestStep(run) ?? 'none'}: ${result.stderr.trim().split('\n').at(-1)}\n`,
        );
      if (result.code === 0) {
        // Finished before the signal was sent (or none was planned): that signal is still owed.
        // A SIGTERM after the last step lets the run finish: exit 0 is right.
        if (signal === 'SIGTERM' && result.sent) stats.termsAfterLastStep++;
        else if (signal !== undefined) budget.unshift(signal);
        break;
      }
      if (signal === 'SIGKILL' && result.signal === 'SIGKILL') stats.kills++;
      else if (signal === 'SIGKILL' && result.sent) {
        stats.failures.push({ run, args, signal, code: result.code, stderr: result.stderr });
        break;
      } else if (signal === 'SIGTERM' && (result.code === 143 || result.signal === 'SIGTERM')) {
        stats.terms++;
        if (/checkpoint saved in/.test(result.stderr)) stats.termsWithCheckpoint++;
      } else {
        stats.failures.push({ run, args, signal, code: result.code, stderr: result.stderr });
        break;
      }
      if (latestStep(run) === undefined) {
        if (!checkedNoCheckpoint) {
          // Resume must say plainly that there is nothing to resume (exit 4), not fail inside.
          const resume = await runPrefixkit(['train', '--output', run, '--resume']);
          if (resume.code !== 4 || !/CHECKPOINT_NOT_FOUND|FILE_NOT_FOUND/.test(resume.stderr))
            stats.failures.push({ run, what: 'resume without a checkpoint', ...resume });
          checkedNoCheckpoint = true;
        }
        stats.restartsWithoutCheckpoint++;
        args = [...trainArgs(run), '--overwrite'];
      } else {
        stats.resumes++;
        args = ['train', '--output', run, '--resume'];
      }
    }
    if (!existsSync(join(run, 'final'))) continue;
    stats.runs++;
    if (adapterBytes(run)?.equals(expected.bytes)) stats.identicalAdapters++;
    else stats.failures.push({ run, what: 'adapter bytes differ from the reference' });
    if (losses(run) === expected.log) stats.identicalLogs++;
    else stats.failures.push({ run, what: 'log differs from the reference' });
    const leftovers = readdirSync(join(run, 'checkpoints')).filter((name) => name.endsWith('.tmp'));
    if (leftovers.length > 0) stats.failures.push({ run, what: `temporaries left: ${leftovers}` });
  }
  return stats;
}

const started = performance.now();
const folder = mkdtempSync(join(tmpdir(), 'prefixkit-kill-and-resume-'));
const fixtures = await writeFixtures(folder);
const results = [];
for (const backend of flags.backends.split(',')) {
  const stats = await checkBackend(backend, fixtures, folder);
  process.stderr.write(
    `${backend}: ${stats.kills} kill -9, ${stats.terms + stats.termsAfterLastStep} SIGTERM (${stats.termsWithCheckpoint} stopped with a checkpoint, ${stats.termsAfterLastStep} after the last step), ${stats.resumes} resumes, ${stats.restartsWithoutCheckpoint} restarts without a checkpoint; ${stats.identicalAdapters}/${stats.runs} runs with the reference's adapter bytes, ${stats.identicalLogs}/${stats.runs} with its log; ${stats.failures.length} failures\n`,
  );
  results.push(stats);
}
const seconds = (performance.now() - started) / 1000;
console.log(JSON.stringify({ seed: Number(flags.seed), seconds, results }, null, 2));
if (flags.keep) process.stderr.write(`kept ${folder}\n`);
else rmSync(folder, { recursive: true, force: true });
rmSync(fixtures.model, { recursive: true, force: true });
process.exit(results.every((stats) => stats.failures.length === 0) ? 0 : 1);
