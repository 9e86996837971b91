// What `prefixkit train --output RUN` may do with the folder, decided before any work is done:
//   missing or empty         a fresh run
//   --resume                 the folder must hold a run's config.json and a checkpoint
//   holds a run (or more)    refused unless --overwrite; --overwrite replaces only a previous
//                            run's own entries and refuses a folder that holds anything else
// Temporaries a killed run left (`.<name>.<hex>.tmp`) count as nothing; they are removed.
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { FileSystemError, fileSystemErrorFrom, OutputRefusedError } from '@prefixkit/errors';
import { isTemporaryName, removeStaleTemporaries } from '@prefixkit/errors/node';
import { CheckpointNotFoundError } from '@prefixkit/peft';
import { runFiles } from './run-folder';

/** What may be in a run folder: the entries `prefixkit train` writes. */
const runEntries = new Set<string>(Object.values(runFiles));

function entriesOf(run: string): string[] | undefined {
  let stats: ReturnType<typeof statSync>;
  try {
    stats = statSync(run);
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return undefined;
    throw fileSystemErrorFrom(error, { path: run }) ?? error;
  }
  if (!stats.isDirectory())
    throw new FileSystemError(
      'FS_NOT_DIRECTORY',
      run,
      '--output is a file, expected a run folder (missing, empty, or a run to --resume).',
    );
  return readdirSync(run).filter((name) => !isTemporaryName(name));
}

/** The state of a previous run, for the message that refuses to replace it. */
function describeRun(run: string): string {
  if (existsSync(join(run, runFiles.final))) return 'a finished run (final/ is there)';
  const latest = join(run, runFiles.checkpoints, 'latest');
  if (existsSync(latest))
    return `an unfinished run (checkpoint ${readFileSync(latest, 'utf8').trim()})`;
  return 'a run with no checkpoint yet';
}

function isRunConfig(path: string): boolean {
  try {
    return JSON.parse(readFileSync(path, 'utf8')).format === 'prefixkit-run';
  } catch {
    return false;
  }
}

/**
 * Checks `run` for a fresh run or a resume (see the file header) and returns the previous run's
 * entries that --overwrite replaces (removed by clearRunFolder once the new run starts writing).
 */
export function checkRunFolder(
  run: string,
  flags: { resume: boolean; overwrite: boolean },
): string[] {
  const entries = entriesOf(run);
  if (flags.resume) {
    if (!existsSync(join(run, runFiles.checkpoints, 'latest')))
      throw new CheckpointNotFoundError(
        run,
        'no checkpoint to resume from: the run stopped before its first checkpoint was written. Start it again with the same flags and --overwrite.',
      );
    return [];
  }
  if (!entries || entries.length === 0) return [];
  const hasRunConfig = isRunConfig(join(run, runFiles.config));
  if (!flags.overwrite)
    throw new OutputRefusedError(
      'OUTPUT_RUN_EXISTS',
      run,
      hasRunConfig
        ? `holds ${describeRun(run)}. Continue it with --resume, replace it with --overwrite, or pick another --output.`
        : `is not empty (${entries.slice(0, 5).join(', ')}${entries.length > 5 ? ', ...' : ''}). Pick a new or empty folder for the run.`,
    );
  const foreign = entries.filter((name) => !runEntries.has(name));
  if (foreign.length > 0 || (entries.includes(runFiles.config) && !hasRunConfig))
    throw new OutputRefusedError(
      'OUTPUT_NOT_A_RUN',
      run,
      `holds ${foreign.length > 0 ? foreign.slice(0, 5).join(', ') : 'a config.json that is not a prefixkit run'}, which no run writes; --overwrite replaces only a previous run. Pick a new or empty folder.`,
    );
  return entries;
}

/** Removes a previous run's `entries` and any temporaries a killed run left in `run`. */
export async function clearRunFolder(run: string, entries: readonly string[]): Promise<void> {
  for (const name of entries) rmSync(join(run, name), { recursive: true, force: true });
  await removeStaleTemporaries(run);
  await removeStaleTemporaries(join(run, runFiles.checkpoints));
}
