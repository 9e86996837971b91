// Where the site's static assets live under its base URL. The build copies them from the
// repository (vite/model-assets-plugin.ts) and lists each file's size and SHA-256 in the manifest.

export const demoAssets = {
  modelConfig: 'model/config.json',
  modelWeights: 'model/model.safetensors',
  shippedPrefixConfig: 'model/prefixes/e2e/adapter_config.json',
  shippedPrefixWeights: 'model/prefixes/e2e/adapter_model.safetensors',
  trainSample: 'data/e2e/trainset.csv',
  devSample: 'data/e2e/devset.csv',
} as const;

export type DemoAsset = keyof typeof demoAssets;

export const assetManifestPath = 'asset-manifest.json';

/** The manifest the build writes: per asset path, its size and SHA-256 (hex). */
export interface AssetManifest {
  readonly files: Readonly<Record<string, { readonly bytes: number; readonly sha256: string }>>;
}
