// Serves the built site (dist/, from `pnpm --filter @prefixkit/demo build`) on 127.0.0.1 with
// Vite's preview server, as a visitor's static host would.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type PreviewServer, preview } from 'vite';

const appRoot = fileURLToPath(new URL('..', import.meta.url));

export async function serveDist(): Promise<{ url: string; close(): Promise<void> }> {
  if (!existsSync(`${appRoot}dist/index.html`))
    throw new Error('apps/demo/dist is missing: run `pnpm --filter @prefixkit/demo build` first');
  const server: PreviewServer = await preview({
    root: appRoot,
    logLevel: 'warn',
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview reported no URL');
  return { url, close: () => server.close() };
}
