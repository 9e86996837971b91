// Atomic writes: the file appears whole or not at all, no temporary file is left behind, and
// only a regular file (or nothing) is ever replaced.
import { execFileSync } from 'node:child_process';
import {
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  readlink,
  rm,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  checkOutputFile,
  removeStaleTemporaries,
  temporarySibling,
  writeFileAtomic,
  writeFileAtomicWith,
} from './atomic-write.node.js';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'prefixkit-atomic-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('writes text and bytes, replacing an existing file', async () => {
    const path = join(folder, 'out.txt');
    await writeFileAtomic(path, 'first');
    await writeFileAtomic(path, new TextEncoder().encode('second'));
    expect(await readFile(path, 'utf8')).toBe('second');
    expect(await readdir(folder)).toEqual(['out.txt']);
  });

  it('refuses a missing folder (FS_PARENT_MISSING) or a file as folder (FS_NOT_DIRECTORY)', async () => {
    const missing = join(folder, 'missing', 'out.txt');
    await expect(writeFileAtomic(missing, 'x')).rejects.toMatchObject({
      code: 'FS_PARENT_MISSING',
      message: expect.stringContaining(`${missing}: its folder ${join(folder, 'missing')}`),
    });
    await writeFile(join(folder, 'plain'), 'p');
    await expect(writeFileAtomic(join(folder, 'plain', 'out.txt'), 'x')).rejects.toMatchObject({
      code: 'FS_NOT_DIRECTORY',
    });
    expect(await readdir(folder)).toEqual(['plain']);
  });

  it('refuses to replace a symbolic link, a FIFO, a device or a folder, and writes nothing', async () => {
    const target = join(folder, 'target.txt');
    await writeFile(target, 'kept');
    const link = join(folder, 'link.txt');
    await symlink(target, link);
    await expect(writeFileAtomic(link, 'x')).rejects.toMatchObject({
      code: 'OUTPUT_NOT_REGULAR_FILE',
      message: expect.stringContaining(`${link}: is a symbolic link`),
    });
    expect(await readlink(link)).toBe(target);
    expect(await readFile(target, 'utf8')).toBe('kept');
    const fifo = join(folder, 'fifo');
    execFileSync('mkfifo', [fifo]);
    await expect(writeFileAtomic(fifo, 'x')).rejects.toMatchObject({
      code: 'OUTPUT_NOT_REGULAR_FILE',
      message: expect.stringContaining('is a FIFO'),
    });
    await expect(checkOutputFile('/dev/null')).rejects.toMatchObject({
      code: 'OUTPUT_NOT_REGULAR_FILE',
      message: expect.stringContaining('/dev/null: is a character device'),
    });
    await mkdir(join(folder, 'sub'));
    await expect(writeFileAtomic(join(folder, 'sub'), 'x')).rejects.toMatchObject({
      code: 'FS_IS_DIRECTORY',
    });
    expect((await readdir(folder)).sort()).toEqual(['fifo', 'link.txt', 'sub', 'target.txt']);
  });

  it('keeps the old file and removes the temporary one when writing fails', async () => {
    const path = join(folder, 'out.txt');
    await writeFile(path, 'old');
    const failure = writeFileAtomicWith(path, async (handle) => {
      await handle.writeFile('half');
      throw new Error('disk full');
    });
    await expect(failure).rejects.toThrow('disk full');
    expect(await readFile(path, 'utf8')).toBe('old');
    expect(await readdir(folder)).toEqual(['out.txt']);
  });

  it('removes the temporaries a killed writer left, and nothing else', async () => {
    const stale = temporarySibling(join(folder, 'config.json'));
    await writeFile(stale, 'half');
    const staleFolder = temporarySibling(join(folder, 'step-3'));
    await mkdir(staleFolder);
    await writeFile(join(staleFolder, 'trainer_state.json'), '{');
    await writeFile(join(folder, '.hidden.tmp'), 'not ours');
    await writeFile(join(folder, 'config.json'), 'whole');
    const removed = await removeStaleTemporaries(folder);
    expect(removed.sort()).toEqual(
      [stale, staleFolder].map((path) => path.slice(folder.length + 1)).sort(),
    );
    expect((await readdir(folder)).sort()).toEqual(['.hidden.tmp', 'config.json']);
    expect(await removeStaleTemporaries(join(folder, 'missing'))).toEqual([]);
  });

  it('puts the temporary file next to the target', () => {
    const temporary = temporarySibling(join(folder, 'model.safetensors'));
    expect(temporary.startsWith(join(folder, '.model.safetensors.'))).toBe(true);
    expect(temporary.endsWith('.tmp')).toBe(true);
  });
});
