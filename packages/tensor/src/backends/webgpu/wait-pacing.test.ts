// WaitPacer: no sleep before a kind of batch is known or when its wait was short; then most of
// the remembered wait, with the estimate following later waits; kinds are bounded.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WaitPacer } from './wait-pacing';

/** Whether beforeWait(kind) is still sleeping after `ms` of fake time. */
async function sleepsLongerThan(pacer: WaitPacer, kind: number, ms: number): Promise<boolean> {
  let done = false;
  const waiting = pacer.beforeWait(kind).then(() => {
    done = true;
  });
  await vi.advanceTimersByTimeAsync(ms);
  const sleeping = !done;
  await vi.runAllTimersAsync();
  await waiting;
  return sleeping;
}

describe('WaitPacer', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sleeps for most of the last waits of the same kind, never for unknown or short ones', async () => {
    const pacer = new WaitPacer();
    expect(await sleepsLongerThan(pacer, 38, 0)).toBe(false);
    pacer.afterWait(38, 20);
    expect(await sleepsLongerThan(pacer, 38, 15)).toBe(true); // 0.8 x 20 = 16 ms
    expect(await sleepsLongerThan(pacer, 38, 17)).toBe(false);
    expect(await sleepsLongerThan(pacer, 12, 0)).toBe(false);
    pacer.afterWait(12, 1); // too short to be worth a timer
    expect(await sleepsLongerThan(pacer, 12, 0)).toBe(false);
  });

  it('moves its estimate toward later waits', async () => {
    const pacer = new WaitPacer();
    pacer.afterWait(5, 100);
    for (let step = 0; step < 30; step++) pacer.afterWait(5, 10);
    expect(await sleepsLongerThan(pacer, 5, 7)).toBe(true);
    expect(await sleepsLongerThan(pacer, 5, 9)).toBe(false);
  });

  it('forgets the oldest kinds beyond its bound', async () => {
    const pacer = new WaitPacer();
    for (let kind = 1; kind <= 300; kind++) pacer.afterWait(kind, 50);
    expect(await sleepsLongerThan(pacer, 1, 0)).toBe(false);
    expect(await sleepsLongerThan(pacer, 300, 30)).toBe(true);
  });
});
