import { readFileSync } from 'node:fs';
import { PrefixkitError } from '@prefixkit/errors';
import { describe, expect, it } from 'vitest';
import { exitCodeFor, exitCodeTable } from './exit-codes';

const error = (code: string) => new PrefixkitError(code, 'x');

describe('exit codes', () => {
  it('maps exact codes first, then code families, then the catch-all', () => {
    expect(exitCodeFor(error('CLI_UNKNOWN_OPTION'))).toBe(2);
    expect(exitCodeFor(error('CONFIG_INVALID'))).toBe(3);
    expect(exitCodeFor(error('FILE_NOT_FOUND'))).toBe(4);
    // Exact DATASET_NOT_FOUND wins over the DATASET_* family (5).
    expect(exitCodeFor(error('DATASET_NOT_FOUND'))).toBe(4);
    expect(exitCodeFor(error('DATASET_CHECKSUM'))).toBe(5);
    expect(exitCodeFor(error('DATA_RECORD_INVALID'))).toBe(5);
    expect(exitCodeFor(error('CHECKPOINT_FORMAT'))).toBe(5);
    expect(exitCodeFor(error('WEBGPU_UNAVAILABLE'))).toBe(6);
    expect(exitCodeFor(error('DATASET_DOWNLOAD'))).toBe(7);
    expect(exitCodeFor(error('SOMETHING_NEW'))).toBe(10);
    expect(exitCodeFor(error('CLI_INTERRUPTED'))).toBe(130);
    expect(exitCodeFor(error('CLI_TERMINATED'))).toBe(143);
    // Exact CHECKPOINT_NOT_FOUND (nothing to resume) wins over the CHECKPOINT_* family (5).
    expect(exitCodeFor(error('CHECKPOINT_NOT_FOUND'))).toBe(4);
    expect(exitCodeFor(error('CHECKPOINT_POINTER_INVALID'))).toBe(5);
    expect(exitCodeFor(error('FS_PERMISSION_DENIED'))).toBe(11);
    expect(exitCodeFor(error('FS_IS_DIRECTORY'))).toBe(11);
    expect(exitCodeFor(error('OUTPUT_NOT_REGULAR_FILE'))).toBe(12);
    expect(exitCodeFor(error('OUTPUT_RUN_EXISTS'))).toBe(12);
    expect(exitCodeFor(new TypeError('bug'))).toBe(1);
  });

  it('has unique exit codes and no code in two rows', () => {
    const exits = exitCodeTable.map((entry) => entry.exitCode);
    expect(new Set(exits).size).toBe(exits.length);
    const codes = exitCodeTable.flatMap((entry) => entry.codes);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('is the table the README documents', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const section = readme.split('## Exit codes')[1]!.split('\n## ')[0]!;
    const rows = section
      .split('\n')
      .filter((line) => /^\|\s*\d+\s*\|/.test(line))
      .map((line) => line.split('|').map((cell) => cell.trim()));
    expect(rows.map((cells) => [Number(cells[1]), cells[2], cells[3]])).toEqual(
      exitCodeTable.map((entry) => [
        entry.exitCode,
        entry.meaning,
        entry.codes.map((code) => `\`${code}\``).join(', '),
      ]),
    );
  });
});
