// `prefixkit serve` through the real binary: with no flags it serves the embedded model and the
// prefixes shipped with it on loopback; its greedy and beam completions equal `prefixkit
// generate` token for token for the same model, adapter, input and decoding; SIGTERM drains and
// exits 0.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { cliDir, parseJsonOutput, runPrefixkit } from './run-cli';

const prefix = join(cliDir, '..', '..', 'models', 'prefixkit-tiny', 'prefixes', 'e2e');
const input = 'name : The Eagle | food : French | area : riverside';

async function generated(args: string[]): Promise<number[]> {
  const run = await runPrefixkit([
    'generate',
    '--adapter',
    prefix,
    '--input',
    input,
    '--json',
    '--min-length',
    '0',
    ...args,
  ]);
  expect(run.code, run.stderr).toBe(0);
  return (parseJsonOutput(run).result as { outputs: { generatedIds: number[] }[] }).outputs[0]!
    .generatedIds;
}

it('serves the embedded model and its prefixes as `prefixkit generate` decodes them', async () => {
  const child = spawn(
    process.execPath,
    [`${cliDir}scripts/prefixkit-source.mjs`, 'serve', '--port', '0'],
    {
      cwd: cliDir,
      env: { ...process.env, INIT_CWD: '', npm_lifecycle_event: '' },
    },
  );
  let stderr = '';
  child.stderr.on('data', (data: Buffer) => {
    stderr += data.toString();
  });
  try {
    const until = Date.now() + 60_000;
    while (!/on (http:\/\/\S+)/.test(stderr) && Date.now() < until)
      await new Promise((done) => setTimeout(done, 50));
    const url = /on (http:\/\/\S+)/.exec(stderr)?.[1];
    expect(url, stderr).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(stderr).toMatch(/curl -s .*\/v1\/completions/);
    const models = (await (await fetch(`${url}/v1/models`)).json()) as { data: { id: string }[] };
    expect(models.data.map((model) => model.id)).toEqual(['prefixkit-tiny', 'e2e']);
    const complete = async (body: object) => {
      const response = await fetch(`${url}/v1/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          model: 'e2e',
          prompt: input,
          max_tokens: 16,
          temperature: 0,
          ...body,
        }),
      });
      expect(response.status).toBe(200);
      return ((await response.json()) as { choices: { token_ids: number[] }[] }).choices[0]!
        .token_ids;
    };
    const [greedyServed, beamServed, greedyCli, beamCli] = await Promise.all([
      complete({}),
      complete({ num_beams: 5, banned_token_ids: [198, 628] }),
      generated(['--num-beams', '1', '--max-new-tokens', '16', '--banned-token-ids', '']),
      generated(['--num-beams', '5', '--max-new-tokens', '16']),
    ]);
    expect(greedyServed).toEqual(greedyCli);
    expect(beamServed).toEqual(beamCli);
    child.kill('SIGTERM');
    const [code] = await once(child, 'exit');
    expect(code, stderr).toBe(0);
    expect(stderr).toMatch(/SIGTERM: draining/);
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
}, 150_000);
