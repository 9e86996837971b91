// GET a URL into a file with node:http(s), writing each chunk synchronously as it arrives.
// Why not fetch: when a connection drops, fetch errors its body stream and discards chunks it
// had received but not yet handed over, so a resumable partial file would lose bytes the
// client already had. Here every received byte is on disk before the next event is handled.
import { closeSync, openSync, writeSync } from 'node:fs';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';

export interface GetResult {
  status: number;
  headers: IncomingMessage['headers'];
  /** Bytes written to the file (0 unless the status was 200 or 206). */
  written: number;
  /** True when the body ended normally. */
  complete: boolean;
  error?: Error;
}

function get(url: string, headers: Record<string, string>): Promise<IncomingMessage> {
  const request = url.startsWith('https:') ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { headers }, resolve);
    outgoing.on('error', reject);
    outgoing.end();
  });
}

/**
 * GETs `url` (following up to 5 redirects; Authorization is dropped when the host changes)
 * and, on 200/206, writes the body to `path`: appended for 206, from the start for 200.
 * Network errors before any response reject; errors mid-body resolve with `complete: false`.
 */
export async function httpGetToFile(
  url: string,
  headers: Record<string, string>,
  path: string,
): Promise<GetResult> {
  let current = url;
  let currentHeaders = { ...headers };
  for (let redirects = 0; ; redirects++) {
    const response = await get(current, currentHeaders);
    const location = response.headers.location;
    if (response.statusCode! >= 300 && response.statusCode! < 400 && location && redirects < 5) {
      response.resume();
      const next = new URL(location, current);
      if (next.host !== new URL(current).host) {
        const { authorization: _dropped, ...rest } = currentHeaders;
        currentHeaders = rest;
      }
      current = next.toString();
      continue;
    }
    const status = response.statusCode!;
    if (status !== 200 && status !== 206) {
      response.resume();
      return { status, headers: response.headers, written: 0, complete: false };
    }
    const fd = openSync(path, status === 206 ? 'a' : 'w');
    return new Promise((resolve) => {
      let written = 0;
      let settled = false;
      const finish = (complete: boolean, error?: Error) => {
        if (settled) return;
        settled = true;
        closeSync(fd);
        resolve({
          status,
          headers: response.headers,
          written,
          complete,
          ...(error ? { error } : {}),
        });
      };
      response.on('data', (chunk: Buffer) => {
        writeSync(fd, chunk);
        written += chunk.byteLength;
      });
      response.on('end', () => finish(response.complete));
      response.on('error', (error) => finish(false, error));
      response.on('close', () => finish(response.complete));
    });
  }
}
