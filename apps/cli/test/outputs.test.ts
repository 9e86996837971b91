// Outputs never destroy things, and file-system failures have their own codes, through the real
// binary: `generate --output` refuses a symbolic link, a FIFO, a device, its own input or a
// missing or unwritable folder before the model loads; a folder given as an output file and an
// unreadable file are FS_* errors (exit 11), not internal ones, while a folder given as an input
// file is refused before it is opened (FILE_NOT_REGULAR, exit 4); quickstart checks its --output
// first too.
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliDir, runPrefixkit } from './run-cli';
import { writeTinyGpt2 } from './tiny-gpt2';

let root: string;
let model: string;
let inputs: string;

beforeAll(async () => {
  model = await writeTinyGpt2();
  root = mkdtempSync(join(tmpdir(), 'prefixkit-outputs-'));
  // World-readable and -writable: the permission test runs the binary as another user.
  chmodSync(root, 0o777);
  inputs = join(root, 'inputs.txt');
  writeFileSync(inputs, 'name : Aromi | Type : pub\n');
});

const generate = (...args: string[]) =>
  runPrefixkit([
    'generate',
    '--model',
    model,
    '--backend',
    'cpu',
    '--num-beams',
    '1',
    '--max-new-tokens',
    '2',
    ...args,
  ]);

describe('generate --output', () => {
  it('refuses a symbolic link (its target untouched), a FIFO and a device: exit 12', async () => {
    const target = join(root, 'precious.txt');
    writeFileSync(target, 'precious\n');
    const link = join(root, 'link.txt');
    symlinkSync(target, link);
    const viaLink = await generate('--inputs', inputs, '--output', link);
    expect(viaLink.code, viaLink.stderr).toBe(12);
    expect(viaLink.stderr).toContain(
      `${link}: is a symbolic link (its target is never written through it); refusing to replace it with a regular file. Write to a new file name instead. [OUTPUT_NOT_REGULAR_FILE, exit 12]`,
    );
    expect(readlinkSync(link)).toBe(target);
    expect(readFileSync(target, 'utf8')).toBe('precious\n');
    const fifo = join(root, 'fifo');
    execFileSync('mkfifo', [fifo]);
    const viaFifo = await generate('--inputs', inputs, '--output', fifo);
    expect(viaFifo.code).toBe(12);
    expect(viaFifo.stderr).toContain(`${fifo}: is a FIFO`);
    const device = await generate('--inputs', inputs, '--output', '/dev/null');
    expect(device.code).toBe(12);
    expect(device.stderr).toContain('/dev/null: is a character device');
  });

  it('refuses to write over its own --inputs or into the --model folder: exit 12', async () => {
    const before = readFileSync(inputs, 'utf8');
    const self = await generate('--inputs', inputs, '--output', join(root, '.', 'inputs.txt'));
    expect(self.code).toBe(12);
    expect(self.stderr).toMatch(/--output is .*inputs\.txt \(--inputs\), which this command reads/);
    expect(self.stderr).toContain('[OUTPUT_IS_INPUT, exit 12]');
    expect(readFileSync(inputs, 'utf8')).toBe(before);
    const config = readFileSync(join(model, 'config.json'));
    const intoModel = await generate('--inputs', inputs, '--output', join(model, 'config.json'));
    expect(intoModel.code).toBe(12);
    expect(intoModel.stderr).toMatch(/--output lies inside .* \(--model\)/);
    expect(readFileSync(join(model, 'config.json')).equals(config)).toBe(true);
    // A link to the model folder is the model folder.
    const alias = join(root, 'model-alias');
    symlinkSync(model, alias);
    const viaAlias = await generate('--inputs', inputs, '--output', join(alias, 'out.txt'));
    expect(viaAlias.code).toBe(12);
  });

  it('names a missing folder (FS_PARENT_MISSING) and a folder given as a file (FS_IS_DIRECTORY, exit 11; FILE_NOT_REGULAR, exit 4, for --inputs)', async () => {
    const missing = await generate('--inputs', inputs, '--output', join(root, 'no', 'out.txt'));
    expect(missing.code).toBe(11);
    expect(missing.stderr).toContain(
      `${join(root, 'no', 'out.txt')}: its folder ${join(root, 'no')} does not exist. Create the folder first, or pick an output in an existing one. [FS_PARENT_MISSING, exit 11]`,
    );
    const folder = join(root, 'a-folder');
    mkdirSync(folder);
    const asOutput = await generate('--inputs', inputs, '--output', folder);
    expect(asOutput.code).toBe(11);
    expect(asOutput.stderr).toContain(`${folder}: is a folder, expected a file name.`);
    const asInputs = await generate('--inputs', folder);
    expect(asInputs.code).toBe(4);
    expect(asInputs.stderr).toContain(
      `${folder}: is a folder, not a regular file. Check --inputs (one input per line). [FILE_NOT_REGULAR, exit 4]`,
    );
  });

  it('reports permission denied (EACCES) on reading and writing: exit 11', async () => {
    // As root, permissions are not enforced: the binary then runs as nobody (setpriv).
    const unreadable = join(root, 'secret.txt');
    writeFileSync(unreadable, 'x\n');
    chmodSync(unreadable, 0o000);
    const readOnly = join(root, 'read-only');
    mkdirSync(readOnly);
    chmodSync(readOnly, 0o555);
    const asUser = (args: string[]) => {
      const prefixkit = [join(cliDir, 'scripts', 'prefixkit-source.mjs'), 'generate', ...args];
      const command =
        process.getuid?.() === 0
          ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', process.execPath]
          : [process.execPath];
      try {
        execFileSync(command[0]!, [...command.slice(1), ...prefixkit], {
          cwd: root,
          env: { ...process.env, HOME: root, INIT_CWD: undefined },
          stdio: 'pipe',
        });
        return { code: 0, stderr: '' };
      } catch (error) {
        const failed = error as { status: number; stderr: Buffer };
        return { code: failed.status, stderr: failed.stderr.toString() };
      }
    };
    const read = asUser(['--model', model, '--inputs', unreadable]);
    expect(read.stderr).toContain(`${unreadable}: permission denied (EACCES)`);
    expect(read.stderr).toContain('[FS_PERMISSION_DENIED, exit 11]');
    expect(read.code).toBe(11);
    const write = asUser(['--model', model, '--inputs', inputs, '--output', join(readOnly, 'o')]);
    expect(write.stderr).toContain(
      `${join(readOnly, 'o')}: permission denied (EACCES): cannot write it.`,
    );
    expect(write.code).toBe(11);
  });
});

describe('quickstart --output', () => {
  it('is checked before any training: not a file (exit 11), not inside the model (exit 12)', async () => {
    const file = await runPrefixkit(['quickstart', '--output', inputs, '--backend', 'cpu']);
    expect(file.code).toBe(11);
    expect(file.stderr).toContain(`${inputs}: --output is a file, expected a folder.`);
    const intoModel = await runPrefixkit([
      'quickstart',
      '--model',
      model,
      '--output',
      join(model, 'quickstart'),
      '--backend',
      'cpu',
    ]);
    expect(intoModel.code).toBe(12);
    expect(intoModel.stderr).toContain('[OUTPUT_IS_INPUT, exit 12]');
    expect(readdirSync(model).sort()).toEqual(['config.json', 'model.safetensors']);
  });
});
