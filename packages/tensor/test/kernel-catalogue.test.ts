// docs/kernels.md stays in step with kernelSpecs: every kernel is documented, every documented
// kernel is really run by an op (its name appears in src/ops or src/optim), and the committed
// file equals the rendering (update: pnpm exec vitest run test/kernel-catalogue.test.ts --update).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kernelSpecs } from '../src/kernels/kernel-specs';
import { docFor, renderKernelCatalogue } from './kernel-catalogue';

const source = ['../src/ops', '../src/optim']
  .map((folder) => join(import.meta.dirname, folder))
  .flatMap((folder) => readdirSync(folder).map((file) => readFileSync(join(folder, file), 'utf8')))
  .join('\n');

describe('docs/kernels.md', () => {
  it('documents every kernel, each run by some op', () => {
    for (const name of Object.keys(kernelSpecs)) {
      expect(docFor(name), name).toBeDefined();
      if (name === 'matmulNaive') continue; // the readable specification, run by benchmarks
      expect(source.includes(`'${name}'`), `${name} used in src/ops or src/optim`).toBe(true);
    }
  });
  it('is the committed rendering of kernelSpecs', async () => {
    await expect(renderKernelCatalogue()).toMatchFileSnapshot('../../../docs/kernels.md');
  });
});
