// `prefixkit inspect`, run as a real process on safetensors files, a PEFT-layout prefix folder
// and a run folder written by the test.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AdapterSummary } from '../src/inspect/inspect-path';
import { parseJsonOutput, runInProcess, runPrefixkit } from './run-cli';
import { writeTestSafetensors } from './write-safetensors';

let root: string;
let weightsBytes: number;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'prefixkit-inspect-'));
  const run = join(root, 'run');
  const final = join(run, 'final');
  mkdirSync(final, { recursive: true });
  weightsBytes = writeTestSafetensors(
    join(final, 'adapter_model.safetensors'),
    {
      'prefix_encoder.embedding.weight': { dtype: 'F32', shape: [5, 96] },
      'prefix_encoder.transform.0.weight': { dtype: 'F16', shape: [8, 3] },
    },
    { format: 'pt' },
  );
  writeFileSync(
    join(final, 'adapter_config.json'),
    JSON.stringify({
      peft_type: 'PREFIX_TUNING',
      task_type: 'CAUSAL_LM',
      num_virtual_tokens: 5,
      num_layers: 2,
    }),
  );
  writeFileSync(join(run, 'log.jsonl'), '{"step":1,"loss":3.5}\n{"step":2,"loss":2.25}\n');
  writeFileSync(join(run, 'config.json'), '{"method":"prefix"}');
  writeFileSync(join(root, 'broken.safetensors'), Buffer.from([200, 0, 0, 0, 0, 0, 0, 0, 123]));
  mkdirSync(join(root, 'half-adapter'));
  writeFileSync(join(root, 'half-adapter', 'adapter_config.json'), '{}');
});

describe.concurrent('prefixkit inspect', () => {
  it('--json lists a safetensors file: names, dtypes, shapes, sizes, metadata', async () => {
    const file = join(root, 'run', 'final', 'adapter_model.safetensors');
    const run = await runPrefixkit(['inspect', file, '--json']);
    expect(run.code).toBe(0);
    expect(parseJsonOutput(run)).toEqual({
      ok: true,
      command: 'inspect',
      result: {
        kind: 'safetensors',
        path: file,
        bytes: weightsBytes,
        metadata: { format: 'pt' },
        dtypes: { F32: 1, F16: 1 },
        parameters: 5 * 96 + 8 * 3,
        tensors: [
          {
            name: 'prefix_encoder.embedding.weight',
            dtype: 'F32',
            shape: [5, 96],
            parameters: 480,
            bytes: 1920,
          },
          {
            name: 'prefix_encoder.transform.0.weight',
            dtype: 'F16',
            shape: [8, 3],
            parameters: 24,
            bytes: 48,
          },
        ],
      },
    });
  });

  it('recognises a PEFT prefix folder and a run folder, and prints them for people', async () => {
    const adapter = await runInProcess(['inspect', '--path', join(root, 'run', 'final'), '--json']);
    const result = parseJsonOutput(adapter).result as AdapterSummary;
    expect(result.kind).toBe('adapter');
    expect(result.config.peft_type).toBe('PREFIX_TUNING');
    expect(result.weights.parameters).toBe(504);
    const run = await runPrefixkit(['inspect', 'run', '--max-tensors', '1'], { cwd: root });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('run/: run folder, 3 entries');
    expect(run.stderr).toContain('log.jsonl: JSONL log, 2 records; last: {"step":2,"loss":2.25}');
    expect(run.stderr).toContain('final: prefix/adapter (PEFT layout)');
    expect(run.stderr).toMatch(/peft_type="PREFIX_TUNING"/);
    expect(run.stderr).toMatch(/2 tensors \(F32 x1, F16 x1\), 504 parameters/);
    expect(run.stderr).toMatch(/prefix_encoder\.embedding\.weight +F32 +\[5, 96\] +480 +1\.9 KiB/);
    expect(run.stderr).toContain('... 1 more (--max-tensors 2 or --json lists all)');
  });

  it('reports missing paths (exit 4), malformed files (exit 5) and incomplete folders', async () => {
    const missing = await runPrefixkit(['inspect', join(root, 'nope.safetensors')]);
    expect(missing.code).toBe(4);
    expect(missing.stderr).toMatch(/nope\.safetensors: not found\. Pass a \.safetensors file/);
    const broken = await runPrefixkit(['inspect', join(root, 'broken.safetensors'), '--json']);
    expect(broken.code).toBe(5);
    expect(parseJsonOutput(broken).error).toMatchObject({ code: 'CHECKPOINT_FORMAT' });
    expect(broken.stderr).toMatch(/broken\.safetensors: truncated/);
    const half = await runInProcess(['inspect', join(root, 'half-adapter')]);
    expect(half.code).toBe(4);
    expect(half.stderr).toMatch(/adapter_model\.safetensors: not found/);
  });

  it('needs a path, takes one, and checks its options', async () => {
    const none = await runInProcess(['inspect']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/missing --path PATH/);
    const two = await runInProcess(['inspect', 'a', 'b']);
    expect(two.stderr).toMatch(/unexpected argument 'b'/);
    const bad = await runPrefixkit(['inspect', 'a', '--max-tensors=-1']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--max-tensors: expected an integer from 0 to 1000000, got '-1'");
    const unknown = await runInProcess(['inspect', 'a', '--max-tensor', '3']);
    expect(unknown.stderr).toContain('unknown option --max-tensor. Did you mean --max-tensors?');
    const help = await runPrefixkit(['inspect', '--help']);
    expect(help.stdout).toMatch(/^Usage: prefixkit inspect \[PATH\] \[options\]$/m);
  });
});
