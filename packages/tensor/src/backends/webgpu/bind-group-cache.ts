// Bind groups kept for reuse. Making one is a native call that costs as much as the rest of a
// dispatch's recording, and a decoding step binds the same pooled buffers at the same uniform
// offsets step after step (the pools hand sizes out in the same order), so most are found here.
// A group is keyed by its layout and, per entry, the buffer, offset and size; it is dropped when
// one of its buffers is destroyed (the pools report it), and all are dropped past a bound.

export interface BindGroupEntry {
  readonly buffer: GPUBuffer;
  readonly offset: number;
  readonly size: number;
}

export class BindGroupCache {
  private readonly bufferIds = new WeakMap<GPUBuffer, number>();
  private readonly layoutIds = new WeakMap<GPUBindGroupLayout, number>();
  private nextId = 1;
  private readonly groups = new Map<string, GPUBindGroup>();
  /** Per buffer id, the keys of the groups that bind it. */
  private readonly keysByBuffer = new Map<number, string[]>();

  constructor(
    private readonly device: GPUDevice,
    private readonly maxGroups = 4096,
  ) {}

  /** A bind group of `layout` over `entries` (bindings 0, 1, ... in order). */
  get(layout: GPUBindGroupLayout, label: string, entries: readonly BindGroupEntry[]): GPUBindGroup {
    // A plain loop and one string: this runs for every dispatch.
    const ids: number[] = [];
    let key = `${this.idOf(this.layoutIds, layout)}`;
    for (const entry of entries) {
      const id = this.idOf(this.bufferIds, entry.buffer);
      ids.push(id);
      key += `|${id}:${entry.offset}:${entry.size}`;
    }
    const cached = this.groups.get(key);
    if (cached) return cached;
    if (this.groups.size >= this.maxGroups) this.clear();
    const group = this.device.createBindGroup({
      label,
      layout,
      entries: entries.map((entry, binding) => ({
        binding,
        resource: { buffer: entry.buffer, offset: entry.offset, size: entry.size },
      })),
    });
    this.groups.set(key, group);
    for (const id of ids) {
      const keys = this.keysByBuffer.get(id);
      if (keys) keys.push(key);
      else this.keysByBuffer.set(id, [key]);
    }
    return group;
  }

  /** Drops the groups that bind `buffer` (called before it is destroyed). */
  forget(buffer: GPUBuffer): void {
    const id = this.bufferIds.get(buffer);
    if (id === undefined) return;
    for (const key of this.keysByBuffer.get(id) ?? []) this.groups.delete(key);
    this.keysByBuffer.delete(id);
  }

  /** Groups held (tests). */
  get size(): number {
    return this.groups.size;
  }

  clear(): void {
    this.groups.clear();
    this.keysByBuffer.clear();
  }

  private idOf<T extends object>(ids: WeakMap<T, number>, object: T): number {
    let id = ids.get(object);
    if (id === undefined) {
      id = this.nextId++;
      ids.set(object, id);
    }
    return id;
  }
}
