// Checks a dispatch against the device's limits before recording it, so an oversized tensor
// or grid fails with a typed error naming the kernel instead of an uncaptured validation error
// at the next read (e.g. GPT-2's 50257 x 768 embedding is 154 MB, over lavapipe's 128 MiB
// maxStorageBufferBindingSize).
import { GpuLimitExceededError } from './errors';
import type { WebGpuBuffer } from './webgpu-buffer';

/** Throws when a bound buffer is larger than one binding may be. */
export function checkBindingSizes(
  kernel: string,
  buffers: readonly WebGpuBuffer[],
  limits: GPUSupportedLimits,
): void {
  const maximum = limits.maxStorageBufferBindingSize;
  for (const buffer of buffers) {
    if (buffer.byteLength > maximum) {
      throw new GpuLimitExceededError(
        `${kernel}: a ${buffer.length}-element binding`,
        'maxStorageBufferBindingSize',
        maximum,
        buffer.byteLength,
      );
    }
  }
}

/** Throws when a workgroup count exceeds maxComputeWorkgroupsPerDimension. */
export function checkWorkgroupCounts(
  kernel: string,
  workgroups: readonly number[],
  limits: GPUSupportedLimits,
): void {
  const maximum = limits.maxComputeWorkgroupsPerDimension;
  for (const count of workgroups) {
    if (count > maximum) {
      throw new GpuLimitExceededError(
        `${kernel}: dispatch [${workgroups.join(', ')}]`,
        'maxComputeWorkgroupsPerDimension',
        maximum,
        count,
      );
    }
  }
}
