// How long to sleep before waiting on the device. Dawn's Node binding waits for a mapped buffer
// (or onSubmittedWorkDone) by polling on every turn of the event loop, so the JS thread spins
// for as long as the device works. On a software adapter (lavapipe) the device's work runs on
// the same CPU cores, and the spinning thread takes one of them: measured on a 2-core machine,
// a greedy decoding step ran about 1.5x faster when the thread slept through most of the wait.
// The pacer remembers, per kind of batch (how many dispatches were recorded since the last
// wait: a decoding step repeats the same count), how long the wait took, and sleeps for a part
// of that before the binding starts polling. A batch that finishes sooner costs at most the
// difference; the estimate then shrinks toward the real time.

/** The part of the expected wait to sleep through. */
const SLEEP_FRACTION = 0.8;
/** Waits expected shorter than this are not worth a timer (Node's timers have 1 ms steps). */
const MIN_SLEEP_MS = 2;
/** Weight of the newest wait in the running estimate. */
const NEW_WEIGHT = 0.3;
/** Kinds of batch remembered (a bound on the map; oldest forgotten first). */
const MAX_KINDS = 256;

export class WaitPacer {
  private readonly expected = new Map<number, number>();

  /** Sleeps for most of the time a batch of `dispatches` dispatches took to finish before. */
  async beforeWait(dispatches: number): Promise<void> {
    const expected = this.expected.get(dispatches);
    if (expected === undefined || expected * SLEEP_FRACTION < MIN_SLEEP_MS) return;
    await new Promise<void>((resolve) => setTimeout(resolve, expected * SLEEP_FRACTION));
  }

  /** Records that such a batch was done `elapsedMs` after its submit (sleep included). */
  afterWait(dispatches: number, elapsedMs: number): void {
    const previous = this.expected.get(dispatches);
    const next =
      previous === undefined ? elapsedMs : previous + NEW_WEIGHT * (elapsedMs - previous);
    this.expected.delete(dispatches);
    this.expected.set(dispatches, next);
    if (this.expected.size > MAX_KINDS) this.expected.delete(this.expected.keys().next().value!);
  }
}
