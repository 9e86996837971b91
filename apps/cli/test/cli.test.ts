// The command-line frame itself, through the real binary: command list, unknown commands,
// version, config files, and the one-line error contract.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseJsonOutput, runInProcess, runPrefixkit } from './run-cli';

describe.concurrent('prefixkit', () => {
  it('lists the commands with --help', async () => {
    const run = await runPrefixkit(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Commands:\n {2}quickstart +Prefix-tune the default model/m);
    expect(run.stdout).toMatch(/^ {2}doctor +Show the WebGPU adapter/m);
  });

  it('names an unknown command and suggests the closest', async () => {
    const run = await runPrefixkit(['doctr', '--json']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^prefixkit doctr: error: unknown command 'doctr'\. Did you mean 'doctor'\?/,
    );
    expect(parseJsonOutput(run)).toMatchObject({
      ok: false,
      error: { code: 'CLI_UNKNOWN_COMMAND', exitCode: 2 },
    });
  });

  it('takes global options before the command, --config with its value', async () => {
    const run = await runInProcess(['--json', '--config', 'missing-preset', 'doctor']);
    expect(run.code).toBe(4);
    expect(parseJsonOutput(run)).toMatchObject({
      command: 'doctor',
      error: { code: 'FILE_NOT_FOUND' },
    });
    expect(run.stderr).toMatch(
      /preset .missing-preset.: not found\. Presets: e2e-official, train-dart, train-e2e, train-webnlg, webnlg-official/,
    );
  });

  it('prints the version from package.json', async () => {
    const run = await runInProcess(['--version']);
    expect(run.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('reads --config files and reports their bad fields with file and field (exit 3)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prefixkit-cli-'));
    const good = join(dir, 'doctor.json');
    writeFileSync(good, '{"command": "doctor", "limits": true}');
    const ok = await runPrefixkit(['doctor', '--config', good, '--json']);
    expect(ok.code).toBe(0);
    const limits = (parseJsonOutput(ok).result as { adapter: { limits: object } }).adapter.limits;
    expect(Object.keys(limits).length).toBeGreaterThan(10);
    const overridden = await runPrefixkit(['doctor', `--config=${good}`, '--no-limits']);
    expect(overridden.stderr).toContain('(--limits shows all');
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"limits": "yes"}');
    const run = await runInProcess(['doctor', '--config', bad]);
    expect(run.code).toBe(3);
    expect(run.stderr).toBe(
      `prefixkit doctor: error: ${bad}, field /limits: must be boolean [CONFIG_INVALID, exit 3]\n`,
    );
    const missing = await runInProcess(['doctor', '--config', join(dir, 'missing.json')]);
    expect(missing.code).toBe(4);
    expect(missing.stderr).toMatch(
      /missing\.json: not found\. Check the --config path\. \[FILE_NOT_FOUND, exit 4\]\n$/,
    );
  });

  it('locates a --config file that is not JSON without printing any of its bytes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prefixkit-cli-'));
    const key = join(dir, 'id_ed25519.json');
    writeFileSync(key, '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n');
    const run = await runPrefixkit(['doctor', '--config', key, '--json']);
    expect(run.code).toBe(3);
    expect(run.stderr).toBe(
      `prefixkit doctor: error: ${key}: not valid JSON at line 1, column 2: expected a digit, got '-' [CONFIG_INVALID, exit 3]\n`,
    );
    expect(run.stdout + run.stderr).not.toContain('OPENSSH');
    const trailing = join(dir, 'trailing-comma.json');
    writeFileSync(trailing, '{\n  "limits": true,\n}\n');
    const comma = await runInProcess(['doctor', '--config', trailing]);
    expect(comma.stderr).toContain(
      `${trailing}: not valid JSON at line 3, column 1: expected a '"' starting a key, got '}'`,
    );
    const binary = join(dir, 'binary.json');
    writeFileSync(binary, Buffer.from([0x7b, 0xff, 0xfe, 0x00, 0x7d]));
    const bytes = await runInProcess(['doctor', '--config', binary]);
    expect(bytes.code).toBe(5);
    expect(bytes.stderr).toContain(
      `${binary}, line 1: expected UTF-8 text, got byte 0xff at byte offset 1`,
    );
  });
});
