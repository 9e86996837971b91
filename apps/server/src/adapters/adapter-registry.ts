// The adapters one frozen GPT-2 serves. An id is looked up lazily as `<root>/<id>/` (or
// registered by an admin with a path inside the root), loaded onto the device on first use and
// checked against the base model by @prefixkit/peft's loader. Loaded adapters (their parameters
// and what decoding() built) stay resident in a byte-budget LRU; pinned ones and those with
// requests in flight are never evicted. Deleting an adapter drains it: new requests are refused
// at once, the unload waits for the ones in flight.
import { readdir } from 'node:fs/promises';
import type { Gpt2Model } from '@prefixkit/gpt2';
import type { PeftDecoding, PeftModel } from '@prefixkit/peft';
import { loadPeftDirectory } from '@prefixkit/peft/node';
import type { Tensor } from '@prefixkit/tensor';
import { ServerRequestError } from '../errors';
import { type AdapterInfo, readAdapterInfo } from './adapter-info';
import { checkAdapterId, resolveInsideRoot } from './adapter-path';

export interface AdapterStatus extends AdapterInfo {
  readonly id: string;
  readonly status: 'registered' | 'resident';
  readonly pinned: boolean;
  readonly bytes: number;
  readonly inFlight: number;
}

/** A decoding handed to one request; release() when the request is done. */
export interface AdapterLease {
  readonly id: string;
  readonly decoding: Pick<PeftDecoding, 'model' | 'options'>;
  readonly info: AdapterInfo;
  release(): void;
}

interface Entry {
  readonly id: string;
  readonly folder: string;
  readonly info: AdapterInfo;
  pinned: boolean;
  inFlight: number;
  draining: boolean;
  loaded?: Promise<{ peft: PeftModel; decoding: PeftDecoding; bytes: number }>;
  bytes: number;
  drained?: () => void;
}

export interface RegistryEvents {
  onHit?(id: string): void;
  onMiss?(id: string): void;
  onEvict?(id: string): void;
}

function tensorBytes(tensors: Iterable<Tensor>): number {
  let bytes = 0;
  for (const t of tensors) bytes += t.size * (t.dtype === 'f64' ? 8 : 4);
  return bytes;
}

/** Bytes a loaded adapter holds on the device: its parameters and what decoding() built. */
function residentBytes(base: Gpt2Model, peft: PeftModel, decoding: PeftDecoding): number {
  const own = new Set(peft.parameters.list());
  const built: Tensor[] = [];
  for (const layer of [
    ...(decoding.options.past ?? []),
    ...(decoding.options.infix?.keyValues ?? []),
  ])
    built.push(layer.key, layer.value);
  for (const [name, t] of decoding.model.parameters)
    if (base.parameters.get(name) !== t && !own.has(t)) built.push(t);
  return tensorBytes(own) + tensorBytes(built);
}

export class AdapterRegistry {
  private readonly entries = new Map<string, Entry>();
  private residentTotal = 0;

  constructor(
    private readonly base: Gpt2Model,
    readonly baseId: string,
    private readonly root: string | null,
    private readonly budgetBytes: number,
    private readonly events: RegistryEvents = {},
  ) {}

  /** Bytes held by resident adapters. */
  get residentBytes(): number {
    return this.residentTotal;
  }

  /** Every adapter folder under the root (with an adapter_config.json) and every registered one. */
  async list(): Promise<AdapterStatus[]> {
    if (this.root) {
      for (const dirent of await readdir(this.root, { withFileTypes: true })) {
        if (!dirent.isDirectory() && !dirent.isSymbolicLink()) continue;
        if (this.entries.has(dirent.name)) continue;
        try {
          await this.entry(dirent.name);
        } catch {
          // A folder that is not an adapter (or escapes the root) is simply not listed.
        }
      }
    }
    return [...this.entries.values()]
      .filter((entry) => !entry.draining)
      .map((entry) => this.status(entry));
  }

  /** Registers `id` for the folder `path` inside the root (admin). */
  async register(id: string, path: string): Promise<AdapterStatus> {
    checkAdapterId(id, 'id');
    if (id === this.baseId || this.entries.has(id))
      throw new ServerRequestError(
        'SERVER_ADAPTER_EXISTS',
        `id: ${id} is already registered`,
        409,
        'id',
      );
    const folder = await resolveInsideRoot(this.requireRoot(), path, 'path');
    const entry: Entry = {
      id,
      folder,
      info: await readAdapterInfo(folder, id),
      pinned: false,
      inFlight: 0,
      draining: false,
      bytes: 0,
    };
    this.entries.set(id, entry);
    return this.status(entry);
  }

  /** Unregisters `id`: refused for new requests at once; unloaded once its requests finish. */
  async remove(id: string): Promise<void> {
    const entry = this.entries.get(id);
    if (!entry || entry.draining) throw this.notFound(id, 'id');
    entry.draining = true;
    if (entry.inFlight > 0) await new Promise<void>((done) => (entry.drained = done));
    this.entries.delete(id);
    await this.unload(entry);
  }

  /** Pins (never evicted) or unpins `id`; pinning loads it. */
  async setPinned(id: string, pinned: boolean): Promise<AdapterStatus> {
    const entry = await this.entry(id, 'id');
    entry.pinned = pinned;
    if (pinned) await this.load(entry);
    else await this.evictOverBudget();
    return this.status(entry);
  }

  /** The decoding for `model` (the base id or an adapter id), held until release(). */
  async acquire(model: string): Promise<AdapterLease> {
    if (model === this.baseId) {
      return {
        id: model,
        decoding: { model: this.base, options: {} },
        info: { kind: 'base', numVirtualTokens: 0, batching: 'shared' },
        release: () => {},
      };
    }
    const entry = await this.entry(model);
    entry.inFlight++;
    let loaded: Awaited<NonNullable<Entry['loaded']>>;
    try {
      loaded = await this.load(entry);
    } catch (error) {
      this.done(entry);
      throw error;
    }
    // Most recently used last: re-inserting keeps the Map in LRU order.
    this.entries.delete(entry.id);
    this.entries.set(entry.id, entry);
    let released = false;
    return {
      id: entry.id,
      decoding: loaded.decoding,
      info: entry.info,
      release: () => {
        if (released) return;
        released = true;
        this.done(entry);
        void this.evictOverBudget();
      },
    };
  }

  /** Frees every resident adapter. */
  async dispose(): Promise<void> {
    for (const entry of this.entries.values()) await this.unload(entry);
    this.entries.clear();
  }

  private done(entry: Entry): void {
    entry.inFlight--;
    if (entry.inFlight === 0) entry.drained?.();
  }

  private async entry(id: string, param = 'model'): Promise<Entry> {
    const known = this.entries.get(id);
    if (known) {
      if (known.draining) throw this.notFound(id, param);
      return known;
    }
    checkAdapterId(id, param);
    if (!this.root) throw this.notFound(id, param);
    const folder = await resolveInsideRoot(this.root, id, param).catch((error: unknown) => {
      throw error instanceof ServerRequestError && error.status === 404
        ? this.notFound(id, param)
        : error;
    });
    const info = await readAdapterInfo(folder, id);
    const raced = this.entries.get(id);
    if (raced) return raced;
    const entry: Entry = {
      id,
      folder,
      info,
      pinned: false,
      inFlight: 0,
      draining: false,
      bytes: 0,
    };
    this.entries.set(id, entry);
    return entry;
  }

  private load(entry: Entry): NonNullable<Entry['loaded']> {
    if (entry.loaded) {
      this.events.onHit?.(entry.id);
      return entry.loaded;
    }
    this.events.onMiss?.(entry.id);
    entry.loaded = (async () => {
      const peft = await loadPeftDirectory(this.base, entry.folder);
      const decoding = peft.decoding();
      const bytes = residentBytes(this.base, peft, decoding);
      entry.bytes = bytes;
      this.residentTotal += bytes;
      return { peft, decoding, bytes };
    })();
    entry.loaded.catch(() => {
      entry.loaded = undefined;
    });
    return entry.loaded.then(async (loaded) => {
      await this.evictOverBudget();
      return loaded;
    });
  }

  private async unload(entry: Entry): Promise<void> {
    const loaded = await entry.loaded?.catch(() => undefined);
    entry.loaded = undefined;
    if (!loaded) return;
    loaded.decoding.dispose();
    loaded.peft.dispose();
    this.residentTotal -= loaded.bytes;
    entry.bytes = 0;
  }

  /** Evicts least recently used adapters (not pinned, nothing in flight) while over budget. */
  private async evictOverBudget(): Promise<void> {
    for (const entry of [...this.entries.values()]) {
      if (this.residentTotal <= this.budgetBytes) return;
      if (entry.pinned || entry.inFlight > 0 || !entry.loaded) continue;
      await this.unload(entry);
      this.events.onEvict?.(entry.id);
    }
  }

  private status(entry: Entry): AdapterStatus {
    return {
      id: entry.id,
      ...entry.info,
      status: entry.loaded ? 'resident' : 'registered',
      pinned: entry.pinned,
      bytes: entry.bytes,
      inFlight: entry.inFlight,
    };
  }

  private requireRoot(): string {
    if (!this.root)
      throw new ServerRequestError(
        'SERVER_NO_ADAPTER_ROOT',
        'the server has no adapter root',
        400,
        'path',
      );
    return this.root;
  }

  private notFound(id: string, param: string): ServerRequestError {
    return new ServerRequestError(
      'SERVER_ADAPTER_NOT_FOUND',
      `${param}: no adapter or model named ${JSON.stringify(id)}`,
      404,
      param,
    );
  }
}
