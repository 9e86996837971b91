// Node's errno errors become typed errors naming the path; unknown ones are left alone.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FileNotFoundError } from './common-errors';
import { FileSystemError, fileSystemErrorFrom } from './file-system-errors';
import { PrefixkitError } from './prefixkit-error';

const folder = mkdtempSync(join(tmpdir(), 'prefixkit-fs-errors-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function thrownBy(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

/** What Node throws for errno `code` (EACCES cannot be provoked when tests run as root). */
function systemError(code: string, path: string): Error {
  return Object.assign(new Error(`${code}: open '${path}'`), { code, syscall: 'open', path });
}

describe('fileSystemErrorFrom', () => {
  it('types the errors Node throws for a folder, a file as folder and a missing file', () => {
    const isDirectory = fileSystemErrorFrom(
      thrownBy(() => readFileSync(folder)),
      {
        path: folder,
      },
    );
    expect(isDirectory).toBeInstanceOf(FileSystemError);
    expect(isDirectory).toMatchObject({ code: 'FS_IS_DIRECTORY', path: folder });
    expect(isDirectory?.message).toBe(
      `${folder}: is a folder, expected a file. Give the path of a file.`,
    );
    const file = join(folder, 'file');
    writeFileSync(file, 'x');
    const notDirectory = fileSystemErrorFrom(thrownBy(() => readFileSync(join(file, 'inner'))));
    expect(notDirectory).toMatchObject({ code: 'FS_NOT_DIRECTORY', path: join(file, 'inner') });
    const mkdirOverFile = fileSystemErrorFrom(thrownBy(() => mkdirSync(file, { recursive: true })));
    expect(mkdirOverFile).toMatchObject({ code: 'FS_NOT_DIRECTORY', path: file });
    const missing = thrownBy(() => readFileSync(join(folder, 'missing')));
    expect(fileSystemErrorFrom(missing)).toBeInstanceOf(FileNotFoundError);
    expect(fileSystemErrorFrom(missing, { writing: true })).toMatchObject({
      code: 'FS_PARENT_MISSING',
    });
  });

  it('types permission, read-only and full-disk errors, keeping the cause', () => {
    for (const [errno, code] of [
      ['EACCES', 'FS_PERMISSION_DENIED'],
      ['EPERM', 'FS_PERMISSION_DENIED'],
      ['EROFS', 'FS_READ_ONLY'],
      ['ENOSPC', 'FS_NO_SPACE'],
      ['EDQUOT', 'FS_NO_SPACE'],
    ] as const) {
      const cause = systemError(errno, '/data/out.txt');
      const typed = fileSystemErrorFrom(cause, { writing: true });
      expect(typed, errno).toMatchObject({ code, cause });
      expect(typed?.message.startsWith('/data/out.txt: ')).toBe(true);
    }
    expect(fileSystemErrorFrom(systemError('EACCES', '/x'))?.message).toContain(
      'permission denied (EACCES): cannot open it',
    );
  });

  it('types a folder read without a path (Node names none), quoting Node', () => {
    const pathless = thrownBy(() => readFileSync(folder, 'utf8'));
    expect((pathless as { path?: string }).path).toBeUndefined();
    const typed = fileSystemErrorFrom(pathless);
    expect(typed).toMatchObject({ code: 'FS_IS_DIRECTORY', path: undefined });
    expect(typed?.message).toMatch(/^a folder was given where a file is expected \(EISDIR/);
  });

  it('leaves prefixkit errors, unknown errnos and a missing file without a path alone', () => {
    expect(fileSystemErrorFrom(new PrefixkitError('X', 'y'))).toBeUndefined();
    expect(fileSystemErrorFrom(systemError('ECONNRESET', '/x'))).toBeUndefined();
    expect(fileSystemErrorFrom(Object.assign(new Error('e'), { code: 'ENOENT' }))).toBeUndefined();
    expect(fileSystemErrorFrom(new TypeError('bug'))).toBeUndefined();
  });
});
