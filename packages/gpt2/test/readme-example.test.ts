// Runs the README's example (examples/quickstart.ts) on the tiny fixture model, and checks that
// the README shows that file unchanged.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { quickstart } from '../examples/quickstart';

it('runs the README example: a prefix step, beam search and the tokenizer', async () => {
  const directory = fileURLToPath(new URL('./fixtures/tiny/', import.meta.url));
  const result = await quickstart(directory);
  expect(Number.isFinite(result.loss) && result.loss > 0).toBe(true);
  expect(result.generated.length).toBeGreaterThan(0);
  expect(result.generated.every((id) => Number.isInteger(id) && id >= 0 && id < 96)).toBe(true);
  const grad = await result.prefixGrad!.toArray();
  expect(grad.some((value) => value !== 0)).toBe(true);
  expect(result.helloIds).toEqual([15496, 995]);
});

it('the README shows examples/quickstart.ts verbatim', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const example = readFileSync(new URL('../examples/quickstart.ts', import.meta.url), 'utf8');
  const body = example.slice(example.indexOf('import '));
  expect(readme).toContain(body.trim());
});
