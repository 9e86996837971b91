// Runs the README's example as written: the ```ts block after the `readme-example` marker is
// written to a temporary module and imported (the vitest aliases resolve `@prefixkit/*` to the
// sources), and what it logs is checked.
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it, vi } from 'vitest';

it('the README example trains, saves in PEFT layout and loads back the same prefix', async () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const after = readme.slice(readme.indexOf('<!-- readme-example'));
  const code = /```ts\n([\s\S]*?)```/.exec(after)?.[1];
  expect(code).toBeDefined();
  const directory = await mkdtemp(join(tmpdir(), 'prefixkit-readme-'));
  const file = join(directory, 'readme-example.ts');
  await writeFile(file, code!);
  const logged: unknown[] = [];
  const spy = vi.spyOn(console, 'log').mockImplementation((value: unknown) => {
    logged.push(value);
  });
  try {
    await import(/* @vite-ignore */ file);
  } finally {
    spy.mockRestore();
    await rm(directory, { recursive: true, force: true });
  }
  const result = logged[0] as Record<string, number> & { generated?: number[][] };

  expect(result.trainable).toBe(5 * 32 + 64 * 32 + 64 + 2 * 2 * 32 * 64 + 2 * 2 * 32);
  expect(result.after).toBeLessThan(result.before! * 0.6);
  expect(Math.abs(result.reloaded! - result.trained!)).toBeLessThan(1e-5);
  expect(result.trained).toBeCloseTo(result.after!, 4);
  // The prefix steers generation to the task's template: 41 42 <slot> 43 <eos>.
  for (const tokens of result.generated!) {
    expect([tokens[0], tokens[1], tokens[3], tokens[4]]).toEqual([41, 42, 43, 47]);
  }
});
