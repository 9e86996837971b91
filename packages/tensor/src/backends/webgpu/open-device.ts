// Adapter -> device with the adapter's full limits, shared by the Node (Dawn) and browser
// (navigator.gpu) entry points. Browser-safe: it only receives a `GPU` object.
// Why full limits: a device gets the spec defaults (16 KiB workgroup storage, 256 invocations,
// 128 MiB bindings) unless the limits are requested explicitly (WebGPU spec, requestDevice).
import { WebGPUUnavailableError } from './errors';

export interface WebGpuDeviceOptions {
  /**
   * Request the `shader-f16` feature. Off by default and never enabled silently: asking for it
   * on an adapter without it throws a WebGPUUnavailableError.
   */
  readonly shaderF16?: boolean;
  readonly powerPreference?: GPUPowerPreference;
}

/** What the adapter said about itself, for logs and benchmark records. */
export interface AdapterDescription {
  readonly vendor: string;
  readonly architecture: string;
  readonly device: string;
  readonly description: string;
  readonly isFallbackAdapter: boolean;
  /** Subgroup (SIMD width) range the adapter reports; 0 when unknown. */
  readonly subgroupMinSize: number;
  readonly subgroupMaxSize: number;
}

/** A device together with facts about the adapter it came from. */
export interface OpenedDevice {
  readonly device: GPUDevice;
  readonly adapter: AdapterDescription;
  /** Features enabled on the device (a subset of the adapter's). */
  readonly features: readonly string[];
}

/** Every limit the adapter supports, as `requiredLimits` for `requestDevice`. */
export function adapterLimits(adapter: GPUAdapter): Record<string, number> {
  const limits: Record<string, number> = {};
  const source = adapter.limits as unknown as Record<string, unknown>;
  // Limits are getters on the prototype; Dawn's are not enumerable with for-in, browsers' are.
  const keys = new Set<string>(Object.keys(Object.getPrototypeOf(source) ?? {}));
  for (const key in source) keys.add(key);
  for (const key of keys) {
    const value = source[key];
    if (typeof value === 'number') limits[key] = value;
  }
  return limits;
}

export function describeAdapter(adapter: GPUAdapter): AdapterDescription {
  const info = adapter.info as GPUAdapterInfo & {
    isFallbackAdapter?: boolean;
    subgroupMinSize?: number;
    subgroupMaxSize?: number;
  };
  const legacy = adapter as GPUAdapter & { isFallbackAdapter?: boolean };
  return {
    vendor: info.vendor ?? '',
    architecture: info.architecture ?? '',
    device: info.device ?? '',
    description: info.description ?? '',
    isFallbackAdapter: Boolean(info.isFallbackAdapter ?? legacy.isFallbackAdapter),
    subgroupMinSize: info.subgroupMinSize ?? 0,
    subgroupMaxSize: info.subgroupMaxSize ?? 0,
  };
}

/** Requests an adapter from `gpu` and a device with its full limits. */
export async function openDevice(
  gpu: GPU,
  options: WebGpuDeviceOptions = {},
): Promise<OpenedDevice> {
  let adapter: GPUAdapter | null;
  try {
    adapter = await gpu.requestAdapter(
      options.powerPreference ? { powerPreference: options.powerPreference } : undefined,
    );
  } catch (error) {
    throw new WebGPUUnavailableError(`requestAdapter() failed: ${String(error)}`, { cause: error });
  }
  if (!adapter) throw new WebGPUUnavailableError('requestAdapter() returned no adapter.');
  // `subgroups` changes no numerics; it only lets kernels opt into subgroup operations, so it
  // is taken whenever offered (unlike shader-f16, which changes precision and must be asked for).
  const requiredFeatures: GPUFeatureName[] = adapter.features.has('subgroups')
    ? ['subgroups' as GPUFeatureName]
    : [];
  if (options.shaderF16) {
    if (!adapter.features.has('shader-f16')) {
      throw new WebGPUUnavailableError(
        `the option shaderF16 asks for the feature shader-f16; expected the adapter to offer it, got features [${[...adapter.features].sort().join(', ')}].`,
      );
    }
    requiredFeatures.push('shader-f16');
  }
  let device: GPUDevice;
  try {
    device = await adapter.requestDevice({
      label: 'prefixkit',
      requiredLimits: adapterLimits(adapter),
      requiredFeatures,
    });
  } catch (error) {
    throw new WebGPUUnavailableError(`requestDevice() failed: ${String(error)}`, { cause: error });
  }
  return { device, adapter: describeAdapter(adapter), features: [...device.features].sort() };
}
