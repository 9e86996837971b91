// `prefixkit doctor`, run as a real process on this machine's adapter (lavapipe here and in CI).
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DoctorResult } from '../src/commands/doctor';
import { parseJsonOutput, runInProcess, runPrefixkit } from './run-cli';

describe.concurrent('prefixkit doctor', () => {
  it('--json reports the adapter, backend, cache and data as one JSON document', async () => {
    const hub = mkdtempSync(join(tmpdir(), 'prefixkit-hub-'));
    mkdirSync(join(hub, 'models--openai-community--gpt2'));
    mkdirSync(join(hub, 'datasets--GEM--e2e_nlg'));
    const data = mkdtempSync(join(tmpdir(), 'prefixkit-data-'));
    mkdirSync(join(data, 'e2e'));
    const run = await runPrefixkit(['doctor', '--json'], {
      env: {
        HF_HUB_CACHE: hub,
        HF_HUB_OFFLINE: undefined,
        PREFIXKIT_SHARED_DATA: data,
        PREFIXKIT_BACKEND: undefined,
      },
    });
    expect(run.code).toBe(0);
    const output = parseJsonOutput(run);
    expect(output.ok).toBe(true);
    const result = output.result as DoctorResult;
    if (!result.adapter) throw new Error('expected an adapter');
    expect(result.adapter.vendor).toEqual(expect.any(String));
    expect(result.adapter.architecture).toEqual(expect.any(String));
    expect(typeof result.adapter.isFallbackAdapter).toBe('boolean');
    expect(result.adapter.features).toEqual([...result.adapter.features].sort());
    // Every adapter meets the WebGPU spec's minimums.
    expect(result.adapter.limits.maxStorageBufferBindingSize).toBeGreaterThanOrEqual(
      128 * 1024 * 1024,
    );
    expect(result.adapter.limits.maxComputeInvocationsPerWorkgroup).toBeGreaterThanOrEqual(256);
    expect(result.backend).toEqual({ name: 'webgpu', reason: 'default: an adapter was found' });
    expect(result.hubCache).toEqual({
      path: hub,
      from: 'HF_HUB_CACHE',
      exists: true,
      offline: false,
      models: ['openai-community/gpt2'],
    });
    expect(result.data).toEqual({
      path: data,
      from: 'PREFIXKIT_SHARED_DATA',
      exists: true,
      datasets: ['e2e'],
    });
  });

  it('prints the adapter for people on stderr and nothing on stdout', async () => {
    const run = await runPrefixkit(['doctor', '--limits'], {
      env: { HF_HOME: '/nonexistent-hf-home' },
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^WebGPU adapter +\S+ \/ \S+/m);
    expect(run.stderr).toMatch(/^limits +max\w+ \d/m);
    expect(run.stderr).toMatch(/maxComputeWorkgroupStorageSize \d+ KiB/);
    expect(run.stderr).toMatch(
      /^HF hub cache +\/nonexistent-hf-home\/hub \(HF_HOME, not created yet\)$/m,
    );
  });

  it("says once why Dawn's two limit warnings are harmless", async () => {
    const run = await runPrefixkit(['doctor'], { env: { PREFIXKIT_BACKEND: undefined } });
    expect(run.code).toBe(0);
    const notes = run.stderr.split('\n').filter((line) => line.startsWith('Dawn warnings'));
    expect(notes).toEqual([expect.stringContaining('binds no buffer with a dynamic offset')]);
  });

  it('without an adapter fails with the fix and exit 6, or falls back when PREFIXKIT_BACKEND=cpu', async () => {
    const env = {
      VK_ICD_FILENAMES: '/nonexistent/icd.json',
      VK_DRIVER_FILES: '/nonexistent/icd.json',
    };
    const failed = await runPrefixkit(['doctor', '--json'], { env });
    expect(failed.code).toBe(6);
    const error = parseJsonOutput(failed).error as Record<string, unknown>;
    expect(error.code).toBe('WEBGPU_UNAVAILABLE');
    expect(failed.stderr).toContain('bash scripts/setup-webgpu.sh');
    // One line from us, no JavaScript stack (Dawn itself prints a few native lines first).
    expect(failed.stderr.trimEnd().split('\n').at(-1)).toMatch(
      /^prefixkit doctor: error: no WebGPU adapter .* \[WEBGPU_UNAVAILABLE, exit 6\]$/,
    );
    expect(failed.stderr).not.toMatch(/^\s+at .*\.(?:ts|js|mjs):\d+/m);
    const verbose = await runPrefixkit(['doctor', '--verbose'], { env });
    expect(verbose.stderr).toMatch(/^\s+at .*doctor\.(?:ts|js):\d+/m);
    const cpu = await runPrefixkit(['doctor', '--json'], {
      env: { ...env, PREFIXKIT_BACKEND: 'cpu' },
    });
    expect(cpu.code).toBe(0);
    const result = parseJsonOutput(cpu).result as Record<string, unknown>;
    expect(result.adapter).toBeNull();
    expect(result.backend).toEqual({ name: 'cpu', reason: 'PREFIXKIT_BACKEND=cpu' });
  });

  it('rejects unknown flags and bad values with exit 2', async () => {
    const unknown = await runPrefixkit(['doctor', '--limts']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe(
      'prefixkit doctor: error: unknown option --limts. Did you mean --limits? [CLI_UNKNOWN_OPTION, exit 2]\n',
    );
    const bad = await runInProcess(['doctor', '--limits=sometimes']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--limits: expected true or false, got 'sometimes'");
  });

  it('--help is generated from the option schema', async () => {
    const run = await runPrefixkit(['doctor', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: prefixkit doctor \[options\]$/m);
    expect(run.stdout).toMatch(
      /--limits +List every adapter limit, not only the key ones\. \[default: false\]/,
    );
    const schema = await runInProcess(['doctor', '--help', '--json']);
    expect(parseJsonOutput(schema).options).toMatchObject({
      properties: { limits: { type: 'boolean' } },
    });
  });
});
