// GPU buffers recycled by size class, so a training step that frees and re-allocates the same
// shapes creates no new buffers after the first step (tfjs' buffer manager, simplified).
// A released buffer may still be referenced by recorded-but-unsubmitted commands; that is safe
// because it is only handed out again to commands recorded later on the same queue. Buffers are
// destroyed only by trim() (called right after a submit) and destroyAll().

const MIN_CLASS_BYTES = 256;

/**
 * The byte size a request is rounded up to: a power of two split into four steps, so at most
 * 25% is wasted while nearby sizes (e.g. 768*T for several T) still share a class.
 */
export function sizeClass(bytes: number): number {
  if (bytes <= MIN_CLASS_BYTES) return MIN_CLASS_BYTES;
  const power = 2 ** Math.floor(Math.log2(bytes - 1));
  const step = power / 4;
  return Math.ceil(bytes / step) * step;
}

export class BufferPool {
  private readonly free = new Map<number, GPUBuffer[]>();
  private freeBytes = 0;
  /** Buffers this pool created that are not destroyed (free or handed out). */
  private created = 0;

  constructor(
    private readonly device: GPUDevice,
    private readonly usage: number,
    private readonly label: string,
    /** Told of every buffer just before the pool destroys it (bind groups that bind it go). */
    private readonly onDestroy: (buffer: GPUBuffer) => void = () => {},
  ) {}

  /** A buffer of at least `bytes`; `fresh` is true when it was just created (and so zeroed). */
  acquire(bytes: number): { buffer: GPUBuffer; fresh: boolean } {
    const size = sizeClass(bytes);
    const reused = this.free.get(size)?.pop();
    if (reused) {
      this.freeBytes -= size;
      return { buffer: reused, fresh: false };
    }
    this.created += 1;
    return {
      buffer: this.device.createBuffer({ label: this.label, size, usage: this.usage }),
      fresh: true,
    };
  }

  /** Returns a buffer obtained from acquire(). */
  release(buffer: GPUBuffer): void {
    const list = this.free.get(buffer.size);
    if (list) list.push(buffer);
    else this.free.set(buffer.size, [buffer]);
    this.freeBytes += buffer.size;
  }

  /** Bytes held in free lists. */
  get pooledBytes(): number {
    return this.freeBytes;
  }

  /** Buffers created by this pool and not yet destroyed. */
  get createdCount(): number {
    return this.created;
  }

  /** Destroys free buffers, largest first, until at most `maxBytes` stay pooled. */
  trim(maxBytes: number): void {
    if (this.freeBytes <= maxBytes) return;
    const sizes = [...this.free.keys()].sort((a, b) => b - a);
    for (const size of sizes) {
      const list = this.free.get(size) ?? [];
      while (list.length > 0 && this.freeBytes > maxBytes) {
        const buffer = list.pop()!;
        this.onDestroy(buffer);
        buffer.destroy();
        this.freeBytes -= size;
        this.created -= 1;
      }
      if (list.length === 0) this.free.delete(size);
    }
  }

  /** Destroys the free buffers; handed-out ones are the caller's to destroy. */
  destroyAll(): void {
    this.trim(0);
  }
}
