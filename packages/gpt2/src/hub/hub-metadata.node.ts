// Asks the hub what a file at a revision is, as huggingface_hub's get_hf_file_metadata does:
// a HEAD request on /{repo}/resolve/{revision}/{file} that follows only same-host (relative)
// redirects and reads X-Repo-Commit, X-Linked-Etag / ETag, X-Linked-Size / Content-Length
// and, for LFS files, the Location of the storage URL.
import { HubError } from '../errors';

export interface HubFileMetadata {
  commit: string;
  /** Normalized etag: git blob sha1 for regular files, sha256 for LFS files. */
  etag: string;
  size: number | undefined;
  /** Where to GET the bytes (the CDN URL for LFS files). */
  downloadUrl: string;
}

/** A 404 for a file of an existing repository and revision (X-Error-Code: EntryNotFound). */
export interface HubMissingEntry {
  missing: true;
  /** X-Repo-Commit of the 404, when the hub sent it: the commit the file is missing from. */
  commit: string | undefined;
  error: HubError;
}

/** Builds request headers: identity encoding (sizes must match bytes on disk), bearer token. */
export function hubHeaders(token: string | undefined): Record<string, string> {
  const headers: Record<string, string> = {
    'accept-encoding': 'identity',
    'user-agent': 'prefixkit',
  };
  if (token !== undefined) headers.authorization = `Bearer ${token}`;
  return headers;
}

function normalizeEtag(etag: string | null): string | undefined {
  return etag?.replace(/^W\//, '').replace(/^"|"$/g, '') || undefined;
}

/** Turns an HTTP error status into a typed HubError naming the URL. */
export function httpStatusError(
  status: number,
  headers: Headers | Record<string, string | string[] | undefined>,
  url: string,
  what: string,
): HubError {
  const header = (name: string) => {
    const value = headers instanceof Headers ? headers.get(name) : headers[name];
    return Array.isArray(value) ? value[0] : (value ?? undefined);
  };
  const reason = header('x-error-code') ?? header('x-error-message') ?? '';
  if (status === 401 || status === 403) {
    return new HubError(
      'HUB_UNAUTHORIZED',
      `${what}: HTTP ${status} at ${url}. The repository is private or gated: set HF_TOKEN to a token with access.`,
      { url, status },
    );
  }
  if (status === 404) {
    return new HubError(
      'HUB_NOT_FOUND',
      `${what}: not found (HTTP 404${reason ? `, ${reason}` : ''}) at ${url}`,
      { url, status },
    );
  }
  return new HubError('HUB_HTTP', `${what}: HTTP ${status} at ${url}`, { url, status });
}

/** HEAD request for one file's metadata, or what the hub said about a missing file. */
export async function fetchHubFileMetadata(
  url: string,
  token: string | undefined,
  what: string,
): Promise<HubFileMetadata | HubMissingEntry> {
  let current = url;
  for (let redirects = 0; redirects < 5; redirects++) {
    let response: Response;
    try {
      response = await fetch(current, {
        method: 'HEAD',
        headers: hubHeaders(token),
        redirect: 'manual',
      });
    } catch (cause) {
      throw new HubError(
        'HUB_HTTP',
        `${what}: cannot reach ${current} (${String(cause)})`,
        { url: current },
        { cause },
      );
    }
    const location = response.headers.get('location');
    const isRedirect = response.status >= 300 && response.status < 400 && location !== null;
    // A relative Location is a renamed repository on the same host: follow it. An absolute
    // one is the storage URL of an LFS file: its metadata is on this response.
    if (isRedirect && !/^[a-z]+:\/\//i.test(location)) {
      current = new URL(location, current).toString();
      continue;
    }
    if (!isRedirect && !response.ok) {
      const error = httpStatusError(response.status, response.headers, current, what);
      if (response.status === 404 && response.headers.get('x-error-code') === 'EntryNotFound') {
        return { missing: true, commit: response.headers.get('x-repo-commit') ?? undefined, error };
      }
      throw error;
    }
    const commit = response.headers.get('x-repo-commit');
    const etag = normalizeEtag(
      response.headers.get('x-linked-etag') ?? response.headers.get('etag'),
    );
    if (commit === null || etag === undefined) {
      throw new HubError(
        'HUB_HTTP',
        `${what}: ${current} answered without X-Repo-Commit or ETag; is HF_ENDPOINT a Hugging Face hub?`,
        { url: current },
      );
    }
    const sizeHeader =
      response.headers.get('x-linked-size') ?? response.headers.get('content-length');
    return {
      commit,
      etag,
      size: sizeHeader === null ? undefined : Number(sizeHeader),
      downloadUrl: isRedirect ? location : current,
    };
  }
  throw new HubError('HUB_HTTP', `${what}: too many redirects from ${url}`, { url });
}
