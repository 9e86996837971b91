// BindGroupCache on a real device: the same layout and entries give the same group, any other
// buffer, offset or size a new one; a buffer's groups go when the pool destroys it; the bound
// clears everything; and the backend's results stay right while groups are reused (a pool trim
// in between).
import { describe, expect, it } from 'vitest';
import { getWebGpuBackend } from '../../../test/webgpu-fixture';
import { tensor } from '../../create';
import { add } from '../../ops/elementwise';
import { BindGroupCache } from './bind-group-cache';
import { BufferPool } from './buffer-pool';

const STORAGE = 128 | 4 | 8;

describe('BindGroupCache', () => {
  it('reuses groups by layout, buffer, offset and size; forgets destroyed buffers', async (context) => {
    const backend = await getWebGpuBackend(context);
    const device = backend.device;
    const layout = device.createBindGroupLayout({
      entries: [{ binding: 0, visibility: 4, buffer: { type: 'read-only-storage' } }],
    });
    const cache = new BindGroupCache(device, 3);
    const pool = new BufferPool(device, STORAGE, 'test', (buffer) => cache.forget(buffer));
    const a = pool.acquire(1024).buffer;
    const b = pool.acquire(1024).buffer;
    const group = cache.get(layout, 'test', [{ buffer: a, offset: 0, size: 256 }]);
    expect(cache.get(layout, 'test', [{ buffer: a, offset: 0, size: 256 }])).toBe(group);
    expect(cache.get(layout, 'test', [{ buffer: a, offset: 256, size: 256 }])).not.toBe(group);
    expect(cache.get(layout, 'test', [{ buffer: b, offset: 0, size: 256 }])).not.toBe(group);
    expect(cache.size).toBe(3);
    pool.release(a);
    pool.trim(1024); // keeps a (1 KiB pooled)
    expect(cache.size).toBe(3);
    pool.trim(0); // destroys a: its two groups go
    expect(cache.size).toBe(1);
    cache.get(layout, 'test', [{ buffer: b, offset: 16, size: 256 }]);
    cache.get(layout, 'test', [{ buffer: b, offset: 32, size: 256 }]);
    cache.get(layout, 'test', [{ buffer: b, offset: 48, size: 256 }]); // past the bound of 3
    expect(cache.size).toBe(1);
    pool.release(b);
    pool.destroyAll();
    expect(cache.size).toBe(0);
  });

  it('keeps results right across steps that reuse pooled buffers and groups', async (context) => {
    const backend = await getWebGpuBackend(context);
    for (let step = 0; step < 4; step++) {
      const x = tensor([1, 2, 3, step], [4], { backend });
      const y = add(add(x, x), x);
      expect(Array.from(await y.data())).toEqual([3, 6, 9, 3 * step]);
      for (const t of [x, y]) t.dispose();
    }
  });
});
