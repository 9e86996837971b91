// Opens the page's WebGPU device and loads prefixkit-tiny, its shipped prefix and the E2E sample
// from the site's assets (through Cache Storage). The model's F16 weights are widened to F32 on
// load: the model computes in f32 everywhere, so adapters without `shader-f16` (SwiftShader,
// many laptops) run it too.
import {
  bufferByteSource,
  type Gpt2Model,
  type Gpt2Tokenizer,
  loadGpt2,
  loadGpt2Tokenizer,
} from '@prefixkit/gpt2';
import { loadPeft, type PeftModel } from '@prefixkit/peft';
import { createWebGpuBackend, requestDevice, type WebGpuBackend } from '@prefixkit/tensor/browser';
import { type AssetManifest, assetManifestPath, type DemoAsset, demoAssets } from '../demo-assets';
import { fetchCached } from './fetch-cached';
import type { AdapterFacts } from './protocol';

export interface DemoModel {
  readonly backend: WebGpuBackend;
  readonly model: Gpt2Model;
  readonly tokenizer: Gpt2Tokenizer;
  readonly shipped: PeftModel;
  readonly adapter: AdapterFacts;
  /** How the weights file stores them (config.json's torch_dtype); computed in f32 regardless. */
  readonly weightsDtype: string;
  readonly text: (asset: DemoAsset) => Promise<string>;
}

export type LoadProgress = (file: string, loaded: number, total: number, cached: boolean) => void;

async function adapterFacts(): Promise<AdapterFacts> {
  const opened = await requestDevice();
  const limits = opened.device.limits as unknown as Record<string, number>;
  const shown = [
    'maxBufferSize',
    'maxStorageBufferBindingSize',
    'maxComputeWorkgroupStorageSize',
    'maxComputeInvocationsPerWorkgroup',
    'maxComputeWorkgroupSizeX',
  ];
  const adapter = await navigator.gpu.requestAdapter();
  return {
    vendor: opened.adapter.vendor,
    architecture: opened.adapter.architecture,
    description: opened.adapter.description,
    isFallbackAdapter: opened.adapter.isFallbackAdapter,
    features: opened.features,
    adapterFeatures: adapter ? [...adapter.features].sort() : [],
    limits: Object.fromEntries(shown.map((name) => [name, Number(limits[name])])),
  };
}

/** Everything the demo computes with, loaded from `baseUrl` (the site's root). */
export async function loadDemoModel(baseUrl: string, onProgress: LoadProgress): Promise<DemoModel> {
  const manifestResponse = await fetch(new URL(assetManifestPath, baseUrl), { cache: 'no-cache' });
  if (!manifestResponse.ok)
    throw new Error(`GET ${assetManifestPath}: HTTP ${manifestResponse.status}`);
  const manifest = (await manifestResponse.json()) as AssetManifest;
  const bytes = (asset: DemoAsset) => {
    const path = demoAssets[asset];
    const entry = manifest.files[path];
    if (!entry) throw new Error(`${assetManifestPath} lists no ${path}`);
    return fetchCached(new URL(path, baseUrl).href, entry.sha256, (loaded, total, cached) =>
      onProgress(path, loaded, total, cached),
    );
  };
  const text = async (asset: DemoAsset) => new TextDecoder().decode(await bytes(asset));
  const backend = await createWebGpuBackend();
  const [config, weights, tokenizer, adapter] = await Promise.all([
    text('modelConfig'),
    bytes('modelWeights'),
    loadGpt2Tokenizer(),
    adapterFacts(),
  ]);
  const model = await loadGpt2({ config, weights: bufferByteSource(weights) }, { backend });
  const shipped = await loadPeft(model, {
    config: await text('shippedPrefixConfig'),
    weights: await bytes('shippedPrefixWeights'),
  });
  const weightsDtype = String((JSON.parse(config) as { torch_dtype?: unknown }).torch_dtype);
  return { backend, model, tokenizer, shipped, adapter, weightsDtype, text };
}
