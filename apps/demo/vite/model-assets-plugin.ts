// Puts prefixkit-tiny, its shipped E2E prefix and the E2E sample into the site without committing
// copies: the build emits them from the repository with a manifest of sizes and SHA-256s (the
// worker's cache keys); the dev server serves them straight from the repository.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { assetManifestPath, demoAssets } from '../src/demo-assets.ts';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** Site path -> repository path of every asset. */
export const assetSources: Readonly<Record<string, string>> = {
  [demoAssets.modelConfig]: 'models/prefixkit-tiny/config.json',
  [demoAssets.modelWeights]: 'models/prefixkit-tiny/model.safetensors',
  [demoAssets.shippedPrefixConfig]: 'models/prefixkit-tiny/prefixes/e2e/adapter_config.json',
  [demoAssets.shippedPrefixWeights]: 'models/prefixkit-tiny/prefixes/e2e/adapter_model.safetensors',
  [demoAssets.trainSample]: 'packages/datasets/fixtures/e2e/trainset.csv',
  [demoAssets.devSample]: 'packages/datasets/fixtures/e2e/devset.csv',
};

function readAsset(sitePath: string): Buffer {
  return readFileSync(`${repoRoot}${assetSources[sitePath]}`);
}

function manifest(): string {
  const files: Record<string, { bytes: number; sha256: string }> = {};
  for (const sitePath of Object.keys(assetSources)) {
    const bytes = readAsset(sitePath);
    files[sitePath] = {
      bytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    };
  }
  return `${JSON.stringify({ files }, null, 2)}\n`;
}

export function modelAssetsPlugin(): Plugin {
  return {
    name: 'prefixkit-model-assets',
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        const path = (request.url ?? '').split('?')[0]!.replace(/^\//, '');
        if (path === assetManifestPath) {
          response.setHeader('content-type', 'application/json');
          response.end(manifest());
        } else if (path in assetSources) {
          response.setHeader('content-type', 'application/octet-stream');
          response.end(readAsset(path));
        } else next();
      });
    },
    generateBundle() {
      for (const sitePath of Object.keys(assetSources))
        this.emitFile({ type: 'asset', fileName: sitePath, source: readAsset(sitePath) });
      this.emitFile({ type: 'asset', fileName: assetManifestPath, source: manifest() });
    },
  };
}
