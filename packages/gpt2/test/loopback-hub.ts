// A loopback (127.0.0.1) stand-in for the Hugging Face hub, serving a tiny repository with the
// headers huggingface_hub relies on: X-Repo-Commit, ETag (git blob sha1) for regular files, and
// for LFS files a 302 to a storage URL carrying X-Linked-Etag (sha256) and X-Linked-Size.
// Storage supports Range requests; faults (cut connections, corrupt bytes) are switchable.
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LoopbackFile {
  content: Uint8Array;
  lfs: boolean;
}

export interface LoopbackRepo {
  commit: string;
  files: Record<string, LoopbackFile>;
  /** When set, requests need `Authorization: Bearer <token>` (else 401). */
  token?: string;
}

export interface RequestLog {
  method: string;
  url: string;
  range: string | undefined;
  authorization: string | undefined;
}

export interface LoopbackHub {
  endpoint: string;
  requests: RequestLog[];
  /** Cut the connection after this many body bytes on the next storage GET. */
  cutNextTransferAfter: number | undefined;
  /** Serve flipped bytes from storage (content no longer matches its sha256). */
  corrupt: boolean;
  /** Wait this long before answering a storage GET (to make downloads overlap). */
  storageDelayMs: number;
  close(): Promise<void>;
}

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');
const gitSha1 = (data: Uint8Array) =>
  createHash('sha1').update(`blob ${data.byteLength}\0`).update(data).digest('hex');

export async function startLoopbackHub(repos: Record<string, LoopbackRepo>): Promise<LoopbackHub> {
  const byHash = new Map<string, Uint8Array>();
  for (const repo of Object.values(repos)) {
    for (const file of Object.values(repo.files))
      if (file.lfs) byHash.set(sha256(file.content), file.content);
  }
  const hub: LoopbackHub = {
    endpoint: '',
    requests: [],
    cutNextTransferAfter: undefined,
    corrupt: false,
    storageDelayMs: 0,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };

  function serveStorage(request: IncomingMessage, response: ServerResponse, hash: string) {
    let content = byHash.get(hash);
    if (content === undefined) return void response.writeHead(404).end();
    if (hub.corrupt) content = content.map((byte) => byte ^ 0xff);
    const match = /^bytes=(\d+)-$/.exec(request.headers.range ?? '');
    const start = match ? Number(match[1]) : 0;
    if (start >= content.byteLength && start > 0) return void response.writeHead(416).end();
    const body = content.subarray(start);
    const headers: Record<string, string | number> = {
      'content-length': body.byteLength,
      etag: `"${hash}"`,
    };
    if (match)
      headers['content-range'] = `bytes ${start}-${content.byteLength - 1}/${content.byteLength}`;
    response.writeHead(match ? 206 : 200, headers);
    const cut = hub.cutNextTransferAfter;
    if (cut !== undefined && request.method === 'GET') {
      hub.cutNextTransferAfter = undefined;
      // A FIN (not a reset) so the client surely receives the bytes sent before the cut.
      response.write(body.subarray(0, cut), () => response.socket?.end());
      return;
    }
    response.end(request.method === 'HEAD' ? undefined : body);
  }

  const server = createServer((request, response) => {
    const url = request.url ?? '/';
    hub.requests.push({
      method: request.method ?? '',
      url,
      range: request.headers.range,
      authorization: request.headers.authorization,
    });
    const storage = /^\/lfs\/([0-9a-f]{64})$/.exec(url);
    if (storage) {
      const delay = request.method === 'GET' ? hub.storageDelayMs : 0;
      if (delay === 0) return serveStorage(request, response, storage[1]!);
      return void setTimeout(() => serveStorage(request, response, storage[1]!), delay);
    }
    const resolve = /^\/([^/]+\/[^/]+)\/resolve\/([^/]+)\/(.+)$/.exec(url);
    const repo = resolve ? repos[resolve[1]!] : undefined;
    if (!resolve || repo === undefined) {
      return void response.writeHead(404, { 'x-error-code': 'RepoNotFound' }).end();
    }
    if (repo.token !== undefined && request.headers.authorization !== `Bearer ${repo.token}`) {
      return void response.writeHead(401, { 'x-error-message': 'Invalid credentials' }).end();
    }
    const revision = decodeURIComponent(resolve[2]!);
    if (revision !== 'main' && revision !== repo.commit) {
      return void response.writeHead(404, { 'x-error-code': 'RevisionNotFound' }).end();
    }
    const file = repo.files[resolve[3]!];
    // The hub names the commit it looked in even when the file is not there.
    if (file === undefined) {
      return void response
        .writeHead(404, { 'x-error-code': 'EntryNotFound', 'x-repo-commit': repo.commit })
        .end();
    }
    if (file.lfs) {
      const hash = sha256(file.content);
      response.writeHead(302, {
        location: `${hub.endpoint}/lfs/${hash}`,
        'x-repo-commit': repo.commit,
        'x-linked-etag': `"${hash}"`,
        'x-linked-size': file.content.byteLength,
      });
      return void response.end();
    }
    response.writeHead(200, {
      'x-repo-commit': repo.commit,
      etag: `"${gitSha1(file.content)}"`,
      'content-length': file.content.byteLength,
    });
    response.end(request.method === 'HEAD' ? undefined : file.content);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  hub.endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return hub;
}
