// Training checkpoints on disk (docs/formats/peft-adapters.md "Training checkpoints"):
//   <root>/step-<N>/   trainer_state.json, trainable.safetensors, optimizer.safetensors
//   <root>/latest      the name of the newest complete step folder
// A checkpoint is written as a temporary folder renamed into place, then `latest` is updated,
// so a crash (even kill -9) never leaves a half-written checkpoint under its final name. Each
// write removes what a killed writer left behind and the checkpoints beyond `keep`.
import { lstat, mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { FileNotFoundError, fileSystemErrorFrom } from '@prefixkit/errors';
import {
  assertRegularFile,
  removeStaleTemporaries,
  temporarySibling,
  writeFileAtomic,
} from '@prefixkit/errors/node';
import { CheckpointNotFoundError, CheckpointPointerError, PeftFormatError } from '../errors';
import { type CheckpointFiles, checkpointFormat } from './checkpoint';

export interface CheckpointDirectoryOptions {
  /** Keep the newest N step folders, deleting older ones (default 0: keep every one). */
  readonly keep?: number;
}

const stepFolder = /^step-(\d+)$/;
const checkpointFileNames = [
  'trainer_state.json',
  'trainable.safetensors',
  'optimizer.safetensors',
] as const;
const hint = `Expected a checkpoint folder holding ${checkpointFileNames.join(', ')}.`;

/**
 * A `saveCheckpoint` callback for the Trainer: writes `<root>/step-<n>/` atomically, points
 * `<root>/latest` at it, then deletes step folders beyond `options.keep` and any after `n`
 * (left by a run that was later resumed from an earlier checkpoint). One writer per `root`.
 */
export function checkpointDirectoryWriter(
  root: string,
  options: CheckpointDirectoryOptions = {},
): (files: CheckpointFiles, step: number) => Promise<void> {
  const keep = options.keep ?? 0;
  return async (files, step) => {
    await mkdir(root, { recursive: true });
    await removeStaleTemporaries(root);
    const name = `step-${step}`;
    const temporary = temporarySibling(join(root, name));
    await mkdir(temporary);
    try {
      for (const [file, data] of Object.entries(files))
        await writeFileAtomic(join(temporary, file), data);
    } catch (error) {
      // The previous checkpoint and `latest` are untouched; drop the half-written directory.
      await rm(temporary, { recursive: true, force: true });
      throw error;
    }
    // Never the folder `latest` names: the Trainer saves each step at most once.
    await rm(join(root, name), { recursive: true, force: true });
    await rename(temporary, join(root, name));
    await writeFileAtomic(join(root, 'latest'), `${name}\n`);
    await pruneCheckpoints(root, step, keep);
  };
}

async function pruneCheckpoints(root: string, step: number, keep: number): Promise<void> {
  const steps = (await readdir(root))
    .flatMap((name) => {
      const match = stepFolder.exec(name);
      return match ? [Number(match[1])] : [];
    })
    .sort((a, b) => a - b);
  const upToNow = steps.filter((s) => s <= step);
  const dropped = [
    ...steps.filter((s) => s > step),
    ...(keep > 0 ? upToNow.slice(0, Math.max(0, upToNow.length - keep)) : []),
  ];
  for (const s of dropped) await rm(join(root, `step-${s}`), { recursive: true, force: true });
}

/** Throws PeftFormatError unless `text` is a trainer_state.json of ours (e.g. truncated). */
function checkStateFile(text: string, file: string): void {
  let state: { format?: unknown } | null;
  try {
    state = JSON.parse(text) as { format?: unknown } | null;
  } catch (error) {
    throw new PeftFormatError(file, 'contents', 'JSON', 'unparsable text', { cause: error });
  }
  if (state?.format !== checkpointFormat.name)
    throw new PeftFormatError(
      file,
      'field format',
      JSON.stringify(checkpointFormat.name),
      JSON.stringify(state?.format),
    );
}

/** The step folder `<root>/latest` names, checked to be a real folder directly inside `root`. */
async function latestDirectory(root: string): Promise<string> {
  const pointer = join(root, 'latest');
  let name: string;
  try {
    assertRegularFile(pointer, 'Expected the name of the newest step folder.');
    name = (await readFile(pointer, 'utf8')).trim();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ENOENT' || code === 'FILE_NOT_FOUND')
      throw new CheckpointNotFoundError(
        root,
        'no checkpoint here (no `latest` file): none was written before the run stopped',
        { cause: error },
      );
    throw fileSystemErrorFrom(error, { path: pointer }) ?? error;
  }
  if (!stepFolder.test(name))
    throw new CheckpointPointerError(pointer, `names ${JSON.stringify(name.slice(0, 200))}`);
  const directory = join(root, name);
  let stats: Awaited<ReturnType<typeof lstat>>;
  try {
    stats = await lstat(directory);
  } catch (error) {
    throw new FileNotFoundError(directory, hint, { cause: error });
  }
  if (!stats.isDirectory())
    throw new CheckpointPointerError(pointer, `${directory} is not a folder (a symbolic link?)`);
  return directory;
}

/**
 * Reads the checkpoint `<root>/latest` names (for Trainer.restore). No `latest` throws
 * CheckpointNotFoundError; a pointer that is not a step folder inside `root` throws
 * CheckpointPointerError; a missing folder or file FileNotFoundError; a trainer_state.json that
 * is not a prefixkit checkpoint's JSON PeftFormatError (naming the file).
 */
export async function readLatestCheckpoint(root: string): Promise<CheckpointFiles> {
  const directory = await latestDirectory(root);
  const read = async (file: string) => {
    const path = join(directory, file);
    const stats = await lstat(path).catch(() => undefined);
    if (!stats) throw new FileNotFoundError(path, hint);
    if (!stats.isFile())
      throw new PeftFormatError(path, 'file type', 'a regular file', 'a link or special file');
    return readFile(path);
  };
  const state = (await read('trainer_state.json')).toString('utf8');
  checkStateFile(state, join(directory, 'trainer_state.json'));
  return {
    'trainer_state.json': state,
    'trainable.safetensors': new Uint8Array(await read('trainable.safetensors')),
    'optimizer.safetensors': new Uint8Array(await read('optimizer.safetensors')),
  };
}
