// Static assets fetched once with progress, then served from Cache Storage so a reload starts at
// once. Entries are keyed by the file's SHA-256 (from the build's asset manifest), so a new model
// build never reads a stale cached copy.

/** The Cache Storage bucket the demo owns (the page's "clear cache" control deletes it). */
export const demoCacheName = 'prefixkit-demo';

export type FetchProgress = (loaded: number, total: number, cached: boolean) => void;

async function readWithProgress(
  response: Response,
  onProgress: FetchProgress,
): Promise<Uint8Array<ArrayBuffer>> {
  const total = Number(response.headers.get('content-length') ?? 0);
  if (!response.body) {
    const bytes = new Uint8Array(await response.arrayBuffer());
    onProgress(bytes.length, bytes.length, false);
    return bytes;
  }
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.length;
    onProgress(loaded, Math.max(total, loaded), false);
  }
  const bytes = new Uint8Array(new ArrayBuffer(loaded));
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

/** The bytes at `url` (version `sha256`), from Cache Storage when there, else fetched and cached. */
export async function fetchCached(
  url: string,
  sha256: string,
  onProgress: FetchProgress,
): Promise<Uint8Array> {
  const key = `${url}?sha256=${sha256}`;
  // Cache Storage exists only in secure contexts (https, localhost): elsewhere fetch every time.
  const cache = typeof caches === 'undefined' ? null : await caches.open(demoCacheName);
  const hit = await cache?.match(key);
  if (hit) {
    const bytes = new Uint8Array(await hit.arrayBuffer());
    onProgress(bytes.length, bytes.length, true);
    return bytes;
  }
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url}: HTTP ${response.status}`);
  const bytes = await readWithProgress(response, onProgress);
  await cache?.put(
    key,
    new Response(bytes, { headers: { 'content-type': 'application/octet-stream' } }),
  );
  return bytes;
}
