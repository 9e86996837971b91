// Atomic writes: the file appears whole or not at all, and no temporary file is left behind.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { temporarySibling, writeFileAtomic, writeFileAtomicWith } from './atomic-write.node.js';

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

  it('refuses a missing folder and creates nothing', async () => {
    await expect(writeFileAtomic(join(folder, 'missing', 'out.txt'), 'x')).rejects.toMatchObject({
      code: 'ENOENT',
    });
    expect(await readdir(folder)).toEqual([]);
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

  it('puts the temporary file next to the target', () => {
    const temporary = temporarySibling(join(folder, 'model.safetensors'));
    expect(temporary.startsWith(join(folder, '.model.safetensors.'))).toBe(true);
    expect(temporary.endsWith('.tmp')).toBe(true);
  });
});
