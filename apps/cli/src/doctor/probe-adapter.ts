// The WebGPU facts doctor reports. The backend itself, its adapter description and its limits come
// from @prefixkit/tensor's node entry: doctor opens exactly the device training would use.
// The features the adapter *offers* are read from Dawn directly (the `webgpu` package), because
// the tensor entry only reports the features it enabled on its device; this second read goes once
// @prefixkit/tensor exposes the adapter's feature list.
import { PrefixkitError } from '@prefixkit/errors';
import { createWebGpuBackend } from '@prefixkit/tensor/node';
import { create, globals } from 'webgpu';

export interface AdapterReport {
  vendor: string;
  architecture: string;
  device: string;
  description: string;
  isFallbackAdapter: boolean;
  /** Features the adapter offers. */
  features: string[];
  /** Features prefixkit's device enabled. */
  deviceFeatures: string[];
  /** The device's limits (prefixkit requests the adapter's full limits). */
  limits: Record<string, number>;
}

export type AdapterProbe =
  | { ok: true; adapter: AdapterReport }
  | { ok: false; reason: string; cause: unknown };

function readLimits(limits: GPUSupportedLimits): Record<string, number> {
  const source = limits as unknown as Record<string, unknown>;
  // Dawn's limits are getters on the prototype, not own enumerable properties.
  const keys = new Set<string>(Object.keys(Object.getPrototypeOf(source) ?? {}));
  for (const key in source) keys.add(key);
  const result: Record<string, number> = {};
  for (const key of [...keys].sort()) {
    const value = source[key];
    if (typeof value === 'number') result[key] = value;
  }
  return result;
}

async function adapterFeatures(): Promise<string[]> {
  for (const [name, value] of Object.entries(globals)) {
    if (!(name in globalThis))
      Object.defineProperty(globalThis, name, { value, configurable: true, writable: true });
  }
  const adapter = await create([]).requestAdapter();
  return adapter ? [...adapter.features].map(String).sort() : [];
}

/**
 * Opens the WebGPU backend as training would and describes it. Returns `ok: false` (never throws)
 * when there is no adapter, so the caller decides whether that is an error.
 */
export async function probeAdapter(): Promise<AdapterProbe> {
  let backend: Awaited<ReturnType<typeof createWebGpuBackend>>;
  try {
    backend = await createWebGpuBackend();
  } catch (error) {
    if (!PrefixkitError.hasCode(error, 'WEBGPU_UNAVAILABLE')) throw error;
    // The tensor error's first line is the reason; its hint is replaced by the CLI's fix.
    const reason = error.message.split('\n')[0]!.replace(/^WebGPU is unavailable: /, '');
    return { ok: false, reason: reason.replace(/\.$/, ''), cause: error };
  }
  try {
    return {
      ok: true,
      adapter: {
        ...backend.adapter,
        features: await adapterFeatures(),
        deviceFeatures: [...backend.features],
        limits: readLimits(backend.device.limits),
      },
    };
  } finally {
    backend.destroy();
  }
}
