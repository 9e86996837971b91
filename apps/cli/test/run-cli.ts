// Runs the real `prefixkit` binary in a child process, from its TypeScript sources through
// scripts/prefixkit-source.mjs (tsx; @prefixkit/* resolved to the packages' sources, as vitest
// does), so the tests need no build. PREFIXKIT_CLI_ENTRY=dist runs the built dist/prefixkit.js.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const cliDir = fileURLToPath(new URL('..', import.meta.url));

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `prefixkit ...args` and collects its exit code and both streams. */
export function runPrefixkit(
  args: readonly string[],
  options: { env?: Record<string, string | undefined>; cwd?: string } = {},
): Promise<CliRun> {
  const entry =
    process.env.PREFIXKIT_CLI_ENTRY === 'dist'
      ? [`${cliDir}dist/prefixkit.js`]
      : [`${cliDir}scripts/prefixkit-source.mjs`];
  const env: Record<string, string | undefined> = {
    ...process.env,
    // Set when vitest runs under `pnpm test`; the launcher must use the cwd given here.
    INIT_CWD: undefined,
    npm_lifecycle_event: undefined,
    ...options.env,
  };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [...entry, ...args],
      { cwd: options.cwd ?? cliDir, env: env as NodeJS.ProcessEnv, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') return reject(error);
        resolve({ code: error ? (error.code as number) : 0, stdout, stderr });
      },
    );
  });
}

/** Parses the single JSON document a --json run must print on stdout. */
export function parseJsonOutput(run: CliRun): Record<string, unknown> {
  return JSON.parse(run.stdout) as Record<string, unknown>;
}

/**
 * Runs the CLI in this process (same code path as the binary, minus process start-up) for the
 * many small option-parsing cases; the contract of each command is tested through the real
 * binary above.
 */
export async function runInProcess(
  args: readonly string[],
  options: { env?: Record<string, string | undefined>; cwd?: string } = {},
): Promise<CliRun> {
  const { runCli } = await import('../src/cli');
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    env: { ...process.env, ...options.env },
    cwd: options.cwd ?? cliDir,
    signals: { on: () => {}, off: () => {}, exit: () => {} },
  });
  return { code, stdout, stderr };
}
