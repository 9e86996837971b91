import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FileNotFoundError, NotRegularFileError } from './index';
import { assertRegularFile } from './node';

const folder = mkdtempSync(join(tmpdir(), 'prefixkit-regular-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('assertRegularFile', () => {
  it('accepts a regular file', () => {
    const file = join(folder, 'a.txt');
    writeFileSync(file, 'x');
    expect(() => assertRegularFile(file, 'hint')).not.toThrow();
  });

  it('refuses a FIFO, a folder and a device at once, without opening them', () => {
    const fifo = join(folder, 'model.safetensors');
    execFileSync('mkfifo', [fifo]);
    expect(() => assertRegularFile(fifo, 'Expected a safetensors file.')).toThrow(
      `${fifo}: is a named pipe (FIFO), not a regular file. Expected a safetensors file.`,
    );
    const sub = join(folder, 'sub');
    mkdirSync(sub);
    expect(() => assertRegularFile(sub, '')).toThrow(NotRegularFileError);
    expect(() => assertRegularFile('/dev/zero', '')).toThrow('is a device');
    try {
      assertRegularFile(fifo, '');
    } catch (error) {
      expect((error as NotRegularFileError).code).toBe('FILE_NOT_REGULAR');
    }
  });

  it('reports a missing path as FileNotFoundError', () => {
    expect(() => assertRegularFile(join(folder, 'missing'), 'hint')).toThrow(FileNotFoundError);
  });

  it('types other stat failures, naming the path: a file used as a folder is FS_NOT_DIRECTORY', () => {
    const file = join(folder, 'plain.txt');
    writeFileSync(file, 'x');
    const through = join(file, 'inside.txt');
    expect(() => assertRegularFile(through, 'hint')).toThrow(
      expect.objectContaining({ code: 'FS_NOT_DIRECTORY', path: through }),
    );
  });
});
