// Who may call what: bearer API keys for /v1/*, the admin key for /v1/adapters (with none
// configured, administration is off), and a per-key fixed-window rate limit.
import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { ServerRequestError } from '../errors';
import type { ServerKeys } from '../options/read-keys';

function sameKey(given: string, key: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(key);
  return a.length === b.length && timingSafeEqual(a, b);
}

function bearer(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match ? match[1]! : null;
}

/** Throws 401/403 unless the request may call its route. Returns the caller's rate-limit key. */
export function authorize(request: FastifyRequest, keys: ServerKeys): string {
  const admin = request.url.startsWith('/v1/adapters');
  const token = bearer(request);
  if (admin) {
    if (!keys.adminKey)
      throw new ServerRequestError(
        'SERVER_ADMIN_DISABLED',
        'adapter administration is off: the server has no admin key',
        403,
      );
    if (!token || !sameKey(token, keys.adminKey))
      throw new ServerRequestError('SERVER_UNAUTHORIZED', 'the admin key is required', 401);
    return `admin`;
  }
  if (keys.apiKeys.length === 0) return `ip:${request.ip}`;
  const allowed = [...keys.apiKeys, ...(keys.adminKey ? [keys.adminKey] : [])];
  if (!token || !allowed.some((key) => sameKey(token, key)))
    throw new ServerRequestError(
      'SERVER_UNAUTHORIZED',
      'a valid API key is required (Authorization: Bearer KEY)',
      401,
    );
  return `key:${token}`;
}

/** At most `perMinute` requests per caller in each one-minute window (0: no limit). */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(private readonly perMinute: number) {}

  check(caller: string, now = Date.now()): void {
    if (this.perMinute === 0) return;
    let window = this.windows.get(caller);
    if (!window || now - window.start >= 60_000) {
      window = { start: now, count: 0 };
      this.windows.set(caller, window);
      if (this.windows.size > 10_000) this.prune(now);
    }
    window.count++;
    if (window.count > this.perMinute)
      throw new ServerRequestError(
        'SERVER_RATE_LIMITED',
        `rate limit: ${this.perMinute} requests per minute`,
        429,
        null,
        { retryAfterSeconds: Math.ceil((window.start + 60_000 - now) / 1000) },
      );
  }

  private prune(now: number): void {
    for (const [caller, window] of this.windows)
      if (now - window.start >= 60_000) this.windows.delete(caller);
  }
}
