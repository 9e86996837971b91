// Runs a fuzzer's cases in a child process under a watchdog: a case that gives no answer within
// `hangSeconds` is a hang; the child is killed and a fresh one resumes at the next case (every
// case has its own seeded random stream, so nothing depends on the killed process).
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { type CaseOutcome, emptyCounts, type Finding, type FuzzCounts } from './outcome';
import type { FuzzTargetName } from './targets/index';

export interface FuzzPassOptions {
  target: FuzzTargetName;
  seed: number;
  cases: number;
  /** Seconds a case may take before it counts as a hang (default 30). */
  hangSeconds?: number;
  /** Seconds the target's setup may take (default 180). */
  setupSeconds?: number;
  /** The cli-flags fuzzer runs the real binary on every n-th case (default 0: never). */
  spawnEvery?: number;
  /** Called after each case (progress). */
  onCase?: (done: number, total: number) => void;
}

const launcher = fileURLToPath(new URL('./launch-worker.mjs', import.meta.url));

/** Runs cases [from, to) in one child; resolves with the next case to run (to when done). */
function runChild(options: FuzzPassOptions, from: number, result: FuzzCounts): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [launcher, options.target, String(options.seed), String(from), String(options.cases)],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, PREFIXKIT_FUZZ_SPAWN_EVERY: String(options.spawnEvery ?? 0) },
      },
    );
    let next = from;
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    let hung = false;
    const arm = (seconds: number) => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        hung = true;
        child.kill('SIGKILL');
      }, seconds * 1000);
    };
    arm(options.setupSeconds ?? 180);
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4000);
    });
    createInterface({ input: child.stdout }).on('line', (line) => {
      let message: { ready?: boolean; case?: number; outcome?: CaseOutcome; detail?: string };
      try {
        message = JSON.parse(line);
      } catch {
        return; // a stray line from code under test
      }
      if (message.case !== undefined && message.outcome !== undefined) {
        record(result, { case: message.case, outcome: message.outcome, detail: message.detail });
        next = message.case + 1;
        options.onCase?.(next, options.cases);
      }
      arm(options.hangSeconds ?? 30);
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (hung) {
        if (
          next === from &&
          result.counts.typed + result.counts.valid === 0 &&
          from === 0 &&
          stderr
        )
          return reject(new Error(`fuzz worker ${options.target} did not start: ${stderr}`));
        record(result, {
          case: next,
          outcome: 'hang',
          detail: `no answer in ${options.hangSeconds ?? 30} s`,
        });
        options.onCase?.(next + 1, options.cases);
        return resolve(next + 1);
      }
      if (code !== 0 && next < options.cases) {
        // The worker died inside a case (out of memory, a native crash): that case crashed.
        record(result, {
          case: next,
          outcome: 'crash',
          detail: `worker exited ${code}: ${stderr.slice(-400)}`,
        });
        return resolve(next + 1);
      }
      resolve(options.cases);
    });
  });
}

function record(
  result: FuzzCounts,
  entry: { case: number; outcome: CaseOutcome; detail?: string | undefined },
) {
  result.counts[entry.outcome]++;
  if (entry.outcome === 'typed' || entry.outcome === 'valid') return;
  const detail = entry.detail ?? '';
  if (result.findings.length < 20 && !result.findings.some((finding) => finding.detail === detail))
    result.findings.push({ case: entry.case, outcome: entry.outcome, detail } as Finding);
}

/** Runs `cases` cases of one fuzzer and tallies their outcomes. */
export async function runFuzzPass(options: FuzzPassOptions): Promise<FuzzCounts> {
  const result: FuzzCounts = {
    target: options.target,
    seed: options.seed,
    cases: options.cases,
    counts: emptyCounts(),
    findings: [],
  };
  let next = 0;
  while (next < options.cases) next = await runChild(options, next, result);
  return result;
}
