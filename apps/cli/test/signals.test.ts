// SIGTERM and SIGINT sent to the real `prefixkit train` process on the CPU backend (which
// computes synchronously, so the trainer must yield to the event loop for the signal handler to
// run): it stops at the next step boundary, checkpoints, exits 143 / 130, and --resume ends with
// the bytes of an uninterrupted run.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliDir, runPrefixkit } from './run-cli';
import { tinyTrainArgs, writeJsonl, writeTinyGpt2 } from './tiny-gpt2';

let model: string;
let root: string;
let data: string;
const totalSteps = 40;

beforeAll(async () => {
  model = await writeTinyGpt2();
  root = mkdtempSync(join(tmpdir(), 'prefixkit-signals-'));
  data = writeJsonl(root, 'pairs.jsonl');
});

const args = (run: string) => [
  ...tinyTrainArgs(model, { data, batchSize: 2, prefixLength: 2, midDim: 4 }),
  '--max-steps',
  String(totalSteps),
  '--output',
  run,
];

/** Starts training, sends `signal` once a progress line for step >= 2 appears, waits for exit. */
function trainAndSignal(
  run: string,
  signal: 'SIGTERM' | 'SIGINT',
): Promise<{ code: number | null; stderr: string; signalledAfterStep: number }> {
  const child = spawn(
    process.execPath,
    [join(cliDir, 'scripts', 'prefixkit-source.mjs'), ...args(run)],
    {
      cwd: cliDir,
      env: { ...process.env, INIT_CWD: undefined },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  let signalledAfterStep = -1;
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    const steps = [...stderr.matchAll(/^step\s+(\d+)\//gm)].map((match) => Number(match[1]));
    const step = steps.reduce((highest, value) => Math.max(highest, value), 0);
    if (signalledAfterStep === -1 && step >= 2) {
      signalledAfterStep = step;
      child.kill(signal);
    }
  });
  return new Promise((resolve) => {
    child.on('close', (code) => resolve({ code, stderr, signalledAfterStep }));
  });
}

const finalBytes = (run: string) => readFileSync(join(run, 'final', 'adapter_model.safetensors'));

describe('signals during prefixkit train (CPU backend, real process)', () => {
  it('SIGTERM stops at the next step with a checkpoint (exit 143); --resume ends identical', async () => {
    const straight = join(root, 'straight');
    expect((await runPrefixkit(args(straight))).code).toBe(0);
    const run = join(root, 'terminated');
    const stopped = await trainAndSignal(run, 'SIGTERM');
    expect(stopped.code, stopped.stderr).toBe(143);
    const at =
      /terminated \(SIGTERM\) at step (\d+) of 40; checkpoint saved in (\S+)\. Continue with: prefixkit train --output \S+ --resume \[CLI_TERMINATED, exit 143\]/.exec(
        stopped.stderr,
      );
    expect(at, stopped.stderr).not.toBeNull();
    const step = Number(at![1]);
    expect(step).toBeGreaterThanOrEqual(stopped.signalledAfterStep);
    expect(step).toBeLessThan(totalSteps);
    expect(at![2]).toBe(join(run, 'checkpoints', `step-${step}`));
    expect(readFileSync(join(run, 'checkpoints', 'latest'), 'utf8')).toBe(`step-${step}\n`);
    expect(existsSync(join(run, 'final'))).toBe(false);
    const resumed = await runPrefixkit(['train', '--output', run, '--resume', '--json']);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(JSON.parse(resumed.stdout).result).toMatchObject({ steps: 40, stoppedBy: 'completed' });
    expect(finalBytes(run).equals(finalBytes(straight))).toBe(true);
  });

  it('Ctrl-C (SIGINT) stops the same way with exit 130', async () => {
    const run = join(root, 'interrupted');
    const stopped = await trainAndSignal(run, 'SIGINT');
    expect(stopped.code, stopped.stderr).toBe(130);
    expect(stopped.stderr).toContain(
      'interrupted: stopping after the current step (Ctrl-C again to quit now)',
    );
    const at = /interrupted at step (\d+) of 40; .* \[CLI_INTERRUPTED, exit 130\]/.exec(
      stopped.stderr,
    );
    expect(at, stopped.stderr).not.toBeNull();
    expect(Number(at![1])).toBeLessThan(totalSteps);
    expect(existsSync(join(run, 'final'))).toBe(false);
  });
});
