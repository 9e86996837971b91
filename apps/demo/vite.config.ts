import { defineConfig } from 'vite';
import { modelAssetsPlugin } from './vite/model-assets-plugin.ts';

export default defineConfig({
  // Relative asset URLs: dist/ works from any path (a GitHub Pages project page, a Space, a CDN).
  base: './',
  plugins: [modelAssetsPlugin()],
  // ES-module worker, so the worker's own dynamic imports (the tokenizer's merges) split out.
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 1200 },
  preview: { host: '127.0.0.1' },
});
