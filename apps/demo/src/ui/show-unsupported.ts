// The page shown instead of the panels when the browser offers no WebGPU adapter.
import { byId } from './dom';

/** Why WebGPU is unusable here, or null when an adapter exists. */
export async function webGpuProblem(): Promise<string | null> {
  if (!('gpu' in navigator) || !navigator.gpu)
    return 'navigator.gpu is missing: this browser has WebGPU off or does not have it.';
  try {
    const adapter = await navigator.gpu.requestAdapter();
    return adapter
      ? null
      : 'navigator.gpu.requestAdapter() found no adapter (GPU blocklisted or WebGPU disabled).';
  } catch (error) {
    return `navigator.gpu.requestAdapter() failed: ${String(error)}`;
  }
}

export function showUnsupported(reason: string): void {
  byId('unsupported').hidden = false;
  byId('unsupported-reason').textContent = reason;
  document.body.dataset.state = 'unsupported';
}
