// One scenario of the memory benchmark, run in a fresh process so the kernel's peak-RSS mark
// (getrusage maxrss) belongs to this load alone:
//   tsx bench/memory-load.node.ts <checkpoint dir> <cpu|webgpu>
// Loads the checkpoint through loadGpt2 (streaming reader -> backend, tensor by tensor) and
// prints one JSON line: host memory (RSS, V8 heap, external/ArrayBuffer bytes) before, at peak
// and after, sampled every few ms and at every file read, plus the kernel's peak RSS; on WebGPU
// the device memory as the sum of live GPUBuffer sizes (createBuffer/destroy are counted).
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { type Backend, CpuBackend } from '@prefixkit/tensor';
import { createWebGpuBackend, releaseDevice, type WebGpuBackend } from '@prefixkit/tensor/node';
import { loadGpt2 } from '../src/model/load-gpt2';
import type { ByteSource } from '../src/safetensors/byte-source';
import { fileByteSource } from '../src/safetensors/file-byte-source.node.js';

const [directory, kind] = process.argv.slice(2);
if (!directory || (kind !== 'cpu' && kind !== 'webgpu'))
  throw new Error('usage: memory-load.node.ts <checkpoint dir> <cpu|webgpu>');

/** Live GPUBuffer bytes of a device: wraps createBuffer and each buffer's destroy. */
function countDeviceBuffers(device: GPUDevice) {
  const counter = { live: 0, peak: 0, buffers: 0 };
  const create = device.createBuffer.bind(device);
  device.createBuffer = (descriptor: GPUBufferDescriptor) => {
    const buffer = create(descriptor);
    const size = buffer.size;
    counter.live += size;
    counter.buffers += 1;
    counter.peak = Math.max(counter.peak, counter.live);
    const destroy = buffer.destroy.bind(buffer);
    let destroyed = false;
    buffer.destroy = () => {
      if (!destroyed) {
        destroyed = true;
        counter.live -= size;
        counter.buffers -= 1;
      }
      destroy();
    };
    return buffer;
  };
  return counter;
}

const peaks = { rss: 0, heapUsed: 0, external: 0, arrayBuffers: 0, samples: 0 };
function sample() {
  const usage = process.memoryUsage();
  peaks.rss = Math.max(peaks.rss, usage.rss);
  peaks.heapUsed = Math.max(peaks.heapUsed, usage.heapUsed);
  peaks.external = Math.max(peaks.external, usage.external);
  peaks.arrayBuffers = Math.max(peaks.arrayBuffers, usage.arrayBuffers);
  peaks.samples += 1;
}

/** The file source, sampling memory before and after every read. */
function sampled(source: ByteSource): ByteSource {
  return {
    ...source,
    read: async (offset, length, into) => {
      sample();
      const bytes = await source.read(offset, length, into);
      sample();
      return bytes;
    },
  };
}

const backend: Backend = kind === 'cpu' ? new CpuBackend() : await createWebGpuBackend();
const device = kind === 'webgpu' ? countDeviceBuffers((backend as WebGpuBackend).device) : null;
const weightsPath = join(directory, 'model.safetensors');
const fileBytes = (await stat(weightsPath)).size;
const { readFile } = await import('node:fs/promises');
const config = await readFile(join(directory, 'config.json'), 'utf8');
globalThis.gc?.();
const before = process.memoryUsage();
const timer = setInterval(sample, 5);
const start = performance.now();
const model = await loadGpt2(
  {
    config,
    configFile: join(directory, 'config.json'),
    weights: sampled(await fileByteSource(weightsPath)),
  },
  { backend },
);
await backend.synchronize();
const loadSeconds = (performance.now() - start) / 1000;
clearInterval(timer);
sample();
globalThis.gc?.();
const after = process.memoryUsage();
const maxRssBytes = process.resourceUsage().maxRSS * 1024;
let parameterBytes = 0;
let largestParameterBytes = 0;
for (const parameter of model.parameters.values()) {
  const bytes = parameter.shape.reduce((a, b) => a * b, 1) * 4;
  parameterBytes += bytes;
  largestParameterBytes = Math.max(largestParameterBytes, bytes);
}
const webgpu = backend as WebGpuBackend;
const limits = kind === 'webgpu' ? webgpu.device.limits : null;
console.log(
  JSON.stringify({
    backend: kind,
    ...(kind === 'webgpu' ? { adapter: webgpu.adapter.description } : {}),
    fileBytes,
    parameterBytesF32: parameterBytes,
    largestParameterBytesF32: largestParameterBytes,
    loadSeconds,
    host: {
      rssBefore: before.rss,
      rssAfter: after.rss,
      rssPeakSampled: Math.max(peaks.rss, after.rss),
      rssPeakKernel: maxRssBytes,
      heapUsedBefore: before.heapUsed,
      heapUsedPeakSampled: peaks.heapUsed,
      externalPeakSampled: peaks.external,
      arrayBuffersPeakSampled: peaks.arrayBuffers,
      samples: peaks.samples,
    },
    ...(device && limits
      ? {
          device: {
            liveBufferBytesAfter: device.live,
            liveBufferBytesPeak: device.peak,
            liveBuffers: device.buffers,
            maxBufferSize: limits.maxBufferSize,
            maxStorageBufferBindingSize: limits.maxStorageBufferBindingSize,
          },
        }
      : {}),
  }),
);
model.dispose();
backend.destroy();
await releaseDevice();
