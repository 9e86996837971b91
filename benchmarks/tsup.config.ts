// One self-contained ESM file per benchmark (dist/matmul.bench.js, dist/compare.js), for machines without pnpm or
// the workspace (a lent GPU, docs/gpu.md): only the native `webgpu` package stays external.
import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { 'matmul.bench': 'kernels/matmul.bench.ts', compare: 'compare/compare.ts' },
  format: ['esm'],
  platform: 'node',
  target: 'node20',
  bundle: true,
  noExternal: [/^@prefixkit\//],
  external: ['webgpu'],
  // No shared chunks: each file is the whole program, copied alone to a lent GPU.
  splitting: false,
  clean: true,
  sourcemap: false,
  dts: false,
});
