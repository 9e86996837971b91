// Runs `prefixkit <command> ...` in a child process: the CLI from its sources (as `pnpm
// prefixkit` runs it), or PREFIXKIT_CLI_ENTRY=dist for the built binary, or a path to a bundled
// CLI (a GPU machine without the workspace). Its progress (stderr) is passed on as it comes;
// stdout is collected (the --json document). Each command is its own process, so a crash or a
// device lost in one step cannot corrupt the next, and a run's memory is freed between steps.
import { type ChildProcess, spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { repoRoot } from '../options/resolve-settings';

export interface CommandResult {
  readonly code: number;
  readonly stdout: string;
  /** The last part of stderr, for error messages. */
  readonly stderrTail: string;
  readonly seconds: number;
}

/** Runs one prefixkit command; `args` start with the command's name. */
export type PrefixkitRunner = (args: readonly string[]) => Promise<CommandResult>;

export interface RunnerOptions {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** Where the child's stderr goes (the terminal by default). */
  readonly stderr?: (chunk: string) => void;
  /** Holds the running child, so a SIGTERM sent to the driver alone can be passed on. */
  readonly running?: Set<ChildProcess>;
}

/** The node arguments that start the CLI. */
export function cliEntry(env: Readonly<Record<string, string | undefined>>, cwd: string): string {
  const entry = env.PREFIXKIT_CLI_ENTRY;
  if (!entry || entry === 'source') return join(repoRoot, 'apps/cli/scripts/prefixkit-source.mjs');
  if (entry === 'dist') return join(repoRoot, 'apps/cli/dist/prefixkit.js');
  return resolve(cwd, entry);
}

const tailLength = 4000;

export function createPrefixkitRunner(options: RunnerOptions): PrefixkitRunner {
  const entry = cliEntry(options.env, options.cwd);
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(options.env)) if (value !== undefined) env[key] = value;
  // The launcher changes to INIT_CWD when pnpm runs it; here every path is absolute already.
  delete env.INIT_CWD;
  delete env.npm_lifecycle_event;
  const forward = options.stderr ?? ((chunk: string) => process.stderr.write(chunk));
  return (args) =>
    new Promise((resolvePromise, reject) => {
      const started = performance.now();
      const child = spawn(process.execPath, [entry, ...args], {
        cwd: options.cwd,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      options.running?.add(child);
      let stdout = '';
      let stderrTail = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        stdout += chunk;
      });
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
        forward(chunk);
        stderrTail = (stderrTail + chunk).slice(-tailLength);
      });
      child.on('error', reject);
      child.on('close', (code, signal) => {
        options.running?.delete(child);
        resolvePromise({
          code: code ?? (signal === 'SIGINT' ? 130 : signal === 'SIGTERM' ? 143 : 1),
          stdout,
          stderrTail,
          seconds: (performance.now() - started) / 1000,
        });
      });
    });
}
