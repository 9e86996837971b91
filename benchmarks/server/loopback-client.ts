// A small loopback client for the server benchmark: streamed completions, timing the first token
// and every later one as their chunks arrive.
export interface StreamTiming {
  readonly ok: boolean;
  readonly status: number;
  readonly tokens: number;
  /** Seconds from sending to the first token's chunk. */
  readonly firstToken: number;
  /** Seconds between consecutive token chunks. */
  readonly gaps: number[];
}

export async function streamCompletion(url: string, body: object): Promise<StreamTiming> {
  const sent = performance.now();
  const response = await fetch(`${url}/v1/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...body, stream: true }),
  });
  if (!response.ok || !response.body) {
    await response.text().catch(() => '');
    return { ok: false, status: response.status, tokens: 0, firstToken: 0, gaps: [] };
  }
  const decoder = new TextDecoder();
  let buffer = '';
  let tokens = 0;
  let first = 0;
  let last = 0;
  let failed = false;
  const gaps: number[] = [];
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let end = buffer.indexOf('\n\n');
    while (end !== -1) {
      const event = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      end = buffer.indexOf('\n\n');
      if (!event.startsWith('data: ') || event === 'data: [DONE]') continue;
      const chunk = JSON.parse(event.slice(6)) as {
        error?: unknown;
        choices?: { finish_reason: string | null }[];
      };
      if (chunk.error) failed = true;
      if (!chunk.choices?.length || chunk.choices[0]!.finish_reason) continue;
      const now = performance.now();
      if (tokens === 0) first = (now - sent) / 1000;
      else gaps.push((now - last) / 1000);
      last = now;
      tokens++;
    }
  }
  return { ok: !failed, status: response.status, tokens, firstToken: first, gaps };
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
