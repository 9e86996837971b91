// Panel 1: what the WebGPU adapter offers, the model download (with progress) and the cache.
import { demoCacheName } from '../worker/fetch-cached';
import type { WorkerEvent } from '../worker/protocol';
import { byId, element } from './dom';

function facts(event: Extract<WorkerEvent, { type: 'ready' }>): [string, string][] {
  const { adapter } = event;
  const f16 = adapter.adapterFeatures.includes('shader-f16');
  return [
    [
      'Adapter',
      [adapter.vendor, adapter.architecture, adapter.description].filter(Boolean).join(' · ') ||
        'unnamed',
    ],
    ['Software (fallback) adapter', adapter.isFallbackAdapter ? 'yes' : 'no'],
    ['Device features', adapter.features.join(', ') || 'none'],
    ['shader-f16', f16 ? 'offered' : 'missing'],
    [
      'Weights',
      `${event.weightsDtype} in the file, computed in ${event.computeDtype} on this device`,
    ],
    ...Object.entries(adapter.limits).map(([name, value]): [string, string] => [
      name,
      value.toLocaleString('en'),
    ]),
    ['Model ready in', `${(event.loadMs / 1000).toFixed(1)} s`],
  ];
}

export function mountCapabilityPanel(
  onEvent: (listener: (event: WorkerEvent) => void) => void,
): void {
  byId('capability').hidden = false;
  const progress = byId<HTMLProgressElement>('load-progress');
  const label = byId('load-label');
  byId('clear-cache').addEventListener('click', async () => {
    const removed = await caches.delete(demoCacheName);
    byId('cache-status').textContent = removed
      ? 'Cache cleared: the next reload downloads the model again.'
      : 'Nothing was cached.';
  });
  let allCached = true;
  onEvent((event) => {
    if (event.type === 'load-progress') {
      allCached &&= event.cached;
      progress.value = event.total > 0 ? event.loaded / event.total : 0;
      const mb = (bytes: number) => (bytes / 1e6).toFixed(1);
      label.textContent = `${event.cached ? 'From cache' : 'Downloading'} ${event.file}: ${mb(event.loaded)} / ${mb(event.total)} MB`;
    } else if (event.type === 'ready') {
      progress.value = 1;
      label.textContent = allCached ? 'Model loaded from the cache.' : 'Model loaded.';
      byId('adapter-facts').replaceChildren(
        ...facts(event).flatMap(([name, value]) => [
          element('dt', { textContent: name }),
          element('dd', { textContent: value }),
        ]),
      );
    }
  });
}
