// Outputs never destroy what the same command reads. Paths are compared after resolving
// symbolic links and `..` (for a path that does not exist yet: its nearest existing folder), so
// `--output ./model/../model/config.json` or a link to the model folder is caught too.
import { realpathSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { FileSystemError, OutputRefusedError } from '@prefixkit/errors';
import { resolveModelSource } from './runtime/load-model';

/** One path the command reads: a file or a folder, named by the flag that gave it. */
export interface CommandInput {
  flag: string;
  path: string;
}

/** `path` with links and `..` resolved; for a missing path, its nearest existing ancestor's. */
export function canonicalPath(path: string): string {
  const absolute = resolve(path);
  try {
    return realpathSync(absolute);
  } catch {
    const parent = dirname(absolute);
    return parent === absolute ? absolute : join(canonicalPath(parent), basename(absolute));
  }
}

/** True when `inner` is `outer` or lies inside it. */
function isWithin(inner: string, outer: string): boolean {
  const path = relative(outer, inner);
  return path === '' || (path !== '..' && !path.startsWith(`..${sep}`) && !isAbsolute(path));
}

/**
 * Throws OUTPUT_IS_INPUT when the output is one of `inputs` or lies inside an input folder, or,
 * for an output folder the command may clear (`clears`: train --overwrite), when an input lies
 * inside it.
 */
export function refuseOutputOverInputs(
  output: CommandInput & { clears?: boolean },
  inputs: readonly CommandInput[],
): void {
  const target = canonicalPath(output.path);
  for (const input of inputs) {
    const read = canonicalPath(input.path);
    if (isWithin(target, read))
      throw new OutputRefusedError(
        'OUTPUT_IS_INPUT',
        output.path,
        `${output.flag} ${target === read ? 'is' : 'lies inside'} ${input.path} (${input.flag}), which this command reads; writing there could replace its files. Pick another ${output.flag}.`,
      );
    if (output.clears && isWithin(read, target))
      throw new OutputRefusedError(
        'OUTPUT_IS_INPUT',
        output.path,
        `${output.flag} contains ${input.path} (${input.flag}), which this command reads. Pick another ${output.flag}.`,
      );
  }
}

/** A path flag's value as an input (none when the flag was not given). */
export function pathInput(flag: string, path: string | undefined, cwd: string): CommandInput[] {
  return path === undefined ? [] : [{ flag, path: resolve(cwd, path) }];
}

/** The --model folder as an input, when it is one (a hub id is read from the cache). */
export function modelInput(model: string, cwd: string): CommandInput[] {
  try {
    const source = resolveModelSource(model, cwd);
    return source.kind === 'folder' ? [{ flag: '--model', path: source.path }] : [];
  } catch {
    // A missing model is reported where it is loaded, with its own hint.
    return [];
  }
}

/** Throws FS_NOT_DIRECTORY when an output folder's path is an existing file. */
export function checkOutputFolder(flag: string, path: string): void {
  const stats = statSync(path, { throwIfNoEntry: false });
  if (stats && !stats.isDirectory())
    throw new FileSystemError('FS_NOT_DIRECTORY', path, `${flag} is a file, expected a folder.`);
}
