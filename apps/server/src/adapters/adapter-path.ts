// Where an adapter id or an admin-given path may point: inside the adapter root only. Ids are
// plain folder names; paths are resolved and their real location (symlinks followed) must stay
// under the root's real location, so neither `..` nor a symlink can reach other files.
import { realpath, stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { ServerRequestError } from '../errors';

const idPattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/** Throws a 400 unless `id` is a plain adapter id (letters, digits, '.', '_', '-'; no '..'). */
export function checkAdapterId(id: string, param = 'model'): void {
  if (!idPattern.test(id) || id.includes('..'))
    throw new ServerRequestError(
      'SERVER_BAD_ADAPTER_ID',
      `${param}: expected an id of letters, digits, '.', '_' and '-' (at most 128, no '..'), got ${JSON.stringify(id)}`,
      400,
      param,
    );
}

/**
 * The real path of `path` (relative to `root`), which must be a folder inside `root`.
 * @throws ServerRequestError 400 outside the root, 404 when missing.
 */
export async function resolveInsideRoot(
  root: string,
  path: string,
  param: string,
): Promise<string> {
  const rootReal = await realpath(root);
  const wanted = resolve(rootReal, path);
  const outside = (p: string) => {
    const rel = relative(rootReal, p);
    return rel === '' || rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel);
  };
  if (outside(wanted))
    throw new ServerRequestError(
      'SERVER_PATH_OUTSIDE_ROOT',
      `${param}: must name a folder inside the adapter root`,
      400,
      param,
    );
  let real: string;
  try {
    real = await realpath(wanted);
  } catch {
    throw new ServerRequestError(
      'SERVER_ADAPTER_NOT_FOUND',
      `${param}: no adapter folder at ${JSON.stringify(path)} in the adapter root`,
      404,
      param,
    );
  }
  if (outside(real))
    throw new ServerRequestError(
      'SERVER_PATH_OUTSIDE_ROOT',
      `${param}: resolves (through a symlink) outside the adapter root`,
      400,
      param,
    );
  if (!(await stat(real)).isDirectory())
    throw new ServerRequestError(
      'SERVER_ADAPTER_NOT_FOUND',
      `${param}: ${JSON.stringify(path)} is not a folder`,
      404,
      param,
    );
  return real;
}
