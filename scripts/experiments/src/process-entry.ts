// The launchers' entry: an experiment command wired to this process (argv, environment,
// streams, Ctrl-C and SIGTERM).
import { experimentByName } from './experiments/registry';
import { runExperimentCommand } from './main';
import { shellQuote } from './plan/flags';

/** Runs experiment `name` with `argv` (the launcher's arguments by default). */
export async function runFromProcess(
  name: string,
  argv: readonly string[] = process.argv.slice(2),
): Promise<number> {
  const experiment = experimentByName(name);
  return runExperimentCommand(experiment, argv, {
    cwd: process.cwd(),
    env: process.env,
    stdout: (line) => process.stdout.write(`${line}\n`),
    stderr: (text) => process.stderr.write(text),
    onStop: (handler) => {
      const onSignal = (signal: 'SIGINT' | 'SIGTERM') => handler(signal);
      process.on('SIGINT', onSignal);
      process.on('SIGTERM', onSignal);
      return () => {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
      };
    },
    commandLine: `node scripts/experiments/${name}.mjs ${shellQuote(argv)}`.trimEnd(),
  });
}
